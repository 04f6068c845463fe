-- A data-sharing consent names the survivor's fields the recipient may receive; a referral's
-- summary prints those and nothing else of the survivor.
create table consent_shared_field (
    consent_id  bigint      not null,
    field       varchar(32) not null,
    constraint pk_consent_shared_field primary key (consent_id, field),
    constraint fk_consent_shared_field_consent foreign key (consent_id) references consent (id)
);

-- The summary made when a supervisor approves a referral: the PDF sealed with the survivor's key,
-- which fields it holds (codes, not values) and the consent it relied on.
create table referral_summary (
    referral_id  bigint                      not null,
    consent_id   bigint,
    fields       varchar(400)                not null,
    pdf          bytea,
    made_at      timestamp(6) with time zone not null,
    made_by_id   bigint                      not null,
    constraint pk_referral_summary primary key (referral_id),
    constraint fk_referral_summary_referral foreign key (referral_id) references referral (id),
    constraint fk_referral_summary_consent foreign key (consent_id) references consent (id),
    constraint fk_referral_summary_made_by foreign key (made_by_id) references staff_member (id)
);

-- Once a sent referral went unanswered past the provider's time, its people were told once.
alter table referral add column overdue_notified_at timestamp(6) with time zone;

-- In-app notifications: what happened to which referral of which case, for whom; no survivor data.
create sequence notification_id_seq start with 1 increment by 50;
create table notification (
    id            bigint                      not null,
    recipient_id  bigint                      not null,
    kind          varchar(32)                 not null,
    case_number   varchar(20)                 not null,
    referral_id   bigint,
    created_at    timestamp(6) with time zone not null,
    read_at       timestamp(6) with time zone,
    version       bigint                      not null,
    constraint pk_notification primary key (id),
    constraint fk_notification_recipient foreign key (recipient_id) references staff_member (id),
    constraint fk_notification_referral foreign key (referral_id) references referral (id),
    constraint ck_notification_kind check (kind in ('REFERRAL_AWAITING_APPROVAL', 'REFERRAL_RETURNED',
        'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_OVERDUE'))
);
create index ix_notification_recipient on notification (recipient_id, read_at);
alter table staff_member add column email varchar(255);
