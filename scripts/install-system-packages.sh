#!/usr/bin/env bash
# Installs the Debian packages Rogatory needs (tesseract and its language packs),
# only those missing; postgresql-client-15 gives pg_dump and pg_restore to `rogatory backup`
# and `restore` (the major version of the server in docker-compose.yml); dovecot-imapd and
# openssl give the mail tests their own IMAP server (tests/mail/dovecot.py), never started
# as a system service.
# Needs root (or sudo); does nothing when all are present.
# --browser adds Debian's chromium, which the browser tests drive (make test).
set -euo pipefail

packages=(
  tesseract-ocr tesseract-ocr-osd tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa
  tesseract-ocr-por tesseract-ocr-rus tesseract-ocr-ara tesseract-ocr-deu tesseract-ocr-ita
  fonts-dejavu-core python3.11-venv
  postgresql-client-15
  dovecot-imapd openssl
)
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "error: ${missing[*]} missing and neither root nor sudo is available" >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
