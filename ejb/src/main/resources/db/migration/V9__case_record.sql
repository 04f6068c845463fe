-- The full case record: the exploitation profile (coded, CTDC vocabulary, not protected: it feeds
-- statistics), who assessed the risk and when, the written assessment (sealed), consents, the case
-- plan's goals and actions, and follow-up tasks. Every free-text column holds ciphertext only.
alter table survivor_case add column risk_assessed_at timestamp(6) with time zone;
alter table survivor_case add column risk_assessed_by_id bigint;
alter table survivor_case add constraint fk_survivor_case_risk_assessed_by
    foreign key (risk_assessed_by_id) references staff_member (id);
update survivor_case set risk_assessed_at = created_at;

alter table survivor_case add column recruiter_relationship varchar(16);
alter table survivor_case add column state_actors_involved varchar(8);
alter table survivor_case add column country_of_exploitation varchar(2);
alter table survivor_case add column minor_when_exploited varchar(8);
alter table survivor_case add column abducted varchar(8);
alter table survivor_case add column assessment bytea;
alter table survivor_case add column assessed_at timestamp(6) with time zone;
alter table survivor_case add column assessed_by_id bigint;
alter table survivor_case add constraint fk_survivor_case_assessed_by
    foreign key (assessed_by_id) references staff_member (id);

create table case_exploitation_code (
    case_id  bigint      not null,
    category varchar(16) not null,
    code     varchar(40) not null,
    constraint pk_case_exploitation_code primary key (case_id, category, code),
    constraint fk_case_exploitation_code_case foreign key (case_id) references survivor_case (id),
    constraint ck_case_exploitation_code_category
        check (category in ('TYPE', 'LABOUR', 'SEXUAL', 'CONTROL', 'RECRUITMENT'))
);
create index ix_case_exploitation_code on case_exploitation_code (category, code);

create sequence consent_id_seq start with 1 increment by 50;
create table consent (
    id                        bigint                      not null,
    case_id                   bigint                      not null,
    type                      varchar(16)                 not null,
    recipient                 bytea,
    purpose                   bytea,
    how_obtained              varchar(16)                 not null,
    given_on                  date                        not null,
    recorded_by_id            bigint                      not null,
    recorded_at               timestamp(6) with time zone not null,
    withdrawn_on              date,
    withdrawal_recorded_by_id bigint,
    withdrawal_recorded_at    timestamp(6) with time zone,
    version                   bigint                      not null,
    constraint pk_consent primary key (id),
    constraint fk_consent_case foreign key (case_id) references survivor_case (id),
    constraint fk_consent_recorded_by foreign key (recorded_by_id) references staff_member (id),
    constraint fk_consent_withdrawal_by foreign key (withdrawal_recorded_by_id) references staff_member (id),
    constraint ck_consent_type check (type in ('SERVICES', 'DATA_SHARING', 'STATISTICS')),
    constraint ck_consent_how check (how_obtained in ('WRITTEN', 'VERBAL', 'GUARDIAN'))
);
create index ix_consent_case on consent (case_id);

create sequence plan_goal_id_seq start with 1 increment by 50;
create table plan_goal (
    id            bigint                      not null,
    case_id       bigint                      not null,
    text          bytea,
    status        varchar(16)                 not null,
    created_by_id bigint                      not null,
    created_at    timestamp(6) with time zone not null,
    version       bigint                      not null,
    constraint pk_plan_goal primary key (id),
    constraint fk_plan_goal_case foreign key (case_id) references survivor_case (id),
    constraint fk_plan_goal_created_by foreign key (created_by_id) references staff_member (id),
    constraint ck_plan_goal_status check (status in ('OPEN', 'ACHIEVED', 'DROPPED'))
);
create index ix_plan_goal_case on plan_goal (case_id);

create sequence plan_action_id_seq start with 1 increment by 50;
create table plan_action (
    id             bigint                      not null,
    goal_id        bigint                      not null,
    text           bytea,
    responsible_id bigint,
    due_on         date,
    done_at        timestamp(6) with time zone,
    done_by_id     bigint,
    version        bigint                      not null,
    constraint pk_plan_action primary key (id),
    constraint fk_plan_action_goal foreign key (goal_id) references plan_goal (id),
    constraint fk_plan_action_responsible foreign key (responsible_id) references staff_member (id),
    constraint fk_plan_action_done_by foreign key (done_by_id) references staff_member (id)
);
create index ix_plan_action_goal on plan_action (goal_id);

create sequence follow_up_task_id_seq start with 1 increment by 50;
create table follow_up_task (
    id            bigint                      not null,
    case_id       bigint                      not null,
    kind          varchar(16)                 not null,
    title         bytea,
    due_on        date                        not null,
    assignee_id   bigint,
    status        varchar(16)                 not null,
    created_by_id bigint,
    created_at    timestamp(6) with time zone not null,
    closed_at     timestamp(6) with time zone,
    closed_by_id  bigint,
    version       bigint                      not null,
    constraint pk_follow_up_task primary key (id),
    constraint fk_follow_up_task_case foreign key (case_id) references survivor_case (id),
    constraint fk_follow_up_task_assignee foreign key (assignee_id) references staff_member (id),
    constraint fk_follow_up_task_created_by foreign key (created_by_id) references staff_member (id),
    constraint fk_follow_up_task_closed_by foreign key (closed_by_id) references staff_member (id),
    constraint ck_follow_up_task_kind check (kind in ('MANUAL', 'ASSESSMENT', 'CASE_PLAN', 'RISK_REVIEW')),
    constraint ck_follow_up_task_status check (status in ('OPEN', 'DONE', 'CANCELLED'))
);
create index ix_follow_up_task_case on follow_up_task (case_id);
create index ix_follow_up_task_open on follow_up_task (status, due_on);
