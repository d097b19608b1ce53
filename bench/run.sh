#!/usr/bin/env bash
# Benchmark: how fast the read-only suite checks the standalone reference server, against the floor
# (the same requests replayed by a plain HttpClient loop with the same concurrency) and Dredd on the
# same endpoints. Loopback only; every step is bounded and stops by itself. Prints the figures and
# writes bench/results/latest.json and latest.txt (override the folder with BENCH_RESULTS).
#   bench/run.sh                 builds once (not measured), then measures
#   BENCH_NO_BUILD=1 bench/run.sh    uses the existing Debug build (CI builds before)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${BENCH_CONFIGURATION:-Debug}
results=${BENCH_RESULTS:-$root/bench/results}
mkdir -p "$results"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"   # holds the request log, which carries this run's throwaway API key
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bin() { echo "$root/$1/bin/$configuration/net10.0/$2.dll"; }

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "== build (not measured)"
  dotnet build Conformance.sln -c "$configuration" -warnaserror -nologo -v q 2>&1 | tail -n 2
fi
if [ ! -x bench/node_modules/.bin/dredd ]; then
  echo "== npm ci --prefix bench (Dredd, Redocly CLI; pinned in bench/package-lock.json)"
  npm ci --prefix bench --no-audit --no-fund >/dev/null
fi

echo "== reference server (standalone, free loopback ports, request log on)"
key=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
dotnet "$(bin src/Conformance.ReferenceServer Conformance.ReferenceServer)" \
  --archivematica-url http://127.0.0.1:0 --storage-service-url http://127.0.0.1:0 \
  --api-key "$key" --password "$password" --request-log "$work/requests.jsonl" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  grep -q '^Storage Service API' "$work/server.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
am=$(sed -n 's|^Archivematica dashboard API: *\(http://[^ ]*\)/ .*|\1|p' "$work/server.log")
ss=$(sed -n 's|^Storage Service API: *\(http://[^ ]*\)/ .*|\1|p' "$work/server.log")
[ -n "$am" ] && [ -n "$ss" ] || { echo "the reference server did not start:"; cat "$work/server.log"; exit 1; }
echo "   dashboard $am, Storage Service $ss"
workers=$(sed -n 's|.*<NumberOfTestWorkers>\([0-9]*\)</NumberOfTestWorkers>.*|\1|p' runsettings/default.runsettings)

runs=${BENCH_RUNS:-3}
echo "== suite: dotnet test tests/Conformance.Tests --no-build --filter TestCategory=read-only ($workers workers, $runs runs)"
# The reference server's own placeholder values (ReferenceData.cs), so no read-only case lacks its input.
suite_env=(ARCHIVEMATICA_URL=$am ARCHIVEMATICA_USER=test ARCHIVEMATICA_API_KEY=$key
  STORAGE_SERVICE_URL=$ss STORAGE_SERVICE_USER=test STORAGE_SERVICE_API_KEY=$key STORAGE_SERVICE_PASSWORD=$password
  TRANSFER_SOURCE_LOCATION=c4a3d8f2-6b1e-4c0a-9f3e-2d7b5a1e8c40 TRANSFER_SOURCE_PATH=sample-transfers/conformance ARRANGE_PATH=/arrange/conformance/)
: >"$work/suite.runs"
# The reference server is a .NET process: its code is compiled again, optimised, once it has run a
# while. Timing the suite against a server still doing that and the floor against a settled one
# would compare two different targets, so both are timed only after a warm-up that is not counted.
echo "== warm-up (not measured): one suite run, then its requests replayed 5 times"
env "${suite_env[@]}" timeout 600 dotnet test tests/Conformance.Tests -c "$configuration" --no-build --filter TestCategory=read-only \
  --results-directory "$work/warm-up" >"$work/warm-up.log" 2>&1 || true   # failures show in the measured runs
timeout 300 dotnet "$(bin bench/Replay Conformance.Bench.Replay)" --log "$work/requests.jsonl" --concurrency "$workers" --repeat 5 >/dev/null
cut -d' ' -f1 /proc/loadavg >"$work/load.before"
for run in $(seq 1 "$runs"); do
  lines=$(wc -l <"$work/requests.jsonl")
  start=$(date +%s.%N)
  status=0
  env "${suite_env[@]}" timeout 600 dotnet test tests/Conformance.Tests -c "$configuration" --no-build --filter TestCategory=read-only \
    --logger "trx;LogFileName=suite-$run.trx" --results-directory "$work/suite" >"$work/suite-$run.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  tail -n +$((lines + 1)) "$work/requests.jsonl" >"$work/suite-$run.jsonl"
  echo "$run $start $end $status" >>"$work/suite.runs"
  echo "   run $run: $(tail -n 1 "$work/suite-$run.log")"
done
cp "$work/suite-1.jsonl" "$work/suite.jsonl"

echo "== floor: the same $(wc -l <"$work/suite.jsonl") requests, plain HttpClient, $workers at a time (3 rounds)"
timeout 300 dotnet "$(bin bench/Replay Conformance.Bench.Replay)" --log "$work/suite.jsonl" --concurrency "$workers" --repeat 3 --json "$work/floor.json" >/dev/null

echo "== engine: the catalogue's read-only cases through the framework without NUnit and vstest ($workers at a time, $runs runs)"
for run in $(seq 1 "$runs"); do
  env "${suite_env[@]}" timeout 300 dotnet "$(bin bench/Engine Conformance.Bench.Engine)" --root "$root" --concurrency "$workers" --json "$work/engine-$run.json" >/dev/null
done

echo "== Dredd $(bench/node_modules/.bin/dredd --version 2>/dev/null | awk '{print $2}') on the same read-only endpoints (Swagger 2 form of schemas/openapi.json)"
openapi="$(bin tools/Conformance.OpenApi Conformance.OpenApi)"
: >"$work/dredd.txt"
for service in archivematica storage; do
  url=$([ $service = archivematica ] && echo "$am" || echo "$ss")
  dotnet "$openapi" dredd --service $service --request-log "$work/suite.jsonl" --out "$work/dredd-$service.json" >"$work/dredd-$service.omitted.txt"
  s=$(date +%s.%N)
  dredd_status=0
  timeout 300 bench/node_modules/.bin/dredd "$work/dredd-$service.json" "$url" --header "Authorization: ApiKey test:$key" \
    --loglevel warning --no-color >"$work/dredd-$service.log" 2>&1 || dredd_status=$?
  e=$(date +%s.%N)
  echo "$service $s $e $dredd_status" >>"$work/dredd.txt"
  grep -E '^complete:' "$work/dredd-$service.log" | sed "s/^/   $service /" || true
done

cut -d' ' -f1 /proc/loadavg >"$work/load.after"
python3 bench/summarize.py --work "$work" --results "$results" --workers "$workers"
