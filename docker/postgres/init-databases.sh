#!/bin/bash
# Runs once, as the superuser, when the PostgreSQL volume is first initialised: Haven's owner role
# and database, the role Haven works as (granted its DML by Haven's migrations), and Keycloak's
# role and database. The passwords are the ones the secrets service generated.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=owner_pw="$(cat /run/haven-secrets/haven_owner_password)" \
  --set=app_pw="$(cat /run/haven-secrets/haven_app_password)" \
  --set=keycloak_pw="$(cat /run/haven-secrets/keycloak_db_password)" <<'SQL'
CREATE ROLE haven LOGIN PASSWORD :'owner_pw';
CREATE ROLE haven_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE haven OWNER haven;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
