#!/usr/bin/env bash
# Checks that the layers of game/ keep to their order. Usage: check_layers.sh GAME_DIR
#
# The core's wings, lowest first; each may include only itself and the wings listed for it:
#   base        -
#   model       base
#   story       base model
#   play        base model story
#   authoring   base model story play
#   report      base model story play
#   interchange base model story
# The core includes every header by its wing ("play/session.h") and never a face's header,
# SFML, Dear ImGui or an HTTP library. A face (terminal, window, host) includes the core and
# its own headers, never another face's; the cli may use every face.
# Prints each broken rule as FILE:LINE: what is wrong, and exits 1 if there is any.
set -uo pipefail
game=${1:?usage: check_layers.sh GAME_DIR}
declare -A allowed=(
    [base]=""
    [model]="base"
    [story]="base model"
    [play]="base model story"
    [authoring]="base model story play"
    [report]="base model story play"
    [interchange]="base model story"
)
wings="base model story play authoring report interchange"
faces="terminal window host"
problems=0

report() {
    echo "$1: $2"
    problems=$((problems + 1))
}

# Every include line of a file as LINE<TAB>KIND<TAB>NAME, KIND being " or <.
includes() {
    grep -n -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]' "$1" |
        sed -E 's/^([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*(["<])([^">]*)[">].*/\1\t\2\t\3/'
}

is_forbidden_system() {
    case "$1" in
    SFML/* | imgui* | httplib.h | qrencode.h | GL/* | X11/* | fontconfig/*) return 0 ;;
    esac
    return 1
}

check_wing() {
    local wing=$1 file line kind name target
    while IFS= read -r -d '' file; do
        while IFS=$'\t' read -r line kind name; do
            [ -n "$line" ] || continue
            if [ "$kind" = "<" ]; then
                is_forbidden_system "$name" &&
                    report "$file:$line" "the core ($wing) includes <$name>; only a face may"
                continue
            fi
            target=${name%%/*}
            if [ "$target" = "$name" ]; then
                report "$file:$line" "\"$name\" does not name a wing; write \"WING/$name\" (a face's header is never included by the core)"
            elif [ "$target" = "$wing" ]; then
                continue
            elif [[ " $wings " != *" $target "* ]]; then
                report "$file:$line" "\"$name\" is not in a wing of the core ($wings)"
            elif [[ " ${allowed[$wing]} " != *" $target "* ]]; then
                report "$file:$line" "$wing may not include $target (\"$name\"): $wing may use only: ${allowed[$wing]:-nothing}"
            fi
        done < <(includes "$file")
    done < <(find "$game/core/$wing" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
}

check_face() {
    local face=$1 file line kind name
    [ -d "$game/$face" ] || return 0
    while IFS= read -r -d '' file; do
        while IFS=$'\t' read -r line kind name; do
            [ -n "$line" ] && [ "$kind" = '"' ] || continue
            [[ " $wings " == *" ${name%%/*} "* && "$name" == */* ]] && continue
            [ -f "$game/$face/$name" ] || [ -f "$(dirname "$file")/$name" ] ||
                report "$file:$line" "the $face face includes \"$name\", which is neither the core nor its own"
        done < <(includes "$file")
    done < <(find "$game/$face" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
}

for file in "$game"/core/*.h "$game"/core/*.cpp; do
    [ -e "$file" ] && report "$file" "sits directly in core/; put it in a wing ($wings)"
done
for dir in "$game"/core/*/; do
    dir=$(basename "$dir")
    [[ " $wings " == *" $dir "* ]] || report "$game/core/$dir" "is not a wing; the wings are: $wings"
done
for wing in $wings; do
    [ -d "$game/core/$wing" ] && check_wing "$wing"
done
for face in $faces; do
    check_face "$face"
done

if ((problems)); then
    echo "layering: $problems include(s) break the layers (see docs/architecture.md)"
    exit 1
fi
echo "layering: every include keeps to the layers"
