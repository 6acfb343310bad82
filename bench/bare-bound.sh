#!/usr/bin/env bash
# The most a bare JVM program can reach on this machine for run-bench.sh's workload.
#
#   [BARE_TRANSPORT=jdk|blocking|hc5|jetty] bench/bare-bound.sh [CASES] [CONCURRENCY] [LATENCY_MS] [JITTER_MS] [ERROR_RATE] [RATE_429]
#
# BARE_TRANSPORT=jdk (the default, like the CLI: java.net.http's sendAsync); blocking: HttpURLConnection,
# one thread per call in flight (the floor of the blocking transport tried on branch `transport`, eighth session);
# hc5: Apache HttpClient 5's async client; jetty: Jetty 12's client (bench/BareClientLibs.java; the jars are fetched
# with Maven into the scratch folder, they are not dependencies of the CLI).
#
# Starts the same fake server as run-bench.sh and runs bench/BareClient.java (3 x CASES independent calls,
# no config, journal, statistics or reports; compiled first, so no source-launcher cost) with the
# launcher's JVM options, under /usr/bin/time -v. Prints the same efficiency as run-bench.sh
# (ideal = calls x latency / concurrency, over the wall time of the whole process).
set -euo pipefail
CASES=${1:-1000}
CONC=${2:-64}
LATENCY=${3:-200}
JITTER=${4:-0}
ERRORS=${5:-0}
R429=${6:-0}
TRANSPORT=${BARE_TRANSPORT:-jdk}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
work=$(mktemp -d /tmp/prompt-arena-bare.XXXXXX)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

main_class=BareClient
classpath="$work/classes"
case "$TRANSPORT" in
  jdk|blocking) javac -d "$work/classes" "$here/bench/BareClient.java" ;;
  hc5|jetty)
    cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>bare-clients</artifactId><version>1</version><dependencies>
<dependency><groupId>org.eclipse.jetty</groupId><artifactId>jetty-client</artifactId><version>12.1.14</version></dependency>
<dependency><groupId>org.apache.httpcomponents.client5</groupId><artifactId>httpclient5</artifactId><version>5.6.5</version></dependency>
</dependencies></project>
POM
    mvn -B -ntp -q -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/lib" > "$work/mvn.log" 2>&1 \
      || { cat "$work/mvn.log" >&2; exit 2; }
    javac -nowarn -cp "$work/lib/*" -d "$work/classes" "$here/bench/BareClient.java" "$here/bench/BareClientLibs.java" 2>/dev/null
    main_class=BareClientLibs
    classpath="$work/classes:$work/lib/*" ;;
  *) echo "BARE_TRANSPORT is jdk, blocking, hc5 or jetty, not $TRANSPORT" >&2; exit 2 ;;
esac
source "$here/bench/fake-server.sh"
# The server's faults, if any, are counted as failed calls: the bare client does not retry.
start_fake_server "$work" $((CASES * 3 + 100)) --warmup-concurrency "$CONC" --latency-ms "$LATENCY" --jitter-ms "$JITTER" --error-rate "$ERRORS" --rate-429 "$R429"

calls=$((CASES * 3))
set +e
# shellcheck disable=SC2046 # huge_pages_opt prints one option or none
/usr/bin/time -v java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m $(huge_pages_opt) -cp "$classpath" "$main_class" \
  "http://127.0.0.1:$port/v1" "$calls" "$CONC" "$TRANSPORT" > "$work/out.txt" 2> "$work/time.txt"
rc=$?
set -e
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
awk -v c="$calls" -v lat="$LATENCY" -v conc="$CONC" -v w="$wall" 'BEGIN {
  ideal = c * lat / 1000 / conc
  printf "bare: transport='"$TRANSPORT"' calls=%d concurrency=%d latency_ms=%d wall_s=%.2f ideal_s=%.2f efficiency=%.3f\n", c, conc, lat, w, ideal, ideal / w
}'
cat "$work/out.txt"
user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
awk -v c="$calls" -v u="$user" -v s="$sys" 'BEGIN { printf "bare_cpu_ms_per_call=%.2f\n", (u + s) * 1000 / c }'
# The server exits IDLE_EXIT_S (default 10) after its last request and prints its own CPU per request.
wait "$server_pid" 2>/dev/null || true
cat "$work/server.log"
echo "bare_exit=$rc"; [ "$rc" -eq 0 ] || tail -n 5 "$work/time.txt" >&2
