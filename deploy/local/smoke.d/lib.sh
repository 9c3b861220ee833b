#!/usr/bin/env bash
# Helpers shared by the smoke checks: HTTP calls through the gateway and flat JSON field extraction (no jq needed).
# shellcheck source=deploy/local/lib/platform.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/platform.sh"

GATEWAY_URL=${GATEWAY_URL:-$(service_url gateway-service)}
SMOKE_RUN=$(date +%s)-$RANDOM
checks=0 failures=0

check() {
  local description=$1
  shift
  checks=$((checks + 1))
  if "$@"; then
    printf '  ok    %s\n' "$description"
  else
    printf '  FAIL  %s\n' "$description"
    failures=$((failures + 1))
  fi
}

# api METHOD PATH [curl args...]: prints "<status>\n<body>" for a call through the gateway.
api() {
  local method=$1 path=$2
  shift 2
  curl -s --connect-timeout 2 --max-time 30 -X "$method" -w '\n%{http_code}' "$GATEWAY_URL$path" "$@" |
    awk '{ lines[NR] = $0 } END { print lines[NR]; for (i = 1; i < NR; i++) print lines[i] }'
}

status_of() { head -n 1 <<<"$1"; }
body_of() { tail -n +2 <<<"$1"; }

# field NAME JSON: the first string or number value of "NAME" in a flat JSON text.
field() {
  sed -n -E "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"?([^\",}]*)\"?.*/\1/p" <<<"$2" | head -n 1
}

json_post() {
  local path=$1 body=$2
  shift 2
  api POST "$path" -H 'Content-Type: application/json' -d "$body" "$@"
}

# token TENANT USER PASSWORD: an access token, or nothing.
token() {
  local answer
  answer=$(json_post /api/v1/auth/token "{\"tenant\":\"$1\",\"username\":\"$2\",\"password\":\"$3\"}")
  field access_token "$(body_of "$answer")"
}

# ensure_tenant TENANT: creates TENANT with an administrator "admin" once (as the platform administrator) and prints
# the file holding that administrator's password (var/local/secrets/tenant-TENANT.password). The bench and eval
# tenants get raised rate limits from deploy/config/gateway-service.yml.
ensure_tenant() {
  local tenant=$1 secret_file created platform
  secret_file="$LOCAL_DIR/secrets/tenant-$tenant.password"
  if [[ ! -s $secret_file ]]; then
    ensure_secret_file "$secret_file"
    platform=$(token demo admin "$(admin_password)")
    created=$(json_post /api/v1/tenants "{\"name\":\"$tenant\",\"adminUsername\":\"admin\",\"adminPassword\":\"$(cat "$secret_file")\"}" \
      -H "Authorization: Bearer $platform")
    if [[ $(status_of "$created") != 201 ]]; then
      rm -f -- "$secret_file"   # so the next run tries again instead of logging in with a password nobody set
      die "could not create tenant $tenant: $(body_of "$created")"
    fi
  fi
  printf '%s' "$secret_file"
}

finish() {
  echo "$1: $checks checks, $failures failed"
  ((failures == 0))
}
