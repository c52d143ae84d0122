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
db_sql "UPDATE journey SET title = 'a' || $(db_chr 27) || ']0;owned' \
|| $(db_chr 7) || 'b', description = 'x' || $(db_chr 27) || '[2J' WHERE key = 'tampered'"
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

# --- character widths: one maintained table (libutf8proc) ------------------
# U+1F6B2 (bicycle) and U+1F9FE (receipt) are two columns wide, as are CJK
# ideographs; a combining accent is none.  Every line of show -w 40 fits.
cat >"$T/wide.yaml" <<'YAML'
key: wide
title: "Bike shop 🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲"
entries:
  - to: ride
touchpoints:
  - key: ride
    name: "🚲 test ride 🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲🚲 🧾🧾🧾🧾 自転車自転車自転車 é"
    stage: fmot
    conversion: true
YAML
expect_rc "a journey with emoji names" 0 "$MOT" import "$T/wide.yaml"
"$MOT" show wide -w 40 >"$T/wide.txt"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/wide.txt")
if [ "$w" -le 40 ]; then ok "show -w 40 with U+1F6B2 stays within 40 columns"
else not_ok "show -w 40 with U+1F6B2 stays within 40 columns (widest $w)"
	LC_ALL=C.UTF-8 awk '{ print "#   |" $0 }' "$T/wide.txt" | head -n 5; fi
"$MOT" show wide -w 60 >"$T/wide60.txt"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/wide60.txt")
if [ "$w" -le 60 ]; then ok "and -w 60 within 60"
else not_ok "and -w 60 within 60 (widest $w)"; fi

# --- CSV: formulas neutralised in text cells, never in numbers; CRLF ------
cat >"$T/formula.yaml" <<'YAML'
key: formula
title: Formula test
entries:
  - to: shop
touchpoints:
  - key: shop
    name: "=SUM(1+1)"
    stage: fmot
    emotion: -2
    channel: "+31 20 555"
    owner: "@team"
    notes: "-note"
    conversion: true
    next:
      - to: home
        label: "=HYPERLINK(\"http://x\")"
  - key: home
    name: "plain - name"
    stage: smot
YAML
expect_rc "a journey with formula-looking text" 0 "$MOT" import "$T/formula.yaml"
"$MOT" export formula -f csv >"$T/formula.csv"
python3 - "$T/formula.csv" >"$T/py" 2>&1 <<'PY'
import csv, io, sys
rows = [r for r in csv.reader(io.open(sys.argv[1], encoding="utf-8", newline="")) if r]
tp = {r[1]: r for r in rows if r[0] == "formula" and len(r) > 9}
shop = tp["shop"]
assert shop[2] == "'=SUM(1+1)", shop[2]
assert shop[5] == "'+31 20 555", shop[5]
assert shop[6] == "'@team", shop[6]
assert shop[14] == "'-note", shop[14]
assert shop[8] == "-2", shop[8]             # a number stays a number
assert tp["home"][2] == "plain - name", tp["home"][2]
tr = [r for r in rows if r[0] == "formula" and r[1] == "shop" and r[3] == "home"][0]
assert tr[2] == "'=SUM(1+1)" and tr[7] == "'=HYPERLINK(\"http://x\")", tr
PY
if [ -s "$T/py" ]; then not_ok "export -f csv neutralises formulas, not numbers"
	sed 's/^/#   /' "$T/py"; else ok "export -f csv neutralises formulas, not numbers"; fi
"$MOT" simulate formula -n 100 -f csv >"$T/sim.csv"
if grep -q "^shop,'=SUM(1+1)," "$T/sim.csv"; then ok "simulate -f csv too"; else
	not_ok "simulate -f csv too"; head -n 3 "$T/sim.csv" | sed 's/^/#   /'; fi
"$MOT" analyze formula -f csv >"$T/an.csv"
if grep -q "^shop,'=SUM(1+1)," "$T/an.csv"; then ok "analyze -f csv too"; else
	not_ok "analyze -f csv too"; fi

# crlf NAME FILE: every line of the file ends in CRLF
crlf() {
	if [ -s "$2" ] && ! LC_ALL=C grep -qv "$(printf '\r')\$" "$2"; then ok "$1"
	else not_ok "$1"; fi
}
crlf "simulate -f csv ends its rows in CRLF" "$T/sim.csv"
crlf "analyze -f csv too" "$T/an.csv"
"$MOT" simulate formula -n 100 --compare --set shop.drop=0.5 -f csv >"$T/cmp.csv"
crlf "simulate --compare -f csv too" "$T/cmp.csv"
"$MOT" simulate formula -n 100 --days 3 --p 0.03 --q 0.38 -f csv >"$T/days.csv"
crlf "simulate --days -f csv too" "$T/days.csv"
"$MOT" simulate formula -n 100 --trace "$T/trace.csv" >/dev/null
crlf "--trace too" "$T/trace.csv"
mkdir "$T/dir"
"$MOT" export formula -f csv -o "$T/dir"
crlf "export -f csv -o DIR too" "$T/dir/formula-touchpoints.csv"

# Every command that loads a journey cleans such text first: reports, and
# an export that imports again.
db_sql "UPDATE touchpoint SET name = 'Crash' || $(db_chr 27) || '[2J' \
WHERE key = 'accident-scene'; UPDATE journey SET title = 'Claim' || $(db_chr 7) \
WHERE key = 'car-accident'"
"$MOT" simulate car-accident -n 200 >"$T/sim.txt" 2>&1
no_esc "simulate's report writes it visibly" "$T/sim.txt"
"$MOT" analyze car-accident >"$T/an.txt" 2>&1
no_esc "analyze's report too" "$T/an.txt"
"$MOT" export car-accident >"$T/tampered.yaml" 2>&1
no_esc "and the export" "$T/tampered.yaml"
expect_rc "which imports again" 0 "$MOT" validate "$T/tampered.yaml"
