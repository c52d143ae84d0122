#!/bin/sh
# tests/cli/locale.sh - under a German or Dutch locale (decimal comma,
# translated messages) machine-readable output stays valid and options
# read "0.5" as a number; text for people keeps the decimal point too, so
# that what mot shows can be typed back into an option.  tests/run also
# runs every other CLI and UI suite under these locales.
. "$MOT_TOP/tests/lib.sh"
J=car-accident
TP=accident-scene

# parses FILE KIND: the file is valid JSON, or CSV whose tables (apart
# by a blank line) each keep one column count: a decimal comma adds one
parses() {
	python3 - "$1" "$2" <<'EOF'
import csv, io, json, re, sys
path, kind = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8-sig", newline="") as f:
    text = f.read()
if kind == "json":
    json.loads(text)
else:
    for table in re.split(r"\r?\n\r?\n", text.strip()):
        rows = list(csv.reader(io.StringIO(table)))
        widths = {len(r) for r in rows}
        assert len(rows) > 1 and len(widths) == 1, widths
EOF
}
expect_parses() {	# NAME FILE KIND
	if parses "$2" "$3" 2>"$T/py"; then ok "$1"; else
		not_ok "$1"; sed 's/^/#   /' "$T/py" | tail -n 3
	fi
}

for loc in de_DE.UTF-8 nl_NL.UTF-8; do
	if ! locale -a 2>/dev/null | grep -qix "$(echo "$loc" | sed 's/UTF-8/utf8/')"; then
		ok "$loc # SKIP locale not installed"
		continue
	fi
	L() { LC_ALL=$loc LANG=$loc "$@"; }

	expect_rc "$loc: analyze -f json" 0 L "$MOT" analyze $J -f json
	expect_parses "$loc: analyze -f json is valid JSON" "$T/out" json
	expect_rc "$loc: analyze -f csv" 0 L "$MOT" analyze $J -f csv
	expect_parses "$loc: analyze -f csv keeps its columns" "$T/out" csv
	expect_rc "$loc: simulate -f json" 0 L "$MOT" simulate $J -n 2000 -f json
	expect_parses "$loc: simulate -f json is valid JSON" "$T/out" json
	expect_rc "$loc: simulate -f csv" 0 L "$MOT" simulate $J -n 2000 -f csv
	expect_parses "$loc: simulate -f csv keeps its columns" "$T/out" csv
	expect_rc "$loc: --set $TP.drop=0.5 is a number" 0 \
		L "$MOT" simulate $J -n 2000 --set $TP.drop=0.5 --compare -f json
	expect_parses "$loc: --compare -f json is valid JSON" "$T/out" json
	expect_rc "$loc: analyze --set $TP.drop=0.25" 0 \
		L "$MOT" analyze $J --set $TP.drop=0.25
	expect_rc "$loc: --p 0.03 --q 0.38 are numbers" 0 \
		L "$MOT" simulate $J -n 500 --days 3 --p 0.03 --q 0.38 -f json
	expect_parses "$loc: word of mouth -f json is valid JSON" "$T/out" json
	expect_rc "$loc: 0,5 is not a number in an option" 2 \
		L "$MOT" simulate $J -n 500 --days 3 --p 0,03
	expect_rc "$loc: export -f csv" 0 L "$MOT" export $J -f csv
	expect_parses "$loc: export -f csv keeps its columns" "$T/out" csv
	expect_rc "$loc: simulate text" 0 L "$MOT" simulate $J -n 2000
	expect_out "$loc: text numbers keep the decimal point" \
		"^Conversion +[0-9]+\.[0-9]+% \(95% CI [0-9]+\.[0-9]+%"
	expect_rc "$loc: show" 0 L "$MOT" show $J -w 100
	expect_out "$loc: show writes drop rates with a point" "drop [0-9.]+%"
	L "$MOT" export $J -f yaml >"$T/$loc.yaml" 2>"$T/err"
	expect_rc "$loc: the YAML export validates" 0 L "$MOT" validate "$T/$loc.yaml"
done
