#!/bin/bash
# Start-up to /ready on an existing data dir (issue 19, target 3), two builds side by side: OLD_JAR and NEW_JAR
# (each on its own data dir made by its first start, with its own class-data archive, as ./scripts/start runs),
# alternating with the bare clustered node (org.floodready.bench.BareNode), RUNS times. One start each, as the
# bench takes, is too noisy to compare builds. Ports 18090 (HTTP) and 18433 (PostgreSQL) must be free.
set -u
W=$(mktemp -d /tmp/floodready-startup.XXXXXX)
OLD=${1:?usage: startup_pairs.sh OLD_JAR NEW_JAR [RUNS]}; NEW=${2:?usage: startup_pairs.sh OLD_JAR NEW_JAR [RUNS]}; RUNS=${3:-4}
CP=$NEW:$W/classes
mkdir -p $W/classes && javac -nowarn -cp $NEW -d $W/classes $(dirname "$0")/../../src/test/java/org/floodready/bench/BareNode.java
PORT=18090
now() { date +%s.%N; }
waitready() { local t0=$1 pid=$2; for i in $(seq 1 1200); do curl -sf -o /dev/null http://127.0.0.1:$PORT/ready && { echo "$(echo "$(now) - $t0" | bc)"; return; }; kill -0 $pid 2>/dev/null || { echo died; return; }; sleep 0.1; done; }
app() { # jar data extra
  local t0=$(now); java -Xmx512m $3 -jar $1 --data-dir $2 --host 127.0.0.1 --port $PORT --embedded-pg-port 18433 > $W/last.log 2>&1 & local pid=$!
  local s=$(waitready $t0 $pid); kill $pid; wait $pid 2>/dev/null; echo $s; }
bare() {
  local t0=$(now); java -Xmx512m $1 --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
    --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED \
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED \
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
    -cp $CP org.floodready.bench.BareNode $PORT 15977 bare-$$-$RANDOM > $W/bare.log 2>&1 & local pid=$!
  local s=$(waitready $t0 $pid); kill $pid; wait $pid 2>/dev/null; echo $s; }
# data dirs: one per jar (same schema version); first starts make them and the archives
echo "first old $(app $OLD $W/d-old "-XX:ArchiveClassesAtExit=$W/old.jsa -Xlog:cds=off")"
echo "first new $(app $NEW $W/d-new "-XX:ArchiveClassesAtExit=$W/new.jsa -Xlog:cds=off")"
echo "first bare $(bare "-XX:ArchiveClassesAtExit=$W/bare.jsa -Xlog:cds=off")"
for r in $(seq 1 "$RUNS"); do
  echo "run $r old $(app $OLD $W/d-old "-XX:SharedArchiveFile=$W/old.jsa -Xlog:cds=off") new $(app $NEW $W/d-new "-XX:SharedArchiveFile=$W/new.jsa -Xlog:cds=off") bare $(bare "-XX:SharedArchiveFile=$W/bare.jsa -Xlog:cds=off")"
  grep -h "Start-up phases" $W/last.log | cut -c1-300
done
rm -rf "$W"
