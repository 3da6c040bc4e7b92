#!/usr/bin/env python3
"""Writes a school's Year 11 list (CSV) from a Waymark SQLite database, for timing
`waymark import` against a large LA: most rows are people on record (some with
a typo in the family name and no UPN, as schools send them), the rest new.

    python3 benchmarks/school_file.py --database DATA/waymark.sqlite --rows 2000 --out year11.csv
"""
import argparse, csv, random, sqlite3

parser = argparse.ArgumentParser()
parser.add_argument("--database", required=True)
parser.add_argument("--rows", type=int, default=2000)
parser.add_argument("--new", type=float, default=0.05, help="share of rows for people not on record")
parser.add_argument("--typos", type=float, default=0.1, help="share of rows with a family-name typo and no UPN")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--out", required=True)
args = parser.parse_args()
random.seed(args.seed)

db = sqlite3.connect(args.database)
people = db.execute(
    "SELECT given_name, family_name, date_of_birth, gender, upn FROM young_person "
    "WHERE upn IS NOT NULL AND merged_into IS NULL ORDER BY id LIMIT 200000").fetchall()
chosen = random.sample(people, int(args.rows * (1 - args.new)))
with open(args.out, "w", newline="") as handle:
    out = csv.writer(handle)
    out.writerow(["Forename", "Surname", "Date of birth", "Sex", "UPN", "Intended destination", "School number"])
    for given, family, born, gender, upn in chosen:
        if random.random() < args.typos and len(family) > 3:
            i = random.randrange(1, len(family) - 1)
            family = family[:i] + family[i + 1] + family[i] + family[i + 2:]
            upn = ""
        out.writerow([given, family, born, gender, upn, random.choice(["111", "121", "211", "311"]), "9904001"])
    for n in range(args.rows - len(chosen)):
        out.writerow(["Newpupil" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 26] + "abcdefghijklmnopqrstuvwxyz"[n // 26 % 26], "Ashcombe-Trevanion", f"2010-0{1 + n % 9}-1{n % 9}", random.choice("MF"), "", "121", "9904001"])
