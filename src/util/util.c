/*
 * util.c - allocation, strings, UTF-8 and atomic file writes.
 */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <utf8proc.h>

static void util_oom(void)
{
	fputs("mot: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		util_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		util_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		util_oom();
	return q;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		util_oom();
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void util_reserve(void **items, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return;
	if (c == 0)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			util_oom();
		c *= 2;
	}
	*items = xrealloc(*items, c * size);
	*cap = c;
}

bool util_str_empty(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

bool util_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Length of the UTF-8 sequence at s (at most len bytes), 0 when invalid:
 * overlong forms, surrogates and code points above U+10FFFF included. */
size_t util_utf8_seq(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool util_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = util_utf8_seq(p + i, len - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

int util_char_width(uint32_t c)
{
	/* Control characters have no width a terminal agrees on: wcwidth()
	 * says -1, and so do we. */
	if (c == 0)
		return 0;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return -1;
	/* Unicode's East Asian widths and emoji presentation, from the
	 * maintained tables of libutf8proc rather than the locale: tests,
	 * pipes and cron jobs do not always run in a UTF-8 one. */
	return c > 0x10ffff ? 1 : utf8proc_charwidth((utf8proc_int32_t)c);
}

/* Columns of c in a layout: a control character takes none. */
static int util_cp_width(uint32_t c)
{
	int w = util_char_width(c);

	return w < 0 ? 0 : w;
}

int util_utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;
	int w = 0;

	while (i < len) {
		n = util_utf8_seq(p + i, len - i, &cp);
		if (n == 0) {	/* count a stray byte as one column */
			w++;
			i++;
			continue;
		}
		w += util_cp_width(cp);
		i += n;
	}
	return w;
}

size_t util_utf8_prefix(const char *s, int max_cols, int *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;
	int w = 0, cw;

	while (i < len) {
		n = util_utf8_seq(p + i, len - i, &cp);
		cw = n ? util_cp_width(cp) : 1;
		if (n == 0)
			n = 1;
		if (w + cw > max_cols)
			break;
		w += cw;
		i += n;
	}
	if (cols)
		*cols = w;
	return i;
}

/* --- numbers, whatever the locale ------------------------------------- */

/* One "C" locale object for the whole process, made on first use; a
 * thread switches to it with uselocale(), which touches only itself. */
static locale_t util_c_numeric;
static pthread_once_t util_c_once = PTHREAD_ONCE_INIT;

static void util_c_make(void)
{
	util_c_numeric = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t util_c_locale(void)
{
	pthread_once(&util_c_once, util_c_make);
	return util_c_numeric;
}

void util_locale_c_enter(struct util_locale *l)
{
	/* The thread's own locale with only LC_NUMERIC replaced: LC_CTYPE
	 * stays, so multibyte text is still read as the user's UTF-8. */
	locale_t base = duplocale(uselocale((locale_t)0));

	l->c = base ? newlocale(LC_NUMERIC_MASK, "C", base) : (locale_t)0;
	if (base && !l->c)
		freelocale(base);
	if (!l->c)	/* out of memory: fall back to the plain C locale */
		l->c = duplocale(util_c_locale());
	l->old = l->c ? uselocale(l->c) : (locale_t)0;
}

void util_locale_c_leave(struct util_locale *l)
{
	if (l->c) {
		uselocale(l->old);
		freelocale(l->c);
		l->c = (locale_t)0;
	}
}

double util_strtod_c(const char *s, char **end)
{
	locale_t c = util_c_locale(), old = c ? uselocale(c) : (locale_t)0;
	double v = strtod(s, end);
	int e = errno;

	if (c)
		uselocale(old);
	errno = e;
	return v;
}

int util_num_parse(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = util_strtod_c(s, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

char *util_num_format(double v, char *buf, size_t len)
{
	locale_t c;
	locale_t old;

	if (v == 0) {	/* also -0 */
		snprintf(buf, len, "0");
		return buf;
	}
	if (!isfinite(v)) {
		snprintf(buf, len, "%s", isnan(v) ? ".nan" : v > 0 ? ".inf" : "-.inf");
		return buf;
	}
	c = util_c_locale();
	old = c ? uselocale(c) : (locale_t)0;
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, len, "%.0f", v);
	} else {
		for (int prec = 1; prec <= 17; prec++) {
			snprintf(buf, len, "%.*g", prec, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	}
	if (c)
		uselocale(old);
	return buf;
}

char *util_text_visible(const char *s, bool one_line)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0, n;
	struct strbuf b;
	uint32_t cp;

	strbuf_init(&b);
	while (i < len) {
		n = util_utf8_seq(p + i, len - i, &cp);
		if (n == 0) {
			strbuf_printf(&b, "\\x%02x", p[i]);
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\t')
			strbuf_add(&b, one_line ? " " : (const char *)p + i, 1);
		else if (cp < 0x20 || cp == 0x7f)
			strbuf_printf(&b, "^%c", cp == 0x7f ? '?' : (int)cp + 0x40);
		else if (cp >= 0x80 && cp < 0xa0)
			strbuf_printf(&b, "M-^%c", (int)(cp - 0x80) + 0x40);
		else
			strbuf_add(&b, (const char *)p + i, n);
		i += n;
	}
	return strbuf_detach(&b);
}

void strbuf_init(struct strbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void strbuf_free(struct strbuf *b)
{
	free(b->s);
	strbuf_init(b);
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	util_reserve((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	util_reserve((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *strbuf_detach(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	strbuf_init(b);
	return s;
}

char *util_csv_quote(const char *s)
{
	bool formula, quote;
	struct strbuf b;

	if (!s)
		s = "";
	formula = *s && strchr("=+-@\t\r", *s);
	quote = strpbrk(s, "\",;\r\n") != NULL;
	if (!formula && !quote)
		return xstrdup(s);
	strbuf_init(&b);
	if (quote)
		strbuf_add(&b, "\"", 1);
	if (formula)	/* text, not a formula: "'=SUM(1+1)" */
		strbuf_add(&b, "'", 1);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			strbuf_add(&b, "\"", 1);
		strbuf_add(&b, p, 1);
	}
	if (quote)
		strbuf_add(&b, "\"", 1);
	return strbuf_detach(&b);
}

void util_csv_field(FILE *out, const char *s)
{
	char *q = util_csv_quote(s);

	fputs(q, out);
	free(q);
}

void util_json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)(s ? s : "");
	     *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}
