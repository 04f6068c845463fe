#!/bin/bash
# Runs once, when the PostgreSQL volume is first initialised: a database and role for Keycloak,
# beside Haven's own. The password is the one the secrets service generated.
set -euo pipefail
keycloak_password="$(cat /run/haven-secrets/keycloak_db_password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=pw="$keycloak_password" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
