-- Who works in Haven, which team owns a case, and who has been assigned to it over time.

create sequence staff_member_id_seq start with 1 increment by 50;

-- Provisioned from Keycloak on a user's first sign-in and refreshed on later ones.
create table staff_member (
    id            bigint                      not null,
    subject       varchar(64)                 not null,
    username      varchar(255)                not null,
    display_name  varchar(255)                not null,
    team          varchar(64),
    caseworker    boolean                     not null,
    supervisor    boolean                     not null,
    first_seen_at timestamp(6) with time zone not null,
    last_seen_at  timestamp(6) with time zone not null,
    version       bigint                      not null,
    constraint pk_staff_member primary key (id),
    constraint uk_staff_member_subject unique (subject)
);

create index ix_staff_member_username on staff_member (username);

-- Cases registered before teams existed belong to no real team: only an administrator's move
-- (or a database fix) gives them one, and until then no caseworker or supervisor sees them.
alter table survivor_case add column owning_team varchar(64);
update survivor_case set owning_team = 'unassigned' where owning_team is null;
alter table survivor_case alter column owning_team set not null;
create index ix_survivor_case_team on survivor_case (owning_team);

create sequence case_assignment_id_seq start with 1 increment by 50;

-- The assignment history of a case; the current assignment is the one not yet ended.
create table case_assignment (
    id             bigint                      not null,
    case_id        bigint                      not null,
    caseworker_id  bigint                      not null,
    assigned_by_id bigint,
    assigned_at    timestamp(6) with time zone not null,
    ended_at       timestamp(6) with time zone,
    constraint pk_case_assignment primary key (id),
    constraint fk_case_assignment_case foreign key (case_id) references survivor_case (id),
    constraint fk_case_assignment_caseworker foreign key (caseworker_id) references staff_member (id),
    constraint fk_case_assignment_by foreign key (assigned_by_id) references staff_member (id)
);

create index ix_case_assignment_case on case_assignment (case_id, ended_at);
create index ix_case_assignment_caseworker on case_assignment (caseworker_id, ended_at);
