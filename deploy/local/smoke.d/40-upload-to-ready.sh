#!/usr/bin/env bash
# Smoke test (issue 4): a document uploaded through the gateway is parsed, chunked and embedded until READY, its chunks
# are served, a file whose bytes are no document is refused at once, and an unparseable one ends FAILED with a code.
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

echo "40-upload-to-ready against $GATEWAY_URL"
admin=$(token demo admin "$(admin_password)")
auth=(-H "Authorization: Bearer $admin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/agreement.md" <<TEXT
# Services Agreement $SMOKE_RUN

## 1. Definitions
"Services" means the consulting services described in Schedule A.

## 2. Term and Termination
2.1 This Agreement starts on the Effective Date and continues for twelve months.
2.2 Either party may terminate this Agreement for convenience on thirty days written notice.

## 3. Governing Law
This Agreement is governed by the laws of the State of New York.
TEXT

# await_status ID WANTED: polls the document until it reaches WANTED (or a final state), prints the final body.
await_status() {
  local id=$1 wanted=$2 deadline=$((SECONDS + 180)) body status
  while ((SECONDS < deadline)); do
    body=$(body_of "$(api GET "/api/v1/documents/$id" "${auth[@]}")")
    status=$(field status "$body")
    if [[ $status == "$wanted" || $status == READY || $status == FAILED ]]; then
      printf '%s' "$body"
      return 0
    fi
    sleep 1
  done
  printf '%s' "$body"
}

answer=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/agreement.md;type=text/markdown" \
  -F 'metadata={"title":"Smoke agreement","tags":["smoke"]};type=application/json')
check "the upload is accepted (202)" test "$(status_of "$answer")" = 202
id=$(field documentId "$(body_of "$answer")")
started=$SECONDS
document=$(await_status "$id" READY)
echo "  (READY after $((SECONDS - started)) s)"
check "the document reaches READY" test "$(field status "$document")" = READY
check "it has chunks" test "$(field chunkCount "$document")" -gt 0
chunks=$(api GET "/api/v1/documents/$id/chunks" "${auth[@]}")
check "its chunks are served with text" grep -q '"text"' <<<"$(body_of "$chunks")"

again=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/agreement.md;type=text/markdown")
check "the same bytes again are a duplicate (200)" test "$(status_of "$again")" = 200

printf '\x7fELF\x02\x01\x01\x00binary' >"$work/fake.pdf"
refused=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/fake.pdf;type=application/pdf")
check "bytes that are no document are refused (415)" test "$(status_of "$refused")" = 415

printf '%%PDF-1.7\n%s broken beyond repair\n' "$SMOKE_RUN" >"$work/broken.pdf"
broken=$(api POST /api/v1/documents "${auth[@]}" -F "file=@$work/broken.pdf;type=application/pdf")
check "a broken PDF is accepted for parsing (202)" test "$(status_of "$broken")" = 202
failed=$(await_status "$(field documentId "$(body_of "$broken")")" FAILED)
check "the broken PDF ends FAILED with a stable code" \
  grep -q -E '"code":"(UNPARSEABLE_DOCUMENT|EMPTY_DOCUMENT)"' <<<"$failed"

finish 40-upload-to-ready
