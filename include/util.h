/*
 * util.h - small helpers shared by every layer: checked allocation,
 * strings, UTF-8, and atomic file writes.  No curses, SQL or YAML here.
 */
#ifndef MOT_UTIL_H
#define MOT_UTIL_H

#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Allocation that aborts with a message: mot cannot go on without memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);          /* NULL stays NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of *cap elements of size `size`) so that it holds `need`. */
void util_reserve(void **items, size_t *cap, size_t need, size_t size);

bool util_str_empty(const char *s);    /* NULL, "" or only blanks */
bool util_streq(const char *a, const char *b); /* NULL-safe */

/* UTF-8 */
bool util_utf8_valid(const char *s, size_t len);
/* Decode the sequence at s (at most len bytes) into *cp; its length, or 0
 * when invalid (overlong, surrogate, above U+10FFFF, cut short).  It stops
 * at the first bad byte, so a NUL-terminated string may pass len 4. */
size_t util_utf8_seq(const unsigned char *s, size_t len, uint32_t *cp);
/* Terminal columns of one code point (libutf8proc's Unicode tables: wide
 * East Asian characters and emoji 2, combining marks 0); -1 for a control
 * character, as wcwidth() says.  The UI draws with it too, so that layout
 * and drawing agree. */
int util_char_width(uint32_t c);
/* Display width in terminal columns (control characters count 0). */
int util_utf8_width(const char *s);
/* Bytes of the longest prefix of s that fits in max_cols columns; its
 * width goes to *cols when cols is not NULL. */
size_t util_utf8_prefix(const char *s, int max_cols, int *cols);

/*
 * Numbers in files, options and on the screen are written and read with a
 * decimal point, whatever LC_NUMERIC says: a "0,5" from a Dutch or German
 * locale would be invalid JSON, a different CSV column, or a refused
 * --set value.
 *
 * util_num_format: the shortest text that reads back as exactly v ("0.15",
 * "3", "1e-07"); ".nan", ".inf", "-.inf" for values that are not finite.
 * util_num_parse: the whole of s as a finite number; 0, or -1.
 * util_strtod_c: strtod() in the C locale.
 */
char *util_num_format(double v, char *buf, size_t len);
int util_num_parse(const char *s, double *out);
double util_strtod_c(const char *s, char **end);

/*
 * Run a stretch of code (a writer calling printf("%g"), libcyaml reading
 * numbers with strtod) with LC_NUMERIC "C" for the calling thread only;
 * the rest of the thread's locale (LC_CTYPE) stays.  Pairs must nest.
 */
struct util_locale {
	locale_t c, old;
};
void util_locale_c_enter(struct util_locale *l);
void util_locale_c_leave(struct util_locale *l);

/*
 * Text for a terminal: s with every control character written visibly,
 * the way `cat -v` does (ESC "^[", BEL "^G", DEL "^?", U+009B "M-^["), and
 * bytes that are not UTF-8 as "\xHH", so that text from a database
 * edited by hand cannot move the cursor, retitle the window or ring.
 * one_line: line feeds and tabs become spaces; otherwise they stay.
 * A new string (NULL gives "").
 */
char *util_text_visible(const char *s, bool one_line);

/* Growable string buffer. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void strbuf_init(struct strbuf *b);
void strbuf_free(struct strbuf *b);
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *strbuf_detach(struct strbuf *b);

/*
 * CSV (RFC 4180), one rule for every CSV mot writes: rows end in CRLF
 * (UTIL_CSV_EOL); a text field is quoted when it holds a quote, comma,
 * line break or semicolon (which spreadsheets in many locales split on),
 * with quotes doubled.  A text field that begins with =, +, -, @, a tab or
 * a carriage return gets a leading apostrophe, as OWASP advises against
 * CSV injection: a spreadsheet shows it as text instead of running it as
 * a formula.  These are for text only: numbers are written as they are.
 * NULL is the empty field.  util_csv_quote() returns a new string;
 * util_csv_field() writes it.
 */
#define UTIL_CSV_EOL "\r\n"
char *util_csv_quote(const char *s);
void util_csv_field(FILE *out, const char *s);

/* A JSON string (RFC 8259): quotes, backslashes and control characters
 * escaped, UTF-8 passed through.  NULL is "". */
void util_json_str(FILE *out, const char *s);

/*
 * Read a whole file, at most `limit` bytes (larger files are refused);
 * "-" is the standard input.  Returns 0, or -1 with a message in err.
 */
int util_read_file(const char *path, size_t limit, char **data, size_t *len,
		   char *err, size_t errlen);

/*
 * Write a file the safe way for what `path` is (src/util/util_file.c):
 *  - a regular file, or a name that does not exist yet: the callback
 *    writes a temporary file beside it, which is flushed, fsync'ed and
 *    renamed over it only when the callback returned 0 and every write
 *    succeeded; then the directory is fsync'ed.  A reader never sees half
 *    a file; the file keeps its permission bits (and owner and group
 *    where allowed).  Other hard links to it keep the old content.
 *  - a symbolic link: the same for the file it points to (created when
 *    missing); the link stays.
 *  - a character device, a FIFO or a socket, and /dev/stdout, /dev/stderr
 *    and /dev/fd/N: written into directly, as the shell's `>` would.
 * Returns 0, or -1 with "PATH: reason" in err.
 */
typedef int (*util_write_fn)(FILE *out, void *ctx);
int util_write_atomic(const char *path, util_write_fn fn, void *ctx,
		      char *err, size_t errlen);

/* Files that change together: all written first, then all renamed into
 * place; when one fails the others keep (or get back) their old content,
 * so the set is never half new. */
struct util_write_job {
	const char *path;
	util_write_fn fn;
	void *ctx;
};
int util_write_atomic_set(const struct util_write_job *jobs, size_t n,
			  char *err, size_t errlen);

/* mkdir -p for the directories above a file. */
int util_mkdir_parents(const char *path);

#endif
