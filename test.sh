#!/usr/bin/env bash
# Runs every Strata test on a fresh Debian machine: installs what is missing, builds, tests,
# and ends with one line "N passed, N failed". Exits non-zero on any failure.
#   STRATA_SKIP_INSTALL=1   do not install system packages (the tests that need them say so)
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

apt_updated=""
apt_install() {
  [ -n "${STRATA_SKIP_INSTALL:-}" ] && return 1
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

# The .NET SDK: the machine image ships it; Debian's own archive does not.
if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK (10.0) is required and was not found on PATH; install it, then run ./test.sh again."
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL server binaries for the provider tests (the tests start a private server themselves).
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  say "installing the PostgreSQL server package"
  apt_install postgresql || say "could not install postgresql; tests that need a server will say so"
fi

# MariaDB server binaries for the MySQL provider tests (the tests start a private server themselves).
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  say "installing the MariaDB server package"
  apt_install mariadb-server || say "could not install mariadb-server; tests that need a server will say so"
fi

# Prisma's engines (tests/oracle) are the reference the oracle tests compare with. Without node or
# the registry those tests skip with the reason; the run never fails for it.
if ! command -v node >/dev/null; then
  say "installing node and npm for the Prisma oracle tests"
  apt_install nodejs npm || say "could not install node; the oracle tests will say so"
fi
if command -v npm >/dev/null; then
  stamp=tests/oracle/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ tests/oracle/package-lock.json -nt "$stamp" ]; then
    say "installing the Prisma oracle's node packages"
    npm ci --prefix tests/oracle --no-audit --no-fund --prefer-offline >/dev/null 2>&1 \
      || say "npm ci failed; the oracle tests will say so"
  fi
fi

results="$(pwd)/TestResults"
rm -rf "$results"
# Test servers live in a folder of this run; whatever is still running there at the end is stopped.
export STRATA_TEST_TMP
STRATA_TEST_TMP=$(mktemp -d /tmp/strata-test.XXXXXX)
chmod 755 "$STRATA_TEST_TMP"
cleanup() {
  for data in "$STRATA_TEST_TMP"/strata-pg-*/data; do
    [ -f "$data/postmaster.pid" ] || continue
    pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | tail -n 1)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
    else "$pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1; fi
  done
  for pid in "$STRATA_TEST_TMP"/strata-mdb-*/mysqld.pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
  done
  rm -rf "$STRATA_TEST_TMP"
}
trap cleanup EXIT
# Every SQL-cache hit also renders its SQL fresh and fails loudly if the two differ (see docs/client.md).
export STRATA_VERIFY_SQL_CACHE=1
say "building and testing"
dotnet test Strata.slnx --nologo -v quiet --logger "trx" --results-directory "$results" 2>&1 \
  | grep -vE '^\s*$|^\s*Determining projects|^\s*All projects are up-to-date' 
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  # Skipped tests are those counted in total but not executed.
  t=$(printf '%s' "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$skipped" -gt 0 ]; then
  # Each skipped test says why (for example: no ../shared/data beside this clone).
  say "skipped, with the reason:"
  for trx in "$results"/*.trx; do
    tr -d '\n' < "$trx" | sed 's#</UnitTestResult>#&\n#g' | grep 'outcome="NotExecuted"' \
      | sed -n 's#.*testName="\([^"]*\)".*<Message>\([^<]*\)</Message>.*#    \1: \2#p'
  done
fi

if [ "$failed" -gt 0 ]; then
  # Each failed test with the start of its message and stack, so a CI log alone tells what broke.
  say "failed, with the message:"
  for trx in "$results"/*.trx; do
    tr -d '\n' < "$trx" | sed 's#</UnitTestResult>#&\n#g' | grep 'outcome="Failed"' \
      | sed -n 's#.*testName="\([^"]*\)".*<Message>\([^<]*\)</Message>\(.*<StackTrace>\([^<]*\)</StackTrace>\)\{0,1\}.*#    \1: \2 | \4#p' \
      | cut -c 1-1500
  done
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could report.
  say "dotnet test exited with $status before reporting a failed test"
  failed=1
fi
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  say "no test ran"
  [ "$failed" -eq 0 ] && failed=1
fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"
else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
