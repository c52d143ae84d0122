#!/bin/sh
# Two designers on one PostgreSQL database, in two tmux sessions, making
# random edits for a minute (MOT_TEST_RANDOM_SECS): one at a time or both
# at once.  Every save a designer reports is checked against the database
# at once, and at the end every card holds the last value reported for
# it: 0 lost updates.  Every edit key gets an answer on its status line (a
# save, a refused conflict, or the end of the scale): no conflict passes
# silently.  Then one designer is killed with SIGKILL in the middle of an
# edit (a form half typed, then a move being saved): no partial change,
# and the other goes on editing.
if [ -z "${MOT_TEST_PG:-}" ]; then
	echo "ok - two designers, random edits and kill -9, on PostgreSQL # SKIP ${MOT_TEST_PG_SKIP:-no PostgreSQL server (run the tests through tests/pg.sh, as make test does)}"
	exit 0
fi
MOT_TEST_BACKEND=pg
export MOT_TEST_BACKEND
. "$MOT_TOP/tests/ui/tmux.lib"

secs=${MOT_TEST_RANDOM_SECS:-60}
seed=${MOT_TEST_SEED:-$$}
echo "# seed $seed (MOT_TEST_SEED repeats the run), $secs s"
now_s() { date +%s; }

# The cards of the journey as the database holds them: name TAB emotion.
db_cards() {
	psql "$MOT_TEST_PG options=-csearch_path=$T_SCHEMA" -XAt -F '	' -c \
		"SELECT t.name, t.emotion FROM touchpoint t JOIN journey j
		 ON j.id = t.journey_id WHERE j.key = 'car-accident'"
}
# Each stage's cards in order, as their keys: a move changes this.
db_order() {
	psql "$MOT_TEST_PG options=-csearch_path=$T_SCHEMA" -XAt -c \
		"SELECT t.stage || ' ' || string_agg(t.key, ' ' ORDER BY
		 t.position) FROM touchpoint t JOIN journey j ON
		 j.id = t.journey_id WHERE j.key = 'car-accident' GROUP BY
		 t.stage ORDER BY t.stage"
}
# Stages whose positions are not 0 .. n-1 each once: a move half done
# (a gap closed, the card not yet placed) leaves two cards on one place,
# which the order alone does not show.
db_bad_places() {
	psql "$MOT_TEST_PG options=-csearch_path=$T_SCHEMA" -XAt -c \
		"SELECT count(*) FROM (SELECT count(*) AS n, count(DISTINCT
		 t.position) AS d, min(t.position) AS lo, max(t.position) AS hi
		 FROM touchpoint t JOIN journey j ON j.id = t.journey_id
		 WHERE j.key = 'car-accident' GROUP BY t.stage) s
		 WHERE d <> n OR lo <> 0 OR hi <> n - 1"
}
db_emotion() {	# name
	db_cards | awk -F '\t' -v n="$1" '$1 == n { print $2 }'
}
status() { screen | tail -n 1; }
RESULT='Emotion of .*: [-+0-9]+ -> [-+0-9]+ \(u undoes\)|^Not saved: |already, the (best|worst)'

# clear S: clear S's status line of the answer to the last key.
clear() {
	SOCK=$1
	keys C-l
	cl_end=$(($(now_s) + 3))
	while status | grep -Eq -- "$RESULT" && [ "$(now_s)" -lt "$cl_end" ]; do
		sleep 0.05
	done
}
# press S KEY: clear S's status line, then send KEY (no waiting for it).
press() {
	clear "$1"
	keys "$2"
}
# answer S: S's status line once it answers the last key ("" after 10 s).
answer() {
	SOCK=$1
	an_end=$(($(now_s) + 10))
	while :; do
		an=$(status)
		if printf '%s\n' "$an" | grep -Eq -- "$RESULT"; then
			printf '%s\n' "$an"
			return
		fi
		[ "$(now_s)" -ge "$an_end" ] && return
		sleep 0.05
	done
}

saves=0 conflicts=0 limits=0 lost=0 unanswered=0 rounds=0
: >"$T/last"	# name TAB the last value a designer reported saving
# record WHO LINE: count an answer; a save goes into $T/last and its
# value is returned in $val, its card in $card, its start in $from.
record() {
	card="" val="" from=""
	case "$2" in
	"")
		unanswered=$((unanswered + 1))
		not_ok "designer $1 answered no edit key (round $rounds)"
		dump_screen ;;
	"Not saved: "*) conflicts=$((conflicts + 1)) ;;
	*already,*) limits=$((limits + 1)) ;;
	*)
		saves=$((saves + 1))
		card=$(printf '%s\n' "$2" | sed -E "s/^Emotion of '(.*)': [-+0-9]+ -> [-+0-9]+ \(u undoes\).*/\1/")
		from=$(printf '%s\n' "$2" | sed -E 's/.*: ([-+0-9]+) -> ([-+0-9]+) \(u undoes\).*/\1/; s/^\+//')
		val=$(printf '%s\n' "$2" | sed -E 's/.*: ([-+0-9]+) -> ([-+0-9]+) \(u undoes\).*/\2/; s/^\+//')
		awk -F '\t' -v n="$card" '$1 != n' "$T/last" >"$T/last.new"
		printf '%s\t%s\n' "$card" "$val" >>"$T/last.new"
		mv "$T/last.new" "$T/last" ;;
	esac
}
# check CARD VALUE: a reported save is in the database now.
check() {
	[ -n "$1" ] || return 0
	in_db=$(db_emotion "$1")
	if [ "$in_db" != "$2" ]; then
		lost=$((lost + 1))
		not_ok "round $rounds: '$1' saved as $2 but the database holds $in_db"
	fi
}

two_mots 200 40 car-accident "Car accident claim"
n_cards=$(db_cards | wc -l)

awk -v seed="$seed" 'BEGIN { srand(seed)
	for (i = 0; i < 5000; i++) print int(rand() * 10), int(rand() * 4) }' \
	>"$T/dice"
end=$(($(now_s) + secs))
exec 3<"$T/dice"
while [ "$(now_s)" -lt "$end" ] && read -r what arg <&3; do
	rounds=$((rounds + 1))
	move=$(echo h j k l | cut -d' ' -f$((arg + 1)))
	sign=$(echo + - | cut -d' ' -f$((arg % 2 + 1)))
	case $what in
	0 | 1)	# a designer moves its cursor: both see the same journey
		[ "$what" = 0 ] && SOCK=$A || SOCK=$B
		keys "$move" ;;
	2 | 3)	# both go to the first card, then one step the same way:
		# the same card
		SOCK=$A
		keys 0 g "$move"
		SOCK=$B
		keys 0 g "$move" ;;
	4 | 5 | 6)	# one designer edits
		[ $((what % 2)) = 0 ] && w=$A || w=$B
		press "$w" "$sign"
		record "$w" "$(answer "$w")"
		check "$card" "$val" ;;
	*)	# both at once, maybe on the same card
		clear "$A"
		clear "$B"
		SOCK=$A
		keys "$sign"
		SOCK=$B
		keys "$sign"
		record A "$(answer "$A")"
		a_card=$card a_val=$val a_from=$from
		record B "$(answer "$B")"
		if [ -n "$a_card" ] && [ "$a_card" = "$card" ]; then
			# Both saved one card: one after the other, never both
			# from the same value.
			if [ "$a_val" = "$from" ]; then check "$card" "$val"
			elif [ "$val" = "$a_from" ]; then check "$a_card" "$a_val"
			else
				lost=$((lost + 1))
				not_ok "round $rounds: both saved '$card' from the same value ($a_from -> $a_val, $from -> $val)"
			fi
		else
			check "$a_card" "$a_val"
			check "$card" "$val"
		fi ;;
	esac
done
exec 3<&-
echo "# $rounds rounds: $saves saves, $conflicts conflicts refused, $limits at the end of the scale"
# Every card holds the last value reported for it.
while IFS='	' read -r card val; do
	check "$card" "$val"
done <"$T/last"
if [ "$saves" -gt 20 ] && [ "$conflicts" -gt 0 ]; then
	ok "a minute of random edits: $saves saves and $conflicts conflicts"
else
	not_ok "too few saves ($saves) or conflicts ($conflicts) to tell"
fi
if [ "$lost" = 0 ]; then
	ok "0 lost updates: every reported save is in the database"
else
	not_ok "$lost lost updates"
fi
if [ "$unanswered" = 0 ]; then
	ok "every edit key answered: each conflict reported"
else
	not_ok "$unanswered edit keys without an answer"
fi

# kill -9 in the middle of an edit: a form half typed ...
before=$(db_cards | sort)
SOCK=$A
keys Enter
wait_for "Edit touchpoint:" >/dev/null
keys End
keys -l " (half typed)"
wait_for "(half typed)" >/dev/null
a_pid=$(mot_pid)
kill -9 "$a_pid"
expect_screen "A is killed with a form open" "EXIT=137"
if [ "$(db_cards | sort)" = "$before" ]; then
	ok "nothing of the half-typed form is in the database"
else
	not_ok "the database changed after A was killed with a form open"
fi
# ... and a move being saved (several rows in one transaction): the
# order afterwards is the one before or the one with the card moved.
UI_KEEP=1 ui_start 200 40 -- edit car-accident
A=$SOCK
expect_screen "A opens the journey again" "Car accident claim"
order=$(db_order)
keys J
kill -9 "$(mot_pid)"
expect_screen "A is killed while its move is saved" "EXIT=137"
after=$(db_order)
# The two orders may differ only by one pair of neighbours swapped.
swapped=$(printf '%s\n%s\n' "$order" "$after" | awk '
	NR <= n0 { a[NR] = $0; next } { b[NR] = $0 }
	END {
		d = 0
		for (i = 1; i <= n0; i++) {
			if (a[i] == b[i + n0]) continue
			na = split(a[i], x, " "); nb = split(b[i + n0], y, " ")
			if (na != nb) { print "bad"; exit }
			k = 0
			for (j = 1; j <= na; j++) if (x[j] != y[j]) k++
			d += k
		}
		print (d == 0 || d == 2) ? "ok" : "bad"
	}' n0="$(printf '%s\n' "$order" | wc -l)")
if [ "$swapped" = ok ] && [ "$(db_cards | sort)" = "$before" ] &&
	[ "$(db_cards | wc -l)" = "$n_cards" ] && [ "$(db_bad_places)" = 0 ]; then
	ok "the move is all there or not at all: every card and value kept"
else
	not_ok "the cards changed after A was killed in a move ($(db_bad_places) stages with places not 0..n-1)"
	printf '%s\n--\n%s\n' "$order" "$after" | sed 's/^/#   /'
fi
run "$MOT" export car-accident -o "$T/after.yaml"
[ "$rc" = 0 ] && run "$MOT" validate "$T/after.yaml"
if [ "$rc" = 0 ]; then ok "the journey loads and validates after the kills"; else
	not_ok "the journey after the kills (exit $rc)"
	sed 's/^/#   /' "$T/err" | head -n 5
fi
# B goes on.
press "$B" +
got=$(answer "$B")
case "$got" in
"Not saved: "*)	# its view may predate the move: the next try saves
	press "$B" +
	got=$(answer "$B") ;;
esac
record B "$got"
case "$got" in
*"(u undoes)"*) check "$card" "$val"; ok "B goes on editing: $got" ;;
*already,*) ok "B goes on editing: $got" ;;
*) not_ok "B goes on editing (answer '$got')"; dump_screen ;;
esac
SOCK=$B
keys q q
expect_screen "B quits" "EXIT=0"
