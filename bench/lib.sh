# shellcheck shell=bash
# Shell pieces the bench scripts share; sourced, not run. Each function says what it needs.

# wait_ready BASE PID LOG: waits (up to 2 minutes) until the app at BASE answers /health/ready; shows LOG and fails
# when the process PID ends first or the app never becomes ready.
wait_ready() {
  for _ in $(seq 1 240); do
    curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not become ready" >&2; cat "$3" >&2; exit 1
}

# sign_in BASE EMAIL PASSWORD JAR: signs in through the real form (antiforgery token and cookie, as a browser does)
# and prints the session's "Cookie: ..." request header.
sign_in() {
  local page="$4.login.html" antiforgery status
  curl -fs -c "$4" -b "$4" "$1/account/login" -o "$page"
  antiforgery=$(python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", open(sys.argv[1]).read()).group(1))' "$page")
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$4" -b "$4" "$1/account/login" \
    --data-urlencode "Input.Email=$2" --data-urlencode "Input.Password=$3" --data-urlencode "__RequestVerificationToken=$antiforgery")
  [ "$status" = 302 ] || { echo "sign-in answered $status, expected 302" >&2; exit 1; }
  echo "Cookie: $(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$4")"
}

# psql_run ARGS...: Debian's newest psql against the server KNEESPINE_BENCH_POSTGRES names (Host=...;Port=...;Username=...).
pg_bin=$(dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/psql | sort -V | tail -n1)")
pg_field() { tr ';' '\n' <<<"$KNEESPINE_BENCH_POSTGRES" | sed -n "s/^$1=//Ip" | head -n1; }
psql_run() { PGHOST=$(pg_field Host) PGPORT=$(pg_field Port) PGUSER=$(pg_field Username) "$pg_bin/psql" -v ON_ERROR_STOP=1 -q "$@"; }
