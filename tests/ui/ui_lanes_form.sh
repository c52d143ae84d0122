#!/bin/sh
# The touchpoint form edits the lanes: each lane a field of several lines
# (Enter a new line, on an empty last line the next field).  Hostile text
# typed into every lane reaches the database exactly (read back through
# `mot export` and python's yaml), the form shows it back so that saving
# again changes nothing, undo and redo take the whole edit, and a bad KPI
# line is refused with its line number while the form stays open.  Of
# two mots, the one whose copy is stale cannot write over the other's
# lanes.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

cat >"$T/j.yaml" <<'YAML'
key: lanes-form
title: Lanes in the form
entries:
- to: call
touchpoints:
- key: call
  name: Emergency line
  stage: fmot
  conversion: true
YAML
"$MOT" import "$T/j.yaml" >/dev/null || not_ok "import the test journey"

ui_start 120 45 -- edit lanes-form
expect_screen "the map opens" "Lanes in the form"
keys l l Enter
expect_screen "Enter edits the card" "Edit touchpoint: Emergency line"
expect_gone "the short form leaves the empty lanes out" "Opportunities"
keys C-f
expect_screen "Ctrl-F shows the lanes" "Opportunities"
# Tab from the name to Thinking: key, stage, phase, channel, owner,
# emotion, drop, dwell, critical, human, controlled, conversion, entry,
# notes, then the lanes.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do keys Tab; done
expect_screen "the thinking field has its tip" "what the customer thinks"
expect_screen "and the keys of a lines field" "Enter new line"
keys -l '"Am I covered?" <&> a: b #c; d|e'
keys Enter
keys -l '検索 🚗 second line'
keys Enter Enter
expect_screen "Enter on an empty last line goes on to the pains" \
	"one a line; Enter: a new line"
keys -l 'Reads the card in the dark'
keys Enter
keys -l '  "quoted" <b>&amp;</b> :#;| 検索 🚗'
keys Enter Enter
keys -l 'Find the policy by licence plate'
keys Enter Enter
keys -l 'Claims desk; tow partner'
keys Enter
keys -l 'Second line: <&>'
keys Enter Enter
keys -l "Interview 7: 'I was shaking'"
keys Enter Enter
expect_screen "the KPIs field says its form" "a KPI a line: name | value"
keys -l 'CSAT | 3,9 | 4.5 | of 5'
keys Enter
keys -l 'Wait \| queue | 12 | 5 | min | lower'
keys Enter
keys -l 'NPS | high'
expect_screen "a bad KPI line is named while typing" "KPIs, line 3: KPI 'NPS'"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
expect_gone "the message goes once the line is gone" "KPIs, line 3"
keys Up Up End
expect_screen "Up moves to the lines above" "a KPI a line"
keys Down Down Down
expect_screen "Down on the last line goes on to the next field" "Name>"
keys Enter
expect_screen "the lanes are saved in one edit" "Saved: edit 'Emergency line'"

exported lanes-form >"$T/out.yaml"
run python3 - "$T/out.yaml" <<'PY'
import sys, yaml
tp = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["touchpoints"][0]
want = {
    "thinking": '"Am I covered?" <&> a: b #c; d|e\n検索 🚗 second line',
    "pains": ["Reads the card in the dark",
              '  "quoted" <b>&amp;</b> :#;| 検索 🚗'],
    "opportunities": ["Find the policy by licence plate"],
    "backstage": "Claims desk; tow partner\nSecond line: <&>",
    "evidence": ["Interview 7: 'I was shaking'"],
    "kpis": [{"name": "CSAT", "value": 3.9, "target": 4.5, "unit": "of 5"},
             {"name": "Wait | queue", "value": 12, "target": 5, "unit": "min",
              "better": "lower"}],
}
for k, v in want.items():
    if tp.get(k) != v:
        print("%s: %r, wanted %r" % (k, tp.get(k), v))
        sys.exit(1)
PY
[ "$rc" = 0 ] && ok "every lane typed in the form is stored exactly" || {
	not_ok "every lane typed in the form is stored exactly"
	sed 's/^/#   /' "$T/out"; }

# The form shows the lanes back as typed: saving again changes nothing.
keys Enter
expect_screen "the form opens with the lanes" "Opportunities"
expect_screen "the KPIs one a line, as typed" "Wait \\| queue | 12 | 5 | min | lower"
keys Tab Enter
expect_screen "saving an unchanged form changes nothing" "No change"

keys u
expect_screen "undo takes the lanes back" "Undone: edit 'Emergency line'"
exported lanes-form >"$T/undone.yaml"
grep -q "pains:" "$T/undone.yaml" && not_ok "undo leaves no lane" || ok "undo leaves no lane"
keys C-r
expect_screen "redo puts them back" "Redone: edit 'Emergency line'"
exported lanes-form >"$T/redone.yaml"
expect_same "redo gives the same file" "$T/out.yaml" "$T/redone.yaml"

# The lanes view shows what the form wrote.
keys b b b b
expect_screen "the KPIs under the card, a missed one marked" "! Wait | queue 12"
keys q q
expect_screen "mot ends" "EXIT=0"

# Two mots on the card: a lanes edit made on a copy the other mot has
# changed since is refused, never written over the other's lanes.
ui_start 120 45 -- edit lanes-form
A=$SOCK
expect_screen "A opens the journey" "Lanes in the form"
UI_KEEP=1 ui_start 120 45 -- edit lanes-form
B=$SOCK
expect_screen "B opens the same journey" "Lanes in the form"
# Tab from the name to the opportunities (15 to the thinking, see above),
# then on over backstage, evidence and KPIs to the name, where Enter saves.
lanes_edit() {	# TEXT: appended to the first opportunity
	keys l l Enter
	wait_for "Edit touchpoint: Emergency line" >/dev/null
	keys C-f	# the long form: every field, as counted above
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do keys Tab; done
	keys End
	keys -l "$1"
}
SOCK=$A
lanes_edit " (A)"
SOCK=$B
lanes_edit " (B)"
keys Tab Tab Tab Tab Enter
expect_screen "B saves its lanes" "Saved: change the opportunities of 'Emergency line'"
SOCK=$A
keys Tab Tab Tab Tab Enter
expect_screen "A's lanes edit on a stale copy is refused" \
	"Not saved: the touchpoint was changed by another mot since"
exported lanes-form >"$T/out"
expect_out "the database keeps B's lanes" "^  - Find the policy by licence plate \(B\)$"
grep -qF "(A)" "$T/out" && not_ok "A's lanes are not written" ||
	ok "A's lanes are not written"
for s in $A $B; do
	SOCK=$s
	keys Escape q q
	expect_screen "mot quits" "EXIT=0"
done
