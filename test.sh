#!/usr/bin/env bash
# The whole KneeSpine test suite: installs what the tests need when missing (Debian's chromium, python3-aiosmtpd and
# postgresql), starts a throwaway PostgreSQL server on 127.0.0.1, builds, and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The tests' SMTP server (tests/KneeSpine.Web.Tests/Infrastructure/smtp_test_server.py) runs on Debian's python3.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need+=(python3-aiosmtpd)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A private PostgreSQL cluster for this run only, removed on exit.
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
pg_dir=$(mktemp -d /tmp/kneespine-pg.XXXXXX)
pg_port=${KNEESPINE_TEST_PG_PORT:-55432}
chown postgres:postgres "$pg_dir"
runpg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() { runpg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
runpg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
runpg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -l '$pg_dir/log' -w start" >/dev/null
export KNEESPINE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

dotnet build KneeSpine.slnx -c Release -nologo -v quiet
results=$(mktemp -d)
set +e
dotnet test KneeSpine.slnx -c Release --no-build -nologo --logger "trx" --results-directory "$results" "$@"
status=$?
set -e
# One plain closing line for CI: "N passed, N failed".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
p = f = 0
for t in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(t).getroot().find(".//{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0))
print(f"{p} passed, {f} failed")
PY
exit $status
