#!/bin/sh
# tests/cli/sim.sh - mot simulate and mot analyze from the command line:
# formats, determinism across threads, what-ifs, word of mouth, and the
# refusals with their exit codes (2: options, 1: impossible journeys).
. "$MOT_TOP/tests/lib.sh"
J=retail-purchase

# json FILE EXPR: evaluate a Python expression on the JSON in FILE (as d)
json() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}
# check NAME PYTHON-CONDITION FILE
check() {
	if [ "$(json "$3" "$2")" = True ]; then ok "$1"; else
		not_ok "$1 ($2)"; fi
}

expect_rc "simulate --help" 0 "$MOT" simulate --help
expect_out "simulate --help names --compare" "\-\-compare"
expect_rc "analyze --help" 0 "$MOT" analyze --help

# --- simulate: text, json, csv ----------------------------------------------
expect_rc "simulate text" 0 "$MOT" simulate $J -n 20000
expect_out "text has the conversion with its interval" "^Conversion +[0-9.]+% \(95% CI"
expect_out "text has the funnel" "^  TMOT +Sharing"
expect_out "text: endings, the conversion first" "^  bought \(the conversion\) +[0-9.]+%"
expect_out "text: the others by how they ended" "^  left without buying +[0-9.]+%"
expect_out "text has top paths" "^Most common paths"
expect_out "text has the NPS" "NPS [+-][0-9]"
[ -s "$T/err" ] && not_ok "no progress bar when stderr is not a terminal" || ok "no progress bar when stderr is not a terminal"

expect_rc "simulate json" 0 "$MOT" simulate $J -n 20000 -f json
cp "$T/out" "$T/sim.json"
check "json: customers" "d['customers'] == 20000" "$T/sim.json"
check "json: steps" "d['steps'] > d['customers']" "$T/sim.json"
check "json: conversion_ci95 holds the rate" \
	"d['conversion_ci95'][0] <= d['conversion_rate'] <= d['conversion_ci95'][1]" "$T/sim.json"
check "json: touchpoints with key, visits, drops, exits, patience_ends, cuts, removal_effect" \
	"all(set(['key','visits','drops','exits','patience_ends','cuts','removal_effect']) <= set(t) for t in d['touchpoints'])" "$T/sim.json"
check "json: each ending counted once, under its own name, at the touchpoints" \
	"all(sum(t[k] for t in d['touchpoints']) == d['ends'][e] for k, e in (('drops','drop'),('exits','exit'),('patience_ends','patience'),('cuts','cut')))" "$T/sim.json"
check "json: endings add up to the customers, bought being the conversions" \
	"sum(d['endings'].values()) == d['customers'] and d['endings']['bought'] == d['conversions'] == sum(d['ends_bought'].values())" "$T/sim.json"
check "json: visits add up to steps" \
	"sum(t['visits'] for t in d['touchpoints']) == d['steps']" "$T/sim.json"
check "json: ten top paths" "len(d['top_paths']) == 10" "$T/sim.json"
check "json: NPS and personas" "'score' in d['nps'] and len(d['personas']) == 3" "$T/sim.json"

expect_rc "simulate csv" 0 "$MOT" simulate $J -n 5000 --format csv
expect_out "csv header" "^key,name,stage,visits,mean_visits,drops,exits,patience_ends,cuts,customers_passing,"
n=$(wc -l <"$T/out")
[ "$n" -eq 32 ] && ok "csv: one row per touchpoint" || not_ok "csv: one row per touchpoint ($n lines)"

# --- determinism -----------------------------------------------------------
run "$MOT" simulate $J -n 30000 --seed 7 --threads 1 -f json
cp "$T/out" "$T/t1"
run "$MOT" simulate $J -n 30000 --seed 7 --threads 2 -f json
cp "$T/out" "$T/t2"
run "$MOT" simulate $J -n 30000 --seed 7 --threads 5 -f json
expect_same "same seed, 1 and 2 threads: same output" "$T/t1" "$T/t2"
expect_same "same seed, 1 and 5 threads: same output" "$T/t1" "$T/out"
run "$MOT" simulate $J -n 30000 --seed 8 -f json
cmp -s "$T/t1" "$T/out" && not_ok "another seed, other results" || ok "another seed, other results"

# --- analyze and simulate --plain agree --------------------------------------
expect_rc "analyze json" 0 "$MOT" analyze $J -f json
cp "$T/out" "$T/an.json"
check "analyze: conversion_probability and touchpoints" \
	"0 < d['conversion_probability'] < 1 and all('expected_visits' in t and 'removal_effect' in t for t in d['touchpoints'])" "$T/an.json"
expect_rc "simulate --plain json" 0 "$MOT" simulate $J --plain -n 100000 -f json
cp "$T/out" "$T/plain.json"
p=$(json "$T/an.json" "d['conversion_probability']")
check "simulate --plain agrees with analyze (99.9% interval)" \
	"abs(d['conversion_rate'] - $p) <= 3.29 * ($p * (1 - $p) / d['customers']) ** 0.5" "$T/plain.json"
check "analyze: endings add up to 1, bought being the conversion" \
	"abs(sum(d['endings'].values()) - 1) < 1e-12 and d['endings']['bought'] == d['conversion_probability']" "$T/an.json"
l=$(json "$T/an.json" "d['endings']['left_without_buying']")
check "simulate --plain: left without buying agrees with analyze (99.9% interval)" \
	"abs(d['endings']['left_without_buying'] / d['customers'] - $l) <= 3.29 * ($l * (1 - $l) / d['customers']) ** 0.5" "$T/plain.json"
expect_rc "analyze text" 0 "$MOT" analyze $J
expect_out "analyze text: conversion probability" "^Conversion probability +0\.[0-9]+"
expect_rc "analyze csv" 0 "$MOT" analyze $J -f csv
expect_out "analyze csv header" "^key,name,expected_visits,p_drop,p_exit,removal_effect"
expect_rc "analyze one persona" 0 "$MOT" analyze $J --persona deal-hunter -f json

# --- what-ifs ----------------------------------------------------------------
expect_rc "--set changes the run" 0 "$MOT" simulate $J -n 20000 -f json --set cart-checkout.drop=0.9
check "--set: a bad checkout sells less" \
	"d['conversion_rate'] < $(json "$T/sim.json" "d['conversion_rate']")" "$T/out"
check "--set is reported" "d['set'] == ['cart-checkout.drop=0.9']" "$T/out"
expect_rc "--compare" 0 "$MOT" simulate $J -n 20000 --compare --set cart-checkout.drop=0.05 -f json
check "--compare: the scenario sells more, the interval above 0" \
	"d['difference']['conversion_ci95'][0] > 0 and d['scenario']['conversion_rate'] > d['baseline']['conversion_rate']" "$T/out"
check "--compare: difference is scenario minus baseline" \
	"abs(d['difference']['conversion_rate'] - (d['scenario']['conversion_rate'] - d['baseline']['conversion_rate'])) < 1e-12" "$T/out"
for model in --plain --full; do
	m=$model; [ "$m" = --full ] && m=
	expect_rc "--compare $model, a higher drop" 0 "$MOT" simulate $J $m -n 20000 --compare --set cart-checkout.drop=0.4 -f json
	check "--compare $model: a higher drop gains nobody, loses some" \
		"d['difference']['customers_gained'] == 0 and d['difference']['customers_lost'] > 0" "$T/out"
done
expect_rc "--compare text" 0 "$MOT" simulate $J -n 5000 --compare --set product-page.emotion=3
expect_out "--compare text shows the change" "^  conversion .*pp +\(95% CI"
expect_rc "--compare csv" 0 "$MOT" simulate $J -n 5000 --compare --set product-page.emotion=3 -f csv
expect_out "--compare csv" "^conversion_rate,"
expect_rc "analyze --set" 0 "$MOT" analyze $J --set cart-checkout.drop=0.05 -f json

# --- word of mouth -----------------------------------------------------------
expect_rc "--days csv" 0 "$MOT" simulate $J --days 30 --market 100000 --p 0.03 --q 0.4 -f csv
# (the . is the CR of the CRLF every CSV of mot ends its rows with)
expect_out "--days csv header" "^day,new_entrants,purchases,cumulative_adopters,promoters,detractors.$"
n=$(wc -l <"$T/out")
[ "$n" -eq 31 ] && ok "--days: one row a day" || not_ok "--days: one row a day ($n lines)"
expect_rc "--days json" 0 "$MOT" simulate $J --days 10 --market 5000 --p 0.01 --q 0.3 -f json
check "--days json series" "len(d['series']) == 10 and d['series'][-1]['day'] == 10" "$T/out"
check "--days json: qd is q unless given, detractors a day" \
	"d['qd'] == d['q'] == 0.3 and all('detractors' in s for s in d['series'])" "$T/out"
expect_rc "--days --qd json" 0 "$MOT" simulate $J --days 10 --market 5000 --p 0.01 --q 0.3 --qd 0 -f json
check "--qd 0 is taken" "d['qd'] == 0" "$T/out"
expect_rc "--days text" 0 "$MOT" simulate $J --days 5 --market 5000 --p 0.01 --q 0.3
expect_out "--days text" "cumulative_adopters +promoters +detractors"
expect_out "--days text says what entrants are" "^Entrants: people of the market who start the journey"
expect_out "--days text names qd" "q = 0.3, qd = 0.3,"
# What a day means depends on the journey: no default rates.
expect_rc "--days without --p and --q" 2 "$MOT" simulate $J --days 5
expect_err "--days names --p and --q" "\-\-days needs \-\-p .* and \-\-q"
expect_rc "--days without --q" 2 "$MOT" simulate $J --days 5 --p 0.01
expect_rc "--qd below 0" 2 "$MOT" simulate $J --days 5 --p 0.01 --q 0.1 --qd -1
expect_rc "--qd without --days" 2 "$MOT" simulate $J --qd 0.1

# --- refusals ------------------------------------------------------------------
expect_rc "--customers 0" 2 "$MOT" simulate $J --customers 0
expect_err "--customers 0 names the option" "\-\-customers"
expect_rc "--threads x" 2 "$MOT" simulate $J --threads x
expect_err "--threads x names the option" "\-\-threads"
expect_rc "--format xml" 2 "$MOT" simulate $J -f xml
expect_err "--format xml named" "\-\-format: unknown format 'xml'"
expect_rc "--persona unknown" 2 "$MOT" simulate $J --persona ghost
expect_err "--persona unknown named" "\-\-persona: no persona 'ghost'"
expect_rc "--set without =" 2 "$MOT" simulate $J --set cart-checkout.drop
expect_err "--set error named" "\-\-set"
expect_rc "--set unknown touchpoint" 2 "$MOT" simulate $J --set nope.drop=1
expect_err "--set unknown touchpoint named" "no touchpoint 'nope'"
expect_rc "--set bad value" 2 "$MOT" simulate $J --set cart-checkout.emotion=9
expect_rc "--compare without --set" 2 "$MOT" simulate $J --compare
expect_err "--compare needs --set" "\-\-compare needs"
expect_rc "--market without --days" 2 "$MOT" simulate $J --market 100
expect_rc "--p out of range" 2 "$MOT" simulate $J --days 3 --p -1
expect_rc "no journey argument" 2 "$MOT" simulate
expect_rc "unknown journey" 1 "$MOT" simulate no-such-journey
expect_rc "analyze unknown option" 2 "$MOT" analyze $J --frob

# impossible journeys: exit 1 with a clear message
expect_rc "new empty journey" 0 "$MOT" new empty --title Empty
expect_rc "simulate a journey without entry" 1 "$MOT" simulate empty
expect_err "no entry is named" "has no entry"
expect_rc "analyze a journey without entry" 1 "$MOT" analyze empty
cat >"$T/noconv.yaml" <<'YAML'
key: noconv
title: Nobody buys
entries:
  - to: look
touchpoints:
  - key: look
    name: Look around
    stage: zmot
    drop: 0.5
    next:
      - to: leave
  - key: leave
    name: Leave
    stage: fmot
    drop: 1
YAML
expect_rc "import a journey without conversion" 0 "$MOT" import "$T/noconv.yaml"
expect_rc "simulate a journey that cannot convert" 1 "$MOT" simulate noconv
expect_err "cannot convert is said" "cannot convert"
cat >"$T/trap.yaml" <<'YAML'
key: trap
title: A loop nobody leaves
entries:
  - to: a
touchpoints:
  - key: a
    name: A
    stage: zmot
    next:
      - to: b
  - key: b
    name: B
    stage: zmot
    next:
      - to: a
      - to: buy
  - key: buy
    name: Buy
    stage: fmot
    conversion: true
    next:
      - to: a
YAML
expect_rc "import a closed loop" 0 "$MOT" import "$T/trap.yaml"
expect_rc "analyze refuses a walk that never ends" 1 "$MOT" analyze trap
expect_err "the loop is named" "never ends.*'(a|b|buy)'"
expect_rc "simulate --plain refuses it too" 1 "$MOT" simulate trap --plain
expect_rc "the full model ends it by patience" 0 "$MOT" simulate trap -n 2000 -f json
check "every walk ended by patience" "d['ends']['patience'] == 2000" "$T/out"
