-- Correcting a survivor's identity after registration (issue 16): the case remembers when it was
-- last corrected (a referral summary made before says what the case said then), and the
-- correction is a step of the case's history, naming the fields changed (never their values).
alter table survivor_case add column identity_corrected_at timestamp(6) with time zone;

alter table case_status_change drop constraint ck_case_status_change_kind;
alter table case_status_change add constraint ck_case_status_change_kind
    check (kind in ('MOVED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'CORRECTED'));
