"""What both benchmark summaries share: timestamps, the SDK version, and writing the figures."""
import datetime, json, os, re, subprocess


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
