#!/usr/bin/env bash
# Back up the portal: a pg_dump of the primary and a tarball of every upload.
#   DATABASE_URL=postgres://... [MEDIA_STORAGE_URL=s3://...] deploy/backup.sh OUT_DIR
set -euo pipefail
out="${1:?usage: deploy/backup.sh OUT_DIR}"
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
mkdir -p "$out"
pg_dump --format=custom --no-owner --no-privileges --file="$out/db.dump" "${DATABASE_URL:?set DATABASE_URL}"
"$python" manage.py media_archive create "$out/media.tar.gz"
echo "Backup written to $out (db.dump, media.tar.gz)"
