#!/usr/bin/env bash
# `kneespine import` of FHIR NDJSON (issue 14): resources per second, the raw-insert floor of the same lines into the
# same database (one table, one transaction) from the same run, and peak RSS, for a first import and a re-import.
# On PostgreSQL the import stores each batch's new rows by binary COPY (ADR-151); the floor there is psql's \copy.
# Usage: bench/import.sh [PATIENTS] [sqlite|postgres]    (default 20000 patients = 120,000 resources, sqlite)
# COPY=off measures EF Core's SaveChanges instead of the bulk path (PostgreSQL COPY, ADR-151; SQLite prepared inserts,
# ADR-166): KneeSpine:Import:PostgresCopy=false and KneeSpine:Import:SqliteDirectInserts=false.
# PostgreSQL: set KNEESPINE_BENCH_POSTGRES to a server connection string (Host=...;Port=...;Username=...); a throwaway
# database is created on it and dropped afterwards. Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-20000}
provider=${2:-sqlite}
work=$(mktemp -d /tmp/kneespine-import.XXXXXX)
db=kneespine_bench_$$
# shellcheck source=bench/lib.sh
. bench/lib.sh
cleanup() {
  rm -rf "$work"
  if [ "$provider" = postgres ]; then psql_run -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

config=${CONFIG:-Release}   # CONFIG=Debug only to check the script quickly; figures come from Release
dotnet build bench/KneeSpine.Benchmarks -c "$config" -nologo -v quiet
dotnet build src/KneeSpine.Cli -c "$config" -nologo -v quiet
bench=(dotnet "bench/KneeSpine.Benchmarks/bin/$config/net10.0/KneeSpine.Benchmarks.dll")
cli=(dotnet "src/KneeSpine.Cli/bin/$config/net10.0/kneespine.dll")
# README's setting for hosts that hide their CPU caches (ADR-062); a caller's value wins (0 = the runtime's default).
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000}

"${bench[@]}" fhir "$patients" "$work/in.ndjson"
lines=$(wc -l <"$work/in.ndjson")
echo "input: $lines resources ($patients patients), $(du -h "$work/in.ndjson" | cut -f1)" >&2

export KneeSpine__DataDirectory="$work/data"
if [ "$provider" = postgres ]; then
  : "${KNEESPINE_BENCH_POSTGRES:?set KNEESPINE_BENCH_POSTGRES to a PostgreSQL server connection string}"
  psql_run -d postgres -c "CREATE DATABASE $db" >/dev/null
  export KneeSpine__Database__Provider=postgres
  export KneeSpine__Database__ConnectionString="$KNEESPINE_BENCH_POSTGRES;Database=$db"
fi
if [ "${COPY:-on}" = off ]; then export KneeSpine__Import__PostgresCopy=false KneeSpine__Import__SqliteDirectInserts=false; fi

timed() { # wall seconds and peak RSS (KiB) of one run: "SECONDS KIB"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  tail -n1 "$work/time"
}
# The schema first (an empty import), so neither run pays for migrations.
: >"$work/empty.ndjson"
"${cli[@]}" import "$work/empty.ndjson" >/dev/null
read -r first_s first_kib < <(timed "${cli[@]}" import "$work/in.ndjson")
read -r again_s again_kib < <(timed "${cli[@]}" import "$work/in.ndjson")
grep -q "Imported 0, already present" "$work/out" || { echo "re-import stored something new:" >&2; cat "$work/out" >&2; exit 1; }

# The floor: the same lines into one table of the same database, in one transaction.
if [ "$provider" = postgres ]; then
  start=$(date +%s.%N)
  psql_run -d "$db" -c "CREATE TABLE raw_lines (line text NOT NULL)" \
    -c "\\copy raw_lines (line) FROM '$work/in.ndjson' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
  floor_s=$(python3 -c "import time; print(round(time.time() - $start, 3))")
else
  floor_s=$(/usr/bin/python3 - "$work/data/kneespine.db" "$work/in.ndjson" <<'PY'
import sqlite3, sys, time
start = time.time()
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE raw_lines (line TEXT NOT NULL)")
with db, open(sys.argv[2], encoding="utf-8") as lines:
    db.executemany("INSERT INTO raw_lines (line) VALUES (?)", ((l,) for l in lines))
print(round(time.time() - start, 3))
PY
)
fi

python3 - "$provider" "${COPY:-on}" "$lines" "$first_s" "$first_kib" "$again_s" "$again_kib" "$floor_s" <<'PY'
import sys
p, copy, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
first, first_kib, again, again_kib, floor = float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8])
print("| database | resources | run | time | resources/s | vs raw floor | peak RSS |")
print("|---|---:|---|---:|---:|---:|---:|")
how = "import (EF SaveChanges batches)" if copy == "off" else "import (binary COPY per batch)" if p == "postgres" else "import (prepared inserts per batch)"
print(f"| {p} | {n:,} | {how} | {first:.2f} s | {n/first:,.0f} | {floor/first:.2f}x | {first_kib/1024:,.0f} MiB |")
print(f"| {p} | {n:,} | re-import (nothing new) | {again:.2f} s | {n/again:,.0f} | {floor/again:.2f}x | {again_kib/1024:,.0f} MiB |")
print(f"| {p} | {n:,} | raw floor (one table, one transaction) | {floor:.2f} s | {n/floor:,.0f} | 1.00x | |")
PY
