-- A person's own recent events, counted for the per-person hourly limits (issue 15): the duplicate
-- check counts its checks and registrations in the last hour without reading everyone's.
create index ix_audit_event_subject_time on audit_event (actor_subject, occurred_at);
