#!/bin/sh
# tests/cli/files.sh - where -o and --trace write: a regular file is
# replaced atomically and keeps its mode, a symbolic link keeps pointing
# at its (updated) target, a device or FIFO or /dev/stdout is written
# into; the two files of -f csv -o DIR change together or not at all;
# "-" is the standard input for import and validate and the standard
# output for -o.
. "$MOT_TOP/tests/lib.sh"
J=car-accident
case "$MOT" in /*) ;; *) MOT="$(pwd)/$MOT" ;; esac

# kind PATH: what ls -l's first letter says (- file, l link, p fifo, c dev)
kind() { ls -ld "$1" 2>/dev/null | cut -c1; }
same_kind() {	# NAME PATH WANT
	if [ "$(kind "$2")" = "$3" ]; then ok "$1"; else
		not_ok "$1 (is '$(kind "$2")', wanted '$3')"; fi
}
has_text() {	# NAME FILE TEXT
	if grep -qF -- "$3" "$2" 2>/dev/null; then ok "$1"; else
		not_ok "$1 ($2 lacks '$3')"; fi
}

"$MOT" export $J -o "$T/want.yaml"

# --- a regular file keeps its mode ----------------------------------------
echo old >"$T/mode.yaml"
chmod 600 "$T/mode.yaml"
expect_rc "-o onto a 0600 file" 0 sh -c "umask 022; exec '$MOT' export $J -o '$T/mode.yaml'"
if [ "$(stat -c %a "$T/mode.yaml")" = 600 ]; then ok "the file keeps mode 600"; else
	not_ok "the file keeps mode 600 (now $(stat -c %a "$T/mode.yaml"))"; fi
expect_same "and holds the export" "$T/want.yaml" "$T/mode.yaml"
expect_rc "-o onto a new file" 0 sh -c "umask 027; exec '$MOT' export $J -o '$T/new.yaml'"
if [ "$(stat -c %a "$T/new.yaml")" = 640 ]; then ok "a new file gets 666 less the umask"; else
	not_ok "a new file gets 666 less the umask (now $(stat -c %a "$T/new.yaml"))"; fi

# --- symbolic links ---------------------------------------------------------
mkdir "$T/real"
echo old >"$T/real/target.yaml"
ln -s real/target.yaml "$T/link.yaml"
expect_rc "-o onto a symlink" 0 "$MOT" export $J -o "$T/link.yaml"
same_kind "the link is still a link" "$T/link.yaml" l
expect_same "its target holds the export" "$T/want.yaml" "$T/real/target.yaml"
ln -s real/made.yaml "$T/dangling.yaml"
expect_rc "-o onto a dangling symlink" 0 "$MOT" export $J -o "$T/dangling.yaml"
same_kind "the dangling link is still a link" "$T/dangling.yaml" l
expect_same "and its target was made" "$T/want.yaml" "$T/real/made.yaml"
ls "$T/real" | grep -v '^target.yaml$' | grep -v '^made.yaml$' >"$T/left"
if [ -s "$T/left" ]; then not_ok "no temporary file is left ($(cat "$T/left"))"
else ok "no temporary file is left"; fi

# --- devices, FIFOs and the standard output ---------------------------------
# (a reader gives up after a while: a FIFO replaced by a file would leave
# it waiting for ever)
mkfifo "$T/fifo"
timeout 20 cat "$T/fifo" >"$T/from-fifo" &
reader=$!
expect_rc "-o onto a FIFO" 0 "$MOT" export $J -o "$T/fifo"
wait $reader
same_kind "the FIFO is still a FIFO" "$T/fifo" p
expect_same "the reader got the export" "$T/want.yaml" "$T/from-fifo"
if [ "$(id -u)" = 0 ]; then
	# a private copy of /dev/null: never risk the real one
	mknod "$T/null" c 1 3
	expect_rc "-o onto a character device" 0 "$MOT" export $J -o "$T/null"
	same_kind "the device is still a device" "$T/null" c
else
	ok "-o onto a character device # SKIP mknod needs root"
fi
# /dev/fd/1 first: procfs refuses a rename, so a writer that would
# replace its target fails there instead of replacing anything.
"$MOT" export $J -o /dev/fd/1 >"$T/fd1.yaml" 2>"$T/err"
expect_same "-o /dev/fd/1 writes where the standard output goes" \
	"$T/want.yaml" "$T/fd1.yaml"
echo "# kept" >"$T/append.yaml"
"$MOT" export $J -o /dev/fd/1 >>"$T/append.yaml" 2>"$T/err"
if [ "$(head -n 1 "$T/append.yaml")" = "# kept" ] &&
   tail -n +2 "$T/append.yaml" | cmp -s - "$T/want.yaml"; then
	ok "-o /dev/fd/1 after >> appends"
else
	not_ok "-o /dev/fd/1 after >> appends"
fi
# /dev/stdout is a symlink a root writer could replace with a file: the
# test puts it back if that ever happens again, and fails.
if [ -L /dev/stdout ]; then
	"$MOT" export $J -o /dev/stdout >"$T/stdout.yaml" 2>"$T/err"
	if [ -L /dev/stdout ]; then ok "-o /dev/stdout leaves /dev/stdout alone"; else
		not_ok "-o /dev/stdout leaves /dev/stdout alone"
		[ "$(id -u)" = 0 ] && rm -f /dev/stdout && ln -s /proc/self/fd/1 /dev/stdout
	fi
	expect_same "-o /dev/stdout writes where the standard output goes" \
		"$T/want.yaml" "$T/stdout.yaml"
	"$MOT" export $J -o /dev/stdout 2>"$T/err" | cat >"$T/piped.yaml"
	expect_same "-o /dev/stdout into a pipe" "$T/want.yaml" "$T/piped.yaml"
else
	ok "-o /dev/stdout # SKIP /dev/stdout is not a symlink here"
fi
(cd "$T" && "$MOT" export $J -o - >"$T/dash.yaml" 2>"$T/err")
expect_same "-o - is the standard output" "$T/want.yaml" "$T/dash.yaml"
if [ -e "$T/-" ]; then not_ok "-o - makes no file named -"; else
	ok "-o - makes no file named -"; fi

# --trace goes through the same writer
mkfifo "$T/trace.fifo"
timeout 20 cat "$T/trace.fifo" >"$T/trace.out" &
reader=$!
expect_rc "--trace onto a FIFO" 0 "$MOT" simulate $J -n 200 --trace "$T/trace.fifo"
wait $reader
same_kind "the trace FIFO is still a FIFO" "$T/trace.fifo" p
has_text "the trace went through it" "$T/trace.out" "case_id,activity"
ln -s real/trace.csv "$T/trace-link.csv"
expect_rc "--trace onto a symlink" 0 "$MOT" simulate $J -n 200 --trace "$T/trace-link.csv"
same_kind "the trace link is still a link" "$T/trace-link.csv" l
has_text "its target holds the trace" "$T/real/trace.csv" "case_id,activity"
expect_rc "--trace - is refused" 2 "$MOT" simulate $J -n 200 --trace -
expect_err "saying why" "give a file name"

# The rename reaches the disk: the directory is fsync'ed after it.
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=openat,rename,renameat,renameat2,fsync -o "$T/strace" \
		"$MOT" export $J -o "$T/synced.yaml" >/dev/null 2>&1
	awk '/rename/ { r = 1 } r && /O_DIRECTORY/ { d = $0 }
	     d && /fsync/ { print "yes"; exit }' "$T/strace" >"$T/synced"
	if [ "$(cat "$T/synced")" = yes ]; then ok "the directory is fsync'ed after the rename"
	else not_ok "the directory is fsync'ed after the rename"; fi
else
	ok "the directory is fsync'ed after the rename # SKIP no strace"
fi

# --- csv into a directory: both files or neither -----------------------------
mkdir "$T/csv"
expect_rc "csv -o DIR" 0 "$MOT" export $J -f csv -o "$T/csv"
echo old-touchpoints >"$T/csv/$J-touchpoints.csv"
rm "$T/csv/$J-transitions.csv"
mkdir "$T/csv/$J-transitions.csv"	# its rename must fail
expect_rc "csv -o DIR fails on its second file" 1 "$MOT" export $J -f csv -o "$T/csv"
if [ "$(cat "$T/csv/$J-touchpoints.csv")" = old-touchpoints ]; then
	ok "and the first file keeps its old content"
else
	not_ok "and the first file keeps its old content"
fi
ls "$T/csv" | grep -Ev "^$J-(touchpoints|transitions)\.csv$" >"$T/left"
if [ -s "$T/left" ]; then not_ok "nothing else is left in DIR ($(cat "$T/left"))"
else ok "nothing else is left in DIR"; fi

# --- "-" as the standard input ------------------------------------------------
sed 's/^key: car-accident$/key: from-stdin/' "$T/want.yaml" >"$T/stdin.yaml"
expect_rc "validate -" 0 "$MOT" validate - <"$T/stdin.yaml"
expect_out "names it <stdin>" "^<stdin>: valid"
expect_rc "import -" 0 "$MOT" import - <"$T/stdin.yaml"
expect_out "imports from the standard input" "imported from-stdin .* from <stdin>"
printf 'key: x\ntitle: [\n' >"$T/bad.yaml"
expect_rc "validate - of a broken file" 1 "$MOT" validate - <"$T/bad.yaml"
expect_err "the error names <stdin> and the line" "^<stdin>:[0-9]+:[0-9]+: error"
expect_rc "- twice is refused" 2 "$MOT" import - - <"$T/stdin.yaml"
