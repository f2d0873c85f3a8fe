#!/usr/bin/env bash
# Exports every bundled story to Twee 3 with `attune export` and has extwee (an
# independent Twine toolkit, installed by scripts/setup) parse each one.
# Usage: tests/twee_test.sh PATH/TO/attune
set -uo pipefail
attune=$(realpath "$1")
cd "$(dirname "$0")/.."
[ -d tests/tools/node_modules/extwee ] || { echo "extwee is not installed: run scripts/setup"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=()
for story in stories/*.json tests/data/stories/*.json; do
    [ "$(basename "$story")" = schema.json ] && continue
    twee="$out/$(basename "$story" .json).twee"
    if ! "$attune" check "$story" >/dev/null; then
        # A bundled story being written may not load yet; `attune check` reports it.
        echo "skipped (does not load): $story"
        continue
    fi
    "$attune" export "$story" -o "$twee" || { echo "attune export failed on $story"; exit 1; }
    files+=("$twee")
done
((${#files[@]})) || { echo "no story exported"; exit 1; }
node tests/tools/check_twee.mjs "${files[@]}"
