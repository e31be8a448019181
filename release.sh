#!/usr/bin/env bash
# Release archives of KneeSpine: self-contained single-file builds that run on a Linux machine without .NET.
#   ./release.sh                      linux-x64 and linux-arm64 into ./artifacts
#   ./release.sh linux-x64            only the named runtime(s)
#   ./release.sh --out DIR linux-x64  somewhere else than ./artifacts
# Each archive is artifacts/kneespine-VERSION-RID.tar.gz, holding one folder kneespine-VERSION-RID/ with the `kneespine`
# executable, its SQLite library and the web assets (wwwroot). VERSION is <Version> in Directory.Build.props.
set -euo pipefail
cd "$(dirname "$0")"

out=artifacts
rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "release.sh: unknown option $1" >&2; exit 2 ;;
    *) rids+=("$1"); shift ;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)

version=$(dotnet msbuild src/KneeSpine.Cli -getProperty:Version -nologo)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/kneespine-release.XXXXXX)
trap 'rm -rf "$work"' EXIT

failed=()
for rid in "${rids[@]}"; do
  name="kneespine-$version-$rid"
  echo "Building $name"
  # --artifacts-path keeps this build's restore and objects out of the source tree's obj/ and bin/, so a release
  # never disturbs (or is disturbed by) a build or test run of the same tree.
  if ! dotnet publish src/KneeSpine.Cli -c Release -r "$rid" --self-contained -p:PublishSingleFile=true \
      -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false \
      --artifacts-path "$work/build" -o "$work/$name" -nologo -v quiet >"$work/$rid.log" 2>&1; then
    if grep -q "NU1101\|NU1102\|Unable to find package" "$work/$rid.log"; then
      echo "  not built: the runtime packs for $rid are not available from the package source:" >&2
      grep -o "error NU110[12]: [^[]*" "$work/$rid.log" | sort -u | sed 's/^/    /' >&2
    else
      sed 's/^/    /' "$work/$rid.log" >&2
    fi
    failed+=("$rid")
    continue
  fi
  # The web app's own runtimeconfig comes along with the project reference; the single file does not use it.
  rm -f "$work/$name/KneeSpine.Web.runtimeconfig.json"
  tar -C "$work" -czf "$out/$name.tar.gz" "$name"
  echo "  $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "release.sh: not built: ${failed[*]}" >&2
  exit 1
fi
