#!/usr/bin/env bash
# Smoke test (issue 3): the bootstrap admin logs in, creates an ANALYST, a VIEWER and an API key, and each can do
# exactly what its role allows through the gateway.
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

echo "30-identity against $GATEWAY_URL"
password="Smoke-${SMOKE_RUN}-pass"
admin=$(token demo admin "$(admin_password)")
check "the bootstrap admin gets a token" test -n "$admin"

create_user() {
  json_post /api/v1/users "{\"username\":\"$1-$SMOKE_RUN\",\"password\":\"$password\",\"roles\":[\"$2\"]}" \
    -H "Authorization: Bearer $admin"
}
check "admin creates an ANALYST" test "$(status_of "$(create_user analyst ANALYST)")" = 201
check "admin creates a VIEWER" test "$(status_of "$(create_user viewer VIEWER)")" = 201
analyst=$(token demo "analyst-$SMOKE_RUN" "$password")
viewer=$(token demo "viewer-$SMOKE_RUN" "$password")
check "the analyst logs in" test -n "$analyst"
check "the viewer logs in" test -n "$viewer"

key_answer=$(json_post /api/v1/api-keys "{\"name\":\"smoke-$SMOKE_RUN\",\"role\":\"ANALYST\"}" -H "Authorization: Bearer $admin")
check "admin creates an API key" test "$(status_of "$key_answer")" = 201
api_key=$(field key "$(body_of "$key_answer")")

upload_as() {
  local file
  file=$(mktemp --suffix=.txt)
  printf 'Smoke test document %s uploaded by %s.\n\nIt has two short paragraphs.\n' "$SMOKE_RUN-$RANDOM" "$2" >"$file"
  api POST /api/v1/documents -H "Authorization: $1" -F "file=@$file;type=text/plain"
  rm -f "$file"
}
status_is() { test "$(status_of "$1")" = "$2"; }

check "nobody without credentials reads documents (401)" status_is "$(api GET /api/v1/documents)" 401
check "a forged token is refused (401)" status_is "$(api GET /api/v1/documents -H 'Authorization: Bearer e30.e30.x')" 401
check "the viewer reads documents (200)" status_is "$(api GET /api/v1/documents -H "Authorization: Bearer $viewer")" 200
check "the viewer may not upload (403)" status_is "$(upload_as "Bearer $viewer" viewer)" 403
check "the analyst uploads (202)" status_is "$(upload_as "Bearer $analyst" analyst)" 202
check "the API key uploads (202)" status_is "$(upload_as "ApiKey $api_key" api-key)" 202
check "the analyst may not manage users (403)" status_is "$(api GET /api/v1/users -H "Authorization: Bearer $analyst")" 403
check "the admin lists users (200)" status_is "$(api GET /api/v1/users -H "Authorization: Bearer $admin")" 200
check "the viewer may not create API keys (403)" \
  status_is "$(json_post /api/v1/api-keys '{"name":"x","role":"VIEWER"}' -H "Authorization: Bearer $viewer")" 403
check "an unknown user and a wrong password look the same (401)" \
  test "$(status_of "$(json_post /api/v1/auth/token '{"tenant":"demo","username":"nobody-'"$SMOKE_RUN"'","password":"wrong-password-123"}')")" = 401

finish 30-identity
