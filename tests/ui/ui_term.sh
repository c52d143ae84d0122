#!/bin/sh
# A terminal that cannot place the cursor (TERM=dumb, a printing terminal,
# an editor's shell buffer) is refused with a clear message and a failing
# exit status, before curses draws anything; an unknown TERM too.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

for term in dumb; do
	ui_start 80 24 TERM=$term -- edit car-accident
	expect_screen "TERM=$term: mot says why it cannot run" \
		"cannot move the cursor"
	expect_screen "TERM=$term: and fails" "EXIT=1"
	expect_gone "TERM=$term: no map was drawn" "Car accident claim"
done
ui_start 80 24 TERM=no-such-terminal -- edit car-accident
expect_screen "an unknown TERM is named" "cannot use the terminal 'no-such-terminal'"
expect_screen "and fails" "EXIT=1"
# Every other command works on any terminal.
ui_start 80 24 TERM=dumb -- list
expect_screen "TERM=dumb: list works" "car-accident"
expect_screen "and succeeds" "EXIT=0"
