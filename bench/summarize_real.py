#!/usr/bin/env python3
"""Turns one bench/real.sh run (its work folder) into bench/results/real-latest.json and real-latest.txt, and prints the summary.
Each suite run is paired with the replay of its own capture right after it; the figures are medians of the runs, each run is kept."""
from figures import captured_requests, dotnet_version, suite_outcome, write
import argparse, datetime, json, os, platform, re, statistics

p = argparse.ArgumentParser()
p.add_argument("--work", required=True)
p.add_argument("--results", required=True)
p.add_argument("--workers", required=True, type=int)
p.add_argument("--archivematica-version", default="")
p.add_argument("--storage-service-version", default="")
p.add_argument("--note", default="")
a = p.parse_args()
work = a.work
# Requests sent one after another before the read-only burst (or outside it): preflight, discovery, scratch copies, state reads.
SETUP = re.compile(r"^(preflight|discovery: |scratch copy: |state read: )")



def test_name(request):
    return next((v for k, v in request["headers"] if k.lower() == "x-conformance-test"), "")


def span(requests):
    first = min(r["time"] for r in requests)
    last = max(r["received"] for r in requests)
    return round(last - first, 3)


def run(number, start, end, status):
    requests = captured_requests(work, number)
    burst = [r for r in requests if not SETUP.match(test_name(r))]
    floor = json.load(open(os.path.join(work, "floor-%s.json" % number)))
    seconds = span(requests)
    return {
        **suite_outcome(work, number, start, end, status),
        "requests": len(requests),
        "spanSeconds": seconds,
        "requestsPerSecond": round(len(requests) / seconds, 1),
        "transportErrors": sum(1 for r in requests if r["status"] == 0),
        "burstRequests": len(burst),
        "burstSeconds": span(burst),
        "floorSeconds": floor["seconds"],
        "floorRequestsPerSecond": floor["requestsPerSecond"],
        "floorStatusMismatches": floor["statusMismatches"],
        "floorTransportErrors": floor["transportErrors"],
        "throughputShareOfFloor": round(floor["seconds"] / seconds, 3),
    }


runs = [run(*line.split()) for line in open(os.path.join(work, "suite.runs"))]
median = lambda key: statistics.median(r[key] for r in runs)



load = [float(open(os.path.join(work, f)).read().strip()) for f in ("load.before", "load.after")]
share = median("throughputShareOfFloor")
result = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "target": {"archivematica": a.archivematica_version or None, "storageService": a.storage_service_version or None,
               "where": "loopback"},
    "machine": {"cores": os.cpu_count(), "os": platform.platform(), "dotnet": dotnet_version(),
                "loadAverageBefore": load[0], "loadAverageAfter": load[1], "note": a.note or None},
    "command": "dotnet test tests/Conformance.Tests --no-build --filter TestCategory=read-only (RequestLog on, writes off)",
    "floor": "the same captured requests, plain HttpClient loop (bench/Replay), %d at a time, right after each suite run" % a.workers,
    "warmUp": "one suite run before any timing, not counted",
    "workers": a.workers,
    "runs": runs,
    "median": {k: median(k) for k in ("wallSeconds", "testRunSeconds", "requests", "spanSeconds", "requestsPerSecond",
                                      "burstRequests", "burstSeconds", "floorSeconds", "floorRequestsPerSecond", "throughputShareOfFloor")},
    "targets": {"burstAtLeast90PercentOfTheFloor": share >= 0.9},
}

m = result["median"]
pct = lambda x: "%.1f %%" % (100 * x)
text = (
    f"Real-services benchmark {result['date']}: Archivematica {a.archivematica_version or '?'} dashboard and Storage Service "
    f"{a.storage_service_version or '?'} on loopback; {result['machine']['cores']} cores (.NET {result['machine']['dotnet']}), "
    f"1-min load average {load[0]} before, {load[1]} after\n"
    + (f"Note: {a.note}\n" if a.note else "")
    + f"Suite (read-only, {a.workers} workers, after one uncounted run; median of {len(runs)} runs): "
    f"{runs[0]['passed']} passed, {max(r['failed'] for r in runs)} failed, {runs[0]['notRun']} not run\n"
    f"  wall {m['wallSeconds']} s (dotnet test --no-build), test run {m['testRunSeconds']} s (TRX)\n"
    f"  {m['requests']} requests from the first sent to the last answer read: {m['spanSeconds']} s = {m['requestsPerSecond']} req/s "
    f"(the {m['burstRequests']} after preflight and discovery: {m['burstSeconds']} s)\n"
    f"Floor (the same requests, plain HttpClient loop, {a.workers} at a time, right after each run): {m['floorSeconds']} s "
    f"= {m['floorRequestsPerSecond']} req/s\n"
    f"Burst throughput: {pct(share)} of the floor (per run: {', '.join(pct(r['throughputShareOfFloor']) for r in runs)}); "
    f"at least 90 %: {'yes' if result['targets']['burstAtLeast90PercentOfTheFloor'] else 'no'}\n"
    + "".join(f"  run {i}: suite {r['spanSeconds']} s, floor {r['floorSeconds']} s, test run {r['testRunSeconds']} s, "
              f"{r['passed']} passed / {r['failed']} failed / {r['notRun']} not run; transport errors (no answer in time): suite {r['transportErrors']}, "
              f"floor {r['floorTransportErrors']}; floor answers with another status than the suite got: {r['floorStatusMismatches']}\n" for i, r in enumerate(runs, 1))
)

write(a.results, "real-latest", result, text)
