# Province-scale rows of ./scripts/bench (sourced by it): heap after a full GC at two dataset sizes, the
# readiness rebuild and full recompute, each list's first page and the board's first screen.
# Uses the bench's functions and variables: psql_q, wrk_run, jget, calc, row, verdict, log, status_of,
# $BASE_URL, $TOKEN, $SERVER_PID, $WORK, $BD.

# --scale province: Henan-sized (issue #19, target 5).
scale_preset() {
  case "$1" in
    province) UNITS=50000; BASES=5000; CHECKPOINTS=10000; REACHES=60000; HAZARDS=20000 ;;
    default) ;;
    *) echo "unknown --scale $1 (province, default)" >&2; exit 2 ;;
  esac
}

# Live objects after a full GC, in MB (jcmd's class histogram runs one); the histogram is kept in $WORK.
scale_heap_after_gc() {
  local label=$1
  jcmd "$SERVER_PID" GC.class_histogram > "$WORK/histogram-$label.txt" 2>/dev/null || { echo "?"; return; }
  awk '/^Total/ { printf "%.0f", $3 / 1048576 }' "$WORK/histogram-$label.txt"
}

# Touches what a node keeps per lot, base and reach (board panels, charts, readiness), so it is in the heap.
scale_touch() {
  local p
  for p in /api/readiness /api/dashboard/panels/coverage /api/dashboard/panels/alerts /api/dashboard/panels/map \
    /api/dashboard/panels/compliance /api/dashboard/panels/checkpoints "/api/charts/coverage.png?by=base" \
    "/api/charts/coverage.png?by=category"; do
    curl -s -o /dev/null --max-time 120 -H "Authorization: Bearer $TOKEN" "$BASE_URL$p" || true
  done
}

# Waits (up to $2 s) until the readiness snapshot holds every unit of the database; prints the seconds taken.
scale_wait_snapshot() {
  local want=$1 limit=${2:-300} t0 n
  t0=$(date +%s)
  while [ $(($(date +%s) - t0)) -lt "$limit" ]; do
    n=$(curl -s --max-time 30 -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/cluster" | grep -o '"units":[0-9]*' | head -n 1 | cut -d: -f2)
    [ "${n:-0}" -ge "$want" ] && { echo $(($(date +%s) - t0)); return 0; }
    sleep 2
  done
  echo "more than $limit"
}

# The first page of every list endpoint: p99 of a short closed-loop run (2 connections) each.
SCALE_LISTS="/api/lots?size=50 /api/bases?size=50 /api/checkpoints?size=50 /api/reaches?size=50
/api/hazards?size=50 /api/hazards?open=true&sort=deadline&size=100 /api/incidents?size=50 /api/requests?size=50
/api/movements?size=50 /api/transfers?size=30&sort=-id /api/units?size=50"
scale_lists() {
  local path name p99 worst=0 detail=""
  for path in $SCALE_LISTS; do
    [ "$(status_of "$path")" = 200 ] || { detail="$detail ${path%%\?*}=$(status_of "$path")"; continue; }
    name=list$(echo "$path" | tr -c 'a-z0-9' '_')
    SECONDS_FOR=${SCALE_SECONDS:-5} CONNECTIONS=2 wrk_run "$name" get.lua "$BASE_URL$path"
    p99=$(jget "$WORK/$name.json" p99_ms)
    detail="$detail ${path%%\?*}=${p99}"
    worst=$(awk -v a="$worst" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')
  done
  row "each list's first page, p99 (ms:$detail)" "worst $worst ms" "-" "$worst ms" "-" "-" "< 50 ms" \
    "$(verdict "$worst < 50")"
}

# The board's first screen: readiness, alerts and the shortfall panel, each p99.
scale_board() {
  local path name worst=0 detail="" p99
  for path in /api/readiness /api/dashboard/panels/alerts /api/dashboard/panels/coverage; do
    name=board$(echo "$path" | tr -c 'a-z0-9' '_')
    SECONDS_FOR=${SCALE_SECONDS:-5} CONNECTIONS=4 wrk_run "$name" get.lua "$BASE_URL$path"
    p99=$(jget "$WORK/$name.json" p99_ms)
    detail="$detail ${path##*/}=${p99}"
    worst=$(awk -v a="$worst" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')
  done
  row "board's first screen (readiness + alerts + shortfalls), p99 (ms:$detail)" "worst $worst ms" "-" \
    "$worst ms" "-" "-" "< 300 ms" "$(verdict "$worst < 300")"
  # the site map, on the same screen below the fold (every base, checkpoint and reach)
  SECONDS_FOR=${SCALE_SECONDS:-5} CONNECTIONS=4 wrk_run board_map get.lua "$BASE_URL/api/dashboard/panels/map"
  p99=$(jget "$WORK/board_map.json" p99_ms)
  row "board's site map panel, p99" "$(jget "$WORK/board_map.json" ok_rps) req/s" \
    "$(jget "$WORK/board_map.json" p50_ms) ms" "$p99 ms" "-" "-" "-" "-"
}

# The rebuild the node ran at start (every unit from PostgreSQL) and a full recompute (verify), best of 2.
scale_rebuild() {
  local label=$1 ms best="" t i
  ms=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/cluster" | grep -o '"lastRebuildMillis":[0-9]*' | cut -d: -f2)
  row "readiness rebuild at start-up (cold JVM, every entry new), $label" "${ms:-?} ms" "-" "-" "-" "-" "≤ 5 s" \
    "$(verdict "${ms:-999999} <= 5000")"
  # the same rebuild on the running node (member lost, merge, an admin's POST): JIT-compiled, entries in place
  local warm="" w
  for i in 1 2 3; do
    w=$(curl -s --max-time 300 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' \
      "$BASE_URL/api/admin/readiness/rebuild" | grep -o '"millis":[0-9]*' | cut -d: -f2)
    if [ -n "$w" ] && { [ -z "$warm" ] || [ "$w" -lt "$warm" ]; }; then warm=$w; fi
  done
  row "readiness rebuild on a running node (POST /api/admin/readiness/rebuild, best of 3), $label" "${warm:-?} ms" \
    "-" "-" "-" "-" "≤ 5 s" "$(verdict "${warm:-999999} <= 5000")"
  # rows the dataset inserted bypass the event log: the rebuild of the restart took them in
  for i in $(seq 1 45); do
    curl -s --max-time 300 -o "$WORK/verify-scale.json" -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/readiness/verify"
    [ "$(jget "$WORK/verify-scale.json" consistent)" = true ] && break
    sleep 2
  done
  for i in 1 2; do
    t=$(curl -s --max-time 300 -o "$WORK/verify-scale.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
      "$BASE_URL/api/readiness/verify")
    t=$(calc "$t * 1000" 0)
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  row "readiness full recompute (GET /api/readiness/verify), $label" "$best ms (best of 2; consistent: $(jget "$WORK/verify-scale.json" consistent))" \
    "-" "-" "-" "-" "≤ 1 s to replace the incremental path" "$(verdict "$best <= 1000")"
}

# Heap after GC at the generated size, then after growing the lots to $1 (same units): memory per lot.
scale_memory() {
  local target_lots=$1 h1 h2 have more
  scale_touch; scale_touch
  h1=$(scale_heap_after_gc small)
  have=$(psql_q -c "SELECT count(*) FROM lots")
  more=$(( (target_lots - have) / ITEMS ))
  if [ "$more" -gt 0 ]; then
    log "memory: heap after GC ${h1} MB at $have lots; growing by $more bases"
    psql_q -v tag=BENCH3 -v bases="$more" -v items="$ITEMS" -v checkpoints=0 -v reaches=0 \
      -f "$BD/dataset.sql" > "$WORK/dataset3.log"
    # rows written without events: only a rebuild takes the new bases into the snapshot (the minute's time round
    # refreshes the units that crossed a time threshold, and the recompute of every unit is hourly); the board
    # reads them on demand
    stop_server
    start_server grow
    scale_wait_snapshot "$(psql_q -c "SELECT count(*) FROM units")" 600 > /dev/null
  fi
  scale_touch; scale_touch
  h2=$(scale_heap_after_gc large)
  local lots2
  lots2=$(psql_q -c "SELECT count(*) FROM lots")
  log "memory: heap after GC ${h2} MB at $lots2 lots"
  row "heap after full GC: $have lots → $lots2 lots (histograms in the work dir)" "$h1 MB → $h2 MB" "-" "-" \
    "$h1 MB" "$(calc "$h2 / $h1" 2) ×" "≤ 1.2 ×" "$(verdict "$h2 <= 1.2 * $h1")"
}

# The scale rows alone (a --scale-only run) into FILE.
scale_report() {
  {
    echo "# FloodReady scale rows"
    echo
    echo "Written by \`./scripts/bench --scale-only\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
    echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE; after: $(uptime | sed 's/.*load average: //')."
    echo "Node: one, -Xmx$HEAP. Dataset: ${N_UNITS:-?} units, $N_BASES bases, $N_LOTS lots, $N_CPS checkpoints, $N_REACHES reaches; generated in $DATASET_S s."
    echo
    echo "| measurement | figure | p50 | p99 | baseline | ratio | target | verdict |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
  } > "$1"
  sed -n '/^| measurement/,$p' "$1"
  echo "Scale rows written to ${1#"$ROOT"/}"
}
