#!/bin/sh
# tests/cli/cli.sh - the command line: exit codes, output, the database
# it creates and seeds, and that failures leave the database unchanged.
. "$MOT_TOP/tests/lib.sh"
J="$MOT_TOP/journeys"
samples=$(ls "$J"/*.yaml)

# --- help, version, usage -----------------------------------------------
expect_rc "--help exits 0" 0 "$MOT" --help
expect_out "--help lists the commands" "import .*transaction"
expect_rc "--version exits 0" 0 "$MOT" --version
expect_out "--version prints the version" "^mot [0-9]+\.[0-9]+"
expect_rc "unknown command is a usage error" 2 "$MOT" frobnicate
expect_err "unknown command is named" "unknown command 'frobnicate'"
expect_rc "unknown global option is a usage error" 2 "$MOT" --frob
for c in list show import export validate new rm cp rename; do
	expect_rc "$c --help exits 0" 0 "$MOT" $c --help
	expect_out "$c --help shows usage" "^usage: mot $c"
done
expect_rc "show without a journey is a usage error" 2 "$MOT" show
expect_rc "unknown option of a command is a usage error" 2 "$MOT" list --frob
expect_err "the unknown option is named" "unknown option '--frob'"
expect_rc "--width needs a number" 2 "$MOT" show car-accident --width wide
expect_err "--width error names the option" "\-\-width"
expect_rc "--db without a file" 2 "$MOT" list --db

# --- first use: created and seeded --------------------------------------
on_sqlite && { [ ! -e "$MOT_DB" ] && ok "no database before first use" || not_ok "no database before first use"; }
expect_rc "list on a new database" 0 "$MOT" list
n=$(grep -c . "$T/out")
[ "$n" -ge 9 ] && ok "list shows the sample journeys ($((n - 1)))" || not_ok "list shows the sample journeys (got $n lines)"
expect_out "list shows counts and titles" "^car-accident +[0-9]+ +[0-9]+ +[0-9]+"
on_sqlite && { [ -e "$MOT_DB" ] && ok "database created at \$MOT_DB" || not_ok "database created at \$MOT_DB"; }

# --- show -----------------------------------------------------------------
expect_rc "show a journey" 0 "$MOT" show car-accident --width 100
expect_out "show has the <ZMOT stage" "^<ZMOT  Awareness"
expect_out "show has the TMOT stage" "^TMOT  Sharing"
expect_out "show lists transitions" "^ +-> "
expect_rc "show fits a narrow width" 0 "$MOT" show car-accident --width 50
w=$(LC_ALL=C.UTF-8 wc -L < "$T/out")
[ "$w" -le 50 ] && ok "show --width 50 has no line over 50 ($w)" || not_ok "show --width 50 has a line of $w"
expect_rc "show an unknown journey" 1 "$MOT" show no-such-journey
expect_err "unknown journey is named" "no journey 'no-such-journey'"

# --- export and round trips ----------------------------------------------
for f in $samples; do
	key=$(basename "$f" .yaml)
	run "$MOT" export "$key"
	cp "$T/out" "$T/$key.1.yaml"
	if [ "$rc" = 0 ] && cmp -s "$T/$key.1.yaml" "$f"; then
		ok "import then export of $key gives the sample file back"
	else
		not_ok "import then export of $key gives the sample file back (exit $rc)"
		diff "$f" "$T/$key.1.yaml" | head -n 10 | sed 's/^/#   /'
	fi
	MOT_DB="$T/rt.db" "$MOT" import "$T/$key.1.yaml" >/dev/null 2>&1
	MOT_DB="$T/rt.db" "$MOT" export "$key" -o "$T/$key.2.yaml"
	expect_same "export -> import -> export of $key is byte-identical" \
		"$T/$key.1.yaml" "$T/$key.2.yaml"
done
expect_rc "export -o writes a file" 0 "$MOT" export retail-purchase -o "$T/r.yaml"
[ -s "$T/r.yaml" ] && ok "export -o file is there" || not_ok "export -o file is there"
left=$(ls "$T" | grep -c '\.tmp\.' || true)
[ "$left" = 0 ] && ok "export leaves no temporary file" || not_ok "export leaves $left temporary files"
expect_rc "export to a missing directory fails" 1 "$MOT" export retail-purchase -o "$T/no/such/dir/x.yaml"
expect_err "export failure names the file" "no/such/dir/x.yaml"
expect_rc "export with an unknown format" 2 "$MOT" export retail-purchase -f docx
expect_err "unknown format is named" "unknown format 'docx'"
expect_rc "export -f txt" 0 "$MOT" export retail-purchase -f txt --width 72
expect_out "txt export is the text map" "^FMOT  First contact"

# --- validate -------------------------------------------------------------
expect_rc "every sample journey validates with no error or warning" 0 "$MOT" validate $samples
rm -f "$T/untouched.db"
expect_rc "validate does not need a database" 0 env MOT_DB="$T/untouched.db" "$MOT" validate "$J/car-accident.yaml"
[ ! -e "$T/untouched.db" ] && ok "validate creates no database" || not_ok "validate created a database"
cat > "$T/warn.yaml" <<'EOF'
key: warn
title: Only warnings
entries:
  - to: ad
touchpoints:
  - key: ad
    name: Advert
    stage: lzmot
  - key: island
    name: Island
    stage: zmot
EOF
expect_rc "warnings only: exit 3" 3 "$MOT" validate "$T/warn.yaml"
expect_err "unreached touchpoint warned" "warning: .*no entry reaches 'island'"
expect_err "empty stage warned" "no touchpoint in stage FMOT"
expect_err "no conversion warned" "no conversion touchpoint"
cat > "$T/noentry.yaml" <<'EOF'
key: noentry
title: No entry
touchpoints:
  - key: ad
    name: Advert
    stage: lzmot
EOF
# A warning, as import loads it: validate and import agree.
expect_rc "no entry: exit 3 (warnings)" 3 "$MOT" validate "$T/noentry.yaml"
expect_err "no entry is a warning" "warning: entries: no entry"
expect_rc "and import takes it, as validate said" 0 "$MOT" import "$T/noentry.yaml"
expect_rc "it cannot be simulated yet" 1 "$MOT" simulate noentry -n 10
expect_rc "and goes again" 0 "$MOT" rm noentry

# --- import ---------------------------------------------------------------
before=$(db_sum)
expect_rc "import an existing key without --replace" 1 "$MOT" import "$J/car-accident.yaml"
expect_err "existing key explained" "exists already \(use --replace\)"
[ "$(db_sum)" = "$before" ] && ok "refused import leaves the database unchanged" || not_ok "refused import changed the database"
sed 's/^title: .*/title: Renamed claim/' "$J/car-accident.yaml" > "$T/car2.yaml"
expect_rc "import --replace" 0 "$MOT" import --replace "$T/car2.yaml"
expect_rc "replaced journey shows the new title" 0 "$MOT" list
expect_out "new title listed" "Renamed claim"
sed 's/^key: .*/key: second-copy/' "$J/car-accident.yaml" > "$T/second.yaml"
printf 'key: broken\ntitle: [unclosed\n' > "$T/broken.yaml"
before=$(db_sum)
expect_rc "one bad file among good ones: nothing imported" 1 "$MOT" import "$T/second.yaml" "$T/broken.yaml"
expect_err "bad file located" "broken.yaml:[0-9]+:[0-9]+: error"
[ "$(db_sum)" = "$before" ] && ok "failed batch import leaves the database unchanged" || not_ok "failed batch import changed the database"
expect_rc "two files with one key are refused" 1 "$MOT" import "$T/second.yaml" "$T/second.yaml"
expect_err "same key in two files explained" "both hold journey 'second-copy'"
expect_rc "import of a missing file" 1 "$MOT" import "$T/none.yaml"
expect_err "missing file named" "none.yaml"

# Every bad-input fixture: refused with FILE:LINE:COLUMN, database unchanged.
for f in "$MOT_TOP"/tests/data/bad/*.yaml; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .yaml)
	before=$(db_sum)
	run "$MOT" import "$f"
	if [ "$rc" = 1 ] && grep -Eq "^$f:[0-9]+:[0-9]+: error: " "$T/err" &&
	   [ "$(db_sum)" = "$before" ]; then
		ok "bad input '$name' refused with its location, database unchanged"
	else
		not_ok "bad input '$name' (exit $rc)"
		sed 's/^/#   /' "$T/err" | head -n 5
	fi
	run "$MOT" validate "$f"
	[ "$rc" = 1 ] && ok "validate rejects '$name'" || not_ok "validate rejects '$name' (exit $rc)"
done

# --- new, cp, rename, rm --------------------------------------------------
expect_rc "new journey" 0 "$MOT" new onboarding --title "Onboarding für Kunden"
expect_rc "new with a taken key" 1 "$MOT" new onboarding --title X
expect_err "taken key explained" "exists already"
expect_rc "new with a bad key" 1 "$MOT" new "Bad Key" --title X
expect_err "bad key explained" "invalid journey key"
expect_rc "new without a title" 2 "$MOT" new lonely
expect_rc "cp" 0 "$MOT" cp car-accident car-copy
expect_rc "cp onto an existing key" 1 "$MOT" cp car-accident car-copy
expect_rc "cp of an unknown journey" 1 "$MOT" cp nothing x
run "$MOT" export car-accident; sed 1d "$T/out" > "$T/a.yaml"
run "$MOT" export car-copy; sed 1d "$T/out" > "$T/b.yaml"
expect_same "a copy has the same content" "$T/a.yaml" "$T/b.yaml"
expect_rc "rename" 0 "$MOT" rename car-copy car-second
expect_rc "old key is gone" 1 "$MOT" show car-copy
expect_rc "new key is there" 0 "$MOT" show car-second
expect_rc "rename onto an existing key" 1 "$MOT" rename car-second car-accident
expect_rc "rename with too few operands" 2 "$MOT" rename car-second
before=$(db_sum)
expect_rc "rm with an unknown key removes nothing" 1 "$MOT" rm car-second no-such
[ "$(db_sum)" = "$before" ] && ok "failed rm leaves the database unchanged" || not_ok "failed rm changed the database"
expect_rc "rm two journeys" 0 "$MOT" rm car-second onboarding
expect_rc "removed journey is gone" 1 "$MOT" show onboarding

# --- where the database is ----------------------------------------------
expect_rc "--db overrides MOT_DB" 0 "$MOT" --db "$T/other.db" list
[ -e "$T/other.db" ] && ok "--db file created" || not_ok "--db file created"
expect_rc "--db after the command" 0 "$MOT" new only-here --title X --db "$T/other.db"
expect_rc "... is in that database" 0 "$MOT" --db "$T/other.db" show only-here
expect_rc "... and not in MOT_DB" 1 "$MOT" show only-here
(unset MOT_DB; "$MOT" list >/dev/null 2>&1)
[ -e "$XDG_DATA_HOME/mot/mot.db" ] && ok "default database under XDG_DATA_HOME" || not_ok "default database under XDG_DATA_HOME"
(unset MOT_DB XDG_DATA_HOME; "$MOT" list >/dev/null 2>&1)
[ -e "$HOME/.local/share/mot/mot.db" ] && ok "default database under ~/.local/share" || not_ok "default database under ~/.local/share"

printf 'just some notes\n' > "$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
expect_rc "a text file as database is refused" 1 "$MOT" --db "$T/notes.txt" list
expect_err "not a mot database" "not a mot database"
expect_same "the text file is untouched" "$T/notes.txt" "$T/notes.orig"
sqlite3 "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T/foreign.db" "$T/foreign.orig"
expect_rc "another program's SQLite file is refused" 1 "$MOT" --db "$T/foreign.db" list
expect_same "the foreign database is untouched" "$T/foreign.db" "$T/foreign.orig"
"$MOT" --db "$T/newer.db" list >/dev/null
sqlite3 "$T/newer.db" "PRAGMA user_version = 42;"
expect_rc "a database from a newer mot is refused" 1 "$MOT" --db "$T/newer.db" list
expect_err "newer mot explained" "newer mot"

# --- two processes at once ------------------------------------------------
i=0
while [ $i -lt 8 ]; do
	sed "s/^key: .*/key: par-a-$i/" "$J/retail-purchase.yaml" > "$T/pa$i.yaml"
	sed "s/^key: .*/key: par-b-$i/" "$J/dental-practice.yaml" > "$T/pb$i.yaml"
	i=$((i + 1))
done
fails=0
i=0
while [ $i -lt 8 ]; do
	"$MOT" import "$T/pa$i.yaml" >/dev/null 2>"$T/ea$i" & pa=$!
	"$MOT" import "$T/pb$i.yaml" >/dev/null 2>"$T/eb$i" & pb=$!
	wait $pa || fails=$((fails + 1))
	wait $pb || fails=$((fails + 1))
	i=$((i + 1))
done
[ $fails = 0 ] && ok "parallel imports all succeed" || not_ok "parallel imports: $fails failed"
n=$("$MOT" list | grep -c '^par-')
[ "$n" = 16 ] && ok "no parallel import was lost" || not_ok "parallel imports: $n of 16 there"
if on_sqlite; then
	chk=$(sqlite3 "$MOT_DB" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
	[ "$chk" = ok ] && ok "database intact after parallel writers" || not_ok "integrity: $chk"
fi
