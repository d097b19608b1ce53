"""Sums the TRX result counters of every run and prints the closing line 'N passed, N failed, N skipped'.

Before it, every failed test is named with the first lines of its message: CI logs keep only their
tail, and a failure must be diagnosable from it. The self-tests' line also says how many recorded
snapshots the reference server cannot reproduce yet (fixtures/snapshots/*/not-reproduced.json, the
parity self-test; README, "Snapshots and parity")."""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
BAD = ("Failed", "Error", "Timeout", "Aborted")
passed = failed = skipped = 0


def not_reproduced():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "snapshots")
    return sum(len(json.load(open(path))["notReproduced"]) for path in glob.glob(os.path.join(root, "*", "not-reproduced.json")))


for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        print(f"{path}: no result counters (the run was aborted)")
        failed += 1
        continue
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") in BAD:
            message = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or "(no message)"
            lines = [line for line in message.splitlines() if line.strip()][:6]
            print(f"FAILED {path.rsplit('/', 1)[-1]}: {result.get('testName')}")
            for line in lines:
                print(f"    {line[:300]}")
    c = {k: int(v) for k, v in counters.attrib.items()}
    bad = c.get("failed", 0) + c.get("error", 0) + c.get("timeout", 0) + c.get("aborted", 0)
    good = c.get("passed", 0)
    other = c.get("total", 0) - good - bad
    name = path.rsplit('/', 1)[-1]
    parity = f"; {not_reproduced()} snapshots not reproduced yet" if name == "selftests.trx" else ""
    print(f"{name}: {good} passed, {bad} failed, {other} skipped{parity}")
    passed, failed, skipped = passed + good, failed + bad, skipped + other
if not sys.argv[1:]:
    print("no TRX files: no test ran")
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
