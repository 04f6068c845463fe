#!/bin/sh
# Times reading one case file and one page of 20 cases over REST, against a running Haven (the run
# command: ./mvnw -Prun). Compare with the JMH figures of FieldCryptoBenchmark to see the share of
# a read that crypto takes. Usage: ear/src/bench/case-read.sh [requests]  (default 300)
set -eu
N=${1:-300}
HAVEN=${HAVEN_URL:-http://localhost:8080/haven/api/v1}
TOKENS=${KEYCLOAK_URL:-http://localhost:8180}/realms/haven/protocol/openid-connect/token

token() {
  curl -fsS -d grant_type=password -d client_id=haven-cli -d username="$1" -d password=demo "$TOKENS" |
    sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
T=$(token caseworker.north)
intake='{"riskLevel":"HIGH","narrative":"'$(printf 'Recruited through a job offer; passport withheld. %.0s' $(seq 40))'",
 "survivor":{"givenNames":"Amina","familyName":"Benchmark","aliases":["Mimi"],"birthDate":"1990-04-01",
 "sex":"FEMALE","nationality":"NG","languages":["en"],"phones":["+234 803 555 0101"],
 "email":"amina@example.org","address":"12 Example Street, Lagos",
 "document":{"type":"PASSPORT","number":"A1234567"},"placeOfOrigin":"Ibadan"}}'
for i in $(seq 20); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$intake" "$HAVEN/cases"
done
number=$(curl -fsS -H "Authorization: Bearer $T" "$HAVEN/cases?size=1" | sed 's/.*"caseNumber":"\([^"]*\)".*/\1/')

time_requests() {
  for i in $(seq "$N"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $T" "$1"
  done | sort -n | awk '{ t[NR] = $1 } END {
    printf "median %.2f ms, p95 %.2f ms over %d requests\n", t[int(NR/2)] * 1000, t[int(NR*0.95)] * 1000, NR }'
}
# Warm up the server's code paths first.
N=100 time_requests "$HAVEN/cases/$number" >/dev/null
echo "GET /cases/$number (one case, 11 protected fields):"
time_requests "$HAVEN/cases/$number"
echo "GET /cases?size=20 (20 cases opened):"
time_requests "$HAVEN/cases?size=20"
