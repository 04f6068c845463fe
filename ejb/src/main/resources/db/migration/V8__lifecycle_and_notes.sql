-- The case lifecycle's history (who moved a case where, when; a supervisor's reason to return is
-- protected) and case notes (append-only, protected text; a correction points at the note it
-- corrects).
alter table survivor_case add column plan_submitted_at timestamp(6) with time zone;

create sequence case_status_change_id_seq start with 1 increment by 50;
create table case_status_change (
    id         bigint                      not null,
    case_id    bigint                      not null,
    from_status varchar(32),
    to_status  varchar(32)                 not null,
    kind       varchar(16)                 not null,
    changed_by_id bigint,
    changed_at timestamp(6) with time zone not null,
    reason     bytea,
    constraint pk_case_status_change primary key (id),
    constraint fk_case_status_change_case foreign key (case_id) references survivor_case (id),
    constraint fk_case_status_change_by foreign key (changed_by_id) references staff_member (id),
    constraint ck_case_status_change_kind check (kind in ('MOVED', 'SUBMITTED', 'APPROVED', 'RETURNED'))
);
create index ix_case_status_change_case on case_status_change (case_id, changed_at);

create sequence case_note_id_seq start with 1 increment by 50;
create table case_note (
    id          bigint                      not null,
    case_id     bigint                      not null,
    author_id   bigint                      not null,
    written_at  timestamp(6) with time zone not null,
    text        bytea,
    corrects_id bigint,
    constraint pk_case_note primary key (id),
    constraint fk_case_note_case foreign key (case_id) references survivor_case (id),
    constraint fk_case_note_author foreign key (author_id) references staff_member (id),
    constraint fk_case_note_corrects foreign key (corrects_id) references case_note (id)
);
create index ix_case_note_case on case_note (case_id, written_at);
