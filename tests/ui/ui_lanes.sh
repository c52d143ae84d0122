#!/bin/sh
# The lanes view of the map (b) and the search through every lane (/):
# at 120x40 and at 80x24 on the car-accident sample, a KPI that misses
# its target marked with "!" (readable without colour), the selected
# card's lane kept in view, and a match in a lane shown in its lane.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

ui_start 120 40 NO_COLOR=1 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
expect_gone "no lanes at first" "(b: next lane)"
keys l l
keys b
expect_screen "b shows the pains under the cards" "── Pain points  (b: next lane)"
expect_screen "the pains of the selected card" "- Asked for the policy"
expect_screen "the message says which lane" "Lanes: Pain points"
keys b
expect_screen "b again: opportunities" "── Opportunities  (b: next lane)"
expect_screen "an opportunity of the emergency line" "- Find the policy from"
keys b
expect_screen "then backstage" "── Backstage  (b: next lane)"
expect_screen "the backstage text, wrapped" "  Emergency desk"
keys b
expect_screen "then KPIs, with the legend of the mark" \
	"── KPIs (! misses its target)  (b: next lane)"
expect_screen "a KPI on target has no mark" "- Time to a human 28 s"
expect_screen "a KPI below its target is marked without colour" "! CSAT 4.4 of 5"
keys b b
expect_screen "thinking and evidence follow" "── Evidence  (b: next lane)"
keys b
expect_screen "and then the lanes are off" "Lanes off"
expect_gone "no lane rows any more" "(b: next lane)"

# The search finds text in a lane and shows that lane.
keys /
expect_screen "/ asks for text" "Search names, notes and lanes:"
keys -l "call-back from the emergency"
keys Enter
expect_screen "found in the opportunities of the menu" \
	"Found 'General service number with menu', lane Opportunities"
expect_screen "the lane of the match is shown" "── Opportunities  (b: next lane)"
expect_screen "with the match in it" "- Offer a call-back"
keys /
keys C-u
keys -l "DAYS TO ASSESSMENT"
keys Enter
expect_screen "a KPI's name is found, ignoring case" \
	"Found 'Damage assessor visit', lane KPIs"
keys /
keys C-u
keys -l "no such text anywhere"
keys Enter
expect_screen "no match says so" "No name, note or lane holds"
keys q q
expect_screen "mot ends" "EXIT=0"

# 80x24: the lanes still fit under the cards.
ui_start 80 24 -- edit car-accident
expect_screen "the map at 80x24" "Car accident claim"
keys l l b b b b
expect_screen "KPIs at 80x24" "── KPIs (! misses its target)"
expect_screen "a marked KPI at 80x24" "! Days to"
keys q q
expect_screen "mot ends at 80x24" "EXIT=0"

# 40x12, the smallest map: the lane rows still fit under the cards.
ui_start 40 12 -- edit car-accident
expect_screen "the map at 40x12" "Car accident"
keys b
expect_screen "the lane at 40x12" "── Pain points"
expect_screen "its first card at 40x12" "Collision at"
keys q q
expect_screen "mot ends at 40x12" "EXIT=0"
