#!/bin/sh
# tests/cli/text.sh - one set of text rules for every way text comes in
# (a file, `mot new`, the store): at most 4096 bytes, UTF-8, no control
# characters; and text from a database edited by hand never reaches a
# terminal with its control characters raw (list, show, -f md).
. "$MOT_TOP/tests/lib.sh"

ESC=$(printf '\033')
# no_esc NAME FILE: the output holds no ESC and no BEL byte
no_esc() {
	if LC_ALL=C grep -q "$(printf '[\033\007]')" "$2"; then
		not_ok "$1 (a raw control character)"
	else
		ok "$1"
	fi
}

# --- mot new applies the file format's rules --------------------------------
long=$(head -c 5000 /dev/zero | tr '\0' a)
expect_rc "new: a 5000-byte title is refused" 1 "$MOT" new long --title "$long"
expect_err "saying so" "title: longer than 4096 bytes"
expect_rc "new: ESC in a title is refused" 1 "$MOT" new esc --title "red ${ESC}[31m"
expect_err "naming the character" "control character U\+001B"
expect_rc "new: BEL in a description is refused" 1 \
	"$MOT" new bel --title ok --description "$(printf 'ring\007')"
expect_rc "new: a title that is not UTF-8 is refused" 1 \
	"$MOT" new latin1 --title "$(printf 'caf\351')"
expect_err "saying so" "not valid UTF-8"
expect_rc "new: nothing was stored" 0 "$MOT" list
if grep -Eq '^(long|esc|bel|latin1) ' "$T/out"; then not_ok "none of them is listed"
else ok "none of them is listed"; fi
expect_rc "new: a title of 4096 bytes is fine" 0 \
	"$MOT" new just-fits --title "$(head -c 4096 /dev/zero | tr '\0' b)"
"$MOT" export just-fits >"$T/fits.yaml"
expect_rc "and its export validates (a warning: no touchpoints)" 3 \
	"$MOT" validate "$T/fits.yaml"

# --- a file: escapes in double quotes are text too -------------------------
printf 'key: esc-file\ntitle: "bell \\a and \\e[1m"\ntouchpoints: []\n' >"$T/esc.yaml"
expect_rc "validate: an escaped BEL in a quoted title is refused" 1 "$MOT" validate "$T/esc.yaml"
expect_err "as a control character" "control character U\+0007"
expect_rc "import refuses it too" 1 "$MOT" import "$T/esc.yaml"

# --- a database edited by hand ---------------------------------------------
expect_rc "a journey to tamper with" 0 "$MOT" new tampered --title plain \
	--description "plain too"
sqlite3 "$MOT_DB" "UPDATE journey SET title = 'a' || char(27) || ']0;owned' \
|| char(7) || 'b', description = 'x' || char(27) || '[2J' WHERE key = 'tampered'"
"$MOT" list >"$T/list" 2>&1
no_esc "list writes the title's ESC and BEL visibly" "$T/list"
if grep -qF 'a^[]0;owned^Gb' "$T/list"; then ok "as ^[ and ^G"; else
	not_ok "as ^[ and ^G"; sed 's/^/#   /' "$T/list" | cat -v; fi
"$MOT" show tampered -w 80 >"$T/show" 2>&1
no_esc "show writes them visibly" "$T/show"
"$MOT" export tampered -f md >"$T/md" 2>&1
no_esc "-f md writes them visibly" "$T/md"
"$MOT" export tampered -f txt >"$T/txt" 2>&1
no_esc "-f txt writes them visibly" "$T/txt"
