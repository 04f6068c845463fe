-- Survivor cases: the first aggregate. One script for H2 and PostgreSQL, so plain SQL only.

create sequence survivor_case_id_seq start with 1 increment by 50;

-- The digits of case numbers (HVN-<year>-<digits>); a sequence so that numbers never collide.
create sequence case_number_seq start with 1 increment by 1;

create table survivor_case (
    id                   bigint                   not null,
    case_number          varchar(20)              not null,
    status               varchar(32)              not null,
    risk_level           varchar(16)              not null,
    survivor_sex         varchar(16),
    survivor_nationality varchar(2),
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    version              bigint                   not null,
    constraint pk_survivor_case primary key (id),
    constraint uk_survivor_case_number unique (case_number),
    constraint ck_survivor_case_status check (status in
        ('OPEN', 'ASSESSMENT', 'CASE_PLAN', 'SERVICE_PROVISION', 'CLOSURE_REQUESTED', 'CLOSED', 'REOPENED')),
    constraint ck_survivor_case_risk check (risk_level in ('HIGH', 'MEDIUM', 'LOW')),
    constraint ck_survivor_case_sex check (survivor_sex in ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'))
);

create index ix_survivor_case_created_at on survivor_case (created_at);
