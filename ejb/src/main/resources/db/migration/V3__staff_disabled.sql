-- An administrator's "disable" takes effect on the user's next request, before their current
-- Keycloak tokens expire.
alter table staff_member add column disabled boolean default false not null;
