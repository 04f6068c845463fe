-- Break-glass: a member of staff's emergency, time-limited read of a case outside their scope,
-- with a coded purpose (kept in clear for the audit trail) and a written explanation (protected:
-- sealed with the survivor's data key, so an erasure shreds it too).
create sequence break_glass_access_id_seq start with 1 increment by 50;

create table break_glass_access (
    id          bigint                      not null,
    case_id     bigint                      not null,
    staff_id    bigint                      not null,
    purpose     varchar(32)                 not null,
    explanation bytea,
    granted_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    constraint pk_break_glass_access primary key (id),
    constraint fk_break_glass_access_case foreign key (case_id) references survivor_case (id),
    constraint fk_break_glass_access_staff foreign key (staff_id) references staff_member (id),
    constraint ck_break_glass_access_purpose check (purpose in
        ('MEDICAL_EMERGENCY', 'SAFETY_THREAT', 'LAW_ENFORCEMENT_REQUEST', 'CONTINUITY_OF_CARE', 'OTHER'))
);
create index ix_break_glass_access_staff on break_glass_access (staff_id, expires_at);
create index ix_break_glass_access_case on break_glass_access (case_id);
