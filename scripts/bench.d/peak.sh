# The flood-peak day (issue 19, target 6) for ./scripts/bench --scenario peak; sourced by scripts/bench after
# the node, the dataset and the warm-up, with its functions and variables. With --nodes N > 1, N - 1 more nodes
# join the first on its database, as ./scripts/cluster N runs them (one data dir, the first node's embedded
# PostgreSQL), and the last one is killed with SIGKILL half-way through. The load client is
# src/test/java/org/floodready/bench/PeakScenario.java (open loop, constant rates).

peak_node_pids=()

# CPU seconds of a JVM by pid.
cpu_of() { awk -v t="$TCK" '{ sub(/^.*\) /, ""); printf "%.3f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }

peak_start_nodes() {
  local i port
  PEAK_URLS=$BASE_URL
  for ((i = 1; i < PEAK_NODES; i++)); do
    port=$(free_port $((PORT + 10 * i)))
    java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-node$((i + 1)).log" -jar "$jar" --data-dir "$WORK/data" --host 127.0.0.1 \
      --port "$port" --pg-url "postgresql://postgres@127.0.0.1:$PGPORT/floodready" --pg-pool-size "$POOL" \
      --pg-max-wait-queue "$WAIT_QUEUE" --cluster-name "$CLUSTER_NAME" --cluster-port $((HZPORT + i)) \
      --cluster-members "$HZ_MEMBERS" --node-name "node-$((i + 1))" > "$WORK/node$((i + 1)).log" 2>&1 &
    peak_node_pids+=($!)
    PEAK_URLS+=",http://127.0.0.1:$port"
    for _ in $(seq 1 1800); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/ready" && break
      kill -0 "${peak_node_pids[-1]}" 2>/dev/null || { tail -n 30 "$WORK/node$((i + 1)).log" >&2; echo "node $((i + 1)) died" >&2; exit 1; }
      sleep 0.1
    done
    log "node $((i + 1)) ready on $port"
  done
}

peak_stop_nodes() {
  local pid
  for pid in "${peak_node_pids[@]}"; do
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
}

# The further nodes' heap after collections (their GC logs) and OutOfMemoryErrors (their logs).
peak_heap_rows() {
  local i after oom
  for ((i = 2; i <= PEAK_NODES; i++)); do
    after=$(grep -o 'M->[0-9]*M' "$WORK/gc-node$i.log" 2>/dev/null | tr -d 'M>-' | sort -n | tail -n 1)
    oom=$(grep -c OutOfMemoryError "$WORK/node$i.log" 2>/dev/null || true)
    row "node $i heap during the run (-Xmx$HEAP)" "peak after GC ${after:-?} MB; ${oom:-0} OOM" "-" "-" "-" "-" \
      "< $HEAP_TARGET_MB MB" "$(verdict "${after:-999999} < $HEAP_TARGET_MB && ${oom:-0} == 0")"
  done
}

# The first node's heap from the load's start on (its GC log after line $1): the whole run's row above also
# holds the start-up rebuild and the warm-up, which at province weigh more than the load.
peak_load_heap_row() {
  local after full
  after=$(tail -n +$(($1 + 1)) "$WORK/gc-$SERVER_LOG.log" | grep -o 'M->[0-9]*M' | tr -d 'M>-' | sort -n | tail -n 1)
  full=$(tail -n +$(($1 + 1)) "$WORK/gc-$SERVER_LOG.log" | grep -c 'Pause Full' || true)
  row "node heap during the load only (-Xmx$HEAP)" "peak after GC ${after:-?} MB; $full full GCs" "-" "-" "-" "-" \
    "< $HEAP_TARGET_MB MB" "$(verdict "${after:-999999} < $HEAP_TARGET_MB && $full == 0")"
}

peak_scenario() {
  PEAK_URLS=$BASE_URL
  local j0=0 j1=0 p0 p1 c0 c1 t0 t1 pid killed="" line op
  # the trap first: a node that fails to start must not leave the ones started before it running
  [ "$PEAK_NODES" -gt 1 ] && trap 'peak_stop_nodes; cleanup' EXIT
  [ "$PEAK_NODES" -gt 1 ] && peak_start_nodes
  if [ "$PEAK_NODES" -gt 1 ] && [ -n "${N_UNITS:-}" ]; then
    log "peak: snapshot complete after $(scale_wait_snapshot "$N_UNITS" 600) s with $PEAK_NODES nodes"
  fi
  read -r CP_MIN CP_MAX < <(psql_q -F ' ' -c "SELECT min(id), max(id) FROM checkpoints WHERE code LIKE 'BENCH-C%'")
  read -r R_MIN R_MAX < <(psql_q -F ' ' -c "SELECT min(id), max(id) FROM reaches WHERE code LIKE 'BENCH-RCH%'")
  read -r B_MIN B_MAX < <(psql_q -F ' ' -c "SELECT min(id), max(id) FROM bases WHERE code LIKE 'BENCH-B%'")
  log "peak: ${DURATION} s against $PEAK_NODES node(s): $GAUGES gauges, $KEEPERS keepers, $CHIEFS chiefs, $OFFICERS officers, $BOARDS boards, $STREAMS streams (load $(uptime | sed 's/.*load average: //'))"
  for pid in "$SERVER_PID" "${peak_node_pids[@]}"; do j0=$(calc "$j0 + $(cpu_of "$pid")" 3); done
  PEAK_LOAD_START=$(uptime | sed 's/.*load average: //')
  local gc_from
  gc_from=$(wc -l < "$WORK/gc-$SERVER_LOG.log")
  p0=$(cpu_pg); t0=$(date +%s.%N)
  c0=$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)
  TIMEFORMAT='%U %S'
  { time java -Xmx1g -cp "$CLIENT_CP" org.floodready.bench.PeakScenario urls="$PEAK_URLS" token="$TOKEN" seconds="$DURATION" \
      gauges="$GAUGES" keepers="$KEEPERS" chiefs="$CHIEFS" officers="$OFFICERS" boards="$BOARDS" streams="$STREAMS" \
      lots="$LOT_MIN-$LOT_MAX" checkpoints="$CP_MIN-$CP_MAX" reaches="$R_MIN-$R_MAX" bases="$B_MIN-$B_MAX" \
      pgPort="$PGPORT" run="peak$(date +%s)" > "$WORK/peak.jsonl" 2> "$WORK/peak.err" ; } 2> "$WORK/peak.time" &
  local client=$!
  if [ "$PEAK_NODES" -gt 1 ]; then
    # half-way through the load (the client first opens its streams): SIGKILL the last node
    for _ in $(seq 1 600); do grep -q '"phase":"started"' "$WORK/peak.jsonl" 2>/dev/null && break; sleep 0.1; done
    sleep "$(calc "$DURATION / 2" 1)"
    j1=$(cpu_of "${peak_node_pids[-1]}") # the killed node's CPU up to its end
    kill -9 "${peak_node_pids[-1]}" 2>/dev/null || true
    killed="node $PEAK_NODES killed (SIGKILL) at $(calc "$DURATION / 2" 0) s"
    log "peak: $killed"
  fi
  wait "$client" || { cat "$WORK/peak.err" >&2; }
  p1=$(cpu_pg); t1=$(date +%s.%N)
  PEAK_LOAD_END=$(uptime | sed 's/.*load average: //')
  c1=$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)
  for pid in "$SERVER_PID" "${peak_node_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && j1=$(calc "$j1 + $(cpu_of "$pid")" 3)
  done
  grep -q '"summary"' "$WORK/peak.jsonl" || { cat "$WORK/peak.err" >&2; echo "peak client failed" >&2; exit 1; }
  log "peak: $(grep '"summary"' "$WORK/peak.jsonl")"

  local client_cpu
  client_cpu=$(awk -v s="$(calc "$(date +%s.%N) - $t0" 1)" '{ printf "%.1f CPU s (%.0f %% of one core)", $1 + $2, ($1 + $2) / s * 100 }' "$WORK/peak.time")
  REPORT_SETUP="Peak scenario: $PEAK_NODES node(s) on one database${killed:+, $killed}${PEAK_RESTART_S:+; first node restarted on the generated units in $PEAK_RESTART_S s}; load client PeakScenario (open loop, constant rates, one admin token), ${DURATION} s, itself $client_cpu on this machine; load average at the load's start: $PEAK_LOAD_START, at its end: $PEAK_LOAD_END; clients used: $GAUGES gauges, $KEEPERS keepers, $CHIEFS chiefs, $OFFICERS officers, $BOARDS boards, $STREAMS streams; $(grep -o '"streams_started_at_load":[0-9]*' "$WORK/peak.jsonl" | cut -d: -f2)/$STREAMS streams had their first message when the load began (the client waits up to 60 s), $(grep -o '"streams_open_at_end":[0-9]*' "$WORK/peak.jsonl" | cut -d: -f2)/$STREAMS open at the end"
  while read -r line; do
    case "$line" in *'"op"'*) ;; *) continue ;; esac
    echo "$line" > "$WORK/op.json"
    op=$(grep -o '"op":"[^"]*"' "$WORK/op.json" | cut -d'"' -f4)
    row "peak: $op" "$(jget "$WORK/op.json" ok_rps)/s ok; $(jget "$WORK/op.json" non2xx) non-2xx, $(jget "$WORK/op.json" errors) errors, $(jget "$WORK/op.json" retried) retried on another node" \
      "$(jget "$WORK/op.json" p50_ms) ms" "$(jget "$WORK/op.json" p99_ms) ms" \
      "service time p99 $(jget "$WORK/op.json" service_p99_ms) ms" "-" "0 errors" \
      "$(verdict "$(jget "$WORK/op.json" non2xx) + $(jget "$WORK/op.json" errors) == 0")"
  done < "$WORK/peak.jsonl"
  grep '"summary"' "$WORK/peak.jsonl" > "$WORK/summary.json"
  local missing lost
  missing=$(jget "$WORK/summary.json" live_missing)
  lost=$(jget "$WORK/summary.json" writes_lost)
  row "peak: live messages missing ($(jget "$WORK/summary.json" streams) streams, $(jget "$WORK/summary.json" log_events) log events)" \
    "$missing missing on $(jget "$WORK/summary.json" streams_missing) streams; $(jget "$WORK/summary.json" reconnects) reconnects after a first message, $(jget "$WORK/summary.json" open_retries) failed attempts to open, $(jget "$WORK/summary.json" fresh_snapshots) fresh snapshots, $(jget "$WORK/summary.json" streams_never_started) never started" \
    "-" "-" "-" "-" "0 missing" "$(verdict "$missing == 0 && $(jget "$WORK/summary.json" streams_never_started) == 0")"
  row "peak: acknowledged writes lost (each 2xx write's id looked up in PostgreSQL)" \
    "$lost of $(jget "$WORK/summary.json" writes_acknowledged) ($(grep -o '"lost_by_table":{[^}]*}' "$WORK/summary.json" | cut -d: -f2- | tr -d '"{}' | tr ',' ' '))" \
    "-" "-" "-" "-" "0 lost" "$(verdict "$lost == 0")"
  local elapsed pg_s jvm_s client_s all_s
  elapsed=$(calc "$t1 - $t0" 1)
  pg_s=$(calc "$p1 - $p0" 1)
  jvm_s=$(calc "$j1 - $j0" 1)
  client_s=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/peak.time")
  all_s=$(calc "($c1 - $c0) / $TCK" 1)
  row "peak: CPU seconds over ${elapsed} s (machine: $(nproc) cores)" \
    "PostgreSQL $pg_s s, node JVM(s) $jvm_s s, load client $client_s s; whole machine $all_s s (other work included)" "-" "-" "-" \
    "database share $(calc "$pg_s / ($pg_s + $jvm_s) * 100" 0) % of app + database" "-" "-"
  kill "$MONITOR_PID" 2>/dev/null || true; wait "$MONITOR_PID" 2>/dev/null || true; MONITOR_PID=""
  heap_row
  peak_load_heap_row "$gc_from"
  peak_heap_rows
  peak_stop_nodes
}
