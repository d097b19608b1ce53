#!/usr/bin/env python3
"""Turns one bench/run.sh run into bench/results/latest.json and latest.txt, and prints the summary."""
import argparse, datetime, json, os, platform, re, subprocess, xml.etree.ElementTree as ET

p = argparse.ArgumentParser()
for name in ("work", "results", "suite-start", "suite-end", "suite-status", "workers", "dashboard", "storage"):
    p.add_argument("--" + name, required=True)
a = p.parse_args()
work = a.work

# The suite: wall time of `dotnet test --no-build`, its own run time (TRX), outcomes, and what the server received.
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
trx = ET.parse(os.path.join(work, "suite", "suite.trx")).getroot()
times = trx.find("t:Times", ns)
def ts(s):
    return datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", s))
outcomes = {}
for r in trx.iter("{%s}UnitTestResult" % ns["t"]):
    outcomes[r.get("outcome")] = outcomes.get(r.get("outcome"), 0) + 1
requests = [json.loads(l) for l in open(os.path.join(work, "suite.jsonl")) if l.strip()]
first = min(r["time"] for r in requests)
last = max(r["time"] + r["milliseconds"] / 1000 for r in requests)
span = last - first
suite = {
    "command": "dotnet test tests/Conformance.Tests --no-build --filter TestCategory=read-only",
    "workers": int(a.workers),
    "exitCode": int(a.suite_status),
    "wallSeconds": round(float(a.suite_end) - float(a.suite_start), 2),
    "testRunSeconds": round((ts(times.get("finish")) - ts(times.get("start"))).total_seconds(), 2),
    "requests": len(requests),
    "requestSpanSeconds": round(span, 3),
    "requestsPerSecond": round(len(requests) / span, 1),
    "passed": outcomes.get("Passed", 0),
    "failed": outcomes.get("Failed", 0),
    "notRun": outcomes.get("NotExecuted", 0) + outcomes.get("Inconclusive", 0),
}

floor = json.load(open(os.path.join(work, "floor.json")))
engine = json.load(open(os.path.join(work, "engine.json")))

dredd = {"services": {}, "omitted": []}
for line in open(os.path.join(work, "dredd.txt")):
    service, start, end, status = line.split()
    log = open(os.path.join(work, "dredd-%s.log" % service), errors="replace").read()
    m = re.search(r"complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total", log)
    took = re.search(r"complete: Tests took (\d+)ms", log)
    counts = dict(zip(("passing", "failing", "errors", "skipped", "total"), map(int, m.groups()))) if m else {"total": 0, "error": log.strip().splitlines()[-1:]}
    dredd["services"][service] = dict(counts, exitCode=int(status), wallSeconds=round(float(end) - float(start), 2),
                                      testsTookSeconds=round(int(took.group(1)) / 1000, 3) if took else None)
    for o in open(os.path.join(work, "dredd-%s.omitted.txt" % service)).read().splitlines()[1:]:
        dredd["omitted"].append(o.strip())
svc = dredd["services"].values()
dredd["checks"] = sum(s.get("total", 0) for s in svc)
dredd["passing"] = sum(s.get("passing", 0) for s in svc)
dredd["failing"] = sum(s.get("failing", 0) + s.get("errors", 0) for s in svc)
dredd["wallSeconds"] = round(sum(s["wallSeconds"] for s in svc), 2)
dredd["testsTookSeconds"] = round(sum(s["testsTookSeconds"] or 0 for s in svc), 3)

def dotnet_version():
    try:
        return subprocess.run(["dotnet", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return None

result = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "machine": {"cores": os.cpu_count(), "os": platform.platform(), "dotnet": dotnet_version()},
    "suite": suite,
    "floor": floor,
    "engine": engine,
    "ratio": {
        "suiteSpanOverFloor": round(span / floor["seconds"], 2),
        "throughputShareOfFloor": round(suite["requestsPerSecond"] / floor["requestsPerSecond"], 3),
    },
    "dredd": dredd,
    "targets": {
        "testRunUnder15s": suite["testRunSeconds"] < 15,
        "atLeastHalfTheFloorThroughput": suite["requestsPerSecond"] >= floor["requestsPerSecond"] / 2,
    },
}

text = f"""Benchmark {result['date']} on {result['machine']['cores']} cores (.NET {result['machine']['dotnet']})
Suite (read-only, standalone reference server, {suite['workers']} workers): {suite['passed']} passed, {suite['failed']} failed, {suite['notRun']} not run
  wall {suite['wallSeconds']} s (dotnet test --no-build), test run {suite['testRunSeconds']} s (TRX)
  {suite['requests']} requests in {suite['requestSpanSeconds']} s from first to last = {suite['requestsPerSecond']} req/s
Floor (same requests, plain HttpClient loop, {floor['concurrency']} at a time): median {floor['seconds']} s of {floor['runs']} = {floor['requestsPerSecond']} req/s
Engine (the suite's read-only cases through the framework, no NUnit/vstest, one cold round): {engine['requests']} requests in {engine['seconds']} s = {engine['requestsPerSecond']} req/s ({engine['passed']} of {engine['cases']} cases passed)
Ratio: the suite's requests take {result['ratio']['suiteSpanOverFloor']}x the floor's time; throughput {round(100 * result['ratio']['throughputShareOfFloor'], 1)} % of the floor
Dredd (same read-only endpoints): {dredd['checks']} checks ({dredd['passing']} passing, {dredd['failing']} failing) in {dredd['wallSeconds']} s wall, {dredd['testsTookSeconds']} s of requests
""" + "".join(f"  {name}: {s.get('total', 0)} checks, {s['wallSeconds']} s wall\n" for name, s in dredd["services"].items()) \
  + (f"  left out of Dredd ({len(dredd['omitted'])}): " + "; ".join(dredd["omitted"]) + "\n" if dredd["omitted"] else "") \
  + f"Targets: test run under 15 s: {'yes' if result['targets']['testRunUnder15s'] else 'no'}; at least half the floor's throughput: {'yes' if result['targets']['atLeastHalfTheFloorThroughput'] else 'no'}\n"

os.makedirs(a.results, exist_ok=True)
with open(os.path.join(a.results, "latest.json"), "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
with open(os.path.join(a.results, "latest.txt"), "w") as f:
    f.write(text)
print(text, end="")
print(f"(written to {os.path.join(a.results, 'latest.json')} and latest.txt)")
