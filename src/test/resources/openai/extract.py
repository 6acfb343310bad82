"""Extracts the chat-completions part of OpenAI's OpenAPI description, unmodified, for the wire-conformance tests.

Source: https://github.com/openai/openai-openapi, file openapi.json (MIT licence, see LICENSE-openai-openapi).
Run:    /usr/bin/python3 extract.py path/to/openapi.json > openapi-chat.json
Keeps:  info, the /chat/completions path item, and every components.schemas entry reachable by $ref from it
        (CreateChatCompletionRequest, CreateChatCompletionResponse and everything they reference), byte-for-byte
        the same JSON values as the source. Nothing is edited; the tests read this file as the spec.
"""
import json
import sys

spec = json.load(open(sys.argv[1], encoding='utf-8'))
path_item = spec['paths']['/chat/completions']
schemas = spec['components']['schemas']

def refs(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str) and v.startswith('#/components/schemas/'):
                out.add(v.split('/')[-1])
            else:
                refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)

seen = set()
todo = set()
refs(path_item, todo)
todo |= {'CreateChatCompletionRequest', 'CreateChatCompletionResponse'}
while todo:
    name = todo.pop()
    if name in seen:
        continue
    seen.add(name)
    found = set()
    refs(schemas[name], found)
    todo |= found - seen

subset = {
    'openapi': spec['openapi'],
    'info': spec['info'],
    'paths': {'/chat/completions': path_item},
    'components': {'schemas': {k: schemas[k] for k in sorted(seen)}},
}
json.dump(subset, sys.stdout, indent=1, ensure_ascii=False, sort_keys=False)
sys.stdout.write('\n')
