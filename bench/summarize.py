#!/usr/bin/env python3
"""Turns one bench/run.sh run (its work folder) into bench/results/latest.json and latest.txt, and prints the summary.
Suite and engine runs are repeated (BENCH_RUNS); the figures are medians, each run is kept in the JSON."""
from figures import captured_requests, dotnet_version, suite_outcome, write
import argparse, datetime, glob, json, os, platform, re, statistics

p = argparse.ArgumentParser()
p.add_argument("--work", required=True)
p.add_argument("--results", required=True)
p.add_argument("--workers", required=True, type=int)
a = p.parse_args()
work = a.work



def suite_run(number, start, end, status):
    requests = captured_requests(work, number)
    first = min(r["time"] for r in requests)
    last = max(r["time"] + r["milliseconds"] / 1000 for r in requests)
    return {
        **suite_outcome(work, number, start, end, status),
        "requests": len(requests),
        "requestSpanSeconds": round(last - first, 3),
        "requestsPerSecond": round(len(requests) / (last - first), 1),
    }


runs = [suite_run(*line.split()) for line in open(os.path.join(work, "suite.runs"))]
median = lambda key: statistics.median(r[key] for r in runs)
suite = {
    "command": "dotnet test tests/Conformance.Tests --no-build --filter TestCategory=read-only",
    "warmUp": "before any timing: one suite run and five replays of its requests, not counted",
    "workers": a.workers,
    "runs": runs,
    "wallSeconds": median("wallSeconds"),
    "testRunSeconds": median("testRunSeconds"),
    "requests": runs[0]["requests"],
    "requestSpanSeconds": median("requestSpanSeconds"),
    "requestsPerSecond": median("requestsPerSecond"),
    "passed": runs[0]["passed"], "failed": max(r["failed"] for r in runs), "notRun": runs[0]["notRun"],
    "exitCode": max(r["exitCode"] for r in runs),
}

floor = json.load(open(os.path.join(work, "floor.json")))
engines = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(work, "engine-*.json")))]
engine = {
    "runs": engines,
    "requests": engines[0]["requests"], "cases": engines[0]["cases"], "passed": engines[0]["passed"],
    "seconds": statistics.median(e["seconds"] for e in engines),
    "requestsPerSecond": statistics.median(e["requestsPerSecond"] for e in engines),
}

dredd = {"services": {}, "omitted": []}
for line in open(os.path.join(work, "dredd.txt")):
    service, start, end, status = line.split()
    log = open(os.path.join(work, "dredd-%s.log" % service), errors="replace").read()
    m = re.search(r"complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total", log)
    took = re.search(r"complete: Tests took (\d+)ms", log)
    counts = dict(zip(("passing", "failing", "errors", "skipped", "total"), map(int, m.groups()))) if m else {"total": 0, "errors": 1}
    dredd["services"][service] = dict(counts, exitCode=int(status), wallSeconds=round(float(end) - float(start), 2),
                                      testsTookSeconds=round(int(took.group(1)) / 1000, 3) if took else None)
    dredd["omitted"] += [o.strip() for o in open(os.path.join(work, "dredd-%s.omitted.txt" % service)).read().splitlines()[1:]]
services = dredd["services"].values()
dredd["checks"] = sum(s.get("total", 0) for s in services)
dredd["passing"] = sum(s.get("passing", 0) for s in services)
dredd["failing"] = sum(s.get("failing", 0) + s.get("errors", 0) for s in services)
dredd["wallSeconds"] = round(sum(s["wallSeconds"] for s in services), 2)
dredd["testsTookSeconds"] = round(sum(s["testsTookSeconds"] or 0 for s in services), 3)



load = [open(os.path.join(work, f)).read().strip() for f in ("load.before", "load.after")]
result = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "machine": {"cores": os.cpu_count(), "os": platform.platform(), "dotnet": dotnet_version(),
                "loadAverageBefore": float(load[0]), "loadAverageAfter": float(load[1])},
    "suite": suite,
    "floor": floor,
    "engine": engine,
    "ratio": {
        "suiteSpanOverFloor": round(suite["requestSpanSeconds"] / floor["seconds"], 2),
        "throughputShareOfFloor": round(suite["requestsPerSecond"] / floor["requestsPerSecond"], 3),
        "engineThroughputShareOfFloor": round(engine["requestsPerSecond"] / floor["requestsPerSecond"], 3),
    },
    "dredd": dredd,
    "targets": {
        "testRunUnder15s": suite["testRunSeconds"] < 15,
        "atLeastHalfTheFloorThroughput": suite["requestsPerSecond"] >= floor["requestsPerSecond"] / 2,
    },
}

pct = lambda x: "%.1f %%" % (100 * x)
text = (
    f"Benchmark {result['date']} on {result['machine']['cores']} cores (.NET {result['machine']['dotnet']}), "
    f"1-min load average {load[0]} before, {load[1]} after (a shared machine: read the ratio, not the seconds)\n"
    f"Suite (read-only, standalone reference server warmed up by one uncounted run, {a.workers} workers; median of {len(runs)} runs): "
    f"{suite['passed']} passed, {suite['failed']} failed, {suite['notRun']} not run\n"
    f"  wall {suite['wallSeconds']} s (dotnet test --no-build), test run {suite['testRunSeconds']} s (TRX)\n"
    f"  {suite['requests']} requests in {suite['requestSpanSeconds']} s from first to last = {suite['requestsPerSecond']} req/s\n"
    f"Floor (the same requests, plain HttpClient loop, {floor['concurrency']} at a time): median {floor['seconds']} s of {floor['runs']} "
    f"= {floor['requestsPerSecond']} req/s\n"
    f"Engine (the catalogue's read-only cases through the framework, no NUnit/vstest, no pagination walks; median of {len(engines)} cold runs): "
    f"{engine['requests']} requests in {engine['seconds']} s = {engine['requestsPerSecond']} req/s\n"
    f"Ratio: the suite's requests take {result['ratio']['suiteSpanOverFloor']}x the floor's time; throughput "
    f"{pct(result['ratio']['throughputShareOfFloor'])} of the floor (engine {pct(result['ratio']['engineThroughputShareOfFloor'])})\n"
    f"Dredd (the same read-only endpoints): {dredd['checks']} checks ({dredd['passing']} passing, {dredd['failing']} failing) "
    f"in {dredd['wallSeconds']} s wall, {dredd['testsTookSeconds']} s of requests\n"
    + "".join(f"  {name}: {s.get('total', 0)} checks, {s['wallSeconds']} s wall\n" for name, s in dredd["services"].items())
    + (f"  left out of Dredd ({len(dredd['omitted'])}): " + "; ".join(dredd["omitted"]) + "\n" if dredd["omitted"] else "")
    + f"Targets: test run under 15 s: {'yes' if result['targets']['testRunUnder15s'] else 'no'}; "
      f"at least half the floor's throughput: {'yes' if result['targets']['atLeastHalfTheFloorThroughput'] else 'no'}\n"
)

write(a.results, "latest", result, text)
