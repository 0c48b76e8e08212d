"""Prints the harness's one table: medians of each program's runs, rows/s, peak RSS and the ratios
the performance issue sets targets for. Usage: table.py RESULTS.tsv ROWS CLEAN_ROWS RUNS COMMIT MACHINE"""
import statistics
import sys
from collections import defaultdict

results, rows, clean, runs, commit, machine = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
secs = defaultdict(list)
rss = defaultdict(list)
for line in open(results):
    part, tool, _run, s, kb = line.rstrip("\n").split("\t")
    secs[(part, tool)].append(float(s))
    rss[(part, tool)].append(int(kb))
median = {k: statistics.median(v) for k, v in secs.items()}

# rows each program handles: pipelines read every input row, the psql floors load the clean rows
def rows_of(tool):
    return clean if tool.startswith("psql") else rows

LABELS = {
    ("csv", "raw-copy"): "raw Univocity parse + write (floor)",
    ("csv", "spring-batch"): "Spring Batch peer, csv mode",
    ("csv", "etlkit"): "etlkit etl.jar, default workers (cores − 1)",
    ("csv", "etlkit-256m"): "etlkit etl.jar, -Xmx256m",
    ("csv", "etlkit-cores"): "etlkit etl.jar, workers = cores",
    ("pg", "psql-copy"): "psql \\copy of the clean rows (floor)",
    ("pg", "psql-copy-metadata"): "psql \\copy of the clean rows with etlkit's metadata",
    ("pg", "psql-copy-batches"): "psql \\copy with etlkit's metadata, one COPY per 1,000 rows",
    ("pg", "spring-batch"): "Spring Batch peer, pg mode",
    ("pg", "etlkit"): "etlkit etl.jar, batchSize 1000",
    ("pg", "etlkit-batch10k"): "etlkit etl.jar, batchSize 10000",
    ("pg", "etlkit-256m"): "etlkit etl.jar, batchSize 1000, -Xmx256m",
    ("upsert", "psql-staging"): "psql \\copy to staging + INSERT ON CONFLICT (floor)",
    ("upsert", "psql-staging-metadata"): "psql staging + INSERT ON CONFLICT with etlkit's metadata",
    ("upsert", "psql-staging-batches"): "psql staging + INSERT ON CONFLICT with metadata, per 1,000 rows",
    ("upsert", "etlkit"): "etlkit etl.jar, batchSize 1000",
    ("upsert", "etlkit-batch10k"): "etlkit etl.jar, batchSize 10000",
    ("scaling", "workers-1"): "normalize, validate, enrich in memory, 1 worker",
    ("scaling", "workers-2"): "normalize, validate, enrich in memory, 2 workers",
    ("scaling", "profile-1"): "whole profile (+ ordered dedup) in memory, 1 worker",
    ("scaling", "profile-2"): "whole profile (+ ordered dedup) in memory, 2 workers",
}
PARTS = {"csv": "CSV → CSV", "pg": "CSV → PostgreSQL, empty table", "upsert": "CSV → PostgreSQL, upsert into full table",
         "scaling": "transform throughput"}
# (part, tool, versus, kind, target): kind "speed" = versus's time / tool's time (rows/s ratio),
# "slowdown" = tool's time / versus's time - 1
CHECKS = [
    ("csv", "etlkit", "spring-batch", "speed", 5.0),
    ("csv", "etlkit", "raw-copy", "speed", 0.5),
    ("csv", "etlkit-256m", "etlkit", "slowdown", 0.10),
    ("csv", "etlkit-cores", "etlkit", "speed", None),
    ("pg", "etlkit", "psql-copy", "speed", 0.7),
    ("pg", "etlkit", "spring-batch", "speed", 2.5),
    ("pg", "etlkit", "psql-copy-metadata", "speed", None),
    ("pg", "etlkit", "psql-copy-batches", "speed", None),
    ("pg", "psql-copy-batches", "psql-copy", "speed", None),
    ("pg", "etlkit-batch10k", "psql-copy", "speed", 0.7),
    ("pg", "etlkit-256m", "etlkit", "slowdown", 0.10),
    ("upsert", "etlkit", "psql-staging", "speed", 0.7),
    ("upsert", "etlkit", "psql-staging-metadata", "speed", None),
    ("upsert", "etlkit", "psql-staging-batches", "speed", None),
    ("upsert", "psql-staging-batches", "psql-staging", "speed", None),
    ("upsert", "etlkit-batch10k", "psql-staging", "speed", 0.7),
    ("scaling", "workers-2", "workers-1", "speed", 1.7),
    ("scaling", "profile-2", "profile-1", "speed", None),
]

def fmt_ratio(kind, value):
    if kind == "slowdown":
        return f"{value * 100:+.0f}% time"
    return f"{value * 100:.0f}%" if value < 1 else f"{value:.2f}×"

def fmt_target(kind, target):
    if target is None:
        return ""
    if kind == "slowdown":
        return f"≤ +{target * 100:.0f}%"
    return f"≥ {target * 100:.0f}%" if target < 1 else f"≥ {target:g}×"

print(f"etlkit {commit}; {rows:,} input rows, {clean:,} clean rows; median of {runs} runs, programs alternated; whole process")
print(f"machine: {machine}")
print()
print("| part | program | median s | rows/s | peak RSS MB | compared with | ratio | target | met |")
print("| --- | --- | ---: | ---: | ---: | --- | ---: | --- | --- |")
for part in PARTS:
    for (p, tool), label in LABELS.items():
        if p != part or (p, tool) not in median:
            continue
        m = median[(p, tool)]
        checks = [c for c in CHECKS if c[0] == p and c[1] == tool and (p, c[2]) in median]
        peak = f"{max(rss[(p, tool)]) / 1024:.0f}" if max(rss[(p, tool)]) > 0 else ""
        first = f"| {PARTS[part]} | {label} | {m:.2f} | {rows_of(tool) / m:,.0f} | {peak} "
        if not checks:
            print(first + "| | | | |")
        for i, (_, _, versus, kind, target) in enumerate(checks):
            vs = median[(p, versus)]
            value = vs / m if kind == "speed" else m / vs - 1
            met = "" if target is None else ("yes" if (value >= target if kind == "speed" else value <= target) else "NO")
            lead = first if i == 0 else f"| | | | | "
            print(lead + f"| {LABELS[(p, versus)]} | {fmt_ratio(kind, value)} | {fmt_target(kind, target)} | {met} |")
