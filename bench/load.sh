#!/usr/bin/env bash
# HTTP load test of the real app (`kneespine serve`, Release, benchmark configuration) on SQLite and PostgreSQL,
# 127.0.0.1 only. Per database, each for a bounded time at 100 connections (wrk -c 100 -t 2):
#   store  POST /api/v1/patients/{id}/assessments         (bearer token; auth, access check, validation, evaluation)
#   page   GET  /patients/{id}                             (the clinic's patient page, signed-in clinician's cookie)
#   floor  POST /benchmark/floor/patients/{id}/assessments (inserts the same row, nothing else; benchmark config only)
# Writes the results table into docs/benchmarks.md (between the load-results markers) and prints it.
#
# Usage: bench/load.sh [SECONDS]     seconds per scenario (default 15; every scenario is first warmed up for 5 s,
#                                    not counted, so the measured runs see code the JIT has already optimised)
# Environment:
#   KNEESPINE_LOAD_DATABASES="sqlite postgres"  which databases to run (default both)
#   KNEESPINE_LOAD_POSTGRES="Host=...;Port=...;Username=..."  use this server (a fresh database is created and
#       dropped); default: a throwaway cluster on 127.0.0.1 with fsync ON, like production
#   KNEESPINE_LOAD_NO_DOCS=1                     only print the table, leave docs/benchmarks.md alone
#   KNEESPINE_LOAD_SCENARIOS="store page floor"  which scenarios to run (default all three; with fewer, the
#       ratios need the floor, so keep it when the table matters)
#   KNEESPINE_LOAD_WARMUP=SECONDS                warm-up per scenario before it is measured (default 30: on two cores
#       the JIT's tiering and dynamic PGO take about that long under load to settle, and a server runs settled code)
#   KNEESPINE_LOAD_PACED=0                       skip the paced runs (below; each first calibrates its wait in 5 s)
# After the flat-out runs, store and page run once more with the same 100 connections paced: each connection waits a
# random time (exponential, as independent clients would) between requests so that together they offer half the floor's measured requests per second (the throughput
# target). That shows the latency 100 clients see at that load, which the flat-out runs cannot (there, by Little's
# law, p50 is about connections / throughput).
#   DOTNET_GCgen0size=HEX                        the app's smallest gen0 budget (default 0x4000000, 64 MiB, as README
#       recommends for hosts that report no CPU cache sizes; 0 = the runtime's own choice)
#   KNEESPINE_LOAD_MEASURE_HOOK=CMD              run CMD during each measured run, with the app's process id as $1
#       and the scenario as $2 (for example a profiler: perf record -p "$1" ...); waited for after the run
# Whole run: about 2 x (startup + seeding + 3 x (WARMUP + SECONDS) + 2 x SECONDS) s plus the build: about 6 minutes
# at the defaults on a quiet machine, more on one whose two cores are shared with other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
seconds=${1:-15}
warmup=${KNEESPINE_LOAD_WARMUP:-30}
connections=100
threads=2
databases=${KNEESPINE_LOAD_DATABASES:-sqlite postgres}
scenarios=${KNEESPINE_LOAD_SCENARIOS:-store page floor}
# The deployment setting README recommends for hosts that report no CPU cache sizes (ADR-062); DOTNET_GCgen0size
# in the caller's environment wins (set it to 0 to measure the runtime's own default).
gc_gen0size=${DOTNET_GCgen0size:-0x4000000}
for scenario in $scenarios; do
  case $scenario in store|page|floor) ;; *) echo "unknown scenario '$scenario' (store, page or floor)" >&2; exit 2;; esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] && [ "$seconds" -le 120 ] || { echo "SECONDS must be 1..120" >&2; exit 2; }

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
for tool in curl python3; do command -v $tool >/dev/null || { echo "$tool is required" >&2; exit 2; }; done

work=$(mktemp -d /tmp/kneespine-load.XXXXXX)
server_pid=""
pg_dir=""
pg_bin=""
runpg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}
cleanup() {
  stop_server
  if [ -n "$pg_dir" ]; then runpg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

dotnet build src/KneeSpine.Cli -c Release -nologo -v quiet >&2
cli=(dotnet src/KneeSpine.Cli/bin/Release/net10.0/kneespine.dll)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# PostgreSQL: the given server, else a private cluster (fsync and synchronous_commit at their durable defaults).
pg_server=${KNEESPINE_LOAD_POSTGRES:-}
if [[ " $databases " == *" postgres "* ]] && [ -z "$pg_server" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
    echo "Installing postgresql (Debian package)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  }
  pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
  pg_dir=$(mktemp -d /tmp/kneespine-load-pg.XXXXXX)
  pg_port=$(free_port)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; fi
  runpg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  runpg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200' -l '$pg_dir/log' -w start" >/dev/null
  pg_server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi
pg_database=kneespine_load_$$

# Environment of the app and of the CLI commands that seed it, for database $1.
database_env() {
  local db=$1
  echo "KneeSpine__DataDirectory=$work/$db-data"
  if [ "$db" = postgres ]; then
    echo "KneeSpine__Database__Provider=postgres"
    # A new database per run; the app creates it when migrating.
    echo "KneeSpine__Database__ConnectionString=$pg_server;Database=$pg_database"
  fi
}

drop_postgres_database() {
  python3 - "$pg_server" "$pg_database" <<'PY' || true
import subprocess, sys, glob
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
parts = {k.strip().lower(): v.strip() for k, v in parts.items()}
psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
subprocess.run([psql, "-h", parts.get("host", "127.0.0.1"), "-p", parts.get("port", "5432"), "-U", parts.get("username", "postgres"),
                "-d", "postgres", "-qc", f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)'], check=False)
PY
}

run_wrk() { # warmup|measure|paced scenario db url method paths body header (body and header may be empty)
  local phase=$1 scenario=$2 db=$3 url=$4 method=$5 paths=$6 body=$7 header=$8
  local pace_ms=0 label=$scenario target_rps=0
  local options=(-t$threads -c$connections --timeout 5s -s bench/load/scenario.lua)
  if [ -n "$header" ]; then options+=(-H "$header"); fi
  local args=("$method" "$paths")
  if [ -n "$body" ]; then args+=("$body"); fi
  if [ "$phase" = warmup ]; then wrk "${options[@]}" -d${warmup}s "$url" -- "${args[@]}" >/dev/null; return; fi
  if [ "$phase" = paced ]; then
    # A connection's cycle is its wait plus the answer's latency: a 5 s calibration run at a wait of
    # connections / target measures that latency, and the measured run waits that much less.
    label=$scenario-paced
    target_rps=$(half_floor_rps "$db")
    local cycle_ms=$((connections * 1000 / target_rps))
    local calibration; calibration=$(KNEESPINE_WRK_PACE_MS=$cycle_ms wrk "${options[@]}" -d5s "$url" -- "${args[@]}" | grep '^RESULT ')
    local p50_ms; p50_ms=$(sed -E 's/.* p50_us=([0-9]+).*/\1/' <<<"$calibration")
    p50_ms=$((p50_ms / 1000))
    pace_ms=$((cycle_ms - p50_ms > 1 ? cycle_ms - p50_ms : 1))
  fi
  # The app's own CPU time (user + system, in clock ticks) around the measured run: a figure that other work on the
  # machine disturbs less than throughput does.
  local hook_pid=""
  if [ -n "${KNEESPINE_LOAD_MEASURE_HOOK:-}" ]; then
    sh -c "$KNEESPINE_LOAD_MEASURE_HOOK" hook "$server_pid" "$scenario" >&2 &
    hook_pid=$!
  fi
  local ticks_before; ticks_before=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
  local db_before; db_before=$(database_ticks "$db")
  local out; out=$(KNEESPINE_WRK_PACE_MS=$pace_ms wrk "${options[@]}" -d${seconds}s "$url" -- "${args[@]}")
  local ticks_after; ticks_after=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
  local db_after; db_after=$(database_ticks "$db")
  if [ -n "$hook_pid" ]; then wait "$hook_pid" || true; fi
  local result; result=$(grep '^RESULT ' <<<"$out" | cut -d' ' -f2-)
  echo "$db $label $result loadavg=$(cut -d' ' -f1 /proc/loadavg) app_ticks=$((ticks_after - ticks_before)) hz=$(getconf CLK_TCK) pace_ms=$pace_ms target_rps=$target_rps db_ticks=$((db_before < 0 || db_after < 0 ? -1 : db_after - db_before))" >>"$work/results.txt"
  echo "  $label: $result" >&2
}

# CPU time (clock ticks) of the throwaway PostgreSQL cluster so far: the postmaster, its live backends, and the
# children that have exited; -1 when not measurable (SQLite runs inside the app; a server given by the caller).
database_ticks() {
  if [ "$1" != postgres ] || [ -z "$pg_dir" ] || [ ! -r "$pg_dir/data/postmaster.pid" ]; then echo -1; return; fi
  local postmaster; postmaster=$(head -n1 "$pg_dir/data/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ total += $1 } END { print total + 0 }'
}

# Half the floor's measured requests per second on database $1 (the throughput target), whole requests.
half_floor_rps() {
  awk -v db="$1" '$1 == db && $2 == "floor" {
      for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%d\n", v["requests"] / (v["duration_us"] / 1e6) / 2 + 0.5 }' "$work/results.txt"
}

for db in $databases; do
  [ "$db" = sqlite ] || [ "$db" = postgres ] || { echo "unknown database '$db' (sqlite or postgres)" >&2; exit 2; }
  echo "== $db" >&2
  mapfile -t dbenv < <(database_env "$db")
  port=$(free_port)
  base="http://127.0.0.1:$port"
  env "${dbenv[@]}" DOTNET_GCgen0size="$gc_gen0size" ASPNETCORE_ENVIRONMENT=Benchmark KneeSpine__Benchmark__FloorEndpoint=true \
    "${cli[@]}" serve --urls "$base" --data "$work/$db-data" >"$work/server-$db.log" 2>&1 &
  server_pid=$!
  wait_ready "$base" "$server_pid" "$work/server-$db.log"

  # A clinician account (random password, read from standard input), a token, and the patients.
  email="load-clinician@example.org"
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  printf '%s\n' "$password" | env "${dbenv[@]}" "${cli[@]}" user add --email "$email" --role clinician --data "$work/$db-data" >/dev/null
  token=$(env "${dbenv[@]}" "${cli[@]}" token create --user "$email" --name load --days 1 --data "$work/$db-data" 2>/dev/null)
  auth="Authorization: Bearer $token"
  python3 bench/load/seed.py "$base" "$token" "$work/$db"

  # The clinic page needs a browser session: sign in through the real form (antiforgery token + cookie).
  cookie=$(sign_in "$base" "$email" "$password" "$work/$db-cookies")
  page_patient=$(cat "$work/$db.page")
  # Into a file first: `curl | grep -q` fails under pipefail when grep stops reading early (curl gets SIGPIPE).
  page_status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "$cookie" "$base/patients/$page_patient")
  [ "$page_status" = 200 ] && grep -q "Load Page Patient" "$work/page.html" || {
    echo "the patient page did not load with the session cookie (HTTP $page_status)" >&2
    tail -n 40 "$work/server-$db.log" >&2; exit 1; }

  ready_lines=$(wc -l <"$work/server-$db.log")
  phases="warmup measure"
  if [ "${KNEESPINE_LOAD_PACED:-1}" != 0 ] && [[ " $scenarios " == *" floor "* ]]; then phases="$phases paced"; fi
  for phase in $phases; do
    for scenario in $scenarios; do
      if [ "$phase" = paced ] && [ "$scenario" = floor ]; then continue; fi
      case $scenario in
        store) run_wrk $phase store "$db" "$base" POST "$work/$db.store-paths" "$work/$db.body.json" "$auth" ;;
        page) run_wrk $phase page "$db" "$base" GET "$work/$db.page-paths" "" "$cookie" ;;
        floor) run_wrk $phase floor "$db" "$base" POST "$work/$db.floor-paths" "$work/$db.body.json" "" ;;
      esac
    done
  done
  # Anything the app logged as a failure under load (the start's "database does not exist yet" is not counted).
  tail -n +$((ready_lines + 1)) "$work/server-$db.log" | grep -E -i -A3 'fail:|error|exception' | head -n 20 >&2 || true
  stop_server
  if [ "$db" = postgres ]; then drop_postgres_database; fi
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
docs=docs/benchmarks.md
[ -n "${KNEESPINE_LOAD_NO_DOCS:-}" ] && docs=""
pg_note="a throwaway cluster on 127.0.0.1, fsync and synchronous_commit on (defaults)"
[ -n "${KNEESPINE_LOAD_POSTGRES:-}" ] && pg_note="the server given in KNEESPINE_LOAD_POSTGRES"
python3 bench/load/report.py "$work/results.txt" \
  --seconds "$seconds" --warmup "$warmup" --gc-gen0size "$gc_gen0size" --connections "$connections" --threads "$threads" \
  --load-before "$load_before" --load-after "$load_after" --postgres "$pg_note" \
  --command "bench/load.sh${1:+ $1}" ${docs:+--docs "$docs"}
