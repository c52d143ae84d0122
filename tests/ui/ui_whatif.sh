#!/bin/sh
# Workshop mode, what-if: keep results as the baseline, change a card's
# emotion with + and - (undoable edits), run again, see baseline and
# scenario side by side with the difference and its significance, keep
# the outcome as a named scenario in the database, and the plain model.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

LONG=180

ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"

# + and - on a card: real edits, within -3 .. +3, undone by u.
keys -
expect_screen "- stops at -3" "Emotion of 'Collision at the roadside' is -3 already, the worst"
keys +
expect_screen "+ makes the emotion a point better" \
	"Emotion of 'Collision at the roadside': -3 -> -2 (u undoes)"
expect_screen "the card shows it" ">-2 roadside"
exported car-accident >"$T/out"
if awk '/^- key: accident-scene$/ { on = 1; next } /^- key:/ { on = 0 }
	on && /^  emotion: -2$/ { found = 1 } END { exit !found }' "$T/out"; then
	ok "the new emotion is in the database"
else
	not_ok "the new emotion is in the database"
fi
keys u
expect_screen "u takes it back" "Undone: set emotion of 'Collision at the roadside' to -2"
expect_screen "the card shows the old emotion" ">-3 roadside"

# The baseline.
keys s
keys -l 200000
keys Enter
expect_re "the first run's results" "Conversion [0-9.]+%" "$LONG"
keys b
expect_screen "b keeps them as the baseline" "Baseline kept (200,000 customers)"
expect_screen "the screen says so" "A baseline is kept"
keys q
keys +
expect_screen "a what-if change on the map" \
	"Emotion of 'Collision at the roadside': -3 -> -2"
keys R
keys r
expect_screen "r runs baseline and scenario" "Results: Car accident claim"
# The live rerun after + may have ended already: its figures show while
# r's run goes on, and n refuses to save them then.  Wait for r's own.
expect_re "the run ends" "Simulated 200,000 customers in [0-9.]+ s: baseline and scenario" "$LONG"
expect_screen "side by side" "What-if: baseline and scenario" "$LONG"
expect_re "with columns" "baseline +scenario +difference"
expect_re "conversion in each and the difference" \
	"Conversion +[0-9.]+% +[0-9.]+% +[-+][0-9.]+ pts"
expect_re "NPS in each" "NPS +[-+][0-9]+ +[-+][0-9]+ +[-+][0-9]+"
expect_re "promoters in each" "Promoters +[0-9.]+% +[0-9.]+% +[-+][0-9.]+ pts"
expect_re "steps per customer in each" "Steps/cust\. +[0-9.]+ +[0-9.]+ +[-+][0-9.]+"
expect_re "the difference's 95% CI and significance" \
	"Difference in conversion \+[0-9.]+ pts, 95% CI \+[0-9.]+ to \+[0-9.]+: significant"
expect_screen "paired: the same customers walked both" "(paired: same customers)"
expect_screen "the change it made" "Collision at the roadside: emotion -3 -> -2"

# A named scenario in the database.
keys n
expect_screen "n asks for a name" "Scenario name:"
keys -l "Kinder scene"
keys Enter
expect_screen "the scenario is saved" "Saved scenario 'Kinder scene'"
row=$(db_sql "SELECT name, customers, seed, plain, significant,
	changes FROM scenario" 2>&1)
if [ "$row" = "Kinder scene|200000|1|0|1|Collision at the roadside: emotion -3 -> -2" ]; then
	ok "its row holds the settings, significance and the change"
else
	not_ok "its row holds the settings, significance and the change ($row)"
fi
if on_sqlite; then json_ok="json_valid(report)"
else json_ok="CASE WHEN report::jsonb IS NOT NULL THEN 1 ELSE 0 END"; fi
rep=$(db_sql "SELECT $json_ok, CASE WHEN diff > 0 THEN 1 ELSE 0 END,
	CASE WHEN conv > base_conv THEN 1 ELSE 0 END
	FROM scenario" 2>&1)
if [ "$rep" = "1|1|1" ]; then
	ok "with the figures and the JSON report"
else
	not_ok "with the figures and the JSON report ($rep)"
fi
keys n
keys -l "Kinder scene"
keys Enter
expect_screen "the same name asks to replace" \
	"Scenario 'Kinder scene' exists. Replace it? (y/n)"
keys y
expect_screen "replaced" "Saved scenario 'Kinder scene'"
n=$(db_sql "SELECT count(*) FROM scenario" 2>&1)
if [ "$n" = 1 ]; then ok "one row, replaced"; else not_ok "one row, replaced ($n)"; fi
keys n
keys Enter
expect_screen "an empty name is refused" "Not saved: a scenario needs a name"

# No change: not significant, the same journey.
keys q
keys u
expect_screen "undo the change" "Undone: set emotion"
keys R
keys r
expect_re "the run ends" "Simulated 200,000 customers in [0-9.]+ s: baseline and scenario" "$LONG"
expect_screen "the same journey against the baseline" \
	"No changes against the baseline: the same journey" "$LONG"
expect_re "is no difference" "Difference in conversion 0\.00 pts.*: not significant"

# Dropping the baseline, then the plain model.
keys b
expect_screen "b again drops the baseline" "Baseline dropped"
keys s
expect_screen "the panel" "Customers> 200000"
keys Tab Tab Tab
keys Space
expect_screen "the model switches to plain" "< plain >"
keys Enter
expect_screen "a plain run" "200,000 customers, seed 1, plain model" "$LONG"
expect_gone "no comparison without a baseline" "What-if: baseline and scenario"
expect_re "with its conversion" "Conversion [0-9.]+%" "$LONG"
keys q q q
expect_screen "mot quits" "EXIT=0"
