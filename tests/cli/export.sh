#!/bin/sh
# tests/cli/export.sh - every export format of every sample journey and of
# tests/data/export/tricky.yaml (names with quotes, commas, colons,
# semicolons, '#', '%%', line breaks, <&> and non-Latin text), each read
# back by what its users open it with: Graphviz, python3's csv module,
# cmark-gfm (GitHub's Markdown), Mermaid's grammar, xmllint and headless
# chromium.
. "$MOT_TOP/tests/lib.sh"
D="$MOT_TOP/tests/data/export"
CHECK="python3 $D/check.py"
formats="md csv dot mermaid mermaid-flow svg html txt"

# has TOOL: whether the tool is there; without it a check is skipped
has() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "ok - $* # SKIP"; }

expect_rc "import the tricky journey" 0 "$MOT" import "$D/tricky.yaml"
journeys=""
for f in "$MOT_TOP"/journeys/*.yaml "$D/tricky.yaml"; do
	journeys="$journeys $(basename "$f" .yaml)=$f"
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
		cmark-gfm -e table -e strikethrough -e autolink --unsafe \
			"$T/$key.md" >"$T/$key.md.html"
		check "$key: md renders as GitHub tables, cell by cell" \
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
	urls=$(grep -o 'https\?://[^"]*' "$T/$key.html" | grep -vc '^http://www.w3.org/2000/svg$')
	[ "$urls" = 0 ] && grep -q 'Content-Security-Policy' "$T/$key.html" &&
		ok "$key: html fetches nothing" || not_ok "$key: html names $urls URLs"
done

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
	# Mermaid itself is not packaged by Debian: point MOT_MERMAID_JS at a
	# mermaid.min.js to render both diagrams of the tricky journey.
	if [ -n "${MOT_MERMAID_JS:-}" ] && [ -f "$MOT_MERMAID_JS" ]; then
		python3 "$D/mermaid_page.py" "$MOT_MERMAID_JS" "$T/tricky.mermaid" \
			"$T/tricky.mermaid-flow" >"$T/mmd.html"
		chrome --allow-file-access-from-files --dump-dom \
			--virtual-time-budget=10000 "file://$T/mmd.html" >"$T/mmd.out"
		n=$(grep -c '^OK [0-9]' "$T/mmd.out" || true)
		[ "$n" = 2 ] && ok "Mermaid renders both diagrams" ||
			{ not_ok "Mermaid renders both diagrams"; grep ERR "$T/mmd.out" | sed 's/^/#   /'; }
	else
		echo "ok - Mermaid renders both diagrams # SKIP set MOT_MERMAID_JS"
	fi
fi
