#!/usr/bin/env bash
# Peak RSS and CPU of `prompt-arena report` on a copy of a finished run folder (issue 21, statistics over columns).
#
#   bench/report-memory.sh JAR RUN_DIR [LABEL]
#
# Copies RUN_DIR's manifest.json, cases.jsonl and engine.json into /tmp/report-memory-LABEL/run, runs `report` on it
# under /usr/bin/time -v with the launcher's JVM options (bin/prompt-arena), samples the RSS every HISTO_EVERY seconds
# (default 4) and, with HISTO=1, a heap histogram (`jcmd GC.class_histogram`, which forces a full GC and so lowers the
# peak: measure the peak without it). Prints peak RSS, CPU and the load average before and after.
set -u
jar=$1; src=$2; label=${3:-run}
out=/tmp/report-memory-$label
rm -rf "$out"; mkdir -p "$out/run"
cp "$src/manifest.json" "$src/cases.jsonl" "$src/engine.json" "$out/run/"
uptime > "$out/load-before"
/usr/bin/time -v java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 \
  -XX:MaxNewSize=32m -jar "$jar" report "$out/run" > "$out/stdout" 2> "$out/time" &
tpid=$!
sleep 1
jpid=$(pgrep -P $tpid java)
i=0
while kill -0 "$jpid" 2>/dev/null; do
  sleep "${HISTO_EVERY:-4}"; i=$((i+1))
  [ -n "${HISTO:-}" ] && jcmd "$jpid" GC.class_histogram > "$out/histo-$i.txt" 2>/dev/null
  ps -o rss= -p "$jpid" >> "$out/rss-samples" 2>/dev/null
done
wait $tpid
uptime > "$out/load-after"
grep -E "Maximum resident|User time|System time|Elapsed|Exit status" "$out/time"
cat "$out/load-before" "$out/load-after"
