#!/usr/bin/env bash
# man_complete: the man page names every command and every long option the binary's help prints.
#
#   tests/app/man_complete.sh BINARY MANPAGE
#
# It runs BINARY's help texts with QT_QPA_PLATFORM=offscreen: the top level (--help, and the
# desktop console's own options), then every command they list, recursively: `serve`, `admin`,
# each group of the "Commands:" block of `admin --help` and each command of the group's block.
# Nothing is hard-coded: a command added to the program is found in its parent's help. From
# each text it collects the long options (--something) it prints, --help and --help-all and Qt's
# own options left out, and checks that each command path ("admin mentor import") and each option
# appears in MANPAGE's roff source. The source is read with its font escapes (\fB, \fI, \fR …)
# dropped and its other backslashes removed, so \-\-records counts as --records; a name must
# stand as a whole word (--org is not found in --organisation).
#
# Prints one line per missing item and exits 1 when anything is missing, else a summary and 0;
# exit 2 when the arguments are wrong or a help text cannot be had.
set -euo pipefail

if (($# != 2)); then
    echo "usage: man_complete.sh BINARY MANPAGE" >&2
    exit 2
fi
binary=$1
manpage=$2
[[ -x $binary ]] || {
    echo "man_complete: $binary is not an executable" >&2
    exit 2
}
[[ -r $manpage ]] || {
    echo "man_complete: $manpage cannot be read" >&2
    exit 2
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
# A runtime folder of our own keeps Qt quiet about a missing XDG_RUNTIME_DIR.
export XDG_RUNTIME_DIR=$work/runtime
mkdir -m 0700 "$XDG_RUNTIME_DIR"

# Qt's own options (shown by --help-all only, but never the program's): not for the man page.
declare -A ignored
for option in --help --help-all --platform --platformpluginpath --platformtheme --plugin \
    --qmljsdebugger --qwindowgeometry --qwindowicon --qwindowtitle --reverse --session --display \
    --geometry --style --stylesheet --widgetcount --nograb --dograb --sync --title --icon; do
    ignored[$option]=1
done

# --- the help texts ---------------------------------------------------------------------------
# help LABEL ARGS...: BINARY ARGS... --help's standard output, or exit 2 naming what failed.
help() {
    local label=$1
    shift
    local rc=0
    timeout 60 "$binary" "$@" --help >"$work/out" 2>"$work/err" </dev/null || rc=$?
    if ((rc != 0)) || [[ ! -s $work/out ]]; then
        echo "man_complete: \"$label --help\" failed (exit $rc):" >&2
        cat "$work/err" >&2
        exit 2
    fi
    cat "$work/out"
}

# subcommands TEXT: the names in the "Commands:" block (two spaces, a name, two spaces or more).
subcommands() {
    awk '/^Commands:/ { inside = 1; next }
         inside && /^[[:space:]]*$/ { inside = 0 }
         inside && match($0, /^  [a-z][a-z0-9-]*(  +|$)/) { split($0, w, " "); print w[1] }' <<<"$1"
}

# options TEXT: every long option the text prints, once each.
options() {
    grep -oE '(^|[^A-Za-z0-9-])--[a-z][a-z0-9-]*' <<<"$1" | sed -E 's/^[^-]*//' | sort -u || true
}

commands=()              # every command path, "serve" … "admin mentor import"
declare -A option_where  # option -> the first command whose help prints it
option_order=()

collect() {
    local label=$1 text=$2 option
    while IFS= read -r option; do
        [[ -n $option && -z ${ignored[$option]:-} ]] || continue
        if [[ -z ${option_where[$option]:-} ]]; then
            option_where[$option]=$label
            option_order+=("$option")
        fi
    done < <(options "$text")
}

# visit PATH...: the help of command PATH (e.g. admin mentor), and of each command it lists.
visit() {
    local text name
    # `|| exit 2` by hand: errexit is off inside a function called from an && list.
    text=$(help "$*" "$@") || exit 2
    commands+=("$*")
    collect "$*" "$text"
    (($# < 6)) || return 0 # a loop in the help texts would not end otherwise
    while IFS= read -r name; do
        [[ -n $name ]] && visit "$@" "$name"
    done < <(subcommands "$text")
}

program=$(basename "$binary")
top=$(help "$program") || exit 2
collect "$program" "$top"
# The top level has no "Commands:" block: its usage lines read "  PROGRAM COMMAND [...]".
top_commands=$(sed -nE "s/^[[:space:]]+$program ([a-z][a-z0-9-]*)([[:space:]].*)?$/\\1/p" <<<"$top")
# A bare --help is the top level's; the desktop console's parser prints its own options when
# --help follows one of them: ask through the first option the usage lists without a value.
console_option=$(grep -oE -- '--[a-z][a-z0-9-]*(,|$)' <<<"$top" | head -n 1 | tr -d ,) || true
if [[ -n $console_option ]]; then
    console=$(help "$program $console_option" "$console_option") || exit 2
    collect "$program" "$console"
fi
while IFS= read -r name; do
    [[ -n $name ]] && visit "$name"
done <<<"$top_commands"

((${#commands[@]} > 0)) || {
    echo "man_complete: no command found in the help of $binary" >&2
    exit 2
}

# --- the man page -----------------------------------------------------------------------------
# The roff source as text: font escapes (\fB, \f(CW, \f[BI]) out, then every other backslash.
sed -E -e 's/\\f(\[[^]]*\]|\([A-Za-z]{2}|[A-Za-z0-9])//g' -e 's/\\//g' "$manpage" >"$work/man.txt"

# in_man WORDS: WORDS appear in the man page as a whole (no letter, digit or - on either side).
in_man() {
    local pattern
    pattern=$(sed -E 's/[][\.^$*+?(){}|]/\\&/g; s/ +/[[:space:]]+/g' <<<"$1")
    grep -qE "(^|[^A-Za-z0-9-])$pattern([^A-Za-z0-9-]|\$)" "$work/man.txt"
}

missing=0
for command in "${commands[@]}"; do
    if ! in_man "$command"; then
        echo "man_complete: the man page lacks $command"
        missing=$((missing + 1))
    fi
done
for option in "${option_order[@]}"; do
    if ! in_man "$option"; then
        echo "man_complete: the man page lacks $option (${option_where[$option]})"
        missing=$((missing + 1))
    fi
done

if ((missing > 0)); then
    echo "man_complete: $missing of ${#commands[@]} commands and ${#option_order[@]} options missing from $manpage"
    exit 1
fi
echo "man_complete: ${#commands[@]} commands and ${#option_order[@]} options, all in the man page"
