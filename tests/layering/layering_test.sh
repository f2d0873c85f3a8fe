#!/usr/bin/env bash
# The layering check passes on the real tree, and fails, naming the file, on copies of the
# tree with one deliberate bad include of each kind.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
game=$(cd "$here/../../game" && pwd)
check="$here/check_layers.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

"$check" "$game" || { echo "FAIL: the real tree breaks the layers"; failures=$((failures + 1)); }

# expect_caught NAME FILE LINE_TO_ADD WORDS: a copy with LINE_TO_ADD at the top of FILE must
# fail, and the report must name FILE and contain WORDS.
expect_caught() {
    local name=$1 file=$2 line=$3 words=$4 copy="$scratch/$1"
    cp -r "$game" "$copy"
    mkdir -p "$(dirname "$copy/$file")"
    { echo "$line"; [ ! -f "$copy/$file" ] || cat "$copy/$file"; } >"$copy/$file.new"
    mv "$copy/$file.new" "$copy/$file"
    local out
    if out=$("$check" "$copy" 2>&1); then
        echo "FAIL ($name): a bad include in $file was not caught"
        failures=$((failures + 1))
    elif [[ "$out" != *"$copy/$file"*"$words"* ]]; then
        echo "FAIL ($name): the report does not name $file with '$words':"
        echo "$out"
        failures=$((failures + 1))
    else
        echo "caught ($name): ${out%%$'\n'*}"
    fi
}

expect_caught upward core/model/moves.h '#include "play/session.h"' "model may not include play"
expect_caught sideways core/interchange/twee_writer.cpp '#include "authoring/stats.h"' \
    "interchange may not include authoring"
expect_caught report_up core/report/guide.cpp '#include "authoring/stats.h"' \
    "report may not include authoring"
expect_caught face core/story/loader.cpp '#include "stage.h"' "does not name a wing"
expect_caught sfml core/base/paths.cpp '#include <SFML/Graphics/Text.hpp>' "only a face may"
expect_caught flat core/loose.cpp '#include "base/paths.h"' "sits directly in core/"
expect_caught face_to_face terminal/text_player.cpp '#include "stage.h"' \
    "neither the core nor its own"
expect_caught host_to_face host/room.cpp '#include "text_player.h"' \
    "neither the core nor its own"
expect_caught http_in_core core/play/session.cpp '#include <httplib.h>' "only a face may"

if ((failures)); then
    echo "$failures layering test(s) failed"
    exit 1
fi
echo "layering: the check passes on the tree and catches each kind of bad include"
