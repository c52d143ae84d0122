#!/bin/sh
# tests/cli/sim_trace.sh - mot simulate --trace: the event log for process
# mining, read back with Python's csv module (CSV) and xml.etree (XES):
# header, quoting, order of cases and times, activities (touchpoint keys,
# names beside them), outcomes, and that it holds the very walks counted.
. "$MOT_TOP/tests/lib.sh"

cat >"$T/quoted.yaml" <<'YAML'
key: quoted
title: Names that need quoting
personas:
  - key: fast
    name: Fast
    share: 0.7
  - key: slow
    name: Slow
    share: 0.3
    explore_bias: 2
entries:
  - to: ad
touchpoints:
  - key: ad
    name: 'Ad, "big" one'
    stage: lzmot
    phase: exposure
    dwell: 1.5
    next:
      - to: look
  - key: look
    name: "Look; compare\nprices"
    stage: zmot
    phase: exploration
    drop: 0.2
    next:
      - to: check
        weight: 2
      - to: ad
  - key: check
    name: Check reviews
    stage: zmot
    phase: evaluation
    dwell: 0
    next:
      - to: look
      - to: buy
        weight: 3
  - key: buy
    name: Buy
    stage: fmot
    conversion: true
    dwell: 30
    drop: 0.1
    next:
      - to: tell
  - key: tell
    name: Tell a friend
    stage: tmot
YAML
expect_rc "import a journey with names to quote" 0 "$MOT" import "$T/quoted.yaml"

# py FILE... : run the Python check on stdin; prints True or a reason
py() {
	python3 - "$@"
}

expect_rc "--trace" 0 "$MOT" simulate quoted -n 400 --seed 3 -f json \
	--trace "$T/trace.csv" --trace-customers 400
cp "$T/out" "$T/run.json"
[ -s "$T/trace.csv" ] && ok "--trace writes the file" || not_ok "--trace writes the file"

# The checks of one log: header, CRLF rows, quoting that reads back,
# activities that are the journey's keys with their names beside them,
# cases in order from 0, times strictly rising within a case, stage and
# persona keys, outcomes, and as many rows as the simulation counted steps.
res=$(py "$T/trace.csv" "$T/run.json" <<'PY'
import csv, json, sys
from datetime import datetime
raw = open(sys.argv[1], 'rb').read()
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
d = json.load(open(sys.argv[2]))
names = {'ad': 'Ad, "big" one', 'look': 'Look; compare\nprices',
         'check': 'Check reviews', 'buy': 'Buy', 'tell': 'Tell a friend'}
stages = {'ad': 'lzmot', 'look': 'zmot', 'check': 'zmot', 'buy': 'fmot',
          'tell': 'tmot'}
def fail(why):
    print(why); sys.exit(0)
head = ['case_id', 'activity', 'timestamp', 'name', 'stage', 'persona', 'outcome']
if rows[0] != head:
    fail('header %r' % rows[0])
if not raw.startswith(b'case_id,activity,timestamp,name,stage,persona,outcome\r\n'):
    fail('header line end')
if b'"Ad, ""big"" one"' not in raw:
    fail('quotes not doubled')
body = rows[1:]
if len(body) != d['steps']:
    fail('%d rows, %d steps' % (len(body), d['steps']))
last_case, last_t = -1, None
cases, outcome = set(), {}
for r in body:
    if len(r) != 7:
        fail('row %r' % r)
    c = int(r[0])
    t = datetime.strptime(r[2], '%Y-%m-%dT%H:%M:%SZ')
    if r[1] not in names or names[r[1]] != r[3]:
        fail('activity %r named %r' % (r[1], r[3]))
    if stages[r[1]] != r[4]:
        fail('stage %r of %r' % (r[4], r[1]))
    if r[5] not in ('fast', 'slow'):
        fail('persona %r' % r[5])
    if r[6] not in ('converted', 'dropped', 'exit', 'patience', 'cut'):
        fail('outcome %r' % r[6])
    if outcome.setdefault(c, r[6]) != r[6]:
        fail('two outcomes in case %d' % c)
    if c < last_case:
        fail('cases out of order at %d' % c)
    if c == last_case and not t > last_t:
        fail('time not rising in case %d' % c)
    if c != last_case and c in cases:
        fail('case %d split' % c)
    cases.add(c)
    last_case, last_t = c, t
if cases != set(range(400)):
    fail('cases %d' % len(cases))
if body[0][2] != '2026-01-01T00:00:00Z':
    fail('first time %s' % body[0][2])
buyers = {int(r[0]) for r in body if r[1] == 'buy'}
if len(buyers) != d['conversions']:
    fail('%d buyers in the log, %d conversions' % (len(buyers), d['conversions']))
if buyers != {c for c, o in outcome.items() if o == 'converted'}:
    fail('outcome converted is not the buyers')
ends = {k: sum(1 for o in outcome.values() if o == v)
        for k, v in (('drop', 'dropped'), ('exit', 'exit'), ('patience', 'patience'))}
if sum(ends.values()) + len(buyers) != 400:
    fail('outcomes %r' % ends)
print(True)
PY
)
[ "$res" = True ] && ok "trace: header, quoting, order, keys and names, outcomes, rows = steps" ||
	not_ok "trace: $res"

# Dwell moves the clock: 1.5 minutes at the ad, then the next visit.
res=$(py "$T/trace.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))[1:]
first = [r for r in rows if r[0] == '0']
ok = first[0][1] == 'ad' and len(first) > 1 and \
     first[1][2] == '2026-01-01T00:01:30Z'
print(ok or first[:2])
PY
)
[ "$res" = True ] && ok "trace: a visit lasts its dwell" || not_ok "trace: dwell ($res)"

# The same customers in a bigger run, and at any thread count: the log of
# the first 400 does not change.
expect_rc "--trace in a larger run" 0 "$MOT" simulate quoted -n 20000 --seed 3 \
	--threads 2 --trace "$T/big.csv" --trace-customers 400
expect_same "the first customers walk the same in a larger run" "$T/trace.csv" "$T/big.csv"
expect_rc "--trace on one thread" 0 "$MOT" simulate quoted -n 20000 --seed 3 \
	--threads 1 --trace "$T/one.csv" --trace-customers 400
expect_same "the log is the same at any thread count" "$T/big.csv" "$T/one.csv"
expect_rc "--trace with another seed" 0 "$MOT" simulate quoted -n 400 --seed 4 \
	--trace "$T/other.csv" --trace-customers 400
cmp -s "$T/trace.csv" "$T/other.csv" && not_ok "another seed, another log" ||
	ok "another seed, another log"

# Default bound: 1000 customers, never more than were simulated.
expect_rc "--trace default bound" 0 "$MOT" simulate quoted -n 5000 --trace "$T/def.csv"
n=$(python3 -c 'import csv,sys; print(len({r[0] for r in list(csv.reader(open(sys.argv[1], newline="")))[1:]}))' "$T/def.csv")
[ "$n" -eq 1000 ] && ok "trace: 1000 customers by default" || not_ok "trace: $n customers by default"
expect_rc "--trace fewer customers than the bound" 0 "$MOT" simulate quoted -n 30 --trace "$T/few.csv"
n=$(python3 -c 'import csv,sys; print(len({r[0] for r in list(csv.reader(open(sys.argv[1], newline="")))[1:]}))' "$T/few.csv")
[ "$n" -eq 30 ] && ok "trace: at most the customers simulated" || not_ok "trace: $n customers of 30"

# The plain model, and a journey with the sample's persona keys.
expect_rc "--trace --plain" 0 "$MOT" simulate quoted --plain -n 300 -f json \
	--trace "$T/plain.csv" --trace-customers 300
rows=$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))) - 1)' "$T/plain.csv")
steps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["steps"])' "$T/out")
[ "$rows" -eq "$steps" ] && ok "trace --plain: rows = steps" || not_ok "trace --plain: $rows rows, $steps steps"

# XES: the same walks, read with an XML parser: one trace per customer
# with its persona and outcome, one event per visit with the key as
# concept:name, the name (line break and all) as mot:name, the time.
expect_rc "--trace FILE.xes" 0 "$MOT" simulate quoted -n 400 --seed 3 \
	--trace "$T/trace.xes" --trace-customers 400
res=$(py "$T/trace.xes" "$T/trace.csv" <<'PY'
import csv, sys
import xml.etree.ElementTree as ET
ns = '{http://www.xes-standard.org/}'
root = ET.parse(sys.argv[1]).getroot()
rows = list(csv.reader(open(sys.argv[2], newline='', encoding='utf-8')))[1:]
def attrs(el):
    return {a.get('key'): a.get('value') for a in el if a.get('key')}
def fail(why):
    print(why); sys.exit(0)
if root.tag != ns + 'log' or not root.get('xes.version'):
    fail('root %s' % root.tag)
flat = []
for tr in root.iter(ns + 'trace'):
    ta = attrs(tr)
    for ev in tr.iter(ns + 'event'):
        ea = attrs(ev)
        t = ea['time:timestamp']
        if not t.endswith('.000+00:00'):
            fail('time %s' % t)
        flat.append([ta['concept:name'], ea['concept:name'], t[:19] + 'Z',
                     ea['mot:name'], ea['mot:stage'], ta.get('mot:persona', ''),
                     ta['mot:outcome']])
if flat != rows:
    for a, b in zip(flat, rows):
        if a != b:
            fail('%r != %r' % (a, b))
    fail('%d events, %d rows' % (len(flat), len(rows)))
print(True)
PY
)
[ "$res" = True ] && ok "trace .xes: the same walks, names, times and outcomes as the CSV" ||
	not_ok "trace .xes: $res"

# Refusals and failures.
expect_rc "--trace-customers without --trace" 2 "$MOT" simulate quoted --trace-customers 5
expect_err "--trace-customers needs --trace" "\-\-trace-customers needs"
expect_rc "--trace-customers 0" 2 "$MOT" simulate quoted --trace "$T/x.csv" --trace-customers 0
expect_rc "--trace with --compare" 2 "$MOT" simulate quoted --trace "$T/x.csv" --compare --set buy.drop=0
expect_rc "--trace with --days" 2 "$MOT" simulate quoted --trace "$T/x.csv" --days 3
expect_rc "--trace into a missing directory" 1 "$MOT" simulate quoted -n 10 --trace "$T/no/such/dir.csv"
expect_err "the failed write is named" "\-\-trace: .*no/such/dir.csv"
[ -e "$T/x.csv" ] && not_ok "a refused run writes no log" || ok "a refused run writes no log"
