#!/usr/bin/env bash
# CDS Hooks under concurrency (issue 13): the real app (`kneespine serve`, Release) on SQLite and PostgreSQL, 127.0.0.1
# only. Per database, for SECONDS each:
#   cds     POST /cds-services/kneespine-back-pain  patient-view for a KneeSpine patient with one stored assessment,
#           a fresh ES384 JWT per call (signature, aud, exp, iat and jti checked; the jti stored)
#   health  GET  /health                            the floor: the same client and connections, no work
# each once sequentially (1 client) and once with 8 concurrent clients flat out, each on its own keep-alive connection;
# then 8 clients paced (exponential waits, latency counted from when each call was due) so that together they offer
# half of that database's flat-out patient-view rate: the latency target is read there (flat out on 2 cores shared
# with the client and the database measures queueing, not the app).
# Prints one line per run: database, scenario, clients, requests, failures, p50, p99, requests per second.
#
# Usage: bench/cds-load.sh [SECONDS]   seconds per run (default 20; every run is first warmed up for 5 s, not counted)
# Environment:
#   KNEESPINE_LOAD_DATABASES="sqlite postgres"  which databases to run (default both)
#   KNEESPINE_CDS_PACED_RATE=N                  pace the last runs at N requests/s instead of half the flat-out rate
#   KNEESPINE_LOAD_POSTGRES="Host=...;Port=...;Username=..."  the PostgreSQL server (a fresh database is created and
#       dropped); required for postgres
# Needs python3 with the cryptography package (to sign the JWTs) and curl. With dotnet-counters on PATH (`dotnet tool
# install --global dotnet-counters`) the paced runs also print the server's own request-duration p99 over the run
# and the GC's pause time. Results go in docs/benchmarks.md by hand,
# with the machine's load average, which the script prints.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
seconds=${1:-20}
warmup=5
databases=${KNEESPINE_LOAD_DATABASES:-sqlite postgres}
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] && [ "$seconds" -le 300 ] || { echo "SECONDS must be 1..300" >&2; exit 2; }
python3 -c 'import cryptography' 2>/dev/null || { echo "python3 needs the cryptography package" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 2; }

work=$(mktemp -d /tmp/kneespine-cds-load.XXXXXX)
pg_database=kneespine_cds_load_$$
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}
drop_postgres_database() {
  [ -n "${KNEESPINE_LOAD_POSTGRES:-}" ] || return 0
  python3 - "$KNEESPINE_LOAD_POSTGRES" "$pg_database" <<'PY' || true
import subprocess, sys, glob
parts = {k.strip().lower(): v.strip() for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)}
psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
subprocess.run([psql, "-h", parts.get("host", "127.0.0.1"), "-p", parts.get("port", "5432"), "-U", parts.get("username", "postgres"),
                "-d", "postgres", "-qc", f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)'], check=False)
PY
}
trap 'stop_server; drop_postgres_database; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

dotnet build src/KneeSpine.Cli -c Release -nologo -v quiet >&2
cli=(dotnet src/KneeSpine.Cli/bin/Release/net10.0/kneespine.dll)
python3 bench/load/cds_client.py keys "$work"

for db in $databases; do
  dbenv=("KneeSpine__DataDirectory=$work/$db-data")
  case $db in
    sqlite) ;;
    postgres)
      [ -n "${KNEESPINE_LOAD_POSTGRES:-}" ] || { echo "set KNEESPINE_LOAD_POSTGRES for the postgres run" >&2; exit 2; }
      dbenv+=("KneeSpine__Database__Provider=postgres" "KneeSpine__Database__ConnectionString=$KNEESPINE_LOAD_POSTGRES;Database=$pg_database");;
    *) echo "unknown database '$db' (sqlite or postgres)" >&2; exit 2;;
  esac
  port=$(free_port)
  base="http://127.0.0.1:$port"
  # The JWT audience is the URL the service is called on; the app trusts the bench EHR's JWKS.
  env "${dbenv[@]}" ASPNETCORE_ENVIRONMENT=Production DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}" \
    KneeSpine__CdsHooks__Clients__0__Issuer=https://ehr.bench.invalid KneeSpine__CdsHooks__Clients__0__JwksPath="$work/jwks.json" \
    KneeSpine__CdsHooks__PublicBaseUrl="$base" \
    "${cli[@]}" serve --urls "$base" --data "$work/$db-data" >"$work/server-$db.log" 2>&1 &
  server_pid=$!
  wait_ready "$base" "$server_pid" "$work/server-$db.log"

  email="cds-load@example.org"
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  printf '%s\n' "$password" | env "${dbenv[@]}" "${cli[@]}" user add --email "$email" --role clinician --data "$work/$db-data" >/dev/null
  token=$(env "${dbenv[@]}" "${cli[@]}" token create --user "$email" --name cds-load --days 1 --data "$work/$db-data" 2>/dev/null)
  patient=$(python3 bench/load/cds_client.py seed "$base" "$token")

  flat_out_rps=0
  for clients in 1 8; do
    for scenario in cds health; do
      python3 bench/load/cds_client.py run "$base" "$work" "$patient" "$clients" "$warmup" "$scenario" >/dev/null
      result=$(python3 bench/load/cds_client.py run "$base" "$work" "$patient" "$clients" "$seconds" "$scenario")
      echo "$db $scenario clients=$clients ${result#RESULT } loadavg=$(cut -d' ' -f1 /proc/loadavg)"
      if [ "$scenario" = cds ] && [ "$clients" = 8 ]; then flat_out_rps=$(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$result"); fi
    done
  done
  half=${KNEESPINE_CDS_PACED_RATE:-$(( flat_out_rps / 2 ))}
  for scenario in cds health; do
    counters=""
    if command -v dotnet-counters >/dev/null; then
      # The server's own view of the paced run: ASP.NET Core's request-duration percentiles over one window that
      # holds the whole run, and the GC's pauses, to tell the app's time from the clients' own delays (8 Python
      # processes on the same 2 cores wake up late when the app is busy).
      counters="$work/counters-$db-$scenario.csv"
      dotnet-counters collect -p "$server_pid" --refresh-interval "$(( seconds + 6 ))" --format csv -o "$counters" \
        --counters "System.Runtime[dotnet.gc.pause.time,dotnet.gc.collections],Microsoft.AspNetCore.Hosting[http.server.request.duration]" \
        --duration "00:00:00:$(( seconds + 8 ))" >/dev/null 2>&1 &
      counters_pid=$!
      sleep 1
    fi
    result=$(python3 bench/load/cds_client.py run "$base" "$work" "$patient" 8 "$seconds" "$scenario" "$half")
    echo "$db $scenario clients=8 paced=${half}/s ${result#RESULT } loadavg=$(cut -d' ' -f1 /proc/loadavg)"
    if [ -n "$counters" ]; then
      wait "$counters_pid" 2>/dev/null || true
      python3 bench/load/cds_client.py counters "$counters" "$db $scenario"
    fi
  done
  # Each call's information logs: a quiet CDS path writes none per call.
  echo "$db log lines: $(wc -l <"$work/server-$db.log")" >&2
  stop_server
done
