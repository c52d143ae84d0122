#!/bin/sh
# UTF-8 names: Dutch, German and wide CJK text is shown, cut and aligned
# by display columns, edited a character at a time, and stored as typed.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

cat >"$T/utf8.yaml" <<'EOF'
key: utf8-test
title: Klantreis über 比較
entries:
- to: vergleich
touchpoints:
- key: vergleich
  name: 比較サイトで検討する
  stage: lzmot
  next:
  - to: formulier
- key: formulier
  name: Schadeformulier invullen
  stage: zmot
  emotion: -1
  next:
  - to: konto
- key: konto
  name: Kontoeröffnung prüfen
  stage: fmot
  emotion: 2
  next:
  - to: koe
- key: koe
  name: 顧客の声を聞く
  stage: smot
  next:
  - to: aerger
- key: aerger
  name: Ärger über 配送
  stage: tmot
  emotion: -3
EOF
expect_rc "the UTF-8 journey imports" 0 "$MOT" import "$T/utf8.yaml"

# expect_line NAME N TEXT: screen line N is exactly TEXT (trailing blanks
# aside): every column after a wide name must start where it should.
expect_line() {
	wait_for "$3" >/dev/null
	got=$(screen | sed -n "${2}p" | sed 's/ *$//')
	if [ "$got" = "$3" ]; then ok "$1"; else
		not_ok "$1"
		echo "#   wanted |$3|"
		echo "#   got    |$got|"
	fi
}

ui_start 80 24 -- edit utf8-test
expect_screen "the title shows umlaut and CJK" "Klantreis über 比較"
# Names too long for a column go on over a second line (at a blank when
# there is one), wide characters whole; the card it leads to is marked.
expect_line "wide names are cut whole and the columns stay aligned" 3 \
	">比較サイトで検 →Schadeformulie  Kontoeröffnung  顧客の声を聞く  Ärger über"
expect_line "the names go on over a second line, aligned too" 4 \
	">討する          r invullen      prüfen          0               配送"
expect_line "then the emotions" 5 \
	">0               -1              +2                              -3"
expect_screen "the detail panel shows the whole name" "比較サイトで検討する | <ZMOT"

TM resize-window -x 40 -y 12
expect_line "at 40 columns as well" 3 ">比較サイトで →Schadeformu  Kontoeröffn"
expect_line "the second lines at 40 columns, cut after two" 4 \
	">検討する      lier invul…  ung prüfen"

# Edit: a wide character is one character for the cursor and Backspace.
keys Enter
expect_screen "the editor shows the wide name" "Edit touchpoint: 比較サイトで検討する"
keys End
keys -l " 確認"
keys BSpace
keys -l "ü"
expect_screen "typed CJK and umlauts show in the field" "検討する 確ü"
TM resize-window -x 80 -y 24
keys Enter
expect_screen "the new name is saved" "Saved: change the name of '比較サイトで検討する 確ü'"

# Search by a name with an umlaut, ignoring case.
keys -l "/ÄRGER"
keys Enter
expect_screen "search matches umlauts regardless of case" "Found 'Ärger über 配送'"
keys q q
expect_screen "mot quits" "EXIT=0"

exported utf8-test >"$T/out"
expect_out "the database holds the name as typed" "^  name: 比較サイトで検討する 確ü$"
expect_out "the other names are untouched" "^  name: Kontoeröffnung prüfen$"
