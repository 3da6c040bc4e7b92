#!/usr/bin/env python3
"""Classify a dedupe run's errors on a held_out_households.py file.

    python3 benchmarks/held_out_errors.py --input held.csv --meta meta.csv --clusters clusters.csv \
        [--explain pairs.jsonl] [--examples 5]

False merges (record pairs of different people in one cluster) are put in
one class each: sibling's UPN, twins, siblings, namesakes (same given and
family name, other household), or strangers (listing which fields agree).
Missed pairs (one person's records in different clusters) are put in the
class of the first spoiling, in a fixed order, that either record carries;
a pair with none is "unspoilt" (usually sparse records from two sources).
"""
import argparse
import collections
import csv
import itertools
import json
import random

MISS_ORDER = ["swap_names", "old_surname", "dropped_mohammed", "known_as_middle", "nickname", "variant", "dbl_half",
              "given_missing", "dob_missing", "dob_digit", "dob_dm_swap", "dob_off", "typo_given", "typo_family",
              "upn_sibling", "upn_typo", "old_address", "dbl_space", "postcode_typo", "gender_wrong", "uln_typo"]
FIELDS = ["given_name", "middle_names", "family_name", "dob", "gender", "postcode", "address", "phone", "upn", "uln", "school"]


def norm(s):
    return "".join(c for c in s.lower() if c.isalnum())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--clusters", required=True)
    p.add_argument("--explain")
    p.add_argument("--examples", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rows = {r["record_id"]: r for r in csv.DictReader(open(a.input, newline=""))}
    meta = {m["record_id"]: m for m in csv.DictReader(open(a.meta, newline=""))}
    cluster = {r["record_id"]: r["cluster_id"] for r in csv.DictReader(open(a.clusters, newline=""))}
    prob = {}
    if a.explain:
        for line in open(a.explain):
            if line.startswith('{"left"'):
                item = json.loads(line)
                prob[frozenset((item["left"], item["right"]))] = (item["probability"], item.get("outcome"))
    # a person's true date of birth: the most common one among their records
    dobs = collections.defaultdict(collections.Counter)
    for rid, r in rows.items():
        if r["dob"]:
            dobs[r["true_id"]][r["dob"]] += 1
    true_dob = {t: c.most_common(1)[0][0] for t, c in dobs.items()}

    members = collections.defaultdict(list)
    for rid, c in cluster.items():
        members[c].append(rid)
    false, false_people = collections.defaultdict(list), collections.defaultdict(set)
    for c, ids in members.items():
        if len(ids) < 2:
            continue
        for x, y in itertools.combinations(ids, 2):
            rx, ry = rows[x], rows[y]
            if rx["true_id"] == ry["true_id"]:
                continue
            mx, my = meta[x], meta[y]
            if "upn_sibling" in mx["tags"].split() or "upn_sibling" in my["tags"].split():
                k = "sibling's UPN"
            elif mx["household"] == my["household"]:
                twins = mx["twin"] == "1" and my["twin"] == "1" and \
                    abs(int(true_dob.get(rx["true_id"], "0000-00-00")[:4]) - int(true_dob.get(ry["true_id"], "0000-00-00")[:4])) == 0 \
                    and true_dob.get(rx["true_id"], "a")[:7] == true_dob.get(ry["true_id"], "b")[:7]
                k = "twins" if twins else "siblings"
            elif norm(rx["given_name"]) == norm(ry["given_name"]) and norm(rx["family_name"]) == norm(ry["family_name"]):
                k = "namesakes (other household)"
            else:
                agree = [f for f in FIELDS if rx[f] and norm(rx[f]) == norm(ry[f])]
                k = "strangers agreeing on " + ("+".join(agree) or "nothing")
            false[k].append((x, y))
            false_people[k].add(frozenset((rx["true_id"], ry["true_id"])))

    by_person = collections.defaultdict(list)
    for rid, r in rows.items():
        by_person[r["true_id"]].append(rid)
    missed, any_tag = collections.defaultdict(list), collections.Counter()
    for t, ids in by_person.items():
        for x, y in itertools.combinations(ids, 2):
            if cluster[x] == cluster[y]:
                continue
            tags = set(meta[x]["tags"].split()) | set(meta[y]["tags"].split())
            for tag in tags:
                any_tag[tag] += 1
            k = next((tag for tag in MISS_ORDER if tag in tags), "unspoilt")
            if k == "unspoilt":
                shared = sum(1 for f in FIELDS if rows[x][f] and rows[y][f])
                k = f"unspoilt ({meta[x]['source']}+{meta[y]['source']}, {shared} fields in both)" if shared <= 5 else "unspoilt"
            missed[k].append((x, y))

    rnd = random.Random(a.seed)

    def show(title, groups, people=None):
        total = sum(len(v) for v in groups.values())
        print(f"\n{title}: {total} record pairs")
        for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            extra = f" ({len(people[k])} person pairs)" if people else ""
            print(f"  {len(v):6d}  {k}{extra}")
        for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:2]:
            print(f"\n  examples of {k}:")
            for x, y in rnd.sample(v, min(a.examples, len(v))):
                pr = prob.get(frozenset((x, y)))
                print(f"    {x} ~ {y}  p={pr[0] if pr else 'not compared'} {pr[1] if pr else ''}  "
                      f"tags: [{meta[x]['tags']}] [{meta[y]['tags']}]")
                for rid in (x, y):
                    r = rows[rid]
                    print("      " + " | ".join(r[f] for f in ["record_id"] + FIELDS + ["true_id"]))

    show("False merges", false, false_people)
    show("Missed pairs", missed)
    print("\nMissed pairs with each spoiling on either record (a pair can count more than once):")
    for tag, n in any_tag.most_common():
        print(f"  {n:6d}  {tag}")


if __name__ == "__main__":
    main()
