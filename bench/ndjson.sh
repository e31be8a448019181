#!/usr/bin/env bash
# Throughput of `kneespine assess --ndjson` over 1,000,000 generated assessments on ONE core, against
# the floor (System.Text.Json parse into JsonDocument + write back of the same lines, also on one core).
# Usage: bench/ndjson.sh [COUNT]   (default 1000000). Prints a Markdown table row for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=$(mktemp -d /tmp/kneespine-ndjson.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build bench/KneeSpine.Benchmarks -c Release -nologo -v quiet
dotnet build src/KneeSpine.Cli -c Release -nologo -v quiet
bench="dotnet bench/KneeSpine.Benchmarks/bin/Release/net10.0/KneeSpine.Benchmarks.dll"
cli="dotnet src/KneeSpine.Cli/bin/Release/net10.0/kneespine.dll"

$bench generate "$count" "$work/in.ndjson"
echo "input: $count lines, $(du -h "$work/in.ndjson" | cut -f1)" >&2

best() { # best of 3 wall-clock seconds for a command pinned to core 0
  local t b=999999
  for _ in 1 2 3; do
    /usr/bin/time -f %e -o "$work/time" taskset -c 0 "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    t=$(tail -n1 "$work/time")
    b=$(python3 -c "print(min($b, $t))")
  done
  echo "$b"
}
assess_s=$(best $cli assess --ndjson "$work/in.ndjson")
floor_s=$(best $bench floor "$work/in.ndjson" "$work/floor.ndjson")
python3 - "$count" "$assess_s" "$floor_s" <<'PY'
import sys
n, a, f = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"| {n:,} lines | assess --ndjson: {a:.2f} s = {n/a:,.0f} /s | floor: {f:.2f} s = {n/f:,.0f} /s | ratio {a/f:.2f}x |")
PY
