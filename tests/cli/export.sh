#!/bin/sh
# tests/cli/export.sh - every export format of every sample journey, of
# tests/data/export/tricky.yaml (names with quotes, commas, colons,
# semicolons, '#', '%%', line breaks, <&> and non-Latin text) and of
# tests/data/export/lanes.yaml (every lane, as hostile), each read back by
# what its users open it with: Graphviz, python3's csv module, cmark-gfm
# (GitHub's Markdown), Mermaid's grammar (and Mermaid itself with
# MOT_MERMAID_JS), xmllint, headless chromium and poppler.  The picture is
# measured too: no arrow through a card, no text on another, lane entries
# under their own cards where the row has room, card titles a readable
# size on a 1920x1080 screen and on a printed A3 page.
. "$MOT_TOP/tests/lib.sh"
D="$MOT_TOP/tests/data/export"
CHECK="python3 $D/check.py"
PICTURE="python3 $D/picture.py"
formats="md csv dot mermaid mermaid-flow svg html txt"

# has TOOL: whether the tool is there; without it a check is skipped
has() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "ok - $* # SKIP"; }

expect_rc "import the tricky journeys" 0 "$MOT" import "$D/tricky.yaml" "$D/lanes.yaml"
journeys=""
samples=""
for f in "$MOT_TOP"/journeys/*.yaml "$D/tricky.yaml" "$D/lanes.yaml"; do
	key=$(sed -n 's/^key: //p' "$f")
	journeys="$journeys $key=$f"
	case "$f" in "$MOT_TOP"/journeys/*) samples="$samples $key" ;; esac
done

# check NAME CMD...: ok when CMD succeeds and prints nothing
check() {
	name=$1
	shift
	if "$@" >"$T/check.out" 2>&1 && [ ! -s "$T/check.out" ]; then ok "$name"
	else not_ok "$name"; sed 's/^/#   /' "$T/check.out" | head -n 5; fi
}

for pair in $journeys; do
	key=${pair%%=*} file=${pair#*=}
	for f in $formats; do
		run "$MOT" export "$key" -f "$f" -o "$T/$key.$f"
		if [ "$rc" = 0 ] && [ -s "$T/$key.$f" ]; then ok "$key: export -f $f"
		else not_ok "$key: export -f $f (exit $rc)"; sed 's/^/#   /' "$T/err"; fi
	done
	# csv: the stream and a directory of two files, field by field
	mkdir -p "$T/csv-$key"
	"$MOT" export "$key" -f csv -o "$T/csv-$key" 2>"$T/err"
	check "$key: csv reads back field by field (stream and -o DIR)" \
		$CHECK csv "$file" "$T/$key.csv" "$T/csv-$key"
	if has cmark-gfm; then
		# safe mode, as wikis that drop raw HTML: nothing may need it
		cmark-gfm -e table -e strikethrough -e autolink \
			"$T/$key.md" >"$T/$key.md.html"
		check "$key: md renders without HTML, cell by cell, lanes too" \
			$CHECK md "$file" "$T/$key.md.html"
	else
		skip "$key: md renders as GitHub tables no cmark-gfm"
	fi
	check "$key: mermaid journey lexes as Mermaid's grammar does" \
		$CHECK mermaid "$file" "$T/$key.mermaid"
	check "$key: mermaid-flow labels are escaped, every link there" \
		$CHECK flow "$file" "$T/$key.mermaid-flow"
	if has dot; then
		check "$key: dot -Tsvg renders with no warning" \
			dot -Tsvg "$T/$key.dot" -o "$T/$key.dot.svg"
	else
		skip "$key: dot renders no dot"
	fi
	if has xmllint; then
		check "$key: svg is well-formed XML" xmllint --noout "$T/$key.svg"
	else
		skip "$key: svg is well-formed no xmllint"
	fi
	check "$key: svg: no loop arrow through a card, cards and arrowheads apart, lanes under their cards" \
		$PICTURE geometry "$T/$key.svg" "$file"
	check "$key: svg on a 1920x1080 slide: card titles at least 10 px" \
		$PICTURE slide "$T/$key.svg" 10
	urls=$(grep -o 'https\?://[^"]*' "$T/$key.html" | grep -vc '^http://www.w3.org/2000/svg$')
	[ "$urls" = 0 ] && grep -q 'Content-Security-Policy' "$T/$key.html" &&
		ok "$key: html fetches nothing" || not_ok "$key: html names $urls URLs"
done

# --- lanes: every one read back from the picture and the page -----------------
check "lanes: every lane reads back from svg (words or tooltip) and html" \
	$PICTURE lanes "$D/lanes.yaml" "$T/lanes-tricky.svg" "$T/lanes-tricky.html"
run "$MOT" export lanes-tricky -f svg --lanes pains,kpis
lanes=$(grep -o 'class="mot-lane" data-lane="[a-z]*"' "$T/out" | sed 's/.*="//; s/"//' | tr '\n' ' ')
[ "$rc" = 0 ] && [ "$lanes" = "pains kpis " ] && ok "--lanes pains,kpis draws those two lanes" ||
	not_ok "--lanes pains,kpis draws: $lanes (exit $rc)"
run "$MOT" export lanes-tricky -f html --lanes none
[ "$rc" = 0 ] && ! grep -q 'class="mot-lane"' "$T/out" && ! grep -q '<h2>Lanes' "$T/out" &&
	ok "--lanes none: no lane in the picture or the page" || not_ok "--lanes none"
expect_rc "--lanes with an unknown lane" 2 "$MOT" export lanes-tricky -f svg --lanes pains,moods
grep -q "unknown lane 'moods'" "$T/err" && ok "--lanes names the unknown lane" ||
	not_ok "--lanes names the unknown lane: $(cat "$T/err")"
run "$MOT" export tricky -f svg
[ "$rc" = 0 ] && ! grep -q 'class="mot-lane"' "$T/out" &&
	ok "a journey without lanes draws no lane row" || not_ok "empty lanes drawn"

# --- txt fits --width -----------------------------------------------------
run "$MOT" export tricky -f txt --width 60
# terminal columns, wide CJK counted as two
w=$(python3 -c 'import sys, unicodedata as u
print(max(sum(2 if u.east_asian_width(c) in "WF" else 0 if u.combining(c)
              else 1 for c in l) for l in sys.stdin.read().split("\n")))' <"$T/out")
[ "$rc" = 0 ] && [ "$w" -le 60 ] && ok "txt --width 60: no line over 60 ($w)" ||
	not_ok "txt --width 60: a line of $w"

# --- csv into a directory ---------------------------------------------------
expect_rc "csv -o DIR" 0 "$MOT" export car-accident -f csv -o "$T"
[ -s "$T/car-accident-touchpoints.csv" ] && [ -s "$T/car-accident-transitions.csv" ] &&
	ok "csv -o DIR writes both tables" || not_ok "csv -o DIR writes both tables"
left=$(ls -a "$T" "$T"/csv-* | grep -c '\.tmp' || true)
[ "$left" = 0 ] && ok "exports leave no temporary file" || not_ok "$left temporary files left"

# --- --sim N overlays ---------------------------------------------------------
expect_rc "--sim needs a number" 2 "$MOT" export car-accident -f svg --sim many
expect_rc "--sim 0 is refused" 2 "$MOT" export car-accident -f svg --sim 0
expect_rc "svg --sim 5000" 0 "$MOT" export car-accident -f svg --sim 5000 --seed 7 -o "$T/sim.svg"
grep -q 'came by' "$T/sim.svg" && ok "svg --sim has the heat overlay" || not_ok "svg --sim has the heat overlay"
has xmllint && check "svg --sim is well-formed XML" xmllint --noout "$T/sim.svg"
"$MOT" export car-accident -f svg --sim 5000 --seed 7 -o "$T/sim2.svg"
expect_same "--sim with one seed gives the same picture" "$T/sim.svg" "$T/sim2.svg"
expect_rc "dot --sim 5000" 0 "$MOT" export car-accident -f dot --sim 5000 -o "$T/sim.dot"
grep -Eq 'label="[0-9.]+ \([0-9]+\)", tooltip' "$T/sim.dot" &&
	ok "dot --sim writes simulated flow on edges" || not_ok "dot --sim writes simulated flow on edges"
has dot && check "dot --sim renders with no warning" dot -Tsvg "$T/sim.dot" -o "$T/sim.dot.svg"
expect_rc "html --sim 2000" 0 "$MOT" export house-move -f html --sim 2000 -o "$T/sim.html"

# --- layers: export draws the figures it is handed, never runs the engine --
# (the caller simulates: cmd_io.c and the designer's ui_simexport.c)
bad=$(grep -l '#include "\(sim\|workshop\|store\|ui\|ui_int\)\.h"\|curses' \
	"$MOT_TOP"/src/export/*.[ch] || true)
[ -z "$bad" ] && ok "export includes no engine, store or UI header" ||
	not_ok "export includes an engine, store or UI header: $bad"
objs=$(dirname "$MOT")/obj/export
if has nm && [ -d "$objs" ]; then
	calls=$(nm -u "$objs"/*.o | grep -E ' U (sim|ws|store|analyze|ui)_' | sort -u)
	[ -z "$calls" ] && ok "export's objects call no engine, store or UI function" ||
		not_ok "export's objects call:" $calls
else
	skip "export's objects call no engine function no nm or no objects"
fi

# --- in a real browser ------------------------------------------------------
chrome() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$(mktemp -d "$T/chrome.XXXXXX")" "$@" \
		2>>"$T/chrome.err"
}
if ! has chromium; then
	echo "ok - html screenshot in chromium # SKIP no chromium"
	echo "ok - text stays inside its card in chromium # SKIP no chromium"
else
	chrome --screenshot="$T/shot.png" --window-size=1400,900 \
		"file://$T/tricky.html" >/dev/null
	if [ -s "$T/shot.png" ]; then
		set -- $(python3 "$D/png.py" stats "$T/shot.png")
		# width height share-of-non-background distinct-colours
		awk -v s="$3" -v c="$4" 'BEGIN { exit !(s > 0.03 && c > 20) }' &&
			ok "html screenshot in chromium is not blank ($*)" ||
			not_ok "html screenshot in chromium is blank ($*)"
	else
		not_ok "html screenshot in chromium"; tail -n 5 "$T/chrome.err" | sed 's/^/#   /'
	fi
	# Every line of text measured by the browser against its card: the
	# tricky names and a --sim picture with its heat bars, in one page.
	{
		echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
		sed 1d "$T/tricky.svg"
		sed 1d "$T/sim.svg"
		cat "$D/measure.html"
	} >"$T/measure.html"
	chrome --dump-dom --virtual-time-budget=5000 "file://$T/measure.html" \
		>"$T/measure.out"
	res=$(grep -o 'data-result="[^"]*"' "$T/measure.out")
	case "$res" in
	*FIT*) ok "text stays inside its card in chromium (${res#*=})" ;;
	*) not_ok "text stays inside its card in chromium: $res" ;;
	esac
	# No two words on each other and no text on a card it is not part
	# of: every sample's picture, the tricky ones and one with --sim.
	{
		echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
		for key in $samples tricky lanes-tricky; do sed 1d "$T/$key.svg"; done
		sed 1d "$T/sim.svg"
		cat "$D/overlap.html"
	} >"$T/overlap.html"
	chrome --dump-dom --virtual-time-budget=20000 "file://$T/overlap.html" \
		>"$T/overlap.out"
	res=$(grep -o 'data-result="[^"]*"' "$T/overlap.out")
	case "$res" in
	*CLEAR*) ok "no text on another or on a card in chromium (${res#*=})" ;;
	*) not_ok "text on text or on a card in chromium: $res" ;;
	esac
	# The page on a 1920x1080 screen: card titles at least 11 px, on the
	# two journeys of 31 touchpoints and one with lanes.  In a window of
	# 700 px no table breaks a word of up to 12 letters between two
	# letters.  (The page forbids scripts; the copy measured lets one in.)
	screen() {	# KEY WIDTH,HEIGHT: the data-result of screen.html
		sed 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' \
			"$T/$1.html" >"$T/$1.screen.html"
		cat "$D/screen.html" >>"$T/$1.screen.html"
		chrome --window-size="$2" --dump-dom --virtual-time-budget=5000 \
			"file://$T/$1.screen.html" | grep -o 'data-result="[^"]*"'
	}
	small=""
	for key in car-accident retail-purchase lanes-tricky; do
		px=$(screen "$key" 1920,1080 | sed -n 's/.*TITLE \([0-9.]*\).*/\1/p')
		awk -v p="${px:-0}" 'BEGIN { exit !(p >= 11) }' || small="$small $key:${px:-none}"
		sizes="${sizes:-}$key:${px:-none} "
	done
	[ -z "$small" ] && ok "1920x1080: card titles at least 11 px ($sizes)" ||
		not_ok "1920x1080: card titles under 11 px:$small"
	for key in car-accident tricky; do
		res=$(screen "$key" 700,1000)
		case "$res" in
		*"BROKEN 0 "*) ok "$key: a 700 px window breaks no short word in a table" ;;
		*) not_ok "$key: short words broken in a 700 px window: $res" ;;
		esac
	done
	# Printed: one A3 landscape page holds the heading and the whole
	# picture, which fills it (pdftoppm), with card titles of at least
	# 6.5 pt (pdftotext -bbox, against the 18 pt heading; the 31-touchpoint
	# samples print at about 7.3 pt); the tables after.
	if has pdftotext && has pdftoppm && has pdfinfo; then
		for key in car-accident retail-purchase lanes-tricky; do
			file=$(echo "$journeys" | tr ' ' '\n' | sed -n "s/^$key=//p")
			chrome --no-pdf-header-footer --print-to-pdf="$T/$key.pdf" \
				"file://$T/$key.html" >/dev/null
			size=$(pdfinfo "$T/$key.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
			case "$size" in
			119[01]*" x 841"*) ok "$key: prints on A3 landscape" ;;
			*) not_ok "$key: prints on $size, not A3 landscape" ;;
			esac
			pdftotext -bbox -f 1 -l 2 "$T/$key.pdf" "$T/$key.bbox.html"
			check "$key: printed, the picture alone on page 1, titles >= 6.5 pt" \
				$PICTURE pdf "$file" "$T/$key.bbox.html" 6.5
			pdftoppm -r 30 -f 1 -l 1 -png "$T/$key.pdf" "$T/$key.page"
			set -- $(python3 "$D/png.py" extent "$T/$key.page-1.png")
			awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" \
				'BEGIN { exit !(c - a >= 0.9 || d - b >= 0.9) }' &&
				ok "$key: the picture fills the printed page ($*)" ||
				not_ok "$key: the picture fills only $* of the page"
		done
	else
		skip "printed on A3 no poppler-utils"
	fi
	# Mermaid itself is not packaged by Debian: MOT_MERMAID_JS names a
	# mermaid.min.js (.ci installs one with npm).  Both diagrams of every
	# journey rendered, the stages left to right.
	if [ -n "${MOT_MERMAID_JS:-}" ] && [ -f "$MOT_MERMAID_JS" ]; then
		files="" names=""
		for pair in $journeys; do
			key=${pair%%=*}
			files="$files $T/$key.mermaid $T/$key.mermaid-flow"
			names="$names $key $key-flow"
		done
		python3 "$D/mermaid_page.py" "$MOT_MERMAID_JS" $files >"$T/mmd.html"
		chrome --allow-file-access-from-files --dump-dom \
			--virtual-time-budget=120000 "file://$T/mmd.html" >"$T/mmd.out"
		check "Mermaid renders both diagrams of every journey, stages in order" \
			$CHECK mermaid-order "$T/mmd.out" $names
	elif [ -n "${MOT_REQUIRE_MERMAID:-}" ]; then
		# CI installed it (.ci/deps mermaid): not finding it is a failure
		not_ok "Mermaid renders both diagrams of every journey:" \
			"no mermaid.min.js at '${MOT_MERMAID_JS:-}'"
	else
		echo "ok - Mermaid renders both diagrams of every journey # SKIP set MOT_MERMAID_JS"
	fi
fi
