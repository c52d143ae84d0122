/*
 * model_log.c - event logs: lifetime, and the compact form a log is
 * stored in (see model_log.h).
 */
#include "model_log.h"

#include <stdlib.h>
#include <string.h>

void model_log_init(struct mot_log *l)
{
	memset(l, 0, sizeof *l);
}

void model_log_free(struct mot_log *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n_activities; i++) {
		free(l->activities[i].name);
		free(l->activities[i].touchpoint);
	}
	free(l->activities);
	free(l->cases);
	free(l->act);
	free(l->time);
	free(l->ids);
	free(l->name);
	free(l->source);
	model_log_init(l);
}

/* --- varints ------------------------------------------------------------ */

static void model_log_put(struct strbuf *b, uint64_t v)
{
	char tmp[10];
	size_t n = 0;

	while (v >= 0x80) {
		tmp[n++] = (char)(0x80 | (v & 0x7f));
		v >>= 7;
	}
	tmp[n++] = (char)v;
	strbuf_add(b, tmp, n);
}

static uint64_t model_log_zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t model_log_unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

void model_log_encode(const struct mot_log *l, size_t first, size_t n,
		      struct strbuf *b)
{
	for (size_t c = first; c < first + n && c < l->n_cases; c++) {
		const struct mot_log_case *k = &l->cases[c];
		const char *id = l->ids + k->id;
		size_t len = strlen(id);
		int64_t prev = 0;

		model_log_put(b, len);
		strbuf_add(b, id, len);
		model_log_put(b, k->n);
		for (size_t e = k->first; e < k->first + k->n; e++) {
			model_log_put(b, l->act[e]);
			/* Unsigned arithmetic: no overflow for any two times. */
			model_log_put(b, model_log_zigzag((int64_t)((uint64_t)l->time[e] -
								      (uint64_t)prev)));
			prev = l->time[e];
		}
	}
}

/* --- decoding ------------------------------------------------------------ */

struct model_log_reader {
	const unsigned char *p, *end;
	bool bad;
};

static uint64_t model_log_get(struct model_log_reader *r)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		unsigned char c;

		if (r->p >= r->end)
			break;
		c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = true;
	return 0;
}

/* Room for `more` events and one more case, and for an id of len bytes. */
static void model_log_grow(struct mot_log *l, size_t more, size_t len)
{
	size_t cap = l->cap_events;

	util_reserve((void **)&l->act, &cap, l->n_events + more,
		     sizeof *l->act);
	cap = l->cap_events;
	util_reserve((void **)&l->time, &cap, l->n_events + more,
		     sizeof *l->time);
	l->cap_events = cap;
	util_reserve((void **)&l->cases, &l->cap_cases, l->n_cases + 1,
		     sizeof *l->cases);
	util_reserve((void **)&l->ids, &l->cap_ids, l->ids_len + len + 1, 1);
}

/* One case; false when it does not read. */
static bool model_log_case(struct mot_log *l, struct model_log_reader *r)
{
	uint64_t len = model_log_get(r), n;
	const unsigned char *id = r->p;
	int64_t t = 0;

	if (r->bad || len == 0 || len > MODEL_LOG_ID_MAX ||
	    len > (uint64_t)(r->end - r->p) || memchr(id, '\0', len))
		return false;
	r->p += len;
	n = model_log_get(r);
	/* Every event takes two bytes at least: a cheap bound on n. */
	if (r->bad || n == 0 || n > UINT32_MAX || n > (uint64_t)(r->end - r->p) / 2)
		return false;
	model_log_grow(l, n, len);
	l->cases[l->n_cases] = (struct mot_log_case){ l->ids_len, l->n_events,
						      (uint32_t)n };
	for (uint64_t i = 0; i < n; i++) {
		uint64_t a = model_log_get(r);
		int64_t d = model_log_unzigzag(model_log_get(r));

		if (r->bad || a >= l->n_activities || (i > 0 && d < 0))
			return false;
		t = (int64_t)((uint64_t)t + (uint64_t)d);
		l->act[l->n_events + i] = (uint32_t)a;
		l->time[l->n_events + i] = t;
	}
	memcpy(l->ids + l->ids_len, id, len);
	l->ids[l->ids_len + len] = '\0';
	l->ids_len += len + 1;
	l->n_events += n;
	l->n_cases++;
	return true;
}

int model_log_decode(struct mot_log *l, const void *data, size_t len)
{
	struct model_log_reader r = { data, (const unsigned char *)data + len,
				      false };
	size_t cases = l->n_cases, events = l->n_events, ids = l->ids_len;

	while (r.p < r.end)
		if (!model_log_case(l, &r)) {
			l->n_cases = cases;
			l->n_events = events;
			l->ids_len = ids;
			return -1;
		}
	return 0;
}
