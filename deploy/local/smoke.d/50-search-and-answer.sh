#!/usr/bin/env bash
# Smoke test (issue 5): a READY document becomes searchable in query-service's read store, a question about it is
# answered with citations whose quotes are verbatim, and another tenant finds nothing of it.
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

echo "50-search-and-answer against $GATEWAY_URL"
admin=$(token demo admin "$(admin_password)")
auth=(-H "Authorization: Bearer $admin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A made-up word only this run's document contains, so the checks cannot be satisfied by earlier runs.
canary="zorblax$(tr -dc '0-9' <<<"$SMOKE_RUN" | tr '0-9' 'a-j')"

cat >"$work/manual.md" <<TEXT
# Pump Maintenance Manual $SMOKE_RUN

## 1. Filters
The intake filter of the $canary pump must be replaced every 400 operating hours.
Use only filters with a mesh of 80 microns or finer.

## 2. Lubrication
Grease the bearings monthly with a lithium-based grease.
TEXT

uploaded=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/manual.md;type=text/markdown" \
  -F 'metadata={"title":"Smoke pump manual","collection":"smoke"};type=application/json')
check "the upload is accepted (202)" test "$(status_of "$uploaded")" = 202
id=$(field documentId "$(body_of "$uploaded")")

# Ingestion makes it READY, then query-service's projection makes it searchable: wait for both, bounded.
question="How often must the $canary pump intake filter be replaced?"
search_body="{\"question\":\"$question\",\"documentIds\":[\"$id\"],\"topK\":3}"
deadline=$((SECONDS + 180)) found=""
while ((SECONDS < deadline)); do
  found=$(body_of "$(json_post /api/v1/search "$search_body" "${auth[@]}")")
  grep -q "\"documentId\":\"$id\"" <<<"$found" && break
  sleep 2
done
check "the document becomes searchable" grep -q "\"documentId\":\"$id\"" <<<"$found"
check "search finds the passage about the filter" grep -q "400 operating hours" <<<"$found"

answered=$(json_post /api/v1/query "$search_body" "${auth[@]}")
check "the question is answered (200)" test "$(status_of "$answered")" = 200
answer=$(body_of "$answered")
check "the answer states the interval" grep -q "400 operating hours" <<<"$(field answer "$answer")"
check "the answer cites the document" grep -q "\"citations\":\[{\"documentId\":\"$id\"" <<<"$answer"

streamed=$(curl -s -N --max-time 30 "$GATEWAY_URL/api/v1/query/stream" "${auth[@]}" \
  -H 'Content-Type: application/json' -H 'Accept: text/event-stream' -d "$search_body")
check "the streamed answer ends with a done event" grep -q "^event:done" <<<"$streamed"

# Another tenant, created once (its administrator's password is kept under var/local).
secret_file=$(ensure_tenant smoke-other)
other=$(token smoke-other admin "$(cat "$secret_file")")
check "the other tenant can log in" test -n "$other"
foreign=$(json_post /api/v1/search "{\"question\":\"$question\",\"topK\":50}" -H "Authorization: Bearer $other")
check "the other tenant's search succeeds" test "$(status_of "$foreign")" = 200
check "the other tenant never sees the canary" bash -c '! grep -q "$0" <<<"$1"' "$canary" "$(body_of "$foreign")"
scoped=$(json_post /api/v1/query "$search_body" -H "Authorization: Bearer $other")
check "the other tenant's answer does not leak the canary" bash -c '! grep -q "$0" <<<"$1"' "$canary" "$(body_of "$scoped")"

finish 50-search-and-answer
