#!/usr/bin/env python3
"""Checksum listing of file trees, and the difference of two listings, for the safety proof.

  tree-listing.py list ROOT... > before.tsv          # path <TAB> sha256 (or 'dir' / 'link -> target')
  tree-listing.py diff before.tsv after.tsv [--scratch PREFIX...] [--new-ok PREFIX...]

`diff` prints every path removed, changed or added. A change is allowed only under a --scratch
prefix (Archivematica's own working folders); a new file also under a --new-ok prefix (stores where
the run's own packages land, beside packages that must stay as they are). Anything else is a
violation and the exit code is 1.
Unreadable files are listed as 'unreadable' (run it as root to see everything).
"""
import hashlib
import os
import sys


def listing(roots):
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            yield folder, "dir"
            for name in sorted(files):
                path = os.path.join(folder, name)
                if os.path.islink(path):
                    yield path, "link -> " + os.readlink(path)
                    continue
                try:
                    digest = hashlib.sha256()
                    with open(path, "rb") as handle:
                        for block in iter(lambda: handle.read(1 << 20), b""):
                            digest.update(block)
                    yield path, digest.hexdigest()
                except OSError:
                    yield path, "unreadable"


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


def prefixes(argv, flag):
    if flag not in argv:
        return []
    rest = argv[argv.index(flag) + 1:]
    return [a for a in rest[:next((i for i, a in enumerate(rest) if a.startswith("--")), len(rest))]]


def main(argv):
    if len(argv) >= 2 and argv[0] == "list":
        for path, value in listing(argv[1:]):
            print(f"{path}\t{value}")
        return 0
    if len(argv) >= 3 and argv[0] == "diff":
        before, after = read(argv[1]), read(argv[2])
        scratch, new_ok = prefixes(argv, "--scratch"), prefixes(argv, "--new-ok")
        under = lambda p, roots: any(p == r or p.startswith(r.rstrip("/") + "/") for r in roots)
        violations = 0
        counts = {"removed": 0, "changed": 0, "added": 0}
        for path in sorted(before.keys() | after.keys()):
            kind = ("removed" if path not in after else "added" if path not in before
                    else "changed" if before[path] != after[path] else None)
            if kind is None:
                continue
            counts[kind] += 1
            ok = under(path, scratch) or (kind == "added" and under(path, new_ok))
            violations += not ok
            print(f"{'scratch  ' if ok else 'VIOLATION'} {kind:8} {path}")
        print(f"unchanged outside the scratch folders: {violations == 0}; files before {len(before)}, after {len(after)}; "
              f"removed {counts['removed']}, changed {counts['changed']}, added {counts['added']}; violations {violations}")
        return 1 if violations else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
