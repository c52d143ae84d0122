#!/bin/sh
# tests/cli/lanes.sh - the lanes of the journey map on the command line:
# a file's lanes go through import and export byte for byte, bad lanes
# are refused at FILE:LINE:COLUMN with the database unchanged, and the
# example of mot-journey(5) is in canonical form.
. "$MOT_TOP/tests/lib.sh"
good="$MOT_TOP/tests/data/good"
bad="$MOT_TOP/tests/data/bad"

# --- YAML through the database -------------------------------------------
expect_rc "import a journey with every lane" 0 "$MOT" import "$good/lanes.yaml"
expect_rc "export it" 0 "$MOT" export lanes -o "$T/lanes.1.yaml"
expect_same "its lanes come back in canonical form" \
	"$good/lanes.canonical.yaml" "$T/lanes.1.yaml"
rt=$(new_db rt)
MOT_DB="$rt" "$MOT" import "$T/lanes.1.yaml" >/dev/null 2>&1
MOT_DB="$rt" "$MOT" export lanes -o "$T/lanes.2.yaml"
expect_same "export -> import -> export with lanes is byte-identical" \
	"$T/lanes.1.yaml" "$T/lanes.2.yaml"

# --- refused lanes ---------------------------------------------------------
before=$(db_sum)
expect_rc "import refuses a KPI target out of range" 1 \
	"$MOT" import --replace "$bad/lanes-kpi-target-range.yaml"
expect_err "at its line and column" \
	"lanes-kpi-target-range.yaml:13:17: error: touchpoints\[0\]\.kpis\[0\]\.target"
expect_rc "import refuses a line break in a list item" 1 \
	"$MOT" import "$bad/lanes-item-break.yaml"
expect_err "at the item" "lanes-item-break.yaml:12:9: error: touchpoints\[0\]\.evidence\[1\]: a line break"
[ "$(db_sum)" = "$before" ] && ok "the database is unchanged" || \
	not_ok "the database changed"
expect_rc "validate refuses a text where a list belongs" 1 \
	"$MOT" validate "$bad/lanes-scalar-for-list.yaml"
expect_err "saying what it expected" "10:12: error: touchpoints\[0\]\.pains: expected a list"

# --- the example of mot-journey(5) ---------------------------------------
sed -n '/^\.Bd -literal -offset indent$/,/^\.Ed$/p' "$MOT_TOP/man/mot-journey.5" |
	awk '/^\.Bd/ { n++; next } /^\.Ed/ { if (n == 1) exit; next } n == 1' \
	>"$T/coffee.yaml"
grep -q '^  kpis:' "$T/coffee.yaml" && ok "the example shows the lanes" || \
	not_ok "the example shows the lanes"
expect_rc "the example validates" 0 "$MOT" validate "$T/coffee.yaml"
ex=$(new_db ex)
MOT_DB="$ex" "$MOT" import "$T/coffee.yaml" >/dev/null 2>&1
MOT_DB="$ex" "$MOT" export coffee-subscription -o "$T/coffee.2.yaml"
expect_same "the example is in canonical form" "$T/coffee.yaml" "$T/coffee.2.yaml"

# --- csv and txt carry the lanes ----------------------------------------
expect_rc "export -f csv" 0 "$MOT" export lanes -f csv -o "$T/lanes.csv"
mkdir -p "$T/csv"
expect_rc "export -f csv into a directory" 0 "$MOT" export lanes -f csv -o "$T/csv"
run python3 "$MOT_TOP/tests/data/export/check.py" csv \
	"$good/lanes.canonical.yaml" "$T/lanes.csv" "$T/csv"
[ "$rc" = 0 ] && ok "python's csv module reads every lane back" || {
	not_ok "python's csv module reads every lane back"; sed 's/^/#   /' "$T/out"; }
expect_rc "export -f txt" 0 "$MOT" export lanes -f txt -w 400 -o "$T/lanes.txt"
run python3 - "$good/lanes.canonical.yaml" "$T/lanes.txt" <<'PY'
import sys, yaml
tp = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["touchpoints"][0]
txt = open(sys.argv[2], encoding="utf-8").read()
want = ["thinking: " + tp["thinking"].split("\n")[0],
        " " * 21 + tp["thinking"].split("\n")[1],
        "backstage: " + tp["backstage"]]
want += ["pain: " + p for p in tp["pains"]]
want += ["opportunity: " + p for p in tp["opportunities"]]
want += ["evidence: " + p for p in tp["evidence"]]
want += ["kpi: CSAT 3.9 of 5 (target 4.5: missed)",
         "kpi: Time to answer 95 s (target at most 60: missed)",
         "kpi: NPS -12\n", "kpi: Calls | 24/7 <all> 0 (target 1000: missed)"]
for w in want:
    if w not in txt:
        print("missing: %r" % w)
        sys.exit(1)
PY
[ "$rc" = 0 ] && ok "the text map shows every lane" || {
	not_ok "the text map shows every lane"; sed 's/^/#   /' "$T/out"; }

# --- the sample journeys -------------------------------------------------
expect_rc "the samples validate without warnings" 0 "$MOT" validate "$MOT_TOP"/journeys/*.yaml
grep -q warning "$T/out" "$T/err" && not_ok "no warning in the samples" || ok "no warning in the samples"
run python3 - "$MOT_TOP"/journeys/*.yaml <<'PY'
import sys, yaml
lanes = ("thinking", "pains", "opportunities", "backstage", "evidence", "kpis")
for path in sys.argv[1:]:
    tps = yaml.safe_load(open(path, encoding="utf-8"))["touchpoints"]
    filled = [t for t in tps if any(l in t for l in lanes)]
    missing = [l for l in lanes if not any(l in t for t in tps)]
    if len(filled) < 6 or missing:
        print("%s: %d touchpoints with lanes, lanes never used: %s" % (path, len(filled), missing))
        sys.exit(1)
PY
[ "$rc" = 0 ] && ok "every sample fills every lane on six or more touchpoints" || {
	not_ok "every sample fills every lane on six or more touchpoints"; sed 's/^/#   /' "$T/out"; }
