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
MOT_DB="$T/rt.db" "$MOT" import "$T/lanes.1.yaml" >/dev/null 2>&1
MOT_DB="$T/rt.db" "$MOT" export lanes -o "$T/lanes.2.yaml"
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
MOT_DB="$T/ex.db" "$MOT" import "$T/coffee.yaml" >/dev/null 2>&1
MOT_DB="$T/ex.db" "$MOT" export coffee-subscription -o "$T/coffee.2.yaml"
expect_same "the example is in canonical form" "$T/coffee.yaml" "$T/coffee.2.yaml"
