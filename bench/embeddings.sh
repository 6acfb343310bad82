#!/usr/bin/env bash
# Embedding throughput of the optional similarity module (all-MiniLM-L6-v2 on ONNX Runtime, in-process).
# Builds the fat jar with -Pembeddings (downloads ~190 MB of dependencies the first time), then embeds
# N generated sentences in batches and prints sentences/second. Results: bench/EMBEDDINGS.md.
# Usage: bench/embeddings.sh [sentences=2000] [batch=32]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
BATCH="${2:-32}"
mvn -q -Pembeddings -DskipTests package
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
java -cp target/embeddings/prompt-arena.jar dev.promptarena.similarity.minilm.EmbeddingBench "$N" "$BATCH"
