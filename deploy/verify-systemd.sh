#!/usr/bin/env bash
# Check the production units with systemd-analyze verify: a copy of each, with /srv/portal
# replaced by this checkout (so every ExecStart= exists here), is verified.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/portal.env"
for unit in deploy/systemd/*.service deploy/systemd/*.timer; do
  sed -e "s#/srv/portal/.venv#$(realpath "$venv")#g" -e "s#/srv/portal#$PWD#g" \
      -e "s#/etc/portal/portal.env#$tmp/portal.env#g" "$unit" > "$tmp/$(basename "$unit")"
done
cp "$tmp/portal-web@.service" "$tmp/portal-web@8001.service"
cd "$tmp"
# verify only warns about many mistakes (an unknown Type=, a bad directive): any output fails.
out="$(systemd-analyze verify portal-web@8001.service portal-worker.service \
    portal-backup.service portal-backup.timer portal-minutely.service portal-minutely.timer \
    portal-daily.service portal-daily.timer 2>&1)" || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "systemd units verified"
