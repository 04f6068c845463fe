-- A person's own recent events of one kind, counted for the per-person hourly limits (issue 15):
-- the duplicate check counts its checks in the last hour without reading anyone else's events.
create index ix_audit_event_subject_action_time on audit_event (actor_subject, action, occurred_at);
