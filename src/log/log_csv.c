/*
 * log_csv.c - event logs as CSV (RFC 4180): a header, then one event a
 * record.  The file is read in chunks and parsed byte by byte, so that a
 * log of any size needs memory for its events only, not for its text.
 *
 * Quoted fields may hold delimiters, doubled quotes and line breaks; line
 * ends are LF or CRLF.  The delimiter is the comma, or the semicolon or
 * tab when the header holds more of those (spreadsheets in many locales
 * write semicolons).  Messages name the line a record starts on.
 */
#include "log_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

#define LOG_CSV_CHUNK (1u << 20)

enum log_csv_state { CSV_START, CSV_PLAIN, CSV_QUOTED, CSV_QUOTE };

struct log_csv {
	struct log_builder *b;
	const struct log_read_options *o;
	char delim;
	enum log_csv_state st;
	struct strbuf rec;        /* the record's fields, back to back */
	size_t *ends;             /* where each field ends in rec */
	size_t n_fields, cap_fields;
	unsigned long line, rec_line;
	bool bad_quote;           /* text after a closing quote */
	bool header_done;
	size_t n_header;
	size_t col[3];            /* case, activity, time */
};

/* The delimiter: of comma, semicolon and tab, the one the header line
 * holds most often outside quotes (a tie goes to the comma). */
static char log_csv_delim(const char *s, size_t n)
{
	size_t count[3] = { 0, 0, 0 };
	bool q = false;

	for (size_t i = 0; i < n && (q || s[i] != '\n'); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q)
			count[0] += s[i] == ',', count[1] += s[i] == ';',
				count[2] += s[i] == '\t';
	}
	if (count[1] > count[0] && count[1] >= count[2])
		return ';';
	if (count[2] > count[0] && count[2] > count[1])
		return '\t';
	return ',';
}

static const char *log_csv_field(const struct log_csv *c, size_t i, size_t *n)
{
	size_t start = i ? c->ends[i - 1] : 0;

	*n = c->ends[i] - start;
	return c->rec.s + start;
}

static void log_csv_end_field(struct log_csv *c)
{
	util_reserve((void **)&c->ends, &c->cap_fields, c->n_fields + 1,
		     sizeof *c->ends);
	c->ends[c->n_fields++] = c->rec.len;
}

/* The header's column called `name`, ignoring blanks around it and, when
 * no column has exactly that name, ASCII case. */
static long log_csv_find(const struct log_csv *c, const char *name)
{
	size_t len = strlen(name);

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->n_fields; i++) {
			size_t n;
			const char *f = log_csv_field(c, i, &n);

			while (n && (*f == ' ' || *f == '\t'))
				f++, n--;
			while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
				n--;
			if (n == len && (pass == 0 ? memcmp(f, name, n) == 0 :
					 strncasecmp(f, name, n) == 0))
				return (long)i;
		}
	return -1;
}

static void log_csv_columns_list(const struct log_csv *c, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < c->n_fields && used + 1 < len; i++) {
		size_t n;
		const char *f = log_csv_field(c, i, &n);
		int w = snprintf(buf + used, len - used, "%s%.*s", i ? ", " : "",
				 (int)(n > 60 ? 60 : n), f);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

static void log_csv_header(struct log_csv *c)
{
	static const char *const defaults[3][2] = {
		{ "case_id", "case:concept:name" },
		{ "activity", "concept:name" },
		{ "timestamp", "time:timestamp" },
	};
	static const char *const what[3] = { "case", "activity", "timestamp" };
	const char *given[3] = { c->o->case_key, c->o->activity_key,
				 c->o->time_key };
	char cols[512];

	c->header_done = true;
	c->n_header = c->n_fields;
	for (int k = 0; k < 3; k++) {
		long i = log_csv_find(c, given[k] ? given[k] : defaults[k][0]);

		if (i < 0 && !given[k])
			i = log_csv_find(c, defaults[k][1]);
		if (i >= 0) {
			c->col[k] = (size_t)i;
			continue;
		}
		log_csv_columns_list(c, cols, sizeof cols);
		log_builder_error(c->b, c->rec_line, "no column '%s' for the %s "
				  "(--%s); the header has: %s",
				  given[k] ? given[k] : defaults[k][0], what[k],
				  k == 2 ? "timestamp" : what[k], cols);
	}
}

static void log_csv_record(struct log_csv *c)
{
	size_t n[3];
	const char *f[3];

	log_csv_end_field(c);
	/* A blank line is no record. */
	if (c->n_fields == 1 && c->rec.len == 0)
		goto done;
	if (c->bad_quote) {
		log_builder_error(c->b, c->rec_line, "text after a closing quote");
	} else if (!c->header_done) {
		log_csv_header(c);
	} else if (c->n_fields != c->n_header) {
		log_builder_error(c->b, c->rec_line,
				  "%zu field%s where the header has %zu",
				  c->n_fields, c->n_fields == 1 ? "" : "s",
				  c->n_header);
	} else {
		for (int k = 0; k < 3; k++)
			f[k] = log_csv_field(c, c->col[k], &n[k]);
		log_builder_event(c->b, c->rec_line, f[0], n[0], f[1], n[1], f[2],
				  n[2]);
	}
done:
	c->rec.len = 0;
	c->n_fields = 0;
	c->bad_quote = false;
	c->st = CSV_START;
	c->rec_line = c->line;
}

static void log_csv_span(struct log_csv *c, const char *s, size_t n)
{
	if (c->rec.len + n + 1 >= c->rec.cap)
		util_reserve((void **)&c->rec.s, &c->rec.cap, c->rec.len + n + 2, 1);
	memcpy(c->rec.s + c->rec.len, s, n);
	c->rec.len += n;
}

static void log_csv_put(struct log_csv *c, char ch)
{
	log_csv_span(c, &ch, 1);
}

/* A line end outside quotes: the record ends (a CR before it is not part
 * of the last field). */
static void log_csv_newline(struct log_csv *c)
{
	size_t start = c->n_fields ? c->ends[c->n_fields - 1] : 0;

	if (c->st == CSV_PLAIN && c->rec.len > start &&
	    c->rec.s[c->rec.len - 1] == '\r')
		c->rec.len--;
	c->line++;
	log_csv_record(c);
}

static void log_csv_byte(struct log_csv *c, char ch)
{
	switch (c->st) {
	case CSV_QUOTED:
		if (ch == '"')
			c->st = CSV_QUOTE;
		else {
			if (ch == '\n')
				c->line++;
			log_csv_put(c, ch);
		}
		return;
	case CSV_QUOTE:	/* after a quote inside quotes */
		if (ch == '"') {
			log_csv_put(c, ch);
			c->st = CSV_QUOTED;
			return;
		}
		if (ch == '\r')
			return;
		if (ch != c->delim && ch != '\n') {
			c->bad_quote = true;
			c->st = CSV_PLAIN;
			log_csv_put(c, ch);
			return;
		}
		break;
	case CSV_START:
		if (ch == '"') {
			c->st = CSV_QUOTED;
			return;
		}
		break;
	case CSV_PLAIN:
		break;
	}
	if (ch == c->delim) {
		log_csv_end_field(c);
		c->st = CSV_START;
	} else if (ch == '\n') {
		log_csv_newline(c);
	} else {
		log_csv_put(c, ch);
		c->st = CSV_PLAIN;
	}
}

/*
 * The bytes of a chunk.  Runs of plain text (up to a delimiter or a line
 * end) and of quoted text (up to a quote) are copied whole; only the
 * bytes that change the state go through log_csv_byte().
 */
static void log_csv_feed(struct log_csv *c, const char *s, size_t n)
{
	const char delim = c->delim;
	size_t i = 0;

	while (i < n) {
		size_t k = i;

		if (c->st == CSV_PLAIN || (c->st == CSV_START && s[i] != '"')) {
			while (k < n && s[k] != delim && s[k] != '\n')
				k++;
			if (k > i) {
				log_csv_span(c, s + i, k - i);
				c->st = CSV_PLAIN;
			}
		} else if (c->st == CSV_QUOTED) {
			while (k < n && s[k] != '"') {
				c->line += s[k] == '\n';
				k++;
			}
			log_csv_span(c, s + i, k - i);
		}
		if (k < n)
			log_csv_byte(c, s[k++]);
		i = k;
	}
}

static void log_csv_end(struct log_csv *c)
{
	if (c->st == CSV_QUOTED) {
		log_builder_error(c->b, c->rec_line, "a quoted field is not "
				  "closed before the end of the file");
		return;
	}
	if (c->rec.len || c->n_fields)
		log_csv_newline(c);
	if (!c->header_done)
		log_builder_error(c->b, 0, "no header: the file is empty");
}

/* The first chunk, without a UTF-8 byte order mark. */
static void log_csv_first(struct log_csv *c, const char *s, size_t n)
{
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	c->delim = log_csv_delim(s, n);
	log_csv_feed(c, s, n);
}

static int log_csv_fd(struct log_csv *c, int fd)
{
	char *buf = xmalloc(LOG_CSV_CHUNK);
	size_t have = 0;
	bool first = true;
	ssize_t r;

	for (;;) {
		r = read(fd, buf + have, LOG_CSV_CHUNK - have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			log_builder_error(c->b, 0, "cannot read: %s",
					  strerror(errno));
			break;
		}
		have += (size_t)r;
		/* The first chunk whole, so that the header decides the
		 * delimiter; later ones as they come. */
		if (r > 0 && first && have < LOG_CSV_CHUNK)
			continue;
		if (first)
			log_csv_first(c, buf, have);
		else
			log_csv_feed(c, buf, have);
		first = false;
		have = 0;
		if (r == 0)
			break;
	}
	free(buf);
	return r < 0 ? -1 : 0;
}

int log_csv_read(struct log_builder *b, int fd, const char *data, size_t len,
		 const struct log_read_options *o)
{
	struct log_csv c = { .b = b, .o = o, .line = 1, .rec_line = 1 };
	int rc = 0;

	strbuf_init(&c.rec);
	util_reserve((void **)&c.rec.s, &c.rec.cap, 256, 1);
	if (fd >= 0)
		rc = log_csv_fd(&c, fd);
	else
		log_csv_first(&c, data, len);
	if (rc == 0)
		log_csv_end(&c);
	strbuf_free(&c.rec);
	free(c.ends);
	return rc == 0 && b->errors == 0 ? 0 : -1;
}
