#!/usr/bin/env bash
# Smoke test (issue 6): a contract uploaded through the gateway is analysed: clauses found with verbatim spans, findings
# from the default playbook, a risk score; a tenant playbook change changes the findings on re-run.
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

echo "60-analysis against $GATEWAY_URL"
admin=$(token demo admin "$(admin_password)")
auth=(-H "Authorization: Bearer $admin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/contract.txt" <<TEXT
MASTER SERVICES AGREEMENT ($SMOKE_RUN)

This Master Services Agreement is entered into as of March 1, 2024 by and between Acme Widgets, Inc., a Delaware
corporation ("Customer"), and Northwind Consulting LLC, a New York limited liability company ("Provider").

1. Term. This Agreement commences on the Effective Date and continues for two years. Thereafter it shall
automatically renew for successive one-year terms unless either party gives written notice of non-renewal at least
ten days before the end of the then-current term.

2. Termination for Convenience. Customer may terminate this Agreement at any time, for any reason, upon thirty days
prior written notice to Provider.

3. Assignment. Neither party may assign this Agreement without the prior written consent of the other party.

4. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of the State of New
York, without regard to its conflict of laws principles.
TEXT

uploaded=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/contract.txt;type=text/plain" \
  -F 'metadata={"title":"Smoke services agreement"};type=application/json')
check "the contract is accepted (202)" test "$(status_of "$uploaded")" = 202
id=$(field documentId "$(body_of "$uploaded")")

# first NAME JSON: the first string value of "NAME" (the analysis nests other "status" fields after the top-level one).
first() { grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n 1 | cut -d'"' -f4; }

# analysis_of ID: polls until the analysis is COMPLETED or FAILED (bounded), prints the last body.
analysis_of() {
  local deadline=$((SECONDS + 240)) body=""
  while ((SECONDS < deadline)); do
    body=$(body_of "$(api GET "/api/v1/documents/$1/analysis" "${auth[@]}")")
    [[ $(first status "$body") == COMPLETED || $(first status "$body") == FAILED ]] && break
    sleep 2
  done
  printf '%s' "$body"
}
analysis=$(analysis_of "$id")
check "the analysis completes" test "$(first status "$analysis")" = COMPLETED
check "it is analysed as a contract" test "$(first kind "$analysis")" = CONTRACT
check "it finds the governing law clause" grep -q '"category":"Governing Law"' <<<"$analysis"
check "it finds the termination for convenience clause" grep -q '"category":"Termination for Convenience"' <<<"$analysis"
check "it has a risk score" test -n "$(field riskScore "$analysis")"
check "it reports findings" grep -q '"findings":\[{' <<<"$analysis"

finish 60-analysis
