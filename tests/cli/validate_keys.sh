#!/bin/sh
# mot validate and import name a touchpoint or persona at fault by its
# place in the file and by its key: "touchpoints[1].emotion: ...
# (touchpoint 'comparison-portal')".
. "${MOT_TOP:-.}/tests/lib.sh"

cat >"$T/j.yaml" <<'YAML'
key: keys
title: Keys in messages
personas:
  - key: hunter
    name: Price hunter
    share: 2
entries:
  - to: bill
touchpoints:
  - key: bill
    name: Annual bill
    stage: lzmot
    next:
      - to: comparison-portal
  - key: comparison-portal
    name: Comparison portal
    stage: zmot
    emotion: 9
    next:
      - to: nowhere
YAML

expect_rc "a bad file does not validate" 1 "$MOT" validate "$T/j.yaml"
expect_err "the touchpoint by index and key" \
	"j.yaml:[0-9]+:[0-9]+: error: touchpoints\[1\]\.emotion: 9 is out of range.* \(touchpoint 'comparison-portal'\)$"
expect_err "a transition inside it too" \
	"touchpoints\[1\]\.next\[0\]\.to: no touchpoint 'nowhere'.* \(touchpoint 'comparison-portal'\)$"
expect_err "the persona by index and key" \
	"personas\[0\]\.share: 2 is out of range.* \(persona 'hunter'\)$"
expect_rc "import refuses it" 1 "$MOT" import "$T/j.yaml"
expect_err "with the same names" \
	"touchpoints\[1\]\.emotion: .*\(touchpoint 'comparison-portal'\)$"
