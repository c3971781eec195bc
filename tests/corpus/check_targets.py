#!/usr/bin/env python3
"""Runs dealscan on the shared evaluation corpus and fails below the floors.

usage: check_targets.py DEALSCAN CORPUS_DIR TARGETS.json

CORPUS_DIR is ../shared/corpus (articles/, expected.json, score.py). When it
is absent the test is skipped (exit 77, CTest's SKIP_RETURN_CODE), so a clone
without the shared folder still passes. Prints the scorer's full output and
one line per target.
"""
import json
import os
import subprocess
import sys
import tempfile


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    binary, corpus, targets_path = argv[1:]
    score_py = os.path.join(corpus, "score.py")
    if not os.path.isfile(score_py):
        print(f"SKIP: no evaluation corpus at {corpus}")
        return 77
    with open(targets_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    floors, targets = spec["floors"], spec["targets"]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        with open(report, "wb") as out:
            run = subprocess.run([binary, "--format", "json", os.path.join(corpus, "articles")], stdout=out)
        if run.returncode not in (0, 3):
            print(f"FAIL: dealscan exited {run.returncode}")
            return 1
        expected = os.path.join(corpus, "expected.json")
        text = subprocess.run([sys.executable, score_py, report, expected, "--verbose"],
                              capture_output=True, text=True, check=True).stdout
        print(text)
        scores = json.loads(subprocess.run([sys.executable, score_py, report, expected, "--json"],
                                           capture_output=True, text=True, check=True).stdout)
    failed = 0
    for key, floor in floors.items():
        got = scores[key]
        ok = got >= floor
        failed += not ok
        goal = targets.get(key, floor)
        note = "" if got >= goal else f"  (below issue 3's target {goal})"
        print(f"{'ok  ' if ok else 'FAIL'} {key} = {got:.3f} (floor {floor}){note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
