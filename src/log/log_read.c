/*
 * log_read.c - reading an event log: which reader, and the builder that
 * collects events in the file's order and puts them into cases in time
 * order.
 *
 * A log of a million events must read in well under a second, so events
 * are not kept as strings: each case id and activity is looked up once
 * in a hash table and the event kept as two indexes and a time.
 */
#include "log_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void log_read_options_init(struct log_read_options *o)
{
	memset(o, 0, sizeof *o);
	o->format = LOG_FMT_AUTO;
}

int log_format_parse(const char *s)
{
	if (strcmp(s, "csv") == 0)
		return LOG_FMT_CSV;
	if (strcmp(s, "xes") == 0)
		return LOG_FMT_XES;
	return -1;
}

/* --- the string table ---------------------------------------------------- */

/* FNV-1a: short keys, and it has no bad inputs that matter here. */
static uint32_t log_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void log_strtab_free(struct log_strtab *t)
{
	free(t->slots);
	free(t->off);
	free(t->hash);
	free(t->arena);
	memset(t, 0, sizeof *t);
}

static const char *log_strtab_str(const struct log_strtab *t, size_t i)
{
	return t->arena + t->off[i];
}

static void log_strtab_rehash(struct log_strtab *t)
{
	size_t ns = t->n_slots ? t->n_slots * 2 : 1024;
	uint32_t *slots = xcalloc(ns, sizeof *slots);

	for (size_t i = 0; i < t->n; i++) {
		size_t k = t->hash[i] & (ns - 1);
		while (slots[k])
			k = (k + 1) & (ns - 1);
		slots[k] = (uint32_t)i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->n_slots = ns;
}

/* The index of s, added when new (*added set). */
static uint32_t log_strtab_get(struct log_strtab *t, const char *s, size_t n,
			       bool *added)
{
	uint32_t h = log_hash(s, n);
	size_t k;

	if (2 * (t->n + 1) > t->n_slots)
		log_strtab_rehash(t);
	for (k = h & (t->n_slots - 1); t->slots[k]; k = (k + 1) & (t->n_slots - 1)) {
		uint32_t i = t->slots[k] - 1;
		const char *o = log_strtab_str(t, i);
		if (t->hash[i] == h && strncmp(o, s, n) == 0 && o[n] == '\0') {
			*added = false;
			return i;
		}
	}
	if (t->n >= t->cap) {
		size_t cap = t->cap;
		util_reserve((void **)&t->off, &cap, t->n + 1, sizeof *t->off);
		util_reserve((void **)&t->hash, &t->cap, t->n + 1, sizeof *t->hash);
	}
	util_reserve((void **)&t->arena, &t->arena_cap, t->arena_len + n + 1, 1);
	memcpy(t->arena + t->arena_len, s, n);
	t->arena[t->arena_len + n] = '\0';
	t->off[t->n] = t->arena_len;
	t->hash[t->n] = h;
	t->arena_len += n + 1;
	t->slots[k] = (uint32_t)t->n + 1;
	*added = true;
	return (uint32_t)t->n++;
}

/* --- the builder --------------------------------------------------------- */

void log_builder_init(struct log_builder *b, const char *file,
		      struct mot_diags *d)
{
	memset(b, 0, sizeof *b);
	b->file = file;
	b->d = d;
}

void log_builder_free(struct log_builder *b)
{
	log_strtab_free(&b->cases);
	log_strtab_free(&b->acts);
	free(b->ev_case);
	free(b->ev_act);
	free(b->ev_time);
	free(b->case_n);
	free(b->case_min);
	memset(b, 0, sizeof *b);
}

void log_builder_error(struct log_builder *b, unsigned long line,
		       const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (b->errors++ >= LOG_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	model_diag_add(b->d, MOT_ERROR, "", "%s", msg);
	b->d->items[b->d->n - 1].line = (unsigned)line;
}

/* After the errors shown, one that counts the rest. */
static void log_builder_more(struct log_builder *b)
{
	if (b->errors <= LOG_MAX_ERRORS)
		return;
	model_diag_add(b->d, MOT_ERROR, "", "and %zu more errors",
		       b->errors - LOG_MAX_ERRORS);
	b->errors = LOG_MAX_ERRORS;	/* counted once */
}

/* A field for a message: at most 40 bytes of it, whole characters. */
static void log_quote(char *buf, size_t len, const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && k < 40) {
		uint32_t cp;
		size_t m = util_utf8_seq((const unsigned char *)s + k, n - k, &cp);
		if (m == 0 || k + m > 40 || cp < 0x20)
			break;
		k += m;
	}
	snprintf(buf, len, "'%.*s%s'", (int)k, s, k < n ? "..." : "");
}

/* Plain ASCII without NUL: most ids and activities, checked fast. */
static bool log_ascii(const char *s, size_t n)
{
	unsigned char any = 0, nul = 1;

	for (size_t i = 0; i < n; i++) {
		any |= (unsigned char)s[i];
		nul &= s[i] != '\0';
	}
	return any < 0x80 && nul;
}

static bool log_check_text(struct log_builder *b, unsigned long line,
			   const char *what, const char *s, size_t n, size_t max)
{
	if (n == 0) {
		log_builder_error(b, line, "no %s", what);
		return false;
	}
	if (n > max) {
		log_builder_error(b, line, "the %s is longer than %zu bytes",
				  what, max);
		return false;
	}
	if (!log_ascii(s, n) && (memchr(s, '\0', n) || !util_utf8_valid(s, n))) {
		log_builder_error(b, line, "the %s is not UTF-8 text", what);
		return false;
	}
	return true;
}

static void log_builder_grow_cases(struct log_builder *b)
{
	size_t cap = b->case_cap;

	util_reserve((void **)&b->case_n, &cap, b->cases.n, sizeof *b->case_n);
	util_reserve((void **)&b->case_min, &b->case_cap, b->cases.n,
		     sizeof *b->case_min);
}

int log_builder_event(struct log_builder *b, unsigned long line,
		      const char *case_id, size_t case_len,
		      const char *act, size_t act_len,
		      const char *time, size_t time_len)
{
	char q[64];
	int64_t ms;
	uint32_t c, a;
	bool added;

	if (!log_check_text(b, line, "case id", case_id, case_len,
			    MODEL_LOG_ID_MAX) ||
	    !log_check_text(b, line, "activity", act, act_len, MOT_TEXT_MAX))
		return -1;
	if (log_time_parse(time, time_len, &ms) != 0) {
		log_quote(q, sizeof q, time, time_len);
		log_builder_error(b, line, time_len ? "%s is no time (ISO 8601 "
				  "or seconds since 1970)" : "no time", q);
		return -1;
	}
	if (b->n >= UINT32_MAX - 1) {
		log_builder_error(b, line, "more than %u events", UINT32_MAX - 2);
		return -1;
	}
	if (b->errors)	/* a failed read: only look for more errors */
		return 0;
	/* The rows of a case mostly come together: try the last one first. */
	if (b->n && b->cases.n && case_len == b->last_len &&
	    memcmp(log_strtab_str(&b->cases, b->last_case), case_id,
		   case_len) == 0) {
		c = b->last_case;
		added = false;
	} else {
		c = log_strtab_get(&b->cases, case_id, case_len, &added);
		b->last_case = c;
		b->last_len = case_len;
	}
	if (added) {
		log_builder_grow_cases(b);
		b->case_n[c] = 0;
		b->case_min[c] = ms;
	}
	a = log_strtab_get(&b->acts, act, act_len, &added);
	if (b->n >= b->cap) {
		size_t cap = b->cap;
		util_reserve((void **)&b->ev_case, &cap, b->n + 1, sizeof *b->ev_case);
		cap = b->cap;
		util_reserve((void **)&b->ev_act, &cap, b->n + 1, sizeof *b->ev_act);
		util_reserve((void **)&b->ev_time, &b->cap, b->n + 1,
			     sizeof *b->ev_time);
	}
	b->ev_case[b->n] = c;
	b->ev_act[b->n] = a;
	b->ev_time[b->n] = ms;
	b->n++;
	b->case_n[c]++;
	if (ms < b->case_min[c])
		b->case_min[c] = ms;
	return 0;
}

/* --- putting the events in order ----------------------------------------- */

struct log_rank {
	int64_t t;
	uint32_t i;     /* the position before sorting: ties keep it */
	uint32_t act;
};

/* By time, then by position: a stable order. */
static int log_rank_cmp(const void *pa, const void *pb)
{
	const struct log_rank *a = pa, *b = pb;

	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Events of one case in time order, ties in the file's order (which is
 * the order they are in). */
static void log_sort_case(struct mot_log *l, size_t first, uint32_t n,
			  struct log_rank **tmp, size_t *cap)
{
	struct log_rank *r;
	bool sorted = true;

	for (uint32_t k = 1; k < n && sorted; k++)
		sorted = l->time[first + k - 1] <= l->time[first + k];
	if (sorted)
		return;
	util_reserve((void **)tmp, cap, n, sizeof **tmp);
	r = *tmp;
	for (uint32_t k = 0; k < n; k++)
		r[k] = (struct log_rank){ l->time[first + k], k, l->act[first + k] };
	qsort(r, n, sizeof *r, log_rank_cmp);
	for (uint32_t k = 0; k < n; k++) {
		l->time[first + k] = r[k].t;
		l->act[first + k] = r[k].act;
	}
}

/* The cases by earliest event, then first appearance: pos[case] = rank. */
static uint32_t *log_case_order(const struct log_builder *b)
{
	size_t nc = b->cases.n;
	struct log_rank *r = xmalloc((nc ? nc : 1) * sizeof *r);
	uint32_t *pos = xmalloc((nc ? nc : 1) * sizeof *pos);
	bool sorted = true;

	for (size_t c = 0; c < nc; c++) {
		r[c] = (struct log_rank){ b->case_min[c], (uint32_t)c, 0 };
		if (c > 0 && r[c - 1].t > r[c].t)
			sorted = false;
	}
	if (!sorted)
		qsort(r, nc, sizeof *r, log_rank_cmp);
	for (size_t k = 0; k < nc; k++)
		pos[r[k].i] = (uint32_t)k;
	free(r);
	return pos;
}

static void log_fill_cases(struct log_builder *b, struct mot_log *l,
			   const uint32_t *pos)
{
	size_t nc = b->cases.n, first = 0, off = 0;
	uint32_t *byrank = xmalloc((nc ? nc : 1) * sizeof *byrank);

	l->cases = xcalloc(nc ? nc : 1, sizeof *l->cases);
	l->n_cases = l->cap_cases = nc;
	l->ids = xmalloc(b->cases.arena_len + 1);
	l->ids_len = l->cap_ids = b->cases.arena_len;
	for (size_t c = 0; c < nc; c++)
		byrank[pos[c]] = (uint32_t)c;
	for (size_t k = 0; k < nc; k++) {
		const char *s = log_strtab_str(&b->cases, byrank[k]);
		size_t n = strlen(s) + 1;

		memcpy(l->ids + off, s, n);
		l->cases[k] = (struct mot_log_case){ off, first,
						     b->case_n[byrank[k]] };
		off += n;
		first += l->cases[k].n;
	}
	free(byrank);
}

static void log_fill_activities(struct log_builder *b, struct mot_log *l)
{
	l->n_activities = b->acts.n;
	l->activities = xcalloc(b->acts.n ? b->acts.n : 1, sizeof *l->activities);
	for (size_t a = 0; a < b->acts.n; a++)
		l->activities[a].name = xstrdup(log_strtab_str(&b->acts, a));
}

int log_builder_finish(struct log_builder *b, struct mot_log *l)
{
	struct log_rank *tmp = NULL;
	size_t *fill, tcap = 0;
	uint32_t *pos;

	model_log_init(l);
	if (!b->errors && b->n == 0)
		log_builder_error(b, 0, "no events");
	log_builder_more(b);
	if (b->errors)
		return -1;
	pos = log_case_order(b);
	log_fill_cases(b, l, pos);
	log_fill_activities(b, l);
	l->n_events = l->cap_events = b->n;
	l->act = xmalloc(b->n * sizeof *l->act);
	l->time = xmalloc(b->n * sizeof *l->time);
	fill = xmalloc(b->cases.n * sizeof *fill);
	for (size_t k = 0; k < b->cases.n; k++)
		fill[k] = l->cases[k].first;
	for (size_t e = 0; e < b->n; e++) {
		size_t dst = fill[pos[b->ev_case[e]]]++;
		l->act[dst] = b->ev_act[e];
		l->time[dst] = b->ev_time[e];
		l->activities[b->ev_act[e]].events++;
	}
	for (size_t k = 0; k < l->n_cases; k++)
		log_sort_case(l, l->cases[k].first, l->cases[k].n, &tmp, &tcap);
	free(tmp);
	free(fill);
	free(pos);
	return 0;
}

/* --- files ----------------------------------------------------------------- */

static bool log_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The format of a file by its name, else by its first byte. */
static enum log_format log_sniff(const char *path, const char *head, size_t n)
{
	size_t i = 0;

	if (log_ends_with(path, ".xes") || log_ends_with(path, ".xes.gz"))
		return LOG_FMT_XES;
	if (log_ends_with(path, ".csv"))
		return LOG_FMT_CSV;
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
			 head[i] == '\n'))
		i++;
	return i < n && head[i] == '<' ? LOG_FMT_XES : LOG_FMT_CSV;
}

static int log_read(const char *name, int fd, const char *data, size_t len,
		    const struct log_read_options *o, struct mot_log *out,
		    struct mot_diags *d)
{
	struct log_builder b;
	enum log_format f = o->format;
	int rc;

	if (f == LOG_FMT_AUTO)
		f = log_sniff(name, data, len);
	log_builder_init(&b, name, d);
	if (f == LOG_FMT_XES)
		rc = log_xes_read(&b, fd >= 0 && fd != STDIN_FILENO ? name : NULL,
				  fd, data, len, o);
	else
		rc = log_csv_read(&b, fd, data, len, o);
	if (rc == 0 && log_builder_finish(&b, out) != 0)
		rc = -1;
	else if (rc != 0)
		log_builder_more(&b);
	if (rc != 0 && d->errors == 0)
		model_diag_add(d, MOT_ERROR, "", "the log does not read");
	log_builder_free(&b);
	return rc;
}

int log_read_buffer(const char *name, const char *data, size_t len,
		    const struct log_read_options *o, struct mot_log *out,
		    struct mot_diags *d)
{
	model_log_init(out);
	return log_read(name, -1, data, len, o, out, d);
}

int log_read_file(const char *path, const struct log_read_options *o,
		  struct mot_log *out, struct mot_diags *d)
{
	char head[512];
	ssize_t n = 0;
	int fd, rc;

	model_log_init(out);
	if (strcmp(path, "-") == 0) {
		/* The standard input cannot be read twice: sniff nothing. */
		struct log_read_options so = *o;
		if (so.format == LOG_FMT_AUTO)
			so.format = LOG_FMT_CSV;
		return log_read(path, STDIN_FILENO, NULL, 0, &so, out, d);
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		model_diag_add(d, MOT_ERROR, "", "cannot open: %s", strerror(errno));
		return -1;
	}
	if (o->format == LOG_FMT_AUTO)
		n = pread(fd, head, sizeof head, 0);
	rc = log_read(path, fd, head, n > 0 ? (size_t)n : 0, o, out, d);
	close(fd);
	return rc;
}

/* --- messages ---------------------------------------------------------------- */

void log_print_diags(FILE *out, const char *file, const struct mot_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct mot_diag *g = &d->items[i];
		const char *sev = g->severity == MOT_ERROR ? "error" : "warning";

		if (g->line)
			fprintf(out, "%s:%u: %s: %s\n", file, g->line, sev,
				g->message);
		else
			fprintf(out, "%s: %s: %s\n", file, sev, g->message);
	}
}
