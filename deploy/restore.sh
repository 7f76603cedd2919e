#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into an EMPTY database and empty media storage.
#   DATABASE_URL=postgres://.../fresh_db [MEDIA_STORAGE_URL=s3://.../fresh-bucket] deploy/restore.sh DIR
set -euo pipefail
dir="${1:?usage: deploy/restore.sh BACKUP_DIR}"
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="${DATABASE_URL:?set DATABASE_URL}" "$dir/db.dump"
"$python" manage.py media_archive extract "$dir/media.tar.gz"
echo "Restored $dir"
