"""What both benchmark summaries share: timestamps, the SDK version, and writing the figures."""
import datetime, json, os, re, subprocess, xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def when(s):
    """A .NET round-trip timestamp (7 fractional digits) as a datetime."""
    return datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", s))


def dotnet_version():
    try:
        return subprocess.run(["dotnet", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def write(results, stem, result, text):
    """Writes <stem>.json and <stem>.txt into the results folder and prints the text."""
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, stem + ".json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    with open(os.path.join(results, stem + ".txt"), "w") as f:
        f.write(text)
    print(text, end="")
    print(f"(written to {os.path.join(results, stem + '.json')} and {stem}.txt)")


def suite_outcome(work, number, start, end, status):
    """One measured suite run: exit code, wall time, the test run's time and its counts (from its TRX)."""
    trx = ET.parse(os.path.join(work, "suite", "suite-%s.trx" % number)).getroot()
    times = trx.find(NS + "Times")
    outcomes = {}
    for r in trx.iter(NS + "UnitTestResult"):
        outcomes[r.get("outcome")] = outcomes.get(r.get("outcome"), 0) + 1
    return {
        "exitCode": int(status),
        "wallSeconds": round(float(end) - float(start), 2),
        "testRunSeconds": round((when(times.get("finish")) - when(times.get("start"))).total_seconds(), 2),
        "passed": outcomes.get("Passed", 0),
        "failed": outcomes.get("Failed", 0),
        "notRun": outcomes.get("NotExecuted", 0) + outcomes.get("Inconclusive", 0),
    }


def captured_requests(work, number):
    """The requests of one suite run, one JSON object a line."""
    return [json.loads(l) for l in open(os.path.join(work, "suite-%s.jsonl" % number)) if l.strip()]
