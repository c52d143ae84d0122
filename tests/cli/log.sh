#!/bin/sh
# tests/cli/log.sh - mot log: import (CSV, XES, names through a mapping
# file, rows in any order), list, rm, compare and fit.  The fit is checked
# against a journey of known weights: a million customers simulated in the
# plain model, traced, imported and fitted give every transition share
# and drop back within 2 points, and the exact conversion within 0.005.
# Bad input is refused with FILE:LINE and leaves the database as it was.
. "$MOT_TOP/tests/lib.sh"

cat >"$T/known.yaml" <<'YAML'
key: known
title: Known weights
entries:
  - to: ad
    weight: 3
  - to: search
touchpoints:
  - key: ad
    name: TV ad
    stage: lzmot
    drop: 0.3
    next:
      - to: search
        weight: 2
      - to: site
  - key: search
    name: Search
    stage: zmot
    drop: 0.2
    next:
      - to: site
        weight: 3
      - to: compare
  - key: compare
    name: Compare prices
    stage: zmot
    drop: 0.25
    next:
      - to: site
      - to: search
  - key: site
    name: Web shop
    stage: fmot
    drop: 0.25
    next:
      - to: buy
        weight: 2
      - to: compare
  - key: buy
    name: Buy
    stage: smot
    conversion: true
    drop: 0.4
    next:
      - to: review
  - key: review
    name: Review
    stage: tmot
YAML
expect_rc "import the journey of known weights" 0 "$MOT" import "$T/known.yaml"
# A workshop's guess at the same journey: every weight 1, every drop 0.1,
# one entry.  Fitted to the log of `known`, it must become `known`.
python3 - "$T/known.yaml" "$T/guess.yaml" <<'PY'
import sys, yaml
j = yaml.safe_load(open(sys.argv[1]))
j['key'], j['title'] = 'guess', 'A guess'
j['entries'] = [{'to': 'ad'}]
for t in j['touchpoints']:
    t['drop'] = 0.1
    for n in t.get('next', []):
        n.pop('weight', None)
yaml.safe_dump(j, open(sys.argv[2], 'w'), sort_keys=False)
PY
expect_rc "import the guess" 0 "$MOT" import "$T/guess.yaml"

# py ARGS... : a Python check on stdin; prints True or what is wrong
py() {
	python3 - "$@"
}

# --- the fit recovers the weights ---------------------------------------

expect_rc "simulate a million customers with --trace" 0 "$MOT" simulate known \
	--plain -n 1000000 --seed 7 --trace "$T/known.csv" --trace-customers 1000000
expect_rc "log import of the million-customer trace" 0 "$MOT" log import known \
	"$T/known.csv" --name million
expect_out "import counts the cases" "imported log 'million' into known: 1000000 cases"
expect_rc "the same log with the guess" 0 "$MOT" log import guess "$T/known.csv" \
	--name million
expect_rc "log fit --as" 0 "$MOT" log fit guess --log million --as known-fit
expect_out "fit names the new journey" "fitted journey known-fit from log 'million'"
expect_rc "export the fitted journey" 0 "$MOT" export known-fit -o "$T/fit.yaml"
res=$(py "$T/known.yaml" "$T/fit.yaml" <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
b = yaml.safe_load(open(sys.argv[2]))
def shares(items, key='to'):
    total = sum(i.get('weight', 1) for i in items)
    return {i[key]: i.get('weight', 1) / total for i in items}
bt = {t['key']: t for t in b['touchpoints']}
worst = 0
for t in a['touchpoints']:
    f = bt[t['key']]
    if t.get('next'):
        d = abs(t.get('drop', 0) - f.get('drop', 0))
        worst = max(worst, d)
        if d > 0.02:
            print('drop of %s: %s, fitted %s' % (t['key'], t.get('drop', 0), f.get('drop')))
            sys.exit(0)
    want, got = shares(t.get('next', [])), shares(f.get('next', []))
    for k in set(want) | set(got):
        d = abs(want.get(k, 0) - got.get(k, 0))
        worst = max(worst, d)
        if d > 0.02:
            print('%s -> %s: %s, fitted %s' % (t['key'], k, want.get(k), got.get(k)))
            sys.exit(0)
    if f['name'] != t['name'] or f['stage'] != t['stage']:
        print('%s: name or stage changed' % t['key']); sys.exit(0)
want, got = shares(a['entries']), shares(b['entries'])
for k in set(want) | set(got):
    if abs(want.get(k, 0) - got.get(k, 0)) > 0.02:
        print('entry %s' % k); sys.exit(0)
if b['key'] != 'known-fit' or b['title'] != 'A guess (fitted to log million)':
    print('key %s, title %s' % (b['key'], b['title'])); sys.exit(0)
print(True)
PY
)
[ "$res" = True ] && ok "fit of the guess: every drop, transition share and entry of known within 0.02" ||
	not_ok "fit: $res"
expect_rc "analyze the original" 0 "$MOT" analyze known -f json
cp "$T/out" "$T/a1.json"
expect_rc "analyze the fitted journey" 0 "$MOT" analyze known-fit -f json
res=$(py "$T/a1.json" "$T/out" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))['conversion_probability']
b = json.load(open(sys.argv[2]))['conversion_probability']
print(True if abs(a - b) < 0.005 else 'conversion %s, fitted %s' % (a, b))
PY
)
[ "$res" = True ] && ok "fit of the guess: analyze agrees with known's conversion within 0.005" ||
	not_ok "fit: $res"

# The comparison of the log with its own design: everything fits, and the
# JSON carries the keys of mot(1).
expect_rc "log compare -f json" 0 "$MOT" log compare known --log million -f json
cp "$T/out" "$T/million.json"
res=$(py "$T/million.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ('cases', 'events', 'fitness_cases', 'fitness_steps', 'touchpoints',
          'transitions', 'undesigned', 'unobserved'):
    if k not in d:
        print('no key %s' % k); sys.exit(0)
tp = d['touchpoints'][0]
for k in ('key', 'designed_visits', 'observed_visits', 'designed_drop', 'observed_drop'):
    if k not in tp:
        print('no touchpoint key %s' % k); sys.exit(0)
for k in ('from', 'to', 'designed_p', 'observed_p', 'observed_count'):
    if k not in d['transitions'][0]:
        print('no transition key %s' % k); sys.exit(0)
if d['cases'] != 1000000 or d['fitness_cases'] != 1 or d['fitness_steps'] != 1:
    print('cases %s fitness %s %s' % (d['cases'], d['fitness_cases'], d['fitness_steps'])); sys.exit(0)
if d['undesigned'] or d['unobserved']:
    print('surprises in a simulated log'); sys.exit(0)
for t in d['touchpoints']:
    if abs(t['designed_visits'] - t['observed_visits']) > 0.01:
        print('visits of %s' % t['key']); sys.exit(0)
if abs(d['designed_conversion'] - d['conversion']) > 0.005:
    print('conversion'); sys.exit(0)
print(True)
PY
)
[ "$res" = True ] && ok "compare: the JSON keys, full fitness, visits as designed" ||
	not_ok "compare: $res"

# --- XES written by mot, read back -----------------------------------------

expect_rc "simulate --trace .csv" 0 "$MOT" simulate known --plain -n 3000 --seed 3 \
	--trace "$T/small.csv" --trace-customers 3000
expect_rc "simulate --trace .xes" 0 "$MOT" simulate known --plain -n 3000 --seed 3 \
	--trace "$T/small.xes" --trace-customers 3000
expect_rc "log import CSV" 0 "$MOT" log import known "$T/small.csv"
expect_rc "log import XES" 0 "$MOT" log import known "$T/small.xes" --name smallx
expect_out "the XES log has every case" "3000 cases"

# compare JSON of two logs, without what names the log
same_compare() {	# NAME LOG1 LOG2
	"$MOT" log compare known --log "$2" -f json >"$T/c1.json" &&
	"$MOT" log compare known --log "$3" -f json >"$T/c2.json" || {
		not_ok "$1 (compare failed)"; return; }
	res=$(py "$T/c1.json" "$T/c2.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    for k in ('log', 'source', 'imported'):
        d.pop(k)
print(True if a == b else 'they differ')
PY
)
	[ "$res" = True ] && ok "$1" || not_ok "$1: $res"
}
same_compare "XES read back: the same log as the CSV" small smallx

# --- rows in any order --------------------------------------------------------

# The small trace shuffled, and a case whose two visits share a time:
# ties keep the file's order (search before site), wherever they are.
py "$T/small.csv" "$T/shuffled.csv" "$T/ordered.csv" <<'PY'
import random, sys
lines = open(sys.argv[1], newline='').read().split('\r\n')
head, rows = lines[0], [l for l in lines[1:] if l]
tie = ['99999,ad,2026-03-01T00:00:00Z,TV ad,lzmot,,dropped',
       '99999,search,2026-03-01T00:01:00Z,Search,zmot,,dropped',
       '99999,site,2026-03-01T00:01:00Z,Web shop,fmot,,dropped']
open(sys.argv[3], 'w', newline='').write('\r\n'.join([head] + rows + tie) + '\r\n')
mixed = rows + tie
random.Random(5).shuffle(mixed)
# the two tied rows back in their order, in the places they took
at = sorted(mixed.index(r) for r in tie[1:])
for pos, r in zip(at, tie[1:]):
    mixed[pos] = r
open(sys.argv[2], 'w', newline='').write('\r\n'.join([head] + mixed) + '\r\n')
PY
expect_rc "log import, rows in file order" 0 "$MOT" log import known "$T/ordered.csv"
expect_rc "log import, rows shuffled" 0 "$MOT" log import known "$T/shuffled.csv"
same_compare "shuffled rows: cases sorted by time, ties in file order" ordered shuffled
expect_rc "compare of the tie" 0 "$MOT" log compare known --log shuffled -f json
res=$(py "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
# search -> site is designed; site -> search would be undesigned
bad = [u for u in d['undesigned'] if (u['from'], u['to']) == ('site', 'search')]
print(True if not bad else 'the tie was put out of file order')
PY
)
[ "$res" = True ] && ok "a tie keeps the file's order" || not_ok "$res"

# --- activities by name, through a mapping file --------------------------------

# The small trace with other activity names: the touchpoint's name (TV ad,
# by name), two names for the web shop, another for search, and a login
# that is no touchpoint at all.
py "$T/small.csv" "$T/names.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
out = csv.writer(open(sys.argv[2], 'w', newline=''))
out.writerow(['Case', 'Event', 'When'])
names = {'ad': 'TV ad', 'search': 'Suche (Google)', 'compare': 'compare',
         'buy': 'Kauf', 'review': 'Review'}
for i, r in enumerate(rows[1:]):
    act = names.get(r[1]) or ('Shop, home page' if i % 2 else 'Shop: product page')
    out.writerow([r[0], act, r[2]])
    if i % 7 == 0:
        out.writerow([r[0], 'Login', r[2]])
PY
printf '%s\n' '# activity: touchpoint' '"Shop, home page": site' \
	'"Shop: product page": site' 'Suche (Google): search' 'Kauf: buy' \
	'Login: ~' >"$T/map.yaml"
before=$(db_sum)
expect_rc "names without a mapping file are refused" 1 "$MOT" log import known \
	"$T/names.csv" --case Case --activity Event --timestamp When --name named
expect_err "unmapped activities are listed with their events" \
	'"Shop, home page" \([0-9]+ events\)'
expect_err "every unmapped one" '"Login" \([0-9]+ events\)'
expect_err "nothing imported" "nothing was imported"
[ "$(db_sum)" = "$before" ] && ok "refused import leaves the database as it was" ||
	not_ok "refused import changed the database"
expect_rc "names through --map" 0 "$MOT" log import known "$T/names.csv" \
	--case Case --activity Event --timestamp When --map "$T/map.yaml" --name named
expect_out "the left-out activity is said" "1 left out by the mapping file"
same_compare "names through a mapping file: the same log" small named

# --- list and rm ---------------------------------------------------------------

expect_rc "log list" 0 "$MOT" log list known
expect_out "list shows a log with its counts and source" \
	"^known +million +1000000 +[0-9]+ .*known\.csv$"
expect_rc "log list of every journey" 0 "$MOT" log list
n=$(grep -c '^known ' "$T/out")
[ "$n" -eq 6 ] && ok "list: six logs" || not_ok "list: $n logs"
before=$(db_sum)
expect_rc "rm with one unknown name" 1 "$MOT" log rm known ordered nope
expect_err "rm names the missing log" "no log 'nope'"
[ "$(db_sum)" = "$before" ] && ok "rm is all or nothing" || not_ok "rm deleted some"
expect_rc "rm" 0 "$MOT" log rm known ordered shuffled
expect_rc "list after rm" 0 "$MOT" log list known
grep -q 'ordered\|shuffled' "$T/out" && not_ok "rm left logs" || ok "rm deletes logs"

# --- fit to a file, or stdout ------------------------------------------------

expect_rc "fit -o" 0 "$MOT" log fit known --log small -o "$T/f.yaml" --prior 0
expect_rc "the fitted file validates" 0 "$MOT" validate "$T/f.yaml"
grep -q '^key: known-fitted$' "$T/f.yaml" && ok "fit -o: key KEY-fitted" ||
	not_ok "fit -o: key"
expect_rc "fit -o over a file is refused" 1 "$MOT" log fit known -o "$T/f.yaml"
expect_err "fit -o says the file exists" "exists already"
expect_rc "fit --as an existing key is refused" 1 "$MOT" log fit known --as known-fit
expect_rc "fit to stdout" 0 "$MOT" log fit known --log small
expect_out "fit writes YAML" "^key: known-fitted"

# --- bad input ------------------------------------------------------------------

before=$(db_sum)
printf 'case_id,activity,timestamp\n1,ad,2026-01-01T00:00:00Z\n1,site,noon\n2,,2026-01-01\n3,ad\n' \
	>"$T/bad.csv"
expect_rc "bad rows are refused" 1 "$MOT" log import known "$T/bad.csv"
expect_err "a bad time by FILE:LINE" "bad\.csv:3: error: 'noon' is no time"
expect_err "an empty activity by FILE:LINE" "bad\.csv:4: error: no activity"
expect_err "a short row by FILE:LINE" "bad\.csv:5: error: 2 fields where the header has 3"
printf 'id,what,when\n1,ad,1\n' >"$T/cols.csv"
expect_rc "missing columns are refused" 1 "$MOT" log import known "$T/cols.csv"
expect_err "the missing column and the header" \
	"cols\.csv:1: error: no column 'case_id' for the case \(--case\); the header has: id, what, when"
printf '<log>\n<trace><string key="concept:name" value="1"/>\n<event>\n</trace>\n</log>\n' \
	>"$T/bad.xes"
expect_rc "broken XES is refused" 1 "$MOT" log import known "$T/bad.xes"
expect_err "libxml2's error by FILE:LINE" "bad\.xes:4: error: XML: "
printf 'ad: nowhere\n' >"$T/badmap.yaml"
expect_rc "a mapping to no touchpoint is refused" 1 "$MOT" log import known \
	"$T/small.csv" --map "$T/badmap.yaml" --name x
expect_err "the mapping file's line" "badmap\.yaml:1: error: 'ad' maps to 'nowhere'"
printf 'a: [b]\n' >"$T/listmap.yaml"
expect_rc "a mapping file that is no flat mapping" 1 "$MOT" log import known \
	"$T/small.csv" --map "$T/listmap.yaml" --name x
expect_err "its line and column" "listmap\.yaml:1:4: error: expected"
expect_rc "a missing file" 1 "$MOT" log import known "$T/none.csv"
expect_err "names the file" "none\.csv: error: cannot open"
expect_rc "a log name taken" 1 "$MOT" log import known "$T/small.csv"
expect_err "says the name is taken" "has a log 'small' already"
expect_rc "an unknown journey" 1 "$MOT" log import nope "$T/small.csv"
[ "$(db_sum)" = "$before" ] && ok "refused imports leave the database as it was" ||
	not_ok "a refused import changed the database"
expect_rc "--replace" 0 "$MOT" log import known "$T/small.csv" --replace
expect_rc "compare an unknown log" 1 "$MOT" log compare known --log nope
expect_err "names it" "has no log 'nope'"
expect_rc "compare of a journey without logs" 1 "$MOT" log compare known-fit
expect_err "says there are none" "has no logs"

# usage errors
expect_rc "log without a subcommand" 2 "$MOT" log
expect_err "says how to use it" "usage: mot log import\|list\|rm\|compare\|fit"
expect_rc "an unknown subcommand" 2 "$MOT" log frobnicate
expect_err "names it" "log: unknown subcommand 'frobnicate'"
expect_rc "import without a file" 2 "$MOT" log import known
expect_err "import's usage" "usage: mot log import JOURNEY FILE"
expect_rc "an unknown format" 2 "$MOT" log import known "$T/small.csv" -f json
expect_err "names the format" "unknown format 'json' \(csv or xes\)"
expect_rc "compare -f yaml" 2 "$MOT" log compare known -f yaml
expect_err "names the format" "unknown format 'yaml' \(text, json or csv\)"
expect_rc "a negative prior" 2 "$MOT" log fit known --prior -1
expect_err "names the option" "\-\-prior: -1 is out of range"
expect_rc "--as and -o together" 2 "$MOT" log fit known --as a -o "$T/x.yaml"
expect_err "says they cannot go together" "cannot go together"
expect_rc "--as a bad key" 2 "$MOT" log fit known --as "Not A Key"
expect_err "says it is no key" "'Not A Key' is not a key"
expect_rc "log --help" 0 "$MOT" log --help
expect_out "help lists the subcommands" "mot log compare JOURNEY"

# --- the locale does not matter ---------------------------------------------------

for loc in de_DE.UTF-8 nl_NL.UTF-8; do
	LC_ALL=$loc "$MOT" log compare known --log small -f json >"$T/loc.json" 2>/dev/null
	"$MOT" log compare known --log small -f json >"$T/c.json"
	grep -q '"cases":3000,' "$T/c.json" && expect_same "compare -f json under $loc" \
		"$T/c.json" "$T/loc.json" || not_ok "compare -f json under $loc: no report"
	LC_ALL=$loc "$MOT" log compare known --log small -f csv >"$T/loc.csv" 2>/dev/null
	"$MOT" log compare known --log small -f csv >"$T/c.csv"
	grep -q '^transition,ad,search,0.6666666666666666,' "$T/c.csv" &&
		expect_same "compare -f csv under $loc" "$T/c.csv" "$T/loc.csv" ||
		not_ok "compare -f csv under $loc: no report"
done
