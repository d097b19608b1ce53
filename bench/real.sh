#!/usr/bin/env bash
# Benchmark against a real Archivematica dashboard and Storage Service: how fast the read-only suite's
# requests go out and come back (the burst, from the suite's own capture, RequestLog) against the
# floor (the very same requests replayed by a plain HttpClient loop with the suite's concurrency), and
# the whole test run. Read-only (writes are switched off whatever the environment says), loopback only,
# every step bounded; it stops by itself. Writes bench/results/real-latest.json and real-latest.txt.
#   . /path/to/target-env.sh && bench/real.sh
# The target comes from the suite's own variables (ARCHIVEMATICA_URL, ARCHIVEMATICA_USER,
# ARCHIVEMATICA_API_KEY, STORAGE_SERVICE_URL, ... see the README's settings table); nothing of them is
# printed. BENCH_RUNS (3) suite runs, each followed by one replay of its capture; BENCH_NO_BUILD=1
# reuses the Debug build; BENCH_RESULTS another folder; BENCH_NOTE a line on the machine's load;
# BENCH_KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${BENCH_CONFIGURATION:-Debug}
results=${BENCH_RESULTS:-$root/bench/results}
runs=${BENCH_RUNS:-3}
mkdir -p "$results"
work=$(mktemp -d)
# BENCH_KEEP=1 keeps the work folder (captures, logs, TRX; the captures hold placeholders, not keys) and prints where.
trap 'if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "(work folder kept: $work)"; else rm -rf "$work"; fi' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bin() { echo "$root/$1/bin/$configuration/net10.0/$2.dll"; }

loopback() { [[ "$1" =~ ^https?://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(/.*)?$ ]]; }
for name in ARCHIVEMATICA_URL STORAGE_SERVICE_URL; do
  url=${!name:-}
  [ -n "$url" ] || { echo "$name is not set: source the target's environment first."; exit 1; }
  loopback "$url" || { echo "$name is not a loopback URL: this benchmark only measures a target on this machine."; exit 1; }
done
# Read-only whatever the environment says; the capture goes to the work folder, reports too.
export ALLOW_WRITES=false ALLOW_DESTRUCTIVE=false ALLOW_HOSTILE_WRITES=false DRY_RUN=false
export STATEMENT_DIRECTORY="$work/statement"
unset REQUEST_LOG

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "== build (not measured)"
  dotnet build Conformance.sln -c "$configuration" -warnaserror -nologo -v q 2>&1 | tail -n 2
fi
workers=$(sed -n 's|.*<NumberOfTestWorkers>\([0-9]*\)</NumberOfTestWorkers>.*|\1|p' runsettings/default.runsettings)

# The dashboard's release, from its X-Archivematica-Version header; the key goes through a private file, not the command line.
umask 077
printf 'Authorization: ApiKey %s:%s\n' "$ARCHIVEMATICA_USER" "$ARCHIVEMATICA_API_KEY" >"$work/auth.header"
curl -s -m 10 -o /dev/null -D - -H @"$work/auth.header" "${ARCHIVEMATICA_URL%/}/api/transfer/completed/" \
  | sed -n 's/^[Xx]-[Aa]rchivematica-[Vv]ersion: *\([^[:space:]]*\).*/\1/p' >"$work/am.version" || true
rm -f "$work/auth.header"
echo "== target: dashboard $ARCHIVEMATICA_URL ($(cat "$work/am.version")), Storage Service $STORAGE_SERVICE_URL (${STORAGE_SERVICE_VERSION:-version not set})"

suite() {  # $1: run name; the suite, read-only, its requests captured to $work/$1.jsonl
  REQUEST_LOG="$work/$1.jsonl" ALLURE_RESULTS_DIRECTORY="$work/allure-$1" timeout 600 \
    dotnet test tests/Conformance.Tests -c "$configuration" --no-build --filter TestCategory=read-only \
    --logger "trx;LogFileName=$1.trx" --results-directory "$work/suite" >"$work/$1.log" 2>&1
}

echo "== warm-up (not measured): one suite run"
suite warm-up || true   # failures show in the measured runs
cut -d' ' -f1 /proc/loadavg >"$work/load.before"
: >"$work/suite.runs"
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  status=0
  suite "suite-$run" || status=$?
  end=$(date +%s.%N)
  echo "$run $start $end $status" >>"$work/suite.runs"
  echo "   suite run $run: $(tail -n 1 "$work/suite-$run.log")"
  # The floor right after, so both meet the target (and the machine) in the same state.
  timeout 600 dotnet "$(bin bench/Replay Conformance.Bench.Replay)" --log "$work/suite-$run.jsonl" \
    --concurrency "$workers" --repeat 1 --json "$work/floor-$run.json" >/dev/null || true
  echo "   floor $run: $(wc -l <"$work/suite-$run.jsonl") requests replayed, $workers at a time"
done
cut -d' ' -f1 /proc/loadavg >"$work/load.after"

python3 bench/summarize_real.py --work "$work" --results "$results" --workers "$workers" \
  --archivematica-version "$(cat "$work/am.version")" --storage-service-version "${STORAGE_SERVICE_VERSION:-}" \
  --note "${BENCH_NOTE:-}"
