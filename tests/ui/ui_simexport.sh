#!/bin/sh
# x in workshop mode: results, scenarios and word of mouth as CSV and
# JSON, the heat map as SVG and HTML; only what exists is offered, the
# files parse, a failure names the file and the reason.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# export_as LABEL FILE: x, pick LABEL, write FILE; expects "Wrote FILE".
export_as() {
	keys x
	if ! wait_for "Filter:" 5; then
		not_ok "x offers the formats for $1"; dump_screen
		return
	fi
	keys -l "$1"
	keys Enter
	if ! wait_for "Export to:" 5; then
		not_ok "$1 asks for a file"; dump_screen
		return
	fi
	keys C-u
	keys -l "$2"
	keys Enter
	expect_screen "$1 is written" "Wrote $2 ($1)"
}

# parses NAME KIND FILE: the file is valid KIND (json, csv, svg, html).
parses() {
	case $2 in
	json) python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$3" ;;
	csv) python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), rows
' "$3" ;;
	svg) xmllint --noout "$3" ;;
	html) xmllint --html --noout "$3" 2>/dev/null && grep -q "<svg" "$3" ;;
	esac >"$T/parse.err" 2>&1
	if [ $? -eq 0 ]; then ok "$1"; else
		not_ok "$1"; sed 's/^/#   /' "$T/parse.err" | head -n 10
	fi
}

ui_start 100 30 -- edit car-accident
expect_screen "the map opens" "Car accident claim"

# Before any run only the heat map is there to export.
keys o
expect_screen "the word-of-mouth form opens" "Market size (people)"
keys Escape
keys x
expect_screen "x offers the heat map" "Heat map as SVG"
if screen | grep -q "Results as\|Word of mouth as\|Scenarios as"; then
	not_ok "nothing else is offered before a run"; dump_screen
else
	ok "nothing else is offered before a run"
fi
keys Escape
keys Escape

# A baseline, a scenario with a change, both saved: a comparison.
keys s
expect_screen "the panel opens" "Customers"
keys Enter
expect_screen "the run ends" "Simulated 100,000 customers in"
keys n
expect_screen "n asks for a scenario name" "Scenario name:"
keys -l 'Today, "as is"'
keys Enter
expect_screen "the scenario is saved" "Saved scenario"
keys b
keys q
keys +
expect_screen "+ makes the first card better" "Emotion of 'Collision at the roadside'"
keys s
expect_screen "the panel opens again" "Customers"
keys Enter
expect_screen "the comparison ends" "s: baseline and scenario"
keys n
keys -l "Better start"
keys Enter
expect_screen "the second scenario is saved" "Saved scenario"

export_as "Results as JSON" "$T/results.json"
parses "the results JSON parses" json "$T/results.json"
if grep -q '"baseline"' "$T/results.json" && grep -q '"difference"' "$T/results.json"
then ok "a compared run is written as the comparison"; else
	not_ok "a compared run is written as the comparison"
fi
export_as "Results as CSV" "$T/results.csv"
parses "the results CSV parses" csv "$T/results.csv"
export_as "Scenarios as CSV" "$T/scen.csv"
parses "the scenarios CSV parses" csv "$T/scen.csv"
python3 - "$T/scen.csv" >"$T/parse.err" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
names = sorted(r["name"] for r in rows)
assert names == ["Better start", 'Today, "as is"'], names
better = [r for r in rows if r["name"] == "Better start"][0]
assert "emotion" in better["changes"], better
assert better["difference"] != "", better
EOF
if [ $? -eq 0 ]; then ok "both scenarios are in the CSV, with the change"; else
	not_ok "both scenarios are in the CSV, with the change"
	sed 's/^/#   /' "$T/parse.err" | head -n 10
fi
export_as "Scenarios as JSON" "$T/scen.json"
parses "the scenarios JSON parses" json "$T/scen.json"
python3 - "$T/scen.json" >"$T/parse.err" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["journey"] == "car-accident", d["journey"]
sc = {s["name"]: s for s in d["scenarios"]}
assert set(sc) == {"Better start", 'Today, "as is"'}, set(sc)
assert isinstance(sc["Better start"]["report"], dict)
assert "scenario" in sc["Better start"]["report"]
assert sc['Today, "as is"']["difference"] is None
assert sc["Better start"]["changes"], sc["Better start"]
EOF
if [ $? -eq 0 ]; then ok "the JSON holds each scenario with its report as JSON"
else
	not_ok "the JSON holds each scenario with its report as JSON"
	sed 's/^/#   /' "$T/parse.err" | head -n 10
fi
export_as "Heat map as SVG" "$T/heat.svg"
parses "the SVG is well-formed XML" svg "$T/heat.svg"
"$MOT" export car-accident -f svg --sim 100000 --seed 1 -o "$T/cli.svg"
if cmp -s "$T/heat.svg" "$T/cli.svg"; then
	ok "the picture is the one of mot export --sim with the run's customers"
else
	not_ok "the picture is the one of mot export --sim with the run's customers"
fi
export_as "Heat map as HTML" "$T/heat.html"
parses "the HTML parses and holds the picture" html "$T/heat.html"

# Word of mouth, and a file that cannot be written.
keys o
expect_screen "o opens the word-of-mouth form" "Market size (people)"
keys Tab
keys -l "20"
keys Tab
keys -l "0.03"
keys Tab
keys -l "0.38"
keys Enter
expect_screen "the market run ends" "Word of mouth done: 20 days"
keys x
expect_screen "with a market run its formats are offered" "Word of mouth as CSV"
keys Escape
export_as "Word of mouth as CSV" "$T/wom.csv"
parses "the word-of-mouth CSV parses" csv "$T/wom.csv"
if [ "$(wc -l <"$T/wom.csv")" -eq 21 ]; then ok "a row per day"; else
	not_ok "a row per day ($(wc -l <"$T/wom.csv") lines)"
fi
export_as "Word of mouth as JSON" "$T/wom.json"
parses "the word-of-mouth JSON parses" json "$T/wom.json"
keys x
keys -l "Word of mouth as JSON"
keys Enter
keys C-u
keys -l "$T/no/such/dir/wom.json"
keys Enter
# (the reason is the C library's, in the user's language)
expect_re "a failure names the file and the reason" \
	"Could not write $T/no/such/dir/wom\.json: [[:alpha:]]"
keys x
keys -l "Word of mouth as JSON"
keys Enter
keys C-u
keys -l "$T/wom.json"
keys Enter
expect_screen "an existing file is not replaced without asking" \
	"wom.json exists. Replace it? (y/n)"
keys n
keys q q q q
expect_screen "mot quits" "EXIT=0"

# A journey the simulation refuses has no heat map: the reason is given.
expect_rc "a journey without entries is made" 0 "$MOT" new no-entry \
	--title "No entry yet"
ui_start 120 24 -- edit no-entry
expect_screen "the journey without entries opens" "No entry yet"
keys o
expect_screen "its word-of-mouth form opens" "Market size (people)"
keys Escape
export_try() {
	keys x
	wait_for "Filter:" 5
	keys -l "Heat map as SVG"
	keys Enter
	wait_for "Export to:" 5
	keys C-u
	keys -l "$T/none.svg"
	keys Enter
}
export_try
expect_screen "the heat map of a refused journey says why" \
	"Could not write $T/none.svg: the heat map needs a journey the simulation can walk"
if [ -e "$T/none.svg" ]; then not_ok "and no file is left"; else
	ok "and no file is left"
fi
keys q q q
expect_screen "mot quits after the refused journey" "EXIT=0"
