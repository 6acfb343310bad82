# Sourced by the bench scripts: starts bench/FakeServer.java on 127.0.0.1 and waits for its port.
#   start_fake_server WORK_DIR MAX_REQUESTS [FakeServer options...]   -> sets server_pid and port
# The server warms up before it publishes its port and exits by itself 10 s after its last request
# (IDLE_EXIT_S=60 gives a slow start more time: on a loaded machine a 100,000-case run took longer than
# 10 s to send its first request, and every call then failed to connect).
# Callers pass --warmup-concurrency C (the run's provider concurrency): the server then warms up over C connections
# until its JIT has settled, in a JVM whose collector runs no threads of its own beside ours (FAKE_JAVA_OPTS replaces
# those JVM options). FAKE_WARMUP=old restores the warm-up and JVM options before the ninth session (2,000 requests
# over 64 connections, default collector) on the same scripts and jar, for before/after figures.
# -XX:+UseTransparentHugePages where the kernel offers huge pages to programs that ask (as bin/prompt-arena does), else
# nothing: 2 MB pages cut what a thread pays for its memory after sleeping through a call's latency on a VM
# (bench/README.md, "Huge pages, tenth session"): the fake's own added latency fell from 211-213 to 204-209 ms.
huge_pages_opt() {
  if grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled; then echo -XX:+UseTransparentHugePages; fi
}

start_fake_server() {
  local work=$1 max=$2 args=() jvm
  shift 2
  if [ "${FAKE_WARMUP:-}" = old ]; then
    while [ $# -gt 0 ]; do
      if [ "$1" = --warmup-concurrency ]; then shift 2; else args+=("$1"); shift; fi
    done
    jvm=""
  else
    args=("$@")
    jvm=${FAKE_JAVA_OPTS-"-XX:+UseSerialGC $(huge_pages_opt)"}
  fi
  # shellcheck disable=SC2086 # $jvm is a list of JVM options
  java -Dsun.net.httpserver.nodelay=true $jvm "$here/bench/FakeServer.java" "${args[@]}" --max-requests "$max" \
    --idle-exit-s "${IDLE_EXIT_S:-10}" --port-file "$work/port" > "$work/server.log" 2>&1 &
  server_pid=$!
  # Up to 120 s (compiling and warming FakeServer.java took over 30 s at load 25-30), less if the server died.
  for _ in $(seq 1200); do [ -s "$work/port" ] && break; kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  [ -s "$work/port" ] || { echo "the fake server did not start: $(cat "$work/server.log")" >&2; return 1; }
  port=$(cat "$work/port")
}
