# shellcheck shell=bash
# Tesseract OCR for scanned PDFs: ingestion's parser worker reads pages without a text layer with the first
# `tesseract` on its PATH (ingestion.parsing.ocr.*). Without it such documents fail with OCR_REQUIRED, so provision
# installs Debian's packages when they are missing. Idempotent: a second run only checks.
# DOCMATRIX_OCR_INSTALL=false skips the install (scans then fail with OCR_REQUIRED);
# DOCMATRIX_OCR_LANGUAGES adds Tesseract languages beside English, e.g. "deu fra" (packages tesseract-ocr-<code>).

OCR_PACKAGES=(tesseract-ocr tesseract-ocr-eng)

ocr_install() {
  if [[ ${DOCMATRIX_OCR_INSTALL:-true} != true ]]; then
    log "OCR install skipped (DOCMATRIX_OCR_INSTALL=${DOCMATRIX_OCR_INSTALL}); scanned PDFs fail with OCR_REQUIRED"
    return 0
  fi
  local pkg lang
  local -a wanted=("${OCR_PACKAGES[@]}") missing=()
  for lang in ${DOCMATRIX_OCR_LANGUAGES:-}; do
    wanted+=("tesseract-ocr-$lang")
  done
  for pkg in "${wanted[@]}"; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]} (OCR of scanned pages)"
    as_root apt-get update -q
    # Without recommends: the OCR engine and its language data, not the desktop tools Debian suggests beside them.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  command -v tesseract >/dev/null || die "tesseract is not on the PATH after installing ${wanted[*]}"
}
