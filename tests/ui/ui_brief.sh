#!/bin/sh
# The brief tests/data/briefs/energy-switch.md built through the UI only,
# as a designer who knows mot would: a new journey, its description, two
# personas, sixteen cards in quick add, twenty-five transitions drawn
# with the cursor.  The journey exported must be the brief's YAML byte
# for byte.  Every key sent is counted: `nav` keys (movement, Enter,
# Tab, Esc, mode and command keys) against `txt`, the characters of
# names, labels and values (the quick-add shorthand counted apart, as
# values with markers).  The count is printed as "navigation keys: N";
# make bench prints it too (bench/run).
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

BRIEF="$MOT_TOP/tests/data/briefs/energy-switch.yaml"
NAV=0
TXT=0
MARKS=0

nav() {
	NAV=$((NAV + $#))
	keys "$@"
}
txt() {
	TXT=$((TXT + ${#1}))
	keys -l -- "$1"
}
# quick NAME SHORTHAND: a quick-add line; the shorthand's markers
# (@ # % > ~ ! H $ and a sign) are counted apart, the rest as values.
quick() {
	keys -l -- "$1 $2"
	TXT=$((TXT + ${#1} + ${#2} + 1))
	m=$(printf '%s' "$2" | tr -cd '@#%>~!H$+-' | wc -c)
	MARKS=$((MARKS + m))
}
# saved TEXT: wait until the status line says the change was saved.
saved() {
	wait_for "$1" || { not_ok "waiting for '$1'"; dump_screen; }
}

"$MOT" list >/dev/null
ui_start 100 30 -- 
expect_screen "the journeys list" "mot - journeys"

# A new journey: its title, then its key (the key offered is selected:
# typing replaces it).
nav a
wait_for "Title of the new journey:" >/dev/null
txt "Switching energy supplier"
nav Enter
wait_for "Its key:" >/dev/null
txt "energy-switch"
nav Enter
saved "Switching energy supplier"
nav e
wait_for "Journey title and description" >/dev/null
nav Tab
txt "A household in the Netherlands or Germany switches its electricity and gas supplier after the annual settlement bill or a price increase letter."
nav Enter
saved "Saved: change the description"

# Two personas: the key is made from the name (the short form skips it).
nav p a
wait_for "New persona" >/dev/null
txt "Price hunter"
nav Tab
txt "Switches every year for the welcome bonus and lives on the comparison portals."
nav Tab; txt "0.6"; nav Tab; txt "40"; nav Tab; txt "1.8"; nav Tab; txt "0.8"
nav Enter
saved "Saved: add persona 'Price hunter'"
nav a
wait_for "New persona" >/dev/null
txt "Green family"
nav Tab
txt "Wants renewable power from a supplier they trust; reads reviews and asks the neighbours."
nav Tab; txt "0.4"; nav Tab; txt "30"; nav Tab; txt "1.2"; nav Tab; txt "1.2"
nav Enter
saved "Saved: add persona 'Green family'"
nav q

# Sixteen cards in quick add, stage after stage.
nav i
wait_for "+ <ZMOT>" >/dev/null
quick "Annual settlement bill" "@letter -2 10% ~ >3"; nav Enter
saved "Added 'Annual settlement bill'"
quick "Price increase letter" "@letter -2 5% ~ >2"; nav Enter
saved "Added 'Price increase letter'"
quick "TV spot green tariff" "#expo @tv +1 60% >"; nav Enter
saved "Added 'TV spot green tariff'"
quick "Neighbour's tip" "#expo @word-of-mouth +1 30% ~ >"; nav Enter
saved "Added 'Neighbour's tip'"
nav Tab
quick "Comparison portal" "#xplr @comparison-site 15% ~"; nav Enter
saved "Added 'Comparison portal'"
quick "Supplier reviews" "#eval @review-site -1 10% ~"; nav Enter
saved "Added 'Supplier reviews'"
quick "Tariff calculator" "#eval @web +1 20%"; nav Enter
saved "Added 'Tariff calculator'"
nav Tab
quick "Online switch form" "@web -1 25% !"; nav Enter
saved "Added 'Online switch form'"
quick "Call centre" "@phone 10% H"; nav Enter
saved "Added 'Call centre'"
quick "Order confirmation" "@email +1 \$"; nav Enter
saved "Added 'Order confirmation'"
nav Tab
quick "Switch date confirmed" "#expr @letter +1 !"; nav Enter
saved "Added 'Switch date confirmed'"
quick "Smart meter installation" "#expr @in-person 5% H"; nav Enter
saved "Added 'Smart meter installation'"
quick "Welcome app" "#expr @app +1 5%"; nav Enter
saved "Added 'Welcome app'"
quick "First monthly bill" "#expr @email -1 !"; nav Enter
saved "Added 'First monthly bill'"
nav Tab
quick "Review on the portal" "@review-site +2 ~"; nav Enter
saved "Added 'Review on the portal'"
quick "Refer-a-friend bonus" "@app +2"; nav Enter
saved "Added 'Refer-a-friend bonus'"
nav Escape
saved "Quick add: 16 cards added"

# Twenty-five transitions, drawn with the cursor.  The cursor is on the
# last card (TMOT, second row); 0 goes to the first stage keeping the
# row, k goes up.
# link FROM TO: wait for the transition just drawn.
link() { saved "Saved: add transition '$1' -> '$2'"; }

nav 0 k
wait_for ">Annual settlement" >/dev/null
nav c l
txt "3"
nav :
wait_for "Label of Annual settlement bill -> Comparison portal:" >/dev/null
txt "compares tariffs"
nav Enter
link "Annual settlement bill" "Comparison portal"
nav j j Enter
link "Annual settlement bill" "Tariff calculator"
nav Escape j c l k
txt "2"
nav Enter
link "Price increase letter" "Comparison portal"
nav j j Enter
link "Price increase letter" "Tariff calculator"
nav Escape j c l
txt "2"
nav Enter
link "TV spot green tariff" "Tariff calculator"
nav k k Enter
link "TV spot green tariff" "Comparison portal"
nav Escape j c l Enter
link "Neighbour's tip" "Tariff calculator"
nav k Enter
link "Neighbour's tip" "Supplier reviews"
# c while connecting goes on from the selected card: the portal.
nav k c j
txt "2"
nav Enter
link "Comparison portal" "Supplier reviews"
nav j Enter
link "Comparison portal" "Tariff calculator"
nav l k k
txt "2"
nav :
wait_for "Label of Comparison portal -> Online switch form:" >/dev/null
txt "switches through the portal"
nav Enter
link "Comparison portal" "Online switch form"
# The reviews: back to the ranking, and on to the calculator.
nav h j c k :
wait_for "Label of Supplier reviews -> Comparison portal:" >/dev/null
txt "back to the ranking"
nav Enter
link "Supplier reviews" "Comparison portal"
nav j j
txt "2"
nav Enter
link "Supplier reviews" "Tariff calculator"
# The calculator, then the call centre.
nav c l k k
txt "3"
nav Enter
link "Tariff calculator" "Online switch form"
nav j Enter
link "Tariff calculator" "Call centre"
nav c k Enter
link "Call centre" "Online switch form"
nav j j
txt "2"
nav :
wait_for "Label of Call centre -> Order confirmation:" >/dev/null
txt "signs up on the phone"
nav Enter
link "Call centre" "Order confirmation"
# The straight stretch: a chain from the switch form to the review.
nav k k c C j j Enter
link "Online switch form" "Order confirmation"
nav l k k Enter
link "Order confirmation" "Switch date confirmed"
nav j Enter
link "Switch date confirmed" "Smart meter installation"
nav j Enter
link "Smart meter installation" "Welcome app"
nav j Enter
link "Welcome app" "First monthly bill"
nav l k Enter
link "First monthly bill" "Review on the portal"
# The last two: the switch date to the app, the bill to the bonus.
nav C h c j j
txt "2"
nav Enter
link "Switch date confirmed" "Welcome app"
nav j c l Enter
link "First monthly bill" "Refer-a-friend bonus"
nav Escape
saved "Connected:"
nav q q
expect_screen "mot ends" "EXIT=0"

exported energy-switch >"$T/built.yaml"
expect_same "the journey built through the UI is the brief's" "$BRIEF" \
	"$T/built.yaml"
echo "# navigation keys: $NAV (typed: $TXT characters of names, labels" \
	"and values, $MARKS of them quick-add markers)"
echo "navigation keys: $NAV" >"${MOT_BRIEF_COUNT:-/dev/null}"
if [ "$NAV" -le 150 ]; then
	ok "at most 150 navigation keys ($NAV)"
else
	not_ok "at most 150 navigation keys ($NAV)"
fi
