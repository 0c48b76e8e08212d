#!/usr/bin/env bash
# End-to-end performance of the employee job: etlkit's etl.jar against the Spring Batch peer and the
# floors (raw Univocity csv-copy, psql \copy, staging + INSERT ... ON CONFLICT), runs alternated
# A B A B in one go, medians, ratios to the issue's targets. See etl-bench/README.md.
set -euo pipefail
# One compound command: bash reads all of it before running, so editing this file during a run changes nothing.
{

usage() {
  cat <<'USAGE'
usage: bash etl-bench/e2e/run.sh [--rows N] [--runs K] [--tools DIR] [--peers DIR] [--data FILE]
                                 [--only csv,pg,upsert,scaling] [--worktree] [--keep]
  --rows N      generated input rows (default 1000000)
  --runs K      measured runs of each program, alternated (default 5)
  --tools DIR   folder of gen_employees.py (default $ETL_BENCH_TOOLS or ../shared/tools beside the repo)
  --peers DIR   folder of the yardsticks (default $ETL_BENCH_PEERS or ../shared/peers beside the repo)
  --data FILE   reuse this generated CSV (with FILE.stats.json beside it) instead of generating one
  --only LIST   run only these parts
  --worktree    build the working tree as it is (default: the committed HEAD)
  --keep        keep the work folder under /tmp
  --reuse DIR   take the jars built in DIR, a work folder kept by an earlier --keep run (no build)
PostgreSQL: $ETL_BENCH_PG_HOST (127.0.0.1), $ETL_BENCH_PG_PORT (5432), user postgres, database test.
USAGE
}

REPO=$(cd "$(dirname "$0")/../.." && pwd)
ROWS=1000000
RUNS=5
TOOLS=${ETL_BENCH_TOOLS:-$REPO/../shared/tools}
PEERS=${ETL_BENCH_PEERS:-$REPO/../shared/peers}
DATA=""
ONLY="csv,pg,upsert,scaling"
WORKTREE=0
KEEP=0
REUSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --peers) PEERS=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --worktree) WORKTREE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --reuse) REUSE=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
[ -f "$TOOLS/gen_employees.py" ] || [ -n "$DATA" ] || { echo "no gen_employees.py in $TOOLS (use --tools)" >&2; exit 2; }
[ -d "$PEERS/spring-batch" ] && [ -d "$PEERS/raw" ] || { echo "no spring-batch/ and raw/ in $PEERS (use --peers)" >&2; exit 2; }
for cmd in java python3 psql /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "needs $cmd" >&2; exit 2; }
done

PGHOST_=${ETL_BENCH_PG_HOST:-127.0.0.1}
PGPORT_=${ETL_BENCH_PG_PORT:-5432}
TABLE="etl_bench_e2e_$$"
export DATABASE_URL="postgresql://postgres@$PGHOST_:$PGPORT_/test"
JDBC_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/test?user=postgres"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U postgres -d test)

WORK=$(mktemp -d /tmp/etl-e2e.XXXXXX)
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
cleanup() {
  if wants pg || wants upsert; then
    "${PSQL[@]}" -c "DROP TABLE IF EXISTS $TABLE" >/dev/null 2>&1 || true
  fi
  if [ "$KEEP" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }

# ---------------------------------------------------------------- build, from copies in /tmp
log "work folder $WORK"
if [ -n "$REUSE" ]; then
  BUILT=$(cd "$REUSE" && pwd)
  COMMIT="$(cat "$BUILT/commit.txt") (reused build)"
else
  BUILT=$WORK
  mkdir -p "$WORK/etlkit"
  if [ "$WORKTREE" = 1 ]; then
    (cd "$REPO" && git ls-files -co --exclude-standard -z | xargs -0 tar cf - 2>/dev/null) | tar xf - -C "$WORK/etlkit"
    COMMIT="$(cd "$REPO" && git rev-parse --short HEAD) + working tree"
  else
    (cd "$REPO" && git archive HEAD) | tar xf - -C "$WORK/etlkit"
    COMMIT=$(cd "$REPO" && git rev-parse --short HEAD)
  fi
  mvn_build() { # dir, args...: offline first (reusing ~/.m2), online if something is missing
    local dir=$1; shift
    (cd "$dir" && { mvn -q -B -o "$@" >"$WORK/build.log" 2>&1 || mvn -q -B "$@" >"$WORK/build.log" 2>&1; }) \
      || { cat "$WORK/build.log" >&2; fail "build in $dir"; }
  }
  log "building etlkit ($COMMIT)"
  mvn_build "$WORK/etlkit" package -DskipTests
  log "building the Spring Batch peer and the raw floor"
  cp -r "$PEERS/spring-batch" "$WORK/sb" && chmod -R u+w "$WORK/sb"
  cp -r "$PEERS/raw" "$WORK/raw" && chmod -R u+w "$WORK/raw"
  mvn_build "$WORK/sb" package -DskipTests
  mvn_build "$WORK/raw" package -DskipTests
  echo "$COMMIT" >"$WORK/commit.txt"
fi
ETL_JAR="$BUILT/etlkit/etl-examples/target/etl.jar"
BENCH_JAR="$BUILT/etlkit/etl-bench/target/benchmarks.jar"
PEER_JAR="$BUILT/sb/target/peer.jar"
RAW_JAR="$BUILT/raw/target/raw.jar"

# ---------------------------------------------------------------- data, once
if [ -n "$DATA" ]; then
  IN=$(cd "$(dirname "$DATA")" && pwd)/$(basename "$DATA")
  STATS="$IN.stats.json"
  [ -f "$STATS" ] || fail "no $STATS beside --data"
else
  IN="$WORK/employees.csv"
  STATS="$IN.stats.json"
  log "generating $ROWS rows (seed 42)"
  python3 "$TOOLS/gen_employees.py" --rows "$ROWS" --seed 42 --out "$IN" 2>"$STATS"
fi
stat_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$STATS" "$1"; }
ROWS=$(stat_of rows)
EXPECTED=$(stat_of expected_written)
INVALID=$(stat_of invalid)
DUPLICATES=$(stat_of duplicates)
log "input: $ROWS rows, expected written $EXPECTED, invalid $INVALID, duplicates $DUPLICATES"

# ---------------------------------------------------------------- running and recording
# measure PART TOOL RUN CMD...: runs CMD in a fresh folder under /usr/bin/time, records wall seconds
# and peak RSS; CMD's stdout goes to $WORK/last.out.
measure() {
  local part=$1 tool=$2 run=$3; shift 3
  local dir="$WORK/cwd"
  rm -rf "$dir" && mkdir -p "$dir"
  # the server writes out what the last load left dirty now, not during the next program's run
  if [ "$part" = pg ] || [ "$part" = upsert ]; then "${PSQL[@]}" -c "CHECKPOINT" >/dev/null; fi
  if ! (cd "$dir" && /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/last.out" 2>"$WORK/last.err"); then
    cat "$WORK/last.out" "$WORK/last.err" >&2
    fail "$tool exited with an error"
  fi
  read -r secs rss <"$WORK/time.txt"
  rm -f "$WORK"/rejected-*.ndjson   # etl.jar's dead letters land beside its config
  printf '%s\t%s\t%s\t%s\t%s\n' "$part" "$tool" "$run" "$secs" "$rss" >>"$RESULTS"
  log "$part/$tool run $run: ${secs} s, peak RSS $((rss / 1024)) MB"
}

etl_config() { # file, output json, batchSize, [workers; the default when absent]
  local workers=""
  [ -n "${4:-}" ] && workers=" \"workers\": $4,"
  cat >"$1" <<JSON
{"sources": [{"type": "csv", "path": "$IN"}],
 "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
 "outputs": [$2], "batchSize": $3,$workers "maxRetries": 3}
JSON
}

# The etl command's summary must show the generator's counts.
check_etl_counts() {
  local out="$WORK/last.out"
  grep -q "Total Records: $ROWS\$" "$out" && grep -q "Invalid Records: $INVALID\$" "$out" \
    && grep -q "Duplicates: $DUPLICATES\$" "$out" && grep -q "Written Records: $EXPECTED\$" "$out" \
    || { cat "$out" >&2; fail "etlkit's counts differ from the generator's"; }
}
check_peer_counts() {
  grep -q "status=COMPLETED read=$ROWS rejected=$INVALID duplicates=$DUPLICATES written=$EXPECTED " "$WORK/last.out" \
    || { cat "$WORK/last.out" >&2; fail "the peer's counts differ from the generator's"; }
}

NPROC=$(nproc)
CSV_ETL="$WORK/csv-etl.json"; CSV_ETL_CORES="$WORK/csv-etl-cores.json"
etl_config "$CSV_ETL" "{\"type\": \"csv\", \"destination\": \"$WORK/out-etl.csv\"}" 1000
etl_config "$CSV_ETL_CORES" "{\"type\": \"csv\", \"destination\": \"$WORK/out-etl.csv\"}" 1000 "$NPROC"

# ---------------------------------------------------------------- CSV -> CSV
# the clean rows: the peer's CSV output, which etlkit's must equal byte for byte
CLEAN="$WORK/out-sb.csv"
if wants csv; then
  for k in $(seq 1 "$RUNS"); do
    measure csv etlkit "$k" java -jar "$ETL_JAR" --config="$CSV_ETL"; check_etl_counts
    mv "$WORK/out-etl.csv" "$WORK/out-etl-default.csv"
    measure csv spring-batch "$k" java -jar "$PEER_JAR" csv "$IN" "$CLEAN"; check_peer_counts
    cmp -s "$WORK/out-etl-default.csv" "$CLEAN" || fail "etlkit's CSV differs from the peer's (run $k)"
    measure csv raw-copy "$k" java -jar "$RAW_JAR" csv-copy "$IN" "$WORK/out-raw.csv"
    measure csv etlkit-256m "$k" java -Xmx256m -jar "$ETL_JAR" --config="$CSV_ETL"; check_etl_counts
    cmp -s "$WORK/out-etl.csv" "$CLEAN" || fail "etlkit's CSV at -Xmx256m differs from the peer's (run $k)"
    measure csv etlkit-cores "$k" java -jar "$ETL_JAR" --config="$CSV_ETL_CORES"; check_etl_counts
    cmp -s "$WORK/out-etl.csv" "$CLEAN" || fail "etlkit's CSV with workers = cores differs from the peer's (run $k)"
  done
  rm -f "$WORK/out-raw.csv" "$WORK/out-etl.csv" "$WORK/out-etl-default.csv"
  log "CSV: etlkit's output equals the peer's byte for byte in every run"
fi
if { wants pg || wants upsert; } && [ ! -f "$CLEAN" ]; then
  log "making the clean rows with the peer"
  (cd "$WORK" && java -jar "$PEER_JAR" csv "$IN" "$CLEAN" >/dev/null 2>&1)
fi

# ---------------------------------------------------------------- transform scaling
# before the PostgreSQL parts: it measures what two cores do, and the server's after-work on a load (a spread
# checkpoint, say) must not share them
if wants scaling; then
  log "transform throughput, workers 1 and 2 alternated, in one JVM"
  (cd "$WORK" && java -cp "$BENCH_JAR" dev.etlkit.bench.e2e.TransformScaling "$IN" "$RUNS" "$EXPECTED" "$DUPLICATES") \
    >"$WORK/scaling.tsv" || fail "TransformScaling"
  cat "$WORK/scaling.tsv" >>"$RESULTS"
fi

# ---------------------------------------------------------------- PostgreSQL
COLS="id, name, email, age, department, salary, join_date, is_active"
DDL="CREATE TABLE $TABLE (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, email VARCHAR UNIQUE NOT NULL,
 age INTEGER NOT NULL, department VARCHAR NOT NULL, salary NUMERIC NOT NULL, join_date DATE NOT NULL,
 is_active BOOLEAN NOT NULL, metadata JSONB, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
 updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)"
drop_table() { "${PSQL[@]}" -c "DROP TABLE IF EXISTS $TABLE" >/dev/null 2>&1; }
empty_table() { drop_table; "${PSQL[@]}" -c "$DDL" >/dev/null; }
# count and checksum of the loaded columns, in id order: the same rows whoever loaded them (a numeric's
# scale aside: 75000.50 from the input and 75000.5 from the clean CSV are one salary)
DIGEST_COLS="id, name, email, age, department, trim_scale(salary), join_date, is_active"
table_digest() {
  "${PSQL[@]}" -At -c "SELECT count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', $DIGEST_COLS), E'\n' ORDER BY id), ''))
    FROM $TABLE"
}
# metadata, but for the time it was made: etlkit's and the peer's must agree
metadata_digest() {
  "${PSQL[@]}" -At -c "SELECT md5(coalesce(string_agg((metadata - 'processedAt')::text, E'\n' ORDER BY id), '')) FROM $TABLE"
}
COPY_SCRIPT="$WORK/copy.sql"
echo "\\copy $TABLE ($COLS) FROM '$CLEAN' WITH (FORMAT csv, HEADER true)" >"$COPY_SCRIPT"
# etlkit also loads metadata (jsonb, about 150 bytes a row): the same rows with it, exported from etlkit's first
# load, make a second floor that does the same work on the server
WITH_METADATA="$WORK/rows-with-metadata.txt"
COPY_META_SCRIPT="$WORK/copy-metadata.sql"
echo "\\copy $TABLE ($COLS, metadata) FROM '$WITH_METADATA'" >"$COPY_META_SCRIPT"
UPSERT_SCRIPT="$WORK/upsert.sql"
cat >"$UPSERT_SCRIPT" <<SQL
BEGIN;
CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT $COLS FROM $TABLE WITH NO DATA;
\\copy stage ($COLS) FROM '$CLEAN' WITH (FORMAT csv, HEADER true)
INSERT INTO $TABLE ($COLS) SELECT $COLS FROM stage ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
 email = EXCLUDED.email, age = EXCLUDED.age, department = EXCLUDED.department, salary = EXCLUDED.salary,
 join_date = EXCLUDED.join_date, is_active = EXCLUDED.is_active, updated_at = CURRENT_TIMESTAMP;
COMMIT;
SQL
# the same with the metadata etlkit loads, from the rows exported after etlkit's first load
UPSERT_META_SCRIPT="$WORK/upsert-metadata.sql"
UPSERT_META_SQL="INSERT INTO $TABLE ($COLS, metadata) SELECT $COLS, metadata FROM stage ON CONFLICT (id) DO UPDATE SET
 name = EXCLUDED.name, email = EXCLUDED.email, age = EXCLUDED.age, department = EXCLUDED.department,
 salary = EXCLUDED.salary, join_date = EXCLUDED.join_date, is_active = EXCLUDED.is_active,
 metadata = EXCLUDED.metadata, updated_at = CURRENT_TIMESTAMP;"
cat >"$UPSERT_META_SCRIPT" <<SQL
BEGIN;
CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT $COLS, metadata FROM $TABLE WITH NO DATA;
\\copy stage ($COLS, metadata) FROM '$WITH_METADATA'
$UPSERT_META_SQL
COMMIT;
SQL
# The same rows with metadata once more, but one COPY (or one staged upsert) per 1,000 rows, each its own
# transaction, as etlkit must do (a batch is durable before its checkpoint): what committing every batch costs
# the server by itself.
BATCH_DIR="$WORK/batches"
COPY_BATCHES_SCRIPT="$WORK/copy-batches.sql"
UPSERT_BATCHES_SCRIPT="$WORK/upsert-batches.sql"
batch_scripts() {
  mkdir -p "$BATCH_DIR"
  split -l 1000 -d -a 5 "$WITH_METADATA" "$BATCH_DIR/rows-"
  local f
  : >"$COPY_BATCHES_SCRIPT"
  echo "CREATE TEMP TABLE stage ON COMMIT DELETE ROWS AS SELECT $COLS, metadata FROM $TABLE WITH NO DATA;" \
    >"$UPSERT_BATCHES_SCRIPT"
  for f in "$BATCH_DIR"/rows-*; do
    echo "\\copy $TABLE ($COLS, metadata) FROM '$f'" >>"$COPY_BATCHES_SCRIPT"
    cat >>"$UPSERT_BATCHES_SCRIPT" <<SQL
BEGIN;
\\copy stage ($COLS, metadata) FROM '$f'
$UPSERT_META_SQL
COMMIT;
SQL
  done
}
PG_OUT="{\"type\": \"database\", \"destination\": \"$TABLE\"}"
PG_ETL="$WORK/pg-etl.json"; PG_ETL_10K="$WORK/pg-etl-10k.json"
etl_config "$PG_ETL" "$PG_OUT" 1000
etl_config "$PG_ETL_10K" "$PG_OUT" 10000

if wants pg; then
  for k in $(seq 1 "$RUNS"); do
    drop_table
    measure pg etlkit "$k" java -jar "$ETL_JAR" --config="$PG_ETL"; check_etl_counts
    if [ "$k" = 1 ]; then
      ETL_DIGEST=$(table_digest)
      ETL_METADATA=$(metadata_digest)
      "${PSQL[@]}" -c "\\copy $TABLE ($COLS, metadata) TO '$WITH_METADATA'" >/dev/null
      batch_scripts
    fi
    empty_table
    measure pg psql-copy-metadata "$k" "${PSQL[@]}" -f "$COPY_META_SCRIPT"
    empty_table
    measure pg psql-copy-batches "$k" "${PSQL[@]}" -f "$COPY_BATCHES_SCRIPT"
    empty_table
    measure pg psql-copy "$k" "${PSQL[@]}" -f "$COPY_SCRIPT"
    [ "$k" = 1 ] && COPY_DIGEST=$(table_digest)
    drop_table
    measure pg spring-batch "$k" java -jar "$PEER_JAR" pg "$IN" "$JDBC_URL" "$TABLE"; check_peer_counts
    if [ "$k" = 1 ]; then
      SB_DIGEST=$(table_digest)
      [ "$ETL_DIGEST" = "$SB_DIGEST" ] && [ "$ETL_DIGEST" = "$COPY_DIGEST" ] \
        || fail "PostgreSQL rows differ: etlkit $ETL_DIGEST, peer $SB_DIGEST, psql \\copy $COPY_DIGEST"
      [ "$ETL_METADATA" = "$(metadata_digest)" ] || fail "metadata differs between etlkit and the peer"
      [ "${ETL_DIGEST%% *}" = "$EXPECTED" ] || fail "etlkit loaded ${ETL_DIGEST%% *} rows, expected $EXPECTED"
      log "PostgreSQL: etlkit, the peer and \\copy loaded the same $EXPECTED rows (etlkit and the peer the same metadata)"
    fi
    drop_table
    measure pg etlkit-256m "$k" java -Xmx256m -jar "$ETL_JAR" --config="$PG_ETL"; check_etl_counts
    drop_table
    measure pg etlkit-batch10k "$k" java -jar "$ETL_JAR" --config="$PG_ETL_10K"; check_etl_counts
  done
fi

if wants upsert; then
  # a full table: every clean row already there, so that every row of the next load is a conflict
  empty_table
  "${PSQL[@]}" -f "$COPY_SCRIPT" >/dev/null
  FULL_DIGEST=$(table_digest)
  vacuum() { "${PSQL[@]}" -c "VACUUM $TABLE" >/dev/null; }
  for k in $(seq 1 "$RUNS"); do
    vacuum
    measure upsert etlkit "$k" java -jar "$ETL_JAR" --config="$PG_ETL"; check_etl_counts
    [ "$(table_digest)" = "$FULL_DIGEST" ] || fail "the table differs after etlkit's upsert"
    vacuum
    measure upsert psql-staging "$k" "${PSQL[@]}" -f "$UPSERT_SCRIPT"
    if [ -f "$WITH_METADATA" ]; then
      vacuum
      measure upsert psql-staging-metadata "$k" "${PSQL[@]}" -f "$UPSERT_META_SCRIPT"
      vacuum
      measure upsert psql-staging-batches "$k" "${PSQL[@]}" -f "$UPSERT_BATCHES_SCRIPT"
    fi
    vacuum
    measure upsert etlkit-batch10k "$k" java -jar "$ETL_JAR" --config="$PG_ETL_10K"; check_etl_counts
  done
  [ "$(table_digest)" = "$FULL_DIGEST" ] || fail "the table differs after the upserts"
fi
drop_table || true

# ---------------------------------------------------------------- the table
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
MACHINE="$MACHINE $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$REPO/etl-bench/e2e/table.py" "$RESULTS" "$ROWS" "$EXPECTED" "$RUNS" "$COMMIT" "$MACHINE"
exit 0
}
