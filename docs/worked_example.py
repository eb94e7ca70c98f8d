#!/usr/bin/env python3
"""The worked example of docs/METHODOLOGY.md, computed independently of the pipeline (Python standard
library only) from the fixture in src/test/resources/worked_example. Prints the tables the document shows;
WorkedExampleTest runs the pipeline on the same fixture and checks its published output against them.

    python3 docs/worked_example.py
"""
import csv
import math
import os
import statistics
from collections import defaultdict
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "src", "test", "resources", "worked_example")
ENTRY_SHARE = {"bachelor": 0.70}
MIN_OBS, CLIP, LONG_DAYS, MIN_INDICATORS = 2, 3.0, 60, 3
INDICATORS = ["demand_supply", "vacancy_growth", "posted_salary_growth", "official_wage_growth",
              "salary_premium", "time_to_fill", "long_vacancy_share", "readvertising"]


def rows(*path):
    with open(os.path.join(FIXTURE, *path), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# Demand: ads of the same board and id are one vacancy (first posting, latest closing, ads counted).
vac = {}
for r in rows("landing", "vacancies", "vacancies.csv"):
    key = (r["source"], r["vacancy_id"])
    posted = date.fromisoformat(r["posted_date"])
    closed = date.fromisoformat(r["closed_date"]) if r["closed_date"] else None
    v = vac.setdefault(key, {"occ": r["occupation_code"], "posted": posted, "closed": closed, "ads": 0,
                             "salary": (float(r["salary_min"]) + float(r["salary_max"])) / 2})
    v["ads"] += 1
    v["posted"] = min(v["posted"], posted)
    if closed and (v["closed"] is None or closed > v["closed"]):
        v["closed"] = closed
cells = defaultdict(list)
for v in vac.values():
    cells[(v["posted"].year, v["occ"])].append(v)

# Supply: graduates x crosswalk weight x entry share; 6B06101 is direction 061.
weights = {(r["field_code"], r["isco_code"]): float(r["weight"]) for r in rows("crosswalk.csv")}
field_of = {"6B06101": "061"}
supply, behind = defaultdict(float), defaultdict(float)
for r in rows("landing", "graduates", "graduates.csv"):
    field = field_of.get(r["field_code"], r["field_code"])
    for (f, occ), w in weights.items():
        if f == field:
            supply[(int(r["year"]), occ)] += int(r["graduates"]) * w * ENTRY_SHARE[r["level"]]
            behind[(int(r["year"]), occ)] += int(r["graduates"])

wages = {(int(r["year"]), r["occupation_code"]): float(r["avg_monthly_wage"]) for r in rows("landing", "wages", "wages.csv")}


def official(year, occ):
    for digits in (4, 3, 2, 1):
        if (year, occ[:digits]) in wages:
            return wages[(year, occ[:digits])], occ[:digits]
    return None, None


occupations = sorted({occ for (_, occ) in cells})
years = sorted({y for (y, _) in cells})
region = {}
for y in years:
    vs = [v for (yy, _), l in cells.items() if yy == y for v in l]
    region[y] = {"vacancies": len(vs), "salary": median([v["salary"] for v in vs]),
                 "days": median([(v["closed"] - v["posted"]).days for v in vs if v["closed"]])}

raw = {}
for y in years:
    growth = {}
    for occ in occupations:
        w, code = official(y, occ)
        prev = wages.get((y - 1, code))
        growth[occ] = w / prev if w and prev else None
    wage_ref = median(list(growth.values()))
    for occ in occupations:
        l, p = cells.get((y, occ), []), cells.get((y - 1, occ), [])
        n, s = len(l), supply.get((y, occ), 0.0)
        sal = [v["salary"] for v in l]
        days = [(v["closed"] - v["posted"]).days for v in l if v["closed"]]
        psal = [v["salary"] for v in p]
        ind = dict.fromkeys(INDICATORS)
        ind["demand_supply"] = n / s if s > 0 else None
        if len(p) >= MIN_OBS and y - 1 in region:
            ind["vacancy_growth"] = (n / len(p)) / (region[y]["vacancies"] / region[y - 1]["vacancies"]) - 1
        if len(sal) >= MIN_OBS and len(psal) >= MIN_OBS and y - 1 in region:
            ind["posted_salary_growth"] = (median(sal) / median(psal)) / (region[y]["salary"] / region[y - 1]["salary"]) - 1
        if growth[occ] and wage_ref:
            ind["official_wage_growth"] = growth[occ] / wage_ref - 1
        if len(sal) >= MIN_OBS:
            ind["salary_premium"] = median(sal) / region[y]["salary"] - 1
        if len(days) >= MIN_OBS:
            ind["time_to_fill"] = median(days) / region[y]["days"] - 1
            ind["long_vacancy_share"] = sum(d > LONG_DAYS for d in days) / len(days)
        if n >= MIN_OBS:
            ind["readvertising"] = sum(v["ads"] for v in l) / n
        raw[(y, occ)] = {"vacancies": n, "supply": s, "behind": behind.get((y, occ), 0.0), "history": len(p) > 0, "ind": ind}

# Scores: robust z within the year (median, MAD x 1.4826, or mean deviation x 1.2533), clipped, / 3.
for y in years:
    for i in INDICATORS:
        vals = {occ: raw[(y, occ)]["ind"][i] for occ in occupations}
        t = {o: (math.log1p(x) if i == "demand_supply" else x) for o, x in vals.items() if x is not None}
        med = median(list(t.values()))
        dev = [abs(x - med) for x in t.values()]
        mad, mean_ad = (median(dev), statistics.fmean(dev)) if dev else (0, 0)
        scale = 1.4826 * mad if mad > 0 else (1.2533 * mean_ad if mean_ad > 0 else None)
        for occ in occupations:
            z = (t[occ] - med) / scale if occ in t and scale else None
            raw[(y, occ)].setdefault("score", {})[i] = None if z is None else max(-CLIP, min(CLIP, z)) / CLIP

for key, r in raw.items():
    scores = [s for s in r["score"].values() if s is not None]
    r["used"] = len(scores)
    r["index"] = sum(scores) / len(scores) if scores else None
    idx = r["index"]
    r["status"] = ("insufficient_data" if r["used"] < MIN_INDICATORS or idx is None else
                   "shortage" if idx >= 0.25 else "surplus" if idx <= -0.25 else "balanced")
    low = r["vacancies"] < 4 or r["used"] < MIN_INDICATORS or not r["history"]
    high = r["vacancies"] >= 16 and r["behind"] >= 16 and r["used"] >= 5 and r["history"]
    r["confidence"] = "low" if low else "high" if high else "medium"


def fmt(x):
    return "" if x is None else f"{x:.4f}"


YEAR = 2024
print("<!-- worked-example:indicators:begin -->")
print("| isco_code | vacancies | graduate_supply | demand_supply_ratio | vacancy_growth_rel | posted_salary_growth_rel |"
      " official_wage_growth_rel | salary_premium | time_to_fill_rel | long_vacancy_share | readvertising_rate |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for occ in occupations:
    r = raw[(YEAR, occ)]
    print(f"| {occ} | {r['vacancies']} | {fmt(r['supply'])} | " + " | ".join(fmt(r["ind"][i]) for i in INDICATORS) + " |")
print("<!-- worked-example:indicators:end -->")
print()
print("<!-- worked-example:scores:begin -->")
print("| isco_code | " + " | ".join("score_" + i for i in INDICATORS) + " | shortage_index | indicators_used | status | confidence |")
print("|---|" + "---|" * (len(INDICATORS) + 4))
for occ in occupations:
    r = raw[(YEAR, occ)]
    print(f"| {occ} | " + " | ".join(fmt(r["score"][i]) for i in INDICATORS)
          + f" | {fmt(r['index'])} | {r['used']} | {r['status']} | {r['confidence']} |")
print("<!-- worked-example:scores:end -->")
