#!/usr/bin/env bash
# Issue 14 at cohort size, on one generated cohort (`kneespine demo generate`), each figure beside its floor from the
# same run:
#   report   the whole-cohort reports page and a filtered view (GET /reports, signed-in clinician), warm: the best of
#            the last 3 of 5 calls; floor: the same rows grouped by triage in raw SQL on the same database
#   cli      `kneespine report --format json` (cold: includes the process start)
#   export   Bulk Data `$export` of everything, kick-off to manifest, in resources per second; floor: the same rows
#            (patients and assessments) read raw from the same database and written to one file
#   pages    the clinic's patient page and worklist (4 paced connections, wrk) without and during an export: p50/p99
#   memory   the server's peak resident set (VmHWM) after all of the above
# Usage: bench/cohort.sh [PATIENTS] [sqlite|postgres]    (default 20000 patients, sqlite)
# COHORT_FILL=import fills the store with `kneespine import` of the benchmark generator's FHIR cohort (one Patient, one
# Procedure and four QuestionnaireResponses per patient, as bench/import.sh) instead of `kneespine demo generate`
# (realistic courses, but about 15 times slower to make): faster for 200,000 patients.
# PostgreSQL: set KNEESPINE_BENCH_POSTGRES to a server connection string (Host=...;Port=...;Username=...); a throwaway
# database is created on it and dropped afterwards. Prints Markdown tables for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-20000}
provider=${2:-sqlite}
[[ "$patients" =~ ^[0-9]+$ ]] && [ "$patients" -ge 1 ] || { echo "PATIENTS must be a whole number" >&2; exit 2; }
[ "$provider" = sqlite ] || [ "$provider" = postgres ] || { echo "the database is sqlite or postgres" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is required (bench/load.sh installs it)" >&2; exit 2; }
work=$(mktemp -d /tmp/kneespine-cohort.XXXXXX)
db=kneespine_cohort_$$
server_pid=""
# shellcheck source=bench/lib.sh
. bench/lib.sh
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "$provider" = postgres ]; then psql_run -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

config=${CONFIG:-Release}   # CONFIG=Debug only to check the script quickly; figures come from Release
dotnet build src/KneeSpine.Cli -c "$config" -nologo -v quiet
cli=(dotnet "src/KneeSpine.Cli/bin/$config/net10.0/kneespine.dll")
# README's setting for hosts that hide their CPU caches (ADR-062), for every command here; a caller's value wins.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000}
export KneeSpine__DataDirectory="$work/data"
if [ "$provider" = postgres ]; then
  : "${KNEESPINE_BENCH_POSTGRES:?set KNEESPINE_BENCH_POSTGRES to a PostgreSQL server connection string}"
  psql_run -d postgres -c "CREATE DATABASE $db" >/dev/null
  export KneeSpine__Database__Provider=postgres
  export KneeSpine__Database__ConnectionString="$KNEESPINE_BENCH_POSTGRES;Database=$db"
fi
seconds() { python3 -c "import time; print(f'{time.time() - $1:.3f}')"; }
# Raw SQL on the bench database, its rows written to $work/raw.out; prints the seconds the query and the writing took
# (timed inside the client, so the client's own start-up is not counted).
raw_sql_seconds() {
  if [ "$provider" = postgres ]; then
    psql_run -At -d "$db" -c '\timing on' -c "$1" -o "$work/raw.out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{ printf "%.3f\n", $1 / 1000 }'
  else /usr/bin/python3 - "$work/data/kneespine.db" "$1" "$work/raw.out" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
start = time.perf_counter()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for row in db.execute(sys.argv[2]):
        out.write("|".join(map(str, row)) + "\n")
print(f"{time.perf_counter() - start:.3f}")
PY
  fi
}

start=$(python3 -c 'import time; print(time.time())')
if [ "${COHORT_FILL:-generate}" = import ]; then
  dotnet build bench/KneeSpine.Benchmarks -c "$config" -nologo -v quiet
  dotnet "bench/KneeSpine.Benchmarks/bin/$config/net10.0/KneeSpine.Benchmarks.dll" fhir "$patients" "$work/cohort.ndjson"
  "${cli[@]}" import "$work/cohort.ndjson" >/dev/null
  rm "$work/cohort.ndjson"
else
  "${cli[@]}" demo generate --patients "$patients" --seed 1 >/dev/null
fi
generate_s=$(seconds "$start")
echo "generated $patients patients in $generate_s s" >&2

start=$(python3 -c 'import time; print(time.time())')
"${cli[@]}" report --format json >"$work/report.json"
cli_s=$(seconds "$start")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"${cli[@]}" serve --urls "$base" >"$work/server.log" 2>&1 &
server_pid=$!
wait_ready "$base" "$server_pid" "$work/server.log"
# `dotnet kneespine.dll` is the server process itself (no child), so its /proc status is the app's.
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
printf '%s\n' "$password" | "${cli[@]}" user add --email bench-clinician@example.org --role clinician >/dev/null
printf '%s\n' "$password" | "${cli[@]}" user add --email bench-admin@example.org --role admin >/dev/null
admin_token=$("${cli[@]}" token create --user bench-admin@example.org --name bench --days 1 2>/dev/null)
cookie=$(sign_in "$base" bench-clinician@example.org "$password" "$work/cookies")

# Warm: 5 calls, the best of the last 3 (time to the whole answer on 127.0.0.1).
warm() {
  local best=999 t
  for i in 1 2 3 4 5; do
    t=$(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' -H "$cookie" "$base$1")
    [ "${t%% *}" = 200 ] || { echo "GET $1 answered ${t%% *}" >&2; exit 1; }
    [ "$i" -ge 3 ] && best=$(python3 -c "print(min($best, ${t#* }))")
  done
  echo "$best"
}
report_s=$(warm /reports)
grep -q "$(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$patients")" "$work/page.html" || echo "warning: the report page does not show $patients patients" >&2
filtered_s=$(warm "/reports?from=$(date -u -d '-90 days' +%F)&to=$(date -u +%F)&sex=female&anaesthesia=spinal")
report_floor_s=$(raw_sql_seconds 'SELECT "Triage", "Week", COUNT(*) FROM "ReportRows" GROUP BY "Triage", "Week"')

# The export, alone.
kick_off() {
  curl -s -D "$work/kick.headers" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin_token" \
    -H 'Accept: application/fhir+json' -H 'Prefer: respond-async' "$base/fhir/\$export"
}
wait_export() { # polls the status URL until the manifest; prints the total count
  local location; location=$(sed -n 's/^[Cc]ontent-[Ll]ocation: *//p' "$work/kick.headers" | tr -d '\r')
  while :; do
    code=$(curl -s -o "$work/manifest.json" -w '%{http_code}' -H "Authorization: Bearer $admin_token" -H 'Accept: application/json' "$location")
    [ "$code" = 200 ] && break
    [ "$code" = 202 ] || { echo "export status answered $code" >&2; cat "$work/manifest.json" >&2; exit 1; }
    sleep 0.2
  done
  python3 -c 'import json,sys; print(sum(o.get("count", 0) for o in json.load(open(sys.argv[1]))["output"]))' "$work/manifest.json"
}
start=$(python3 -c 'import time; print(time.time())')
[ "$(kick_off)" = 202 ] || { echo "export kick-off was not accepted" >&2; exit 1; }
resources=$(wait_export)
export_s=$(seconds "$start")
export_floor_s=$(raw_sql_seconds 'SELECT p."Id", p."Name", p."BirthDate", a."Id", a."InputJson", a."ResultJson" FROM "Patients" p JOIN "Assessments" a ON a."PatientId" = p."Id"')

# The clinic's pages with and without an export running: 4 connections for 10 s each, paced by wrk's own client count.
raw_sql_seconds 'SELECT "PatientId" FROM "Assessments" ORDER BY "PatientId" LIMIT 1' >/dev/null
page_patient=$(head -n1 "$work/raw.out")
latency() { # $1 path -> "p50 p99" in ms
  wrk -t 1 -c 4 -d 10s --latency -H "$cookie" "$base$1" >"$work/wrk.txt"
  grep -q "Non-2xx" "$work/wrk.txt" && { echo "wrk saw errors on $1" >&2; cat "$work/wrk.txt" >&2; exit 1; }
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(p):
    v, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
print(f"{ms(50):.1f} {ms(99):.1f} {float(rps):.0f}")
PY
}
read -r page_p50 page_p99 page_rps < <(latency "/patients/$page_patient")
read -r work_p50 work_p99 work_rps < <(latency /worklist)
[ "$(kick_off)" = 202 ] || { echo "second export kick-off was not accepted" >&2; exit 1; }
read -r page_p50x page_p99x page_rpsx < <(latency "/patients/$page_patient")
read -r work_p50x work_p99x work_rpsx < <(latency /worklist)
location=$(sed -n 's/^[Cc]ontent-[Ll]ocation: *//p' "$work/kick.headers" | tr -d '\r')
still=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin_token" -H 'Accept: application/json' "$location")
wait_export >/dev/null
peak_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")

load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$provider" "$patients" "$generate_s" "$cli_s" "$report_s" "$filtered_s" "$report_floor_s" "$resources" "$export_s" \
  "$export_floor_s" "$page_p50 $page_p99 $page_rps" "$work_p50 $work_p99 $work_rps" "$page_p50x $page_p99x $page_rpsx" \
  "$work_p50x $work_p99x $work_rpsx" "$still" "$peak_kib" "$load" <<'PY'
import sys
a = sys.argv[1:]
p, n, gen, cli, rep, fil, rep_floor, res, exp, exp_floor = a[0], int(a[1]), *map(float, a[2:7]), int(a[7]), float(a[8]), float(a[9])
page, wl, pagex, wlx = (x.split() for x in a[10:14])
still, peak, load = a[14], int(a[15]), a[16]
print(f"{p}, {n:,} patients (store filled in {gen:.0f} s), load average {load}\n")
print("| what | time | floor (same run) | ratio to floor | target |")
print("|---|---:|---:|---:|---|")
print(f"| reports page, whole cohort, warm | {rep*1000:.0f} ms | {rep_floor*1000:.0f} ms raw GROUP BY | {rep/rep_floor:.1f}x | at most 1 s |")
print(f"| reports page, filtered (90 days, female, spinal), warm | {fil*1000:.0f} ms | | | at most 300 ms |")
print(f"| `kneespine report --format json`, cold | {cli:.2f} s | | | |")
print(f"| `$export` of everything: {res:,} resources | {exp:.2f} s = {res/exp:,.0f} resources/s | {exp_floor:.2f} s raw read of the same rows | {exp_floor/exp:.2f}x of the floor's speed | at least 50,000 resources/s |")
print(f"| server peak working set (VmHWM) | {peak/1024:,.0f} MiB | | | under 500 MB |\n")
print(f"The clinic's pages, 4 connections for 10 s (wrk), without and during an export (export still running at the end: {'yes' if still == '202' else 'no, HTTP ' + still}):\n")
print("| page | p50 / p99 / req/s alone | p50 / p99 / req/s during export |")
print("|---|---:|---:|")
print(f"| patient page | {page[0]} / {page[1]} ms / {page[2]} | {pagex[0]} / {pagex[1]} ms / {pagex[2]} |")
print(f"| worklist | {wl[0]} / {wl[1]} ms / {wl[2]} | {wlx[0]} / {wlx[1]} ms / {wlx[2]} |")
PY
