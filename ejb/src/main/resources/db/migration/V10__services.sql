-- The service catalogue and the provider directory (what survivors can be referred to, who
-- provides it where: organisations' details, nothing protected), and the services planned and
-- delivered for each case (the outcome, free text, is sealed with the survivor's key).
create table service_type (
    code        varchar(40)  not null,
    name        varchar(200) not null,
    description varchar(1000),
    active      boolean      not null,
    position    integer      not null,
    constraint pk_service_type primary key (code)
);
insert into service_type (code, name, description, active, position) values
    ('SHELTER', 'Shelter', 'Safe accommodation, short or long term', true, 10),
    ('MEDICAL', 'Medical care', 'Health care, including sexual and reproductive health', true, 20),
    ('PSYCHOSOCIAL', 'Psychosocial support', 'Counselling and mental health care', true, 30),
    ('LEGAL_AID', 'Legal aid', 'Advice and representation, residence status, claims', true, 40),
    ('RETURN_AND_REINTEGRATION', 'Return and reintegration', 'Safe return home and support on arrival', true, 50),
    ('LIVELIHOOD', 'Livelihood', 'Vocational training, jobs, income', true, 60),
    ('EDUCATION', 'Education', 'Schooling and literacy', true, 70),
    ('INTERPRETATION', 'Interpretation', 'Interpreters and translation', true, 80),
    ('FAMILY_TRACING', 'Family tracing', 'Finding and contacting family members', true, 90);

create sequence provider_id_seq start with 1 increment by 50;
create table provider (
    id                  bigint        not null,
    name                varchar(200)  not null,
    phone               varchar(64),
    email               varchar(254),
    address             varchar(500),
    response_time_hours integer       not null,
    active              boolean       not null,
    version             bigint        not null,
    constraint pk_provider primary key (id),
    constraint uk_provider_name unique (name),
    constraint ck_provider_response_time check (response_time_hours > 0)
);
create table provider_service (
    provider_id  bigint      not null,
    service_code varchar(40) not null,
    constraint pk_provider_service primary key (provider_id, service_code),
    constraint fk_provider_service_provider foreign key (provider_id) references provider (id),
    constraint fk_provider_service_type foreign key (service_code) references service_type (code)
);
create table provider_area (
    provider_id bigint       not null,
    area        varchar(200) not null,
    constraint pk_provider_area primary key (provider_id, area),
    constraint fk_provider_area_provider foreign key (provider_id) references provider (id)
);

create sequence case_service_id_seq start with 1 increment by 50;
create table case_service (
    id            bigint                      not null,
    case_id       bigint                      not null,
    service_code  varchar(40)                 not null,
    provider_id   bigint,
    planned_on    date                        not null,
    delivered_on  date,
    status        varchar(16)                 not null,
    outcome       bytea,
    created_by_id bigint                      not null,
    created_at    timestamp(6) with time zone not null,
    version       bigint                      not null,
    constraint pk_case_service primary key (id),
    constraint fk_case_service_case foreign key (case_id) references survivor_case (id),
    constraint fk_case_service_type foreign key (service_code) references service_type (code),
    constraint fk_case_service_provider foreign key (provider_id) references provider (id),
    constraint fk_case_service_created_by foreign key (created_by_id) references staff_member (id),
    constraint ck_case_service_status check (status in ('PLANNED', 'DELIVERED', 'CANCELLED'))
);
create index ix_case_service_case on case_service (case_id);

-- A data-sharing consent can name the provider and the service it covers: what a referral that
-- shares data is checked against.
alter table consent add column provider_id bigint;
alter table consent add column service_code varchar(40);
alter table consent add constraint fk_consent_provider foreign key (provider_id) references provider (id);
alter table consent add constraint fk_consent_service_type foreign key (service_code) references service_type (code);

-- Referrals: a case to a provider for a service; the reason, the supervisor's reason to return
-- and the provider's answer note are sealed.
create sequence referral_id_seq start with 1 increment by 50;
create table referral (
    id              bigint                      not null,
    case_id         bigint                      not null,
    service_code    varchar(40)                 not null,
    provider_id     bigint                      not null,
    urgency         varchar(16)                 not null,
    shares_data     boolean                     not null,
    consent_id      bigint,
    status          varchar(20)                 not null,
    reason          bytea,
    return_reason   bytea,
    answer_note     bytea,
    created_by_id   bigint                      not null,
    created_at      timestamp(6) with time zone not null,
    submitted_at    timestamp(6) with time zone,
    sent_at         timestamp(6) with time zone,
    answered_at     timestamp(6) with time zone,
    closed_at       timestamp(6) with time zone,
    last_changed_by_id bigint,
    version         bigint                      not null,
    constraint pk_referral primary key (id),
    constraint fk_referral_case foreign key (case_id) references survivor_case (id),
    constraint fk_referral_service_type foreign key (service_code) references service_type (code),
    constraint fk_referral_provider foreign key (provider_id) references provider (id),
    constraint fk_referral_consent foreign key (consent_id) references consent (id),
    constraint fk_referral_created_by foreign key (created_by_id) references staff_member (id),
    constraint fk_referral_changed_by foreign key (last_changed_by_id) references staff_member (id),
    constraint ck_referral_urgency check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    constraint ck_referral_status check (status in ('DRAFT', 'PENDING_APPROVAL', 'SENT', 'RETURNED',
        'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED'))
);
create index ix_referral_case on referral (case_id);
create index ix_referral_status on referral (status);
