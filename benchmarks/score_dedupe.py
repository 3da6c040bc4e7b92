#!/usr/bin/env python3
"""Score a `waymark match dedupe` run against the hidden true_id column of a
`waymark bench match --csv-out` file, the way `waymark bench match` scores:
pairwise (from the --explain file's pairs at or above the threshold),
cluster pairs, and B-cubed.

    waymark match dedupe --input set.csv --output clusters.csv --explain pairs.jsonl
    python3 benchmarks/score_dedupe.py --input set.csv --clusters clusters.csv --explain pairs.jsonl

Used to measure a build that predates the households set (the "before" figures).
"""
import argparse
import csv
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from dedupe_scores import scores  # noqa: E402  (the same scoring as the Splink run)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True)
    parser.add_argument("--clusters", required=True)
    parser.add_argument("--explain")
    parser.add_argument("--threshold", type=float, default=0.95)
    args = parser.parse_args()
    with open(args.input, newline="") as f:
        truth = {row["record_id"]: row["true_id"] for row in csv.DictReader(f)}
    with open(args.clusters, newline="") as f:
        clusters = {row["record_id"]: row["cluster_id"] for row in csv.DictReader(f)}
    pairs = []
    if args.explain:
        with open(args.explain) as f:
            for line in f:
                item = json.loads(line)
                if "left" in item and item["probability"] >= args.threshold:
                    pairs.append((item["left"], item["right"]))
    print(json.dumps(scores(truth, pairs, clusters), indent=2))


if __name__ == "__main__":
    main()
