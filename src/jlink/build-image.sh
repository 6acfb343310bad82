#!/usr/bin/env bash
# Builds target/prompt-arena-image: a trimmed Java runtime (jlink) plus the tool's jar and a launcher, so the
# tool runs where no JDK is installed. Called by `mvn -Pjlink package` after the jar is built.
#   build-image.sh JAVA_HOME TARGET_DIR
# Modules: what `jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/prompt-arena.jar` lists
# (java.base, java.desktop, java.net.http, java.scripting, java.sql), plus jdk.crypto.ec, which jdeps cannot see
# (TLS to HTTPS providers negotiates elliptic-curve keys through a service provider). .ci/run runs the bundled
# example from the image.
set -euo pipefail
java_home="$1"
target="$2"
image="$target/prompt-arena-image"
rm -rf "$image"
"$java_home/bin/jlink" --add-modules java.base,java.desktop,java.net.http,java.scripting,java.sql,jdk.crypto.ec \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$image/runtime"
mkdir -p "$image/lib" "$image/bin"
cp "$target/prompt-arena.jar" "$image/lib/"
cat > "$image/bin/prompt-arena" <<'LAUNCHER'
#!/usr/bin/env bash
# prompt-arena on its bundled runtime (no JDK needed). Same JVM options as bin/prompt-arena.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
thp=""
if grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  thp="-XX:+UseTransparentHugePages"
fi
exec "$here/runtime/bin/java" ${PROMPT_ARENA_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 -XX:MaxNewSize=32m $thp -Xshare:auto} -jar "$here/lib/prompt-arena.jar" "$@"
LAUNCHER
chmod +x "$image/bin/prompt-arena"
du -sh "$image" | awk '{print "prompt-arena-image: " $1}'
