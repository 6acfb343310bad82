#!/usr/bin/env bash
# Derives messages-api.json (a JSON Schema extract of Anthropic's Messages API) from the TypeScript types that the
# official SDK publishes on npm. Needs node/npm and the npm registry only. See README.md beside this file.
# Run from this folder: bash extract.sh   (rewrites messages-api.json and LICENSE-anthropic-sdk; nothing else)
set -euo pipefail
# 0.137.0: the last release for API version 2023-06-01, the version AnthropicClient pins (1.x targets 2026-10-21).
SDK_VERSION=0.137.0
GEN_VERSION=2.4.0
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@anthropic-ai/sdk@$SDK_VERSION" >/dev/null
tar xzf "anthropic-ai-sdk-$SDK_VERSION.tgz"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "ts-json-schema-generator@$GEN_VERSION" typescript@5 >/dev/null
for type in MessageCreateParamsNonStreaming Message; do
  # additionalProperties: false (the generator's default): an unknown field in a request is one the
  # API rejects ("Extra inputs are not permitted"), so the extract forbids what the SDK's types do not declare.
  npx ts-json-schema-generator --path package/src/resources/messages/messages.ts --type "$type" \
    --tsconfig package/src/tsconfig.json --no-type-check --expose export -o "$type.json"
done
cp package/LICENSE "$here/LICENSE-anthropic-sdk"
/usr/bin/python3 - "$SDK_VERSION" "$GEN_VERSION" > "$here/messages-api.json" <<'PY'
import json, sys
sdk, gen = sys.argv[1], sys.argv[2]
def strip(o, names=False):
    # Only `description` annotations (the SDK's doc comments) are dropped: they never change what validates. Inside
    # `properties` the keys are field names (a Tool has a field called description), kept.
    if isinstance(o, dict):
        return {k: strip(v, k == 'properties' and not names) for k, v in o.items() if names or k != 'description'}
    if isinstance(o, list): return [strip(v) for v in o]
    return o
definitions = {}
for t in ('MessageCreateParamsNonStreaming', 'Message'):
    for name, schema in json.load(open(t + '.json'))['definitions'].items():
        schema = strip(schema)
        if name in definitions and definitions[name] != schema: raise SystemExit('conflicting definition ' + name)
        definitions[name] = schema
out = {'$schema': 'http://json-schema.org/draft-07/schema#',
       '$comment': f'Derived from @anthropic-ai/sdk {sdk} (npm), src/resources/messages/messages.ts, by ts-json-schema-generator {gen}; see README.md',
       'definitions': dict(sorted(definitions.items()))}
json.dump(out, sys.stdout, indent=1, sort_keys=False)
print()
PY
