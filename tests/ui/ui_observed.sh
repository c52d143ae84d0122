#!/bin/sh
# Observed against designed on the map (O): the journey's newest event
# log on the cards, the biggest gaps first, the selected card's figures;
# the comparison follows an edit and its undo; off again; a journey
# without logs; a small terminal and no colour.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# Three lost-card cases of a contact centre, mapped to touchpoints.
cat >"$T/cards.csv" <<'CSV'
case_id,activity,timestamp
4711,The wallet is gone,2026-03-02T21:40:00+01:00
4711,App: card settings,2026-03-02T21:52:10+01:00
4711,App: card frozen,2026-03-02T21:53:02+01:00
4712,The wallet is gone,2026-03-02T22:05:00+01:00
4712,Web: help page,2026-03-02T22:09:31+01:00
4712,Phone: card hotline,2026-03-02T22:12:47+01:00
4712,App: card frozen,2026-03-02T22:20:15+01:00
4713,The wallet is gone,2026-03-03T08:01:00+01:00
4713,Web: help page,2026-03-03T08:04:12+01:00
4713,Phone: card hotline,2026-03-03T08:07:02+01:00
CSV
cat >"$T/map.yaml" <<'MAP'
"App: card settings": app-card-settings
"App: card frozen": card-frozen
"Web: help page": help-page
"Phone: card hotline": emergency-hotline
MAP
expect_rc "import the log" 0 "$MOT" log import lost-credit-card "$T/cards.csv" \
	--map "$T/map.yaml"

ui_start 100 30 -- edit lost-credit-card
expect_screen "the map opens" "Lost credit card"
keys O
expect_screen "O turns it on and names the log" \
	"Observed against designed: log 'cards', 3 cases"
expect_screen "a card: observed over designed visits" "The wallet is gone"
expect_re "the wallet is gone: 1.00 observed, 0.90 designed" "-2 1\.00/0\.90v"
expect_re "a card nobody visited: 0.00 observed" "0\.00/0\.[0-9]{2}v"
expect_re "the gaps list, with the log's figures" \
	"Biggest gaps \(steps per case\) - log 'cards', 3 cases: fit 33\.3%, bought 66\.7%"
expect_screen "the rule above says what the list is" \
	"Observed against designed, the biggest gaps first"
expect_gone "not the emotion curve's title" "Emotion along the most likely path"
expect_re "the biggest gap first" \
	"^ 0\.96  First payment with the new card: 0\.00 visits per case, designed 0\.96"
expect_re "then the next ones" "^ 0\.88  Replacement card ordered"
expect_screen "the selected card's figures in the detail panel" \
	"The wallet is gone: 1.00 visits per case (designed 0.90), drop 0.0% (1.0%), bought 66.7%"
expect_re "and its transitions out, observed (designed)" \
	"^out: -> Remembered campaign .* 0\.0% \(25\.0%\)"
# the help page: a step the design lacks goes to the hotline
keys l j
expect_screen "another card's figures" \
	"Help page \"Pas kwijt of gestolen\": 0.67 visits per case (designed 0.48)"
expect_re "with its transitions out, observed against designed" \
	"^out: -> Card settings in the app, freeze or block\? 0\.0% \(40\.0%\), -> 24/7"
# An edit changes the design: the comparison follows.  The wallet as an
# entry of its own weight (E takes it away, the friend stays).
keys h k E
expect_re "the edit changes the designed visits" "-2 1\.00/0\.00v"
keys u
expect_re "undo: back as it was" "-2 1\.00/0\.90v"
# F: the what-if of the design (baseline) against its fit to the log
# (scenario), the same customers walking both; the journey is not changed.
keys F
expect_screen "F runs the design against its fit to the log" \
	"What-if: baseline and scenario" 30
expect_screen "the same customers walk both" "(paired: same customers)"
expect_screen "the fit's weights are the changes" "Changes against the baseline:"
expect_re "a transition the design lacks, added by the fit" \
	"wallet-gone.*help-page|The wallet is gone.*Help page"
keys Escape
expect_screen "back on the map, the overlay still on" "Biggest gaps (steps per case)"
expect_re "the design is as it was" "-2 1\.00/0\.90v"
keys O
expect_screen "O again turns it off" "Observed against designed: off"
expect_gone "the cards lose the figures" "1.00/0.90v"
expect_screen "and the curve is back" "Emotion along the most likely path"
# ? lists the key, from the one key table
keys ?
expect_screen "? shows the help" "mot - keys"
for page in 1 2 3 4 5; do
	screen | grep -q "observed against designed: the newest event log" && break
	keys NPage
	sleep 0.2
done
expect_re "help lists O" "^ *O  +observed against designed: the newest event log"
keys q
keys q q
wait_for "EXIT=0"

# A journey without logs.
ui_start 100 30 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys O
expect_screen "O says there is no log" \
	"No event log to compare with: journey 'car-accident' has no logs"
keys F
expect_screen "so does F" \
	"No event log to compare with: journey 'car-accident' has no logs"
keys q q
wait_for "EXIT=0"

# Small, without colour: the marks read as . : * #
ui_start 60 16 NO_COLOR=1 -- edit lost-credit-card
expect_screen "the map opens small" "Lost credit card"
keys O
expect_re "a card's figures and a plain mark" "1\.00/0\.90v[.:*#]|1\.00v[.:*#]"
keys q q
wait_for "EXIT=0"
