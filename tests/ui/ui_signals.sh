#!/bin/sh
# Every way out restores the terminal (Ctrl-C, SIGTERM, SIGHUP), Ctrl-Z
# and fg give the screen back, and a kill -9 mid-session loses nothing
# that was confirmed on screen.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# kill -9 right after an edit was confirmed: it is in the database.
ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys a
wait_for "New touchpoint" >/dev/null
keys -l "Hazard lights on"
keys Enter
expect_screen "the edit is confirmed on screen" "Saved: add 'Hazard lights on'"
pid=$(mot_pid)
keys K
expect_screen "a second edit is confirmed too" \
	"Saved: move 'Hazard lights on' to <ZMOT, place 1"
kill -KILL "$pid"
expect_screen "mot is killed" "EXIT=137"
exported car-accident >"$T/out"
expect_out "the confirmed touchpoint survived kill -9" "^  name: Hazard lights on$"
awk '/^- key:/ { k = $3 } /^  stage: lzmot$/ { print k }' "$T/out" |
	head -n 1 >"$T/first"
if [ "$(cat "$T/first")" = hazard-lights-on ]; then
	ok "so did the confirmed move to the top of its stage"
else
	not_ok "so did the confirmed move (first is $(cat "$T/first"))"
fi

# Each signal ends mot through the one exit path that ends curses.
for sig in TERM:143 HUP:129; do
	sig_name=${sig%%:*} sig_rc=${sig##*:}
	ui_start 80 24 -- edit car-accident
	wait_for "Car accident claim" >/dev/null
	keys t
	wait_for "Transitions of" >/dev/null
	kill -"$sig_name" "$(mot_pid)"
	expect_screen "SIG$sig_name ends mot with status $sig_rc" "EXIT=$sig_rc"
	expect_screen "SIG$sig_name restores the terminal" "TTY=icanon echo"
done
ui_start 80 24 -- edit car-accident
wait_for "Car accident claim" >/dev/null
keys a
wait_for "New touchpoint" >/dev/null
keys C-c
expect_screen "Ctrl-C in a form ends mot with status 130" "EXIT=130"
expect_screen "Ctrl-C restores the terminal" "TTY=icanon echo"

# Ctrl-Z and fg, from a shell with job control.
if command -v bash >/dev/null 2>&1; then
	new_server
	TM new-session -d -x 80 -y 24 "env -i PATH='$PATH' TERM=xterm-256color \
LANG='$LC_ALL' LC_ALL='$LC_ALL' MOT_DB='$MOT_DB' HOME='$HOME' PS1='sh> ' \
bash --norc --noprofile -i"
	wait_for "sh> " >/dev/null
	keys -l "'$MOT' edit car-accident"
	keys Enter
	expect_screen "mot runs from an interactive shell" "Car accident claim"
	keys C-z
	# bash's job line, "[1]+  Stopped ..." (translated in other locales)
	expect_re "Ctrl-Z gives the shell back" '^\[1\]\+ +[^ ]'
	# The marker is printed by sed, so the typed command line (which
	# holds "MODE=" and "icanon" apart) cannot match it; "MODE=-icanon"
	# would be raw mode left behind.
	keys -l "stty -a | grep -o -- '-*icanon' | sed 's/^/MODE=/'"
	keys Enter
	expect_screen "the terminal is in cooked mode while stopped" "MODE=icanon"
	keys -l "fg"
	keys Enter
	expect_screen "fg brings the map back" "Car accident claim"
	keys q q
	# the prompt was on the screen before: the status says mot quit
	keys -l 'echo "RC=$?"'
	keys Enter
	expect_screen "and mot still quits normally" "RC=0"
else
	ok "Ctrl-Z and fg # SKIP bash is not installed"
fi
