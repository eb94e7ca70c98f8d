"""jobs/bench's report: reads the measurements under BENCH_DIR, prints a table and writes the measured
part of docs/BENCHMARKS.md (between the bench:begin and bench:end markers; the text around them is kept).

    python3 jobs/bench_report.py WORK DOC "SIZE ..." NIGHT_SIZE     (DOC "-" = print only)
"""
import datetime
import os
import platform
import re
import subprocess
import sys

work, doc, sizes, night = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3].split()], int(sys.argv[4])


def tsv(name):
    path = os.path.join(work, name)
    return [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()] if os.path.exists(path) else []


runs = {r[0]: {"wall": float(r[1]), "rss_mib": int(r[2]) / 1024, "read_mb": int(r[3]) / 1e6, "written_mb": int(r[4]) / 1e6}
        for r in tsv("results.tsv")}
stages = {r[0]: {k: float(v) for k, v in (kv.split("=") for kv in r[1].split(","))} for r in tsv("stages.tsv")}
duck = {}
for size, kv in tsv("duckdb.tsv"):
    k, v = kv.split("=", 1)
    duck.setdefault(int(size), {})[k] = v
commits = {r[0]: int(r[1]) for r in tsv("commits.tsv")}
disk = {int(r[0]): {"landing_mb": int(r[1]) / 1e6, "warehouse_mb": int(r[2]) / 1e6, "parquet_files": int(r[3])} for r in tsv("sizes.tsv")}


def fmt(n):
    return f"{n:,}"


lines = ["| postings | step | wall s | peak RSS MiB | read MB | written MB | Delta commits | ingest s | conform s | gap s | publish s |",
         "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for n in sizes:
    for step, label in (("sample", "generate landing files"), ("full", "full rebuild (JVM start to exit)"),
                        ("night", f"night's increment (+{fmt(night)} postings)"), ("empty", "a night with no new file")):
        r = runs.get(f"{step}_{n}")
        if not r:
            continue
        s = stages.get(f"{step}_{n}", {})
        cells = [fmt(n), label, f"{r['wall']:.1f}", f"{r['rss_mib']:,.0f}", f"{r['read_mb']:,.0f}", f"{r['written_mb']:,.0f}",
                 str(commits[f"{step}_{n}"]) if f"{step}_{n}" in commits else ""]
        cells += [f"{s[k]:.1f}" if k in s else "" for k in ("ingest", "conform", "gap", "publish")]
        lines.append("| " + " | ".join(cells) + " |")

duck_lines = ["| postings | Spark gap stage s (all gold tables) | DuckDB s (occupation table) | ratio Spark / DuckDB | rows | rows that differ |",
              "|---:|---:|---:|---:|---:|---:|"]
for n in sizes:
    d, s = duck.get(n), stages.get(f"full_{n}", {})
    if not d or "gap" not in s:
        continue
    ds = float(d["duckdb_gold_seconds"])
    duck_lines.append(f"| {fmt(n)} | {s['gap']:.1f} | {ds:.2f} | {s['gap'] / ds:.1f} | {fmt(int(d['duckdb_rows']))} | {d['duckdb_differences']} |")

flow_lines = ["| postings | full rebuild s (JVM start to exit) | DuckDB whole flow s | of which reading the landing files | Java step s (titles coded, not in the flow's time) | ratio rebuild / DuckDB flow | rows | rows that differ |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
for n in sizes:
    d, r = duck.get(n), runs.get(f"full_{n}")
    if not d or not r or "duckdb_flow_seconds" not in d:
        continue
    fs = float(d["duckdb_flow_seconds"])
    steps = dict(kv.split(":") for kv in d.get("duckdb_flow_steps", "").split(",") if ":" in kv)
    landing = f"{float(steps['landing']):.2f}" if "landing" in steps else ""
    flow_lines.append(f"| {fmt(n)} | {r['wall']:.1f} | {fs:.2f} | {landing} | {float(d['duckdb_flow_java_seconds']):.2f} | {r['wall'] / fs:.1f} "
                      f"| {fmt(int(d['duckdb_flow_rows']))} | {d['duckdb_flow_differences']} |")

disk_lines = ["| postings | landing MB | warehouse MB | Parquet files in the warehouse |", "|---:|---:|---:|---:|"]
for n in sizes:
    if n in disk:
        x = disk[n]
        disk_lines.append(f"| {fmt(n)} | {x['landing_mb']:,.0f} | {x['warehouse_mb']:,.0f} | {fmt(x['parquet_files'])} |")


def goal(text, ok, figure):
    return f"| {text} | {'met' if ok else 'missed'} | {figure} |"


goals = ["| goal | result | figure |", "|---|---|---|"]
big, small = max(sizes), min(sizes)
if f"full_{big}" in runs:
    w = runs[f"full_{big}"]["wall"]
    goals.append(goal(f"full rebuild of {fmt(big)} postings in at most 180 s", w <= 180, f"{w:.0f} s"))
if big in duck and "gap" in stages.get(f"full_{big}", {}):
    ratio = stages[f"full_{big}"]["gap"] / float(duck[big]["duckdb_gold_seconds"])
    goals.append(goal("gold stage at most 2x DuckDB's time", ratio <= 2, f"{ratio:.1f}x"))
if big in duck and "duckdb_flow_seconds" in duck[big] and f"full_{big}" in runs:
    # The DuckDB flow's time leaves out its Java step (the title classifier on distinct titles), as it leaves
    # out JVM start: the stricter ratio for us.
    ratio = runs[f"full_{big}"]["wall"] / float(duck[big]["duckdb_flow_seconds"])
    goals.append(goal("full rebuild vs DuckDB whole flow: at most 5x", ratio <= 5 and duck[big]["duckdb_flow_differences"] == "0",
                      f"{ratio:.1f}x ({duck[big]['duckdb_flow_differences']} rows differ)"))
if f"night_{big}" in runs:
    w = runs[f"night_{big}"]["wall"]
    goals.append(goal(f"a night's increment on {fmt(big)} postings in at most 45 s with JVM start", w <= 45, f"{w:.0f} s"))
if big != small and f"full_{big}" in runs and f"full_{small}" in runs:
    # Start-up: the part of each run outside its stages (JVM and Spark start, lock, manifest, summary).
    def staged(size):
        return min(runs[f"full_{size}"]["wall"], sum(stages.get(f"full_{size}", {}).values()))
    growth = staged(big) / max(1e-9, staged(small))
    fixed = runs[f"full_{small}"]["wall"] - staged(small)
    goals.append(goal(f"cost linear in rows: {fmt(big)} at most {big / small * 1.1:.0f}x the time of {fmt(small)}, less start-up",
                      growth <= big / small * 1.1, f"{growth:.1f}x (stages only; start-up {fixed:.0f} s at {fmt(small)})"))
if f"night_{big}" in commits:
    c = commits[f"night_{big}"]
    goals.append(goal("at most 10 Delta commits in an ordinary night", c <= 10, f"{c}"))
if f"empty_{big}" in runs:
    w, c = runs[f"empty_{big}"]["wall"], commits.get(f"empty_{big}", -1)
    # Its one commit is the run manifest's row: the night is recorded, no table is rewritten.
    goals.append(goal("a night with no new file in at most 15 s, no table rewritten", w <= 15 and c <= 1,
                      f"{w:.0f} s, {c} commit(s) (the manifest's row)"))
peak = max((r["rss_mib"] for k, r in runs.items() if not k.startswith("sample")), default=0)
goals.append(goal("peak RSS at most 4 GiB", peak <= 4096, f"{peak:,.0f} MiB"))


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:  # the report should not fail on a missing tool
        return "?"


pom = open("pom.xml", encoding="utf-8").read()
version = lambda prop: (re.search(rf"<{prop}>([^<]+)</{prop}>", pom) or [None, "?"])[1]
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("awk '/MemTotal/ {printf \"%.0f GiB\", $2/1048576}' /proc/meminfo")
java = sh("java -version 2>&1 | head -1")
duckdb = (re.search(r"duckdb_jdbc</artifactId>\s*<version>([^<]+)", pom) or [None, "?"])[1]
heap_file = os.path.join(work, "heap.txt")
heap = open(heap_file, encoding="utf-8").read().strip() if os.path.exists(heap_file) else os.environ.get("SKILLGAP_HEAP", "4g")
commit_file = os.path.join(work, "commit.txt")
commit = open(commit_file, encoding="utf-8").read().strip() if os.path.exists(commit_file) else "unknown"
machine = (f"{datetime.date.today()} (code at commit {commit}): {os.cpu_count()} cores ({cpu}), {mem}, {platform.system()} {platform.release()}; {java}; "
           f"Spark {version('spark.version')}, Delta {version('delta.version')}, DuckDB JDBC "
           f"{duckdb}; "
           f"heap {heap}; command `jobs/bench {' '.join(map(str, sizes))}`")

text = "\n".join([f"Measured {machine}.", "", *lines, "", *duck_lines, "", *(flow_lines + [""] if len(flow_lines) > 2 else []), *disk_lines, "",
                  *goals])
print(text)
if doc != "-":
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    old = open(doc, encoding="utf-8").read() if os.path.exists(doc) else f"# Benchmarks\n\n{begin}\n{end}\n"
    if begin not in old:
        old += f"\n{begin}\n{end}\n"
    head, rest = old.split(begin, 1)
    tail = rest.split(end, 1)[1]
    open(doc, "w", encoding="utf-8").write(f"{head}{begin}\n{text}\n{end}{tail}")
    print(f"bench: wrote {doc}", file=sys.stderr)
