#!/usr/bin/env bash
# Runs ajv (a JSON Schema validator independent of Attune) against stories/schema.json.
#   valid:   every bundled story and test story must pass the schema.
#   invalid: the broken fixtures that are schema errors must fail it.
set -uo pipefail
cd "$(dirname "$0")/.."
ajv=tests/tools/node_modules/.bin/ajv
[ -x "$ajv" ] || { echo "ajv is not installed: run scripts/setup"; exit 1; }
validate() { "$ajv" validate --strict=false -s stories/schema.json -d "$1" >/dev/null 2>&1; }

failed=0
if [ "${1:-}" = valid ]; then
    for story in stories/*.json tests/data/stories/*.json; do
        [ "$(basename "$story")" = schema.json ] && continue
        if validate "$story"; then echo "valid: $story"; else echo "SCHEMA REJECTS: $story"; failed=1; fi
    done
else
    # Each of these is also rejected by the loader (tests/core/story_loader_test.cpp).
    for name in dead-end deeply-nested not-an-object out-of-range unknown-key unknown-move wrong-type; do
        story=tests/data/broken/$name.json
        if validate "$story"; then echo "SCHEMA ACCEPTS: $story"; failed=1; else echo "rejected: $story"; fi
    done
fi
exit $failed
