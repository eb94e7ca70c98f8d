#!/usr/bin/env python3
"""Compares two publications (folders written by `jobs/skillgap run`): every published table row for row
(as multisets, doubles to 9 decimals), and _summary.json without what differs from run to run (run ids,
times, paths). Exits 0 when they are the same, 1 otherwise, and prints what differs.

    .venv/bin/python jobs/compare_publications.py PUBLISH_A PUBLISH_B
"""
import json
import sys
from pathlib import Path

import duckdb

TABLES = ["occupation_region_gap", "program_gap", "sector_region_summary", "shortage_ranking", "index_sensitivity",
          "dim_occupation", "dim_region", "dim_field", "dim_sector", "dim_year"]
VOLATILE = {"run_id", "generated_at", "started_at", "ended_at", "path", "published_at"}


def table_sql(folder: Path) -> str:
    files = sorted(str(p) for p in folder.rglob("*.parquet"))
    cols = duckdb.sql(f"select * from read_parquet({files!r}, hive_partitioning = true) limit 0").columns
    types = duckdb.sql(f"select * from read_parquet({files!r}, hive_partitioning = true) limit 0").types
    exprs = [f'round("{c}", 9) as "{c}"' if str(t) == "DOUBLE" else f'"{c}"' for c, t in zip(cols, types)]
    return f"select {', '.join(exprs)} from read_parquet({files!r}, hive_partitioning = true)"


def strip(doc):
    if isinstance(doc, dict):
        return {k: strip(v) for k, v in doc.items() if k not in VOLATILE}
    if isinstance(doc, list):
        return [strip(v) for v in doc]
    return doc


def main(a: Path, b: Path) -> int:
    differences = 0
    for t in TABLES:
        sa, sb = table_sql(a / t), table_sql(b / t)
        only_a = duckdb.sql(f"select count(*) from ({sa} except all {sb})").fetchone()[0]
        only_b = duckdb.sql(f"select count(*) from ({sb} except all {sa})").fetchone()[0]
        rows = duckdb.sql(f"select count(*) from ({sa})").fetchone()[0]
        print(f"{t:24} {rows:8d} rows  only in first {only_a:6d}  only in second {only_b:6d}")
        differences += only_a + only_b
    ja = strip(json.loads((a / "_summary.json").read_text(encoding="utf-8")))
    jb = strip(json.loads((b / "_summary.json").read_text(encoding="utf-8")))
    same = ja == jb
    print(f"{'_summary.json':24} {'same' if same else 'DIFFERENT'} (run ids, times and paths left out)")
    if not same:
        for k in sorted(set(ja) | set(jb)):
            if ja.get(k) != jb.get(k):
                print(f"  {k}: {json.dumps(ja.get(k), ensure_ascii=False)[:300]}\n  != {json.dumps(jb.get(k), ensure_ascii=False)[:300]}")
        differences += 1
    print("the same" if differences == 0 else "DIFFERENT")
    return 0 if differences == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
