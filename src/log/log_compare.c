/*
 * log_compare.c - what customers did against what the journey says: one
 * pass over the cases counts visits, ends, steps between touchpoints and
 * first touchpoints, and whether each step is one the design allows.
 * log_fit() works from the same counts.
 */
#include "log.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* (from, to) -> edge index: open addressing over 64-bit keys. */
struct log_edgemap {
	uint64_t *keys;     /* key + 1; 0 is empty */
	size_t *idx;
	size_t n_slots, n;
};

static uint64_t log_edge_key(size_t from, size_t to)
{
	return ((uint64_t)from << 32 | (uint64_t)to) + 1;
}

static size_t log_edgemap_slot(const struct log_edgemap *m, uint64_t key)
{
	size_t k = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (m->n_slots - 1);

	while (m->keys[k] && m->keys[k] != key)
		k = (k + 1) & (m->n_slots - 1);
	return k;
}

static void log_edgemap_grow(struct log_edgemap *m)
{
	struct log_edgemap g = { 0 };

	g.n_slots = m->n_slots ? m->n_slots * 2 : 64;
	g.keys = xcalloc(g.n_slots, sizeof *g.keys);
	g.idx = xcalloc(g.n_slots, sizeof *g.idx);
	for (size_t i = 0; i < m->n_slots; i++)
		if (m->keys[i]) {
			size_t k = log_edgemap_slot(&g, m->keys[i]);
			g.keys[k] = m->keys[i];
			g.idx[k] = m->idx[i];
		}
	g.n = m->n;
	free(m->keys);
	free(m->idx);
	*m = g;
}

/* The edge index of from -> to, or SIZE_MAX. */
static size_t log_edgemap_get(const struct log_edgemap *m, size_t from, size_t to)
{
	size_t k;

	if (!m->n_slots)
		return SIZE_MAX;
	k = log_edgemap_slot(m, log_edge_key(from, to));
	return m->keys[k] ? m->idx[k] : SIZE_MAX;
}

static void log_edgemap_put(struct log_edgemap *m, size_t from, size_t to,
			    size_t idx)
{
	size_t k;

	if (2 * (m->n + 1) > m->n_slots)
		log_edgemap_grow(m);
	k = log_edgemap_slot(m, log_edge_key(from, to));
	if (!m->keys[k])
		m->n++;
	m->keys[k] = log_edge_key(from, to);
	m->idx[k] = idx;
}

void log_comparison_free(struct log_comparison *c)
{
	free(c->tp);
	free(c->moves);
	free(c->first);
	free(c->edges);
	free(c->entry_designed);
	memset(c, 0, sizeof *c);
}

/* The design's side: transitions with their shares, entry shares. */
static void log_compare_design(const struct mot_journey *j,
			       struct log_comparison *c, struct log_edgemap *m,
			       size_t *cap)
{
	double total = 0;

	for (size_t t = 0; t < j->n_touchpoints; t++) {
		const struct mot_touchpoint *tp = &j->touchpoints[t];
		double sum = 0;

		for (size_t k = 0; k < tp->n_next; k++)
			sum += tp->next[k].weight;
		for (size_t k = 0; k < tp->n_next; k++) {
			long to = model_touchpoint_find(j, tp->next[k].to);
			if (to < 0 || log_edgemap_get(m, t, (size_t)to) != SIZE_MAX)
				continue;
			util_reserve((void **)&c->edges, cap, c->n_edges + 1,
				     sizeof *c->edges);
			c->edges[c->n_edges] = (struct log_edge){
				t, (size_t)to, tp->next[k].weight / sum, NAN, 0, true };
			log_edgemap_put(m, t, (size_t)to, c->n_edges++);
		}
	}
	c->n_designed = c->n_edges;
	for (size_t e = 0; e < j->n_entries; e++)
		total += j->entries[e].weight;
	for (size_t e = 0; e < j->n_entries; e++) {
		long to = model_touchpoint_find(j, j->entries[e].to);
		if (to >= 0 && total > 0)
			c->entry_designed[to] += j->entries[e].weight / total;
	}
}

struct log_walk {
	const struct mot_journey *j;
	struct log_comparison *c;
	struct log_edgemap *m;
	size_t *cap;
	uint64_t *stamp;      /* per touchpoint: last case that came by + 1 */
	uint64_t fit_cases, fit_steps;
};

/* A step from -> to: counted, and whether the design allows it. */
static bool log_walk_step(struct log_walk *w, size_t from, size_t to)
{
	struct log_comparison *c = w->c;
	size_t e = log_edgemap_get(w->m, from, to);

	c->moves[from]++;
	if (e == SIZE_MAX) {
		util_reserve((void **)&c->edges, w->cap, c->n_edges + 1,
			     sizeof *c->edges);
		c->edges[c->n_edges] = (struct log_edge){ from, to, 0, NAN, 0,
							  false };
		e = c->n_edges++;
		log_edgemap_put(w->m, from, to, e);
	}
	c->edges[e].count++;
	return c->edges[e].designed;
}

static void log_walk_case(struct log_walk *w, const struct mot_log *l,
			  const size_t *tp_of, size_t k)
{
	const struct mot_log_case *cs = &l->cases[k];
	struct log_comparison *c = w->c;
	bool converted = false, fits = true;
	size_t prev = 0;

	for (size_t e = cs->first; e < cs->first + cs->n; e++)
		if (w->j->touchpoints[tp_of[l->act[e]]].conversion)
			converted = true;
	for (size_t e = cs->first; e < cs->first + cs->n; e++) {
		size_t t = tp_of[l->act[e]];
		struct log_tp_cmp *x = &c->tp[t];
		bool ok;

		if (e == cs->first) {
			c->first[t]++;
			ok = c->entry_designed[t] > 0;
			fits = ok;
		} else {
			ok = log_walk_step(w, prev, t);
			fits = fits && ok;
		}
		w->fit_steps += ok;
		x->visits++;
		if (w->stamp[t] != k + 1) {
			w->stamp[t] = k + 1;
			x->cases++;
			x->converted += converted;
		}
		prev = t;
	}
	/* Visits made before buying: walk again up to the purchase. */
	for (size_t e = cs->first; e < cs->first + cs->n; e++) {
		size_t t = tp_of[l->act[e]];
		if (w->j->touchpoints[t].conversion)
			break;
		c->tp[t].open_visits++;
	}
	c->tp[prev].ends++;
	c->tp[prev].lost += !converted;
	c->converted += converted;
	w->fit_cases += fits;
}

static double log_div(double a, double b)
{
	return b > 0 ? a / b : NAN;
}

/* The figures from the counts. */
static void log_compare_figures(const struct mot_journey *j,
				const struct log_design *design,
				struct log_comparison *c, uint64_t fit_cases,
				uint64_t fit_steps)
{
	c->conversion = log_div((double)c->converted, (double)c->cases);
	c->designed_conversion = design ? design->conversion : NAN;
	c->fitness_cases = log_div((double)fit_cases, (double)c->cases);
	c->fitness_steps = log_div((double)fit_steps, (double)c->events);
	for (size_t t = 0; t < c->n; t++) {
		const struct mot_touchpoint *tp = &j->touchpoints[t];
		struct log_tp_cmp *x = &c->tp[t];

		x->designed_visits = design && design->visits ?
				     design->visits[t] : NAN;
		x->observed_visits = log_div((double)x->visits, (double)c->cases);
		x->designed_drop = tp->conversion ? 0 : tp->n_next ? tp->drop : 1;
		x->observed_drop = log_div((double)x->lost, (double)x->open_visits);
		x->observed_conversion = log_div((double)x->converted,
						 (double)x->cases);
	}
	for (size_t e = 0; e < c->n_edges; e++)
		c->edges[e].observed_p = log_div((double)c->edges[e].count,
						 (double)c->moves[c->edges[e].from]);
}

/* Undesigned transitions: most observed first, then by touchpoints. */
static int log_edge_cmp(const void *pa, const void *pb)
{
	const struct log_edge *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

int log_compare(const struct mot_journey *j, const struct mot_log *l,
		const struct log_design *design, struct log_comparison *c,
		char *err, size_t errlen)
{
	size_t n = j->n_touchpoints, cap = 0;
	size_t *tp_of = xmalloc((l->n_activities ? l->n_activities : 1) *
				sizeof *tp_of);
	struct log_edgemap m = { 0 };
	struct log_walk w = { j, c, &m, &cap, NULL, 0, 0 };

	memset(c, 0, sizeof *c);
	if (log_touchpoints(l, j, tp_of, err, errlen) != 0) {
		free(tp_of);
		return -1;
	}
	c->n = n;
	c->tp = xcalloc(n + 1, sizeof *c->tp);
	c->moves = xcalloc(n + 1, sizeof *c->moves);
	c->first = xcalloc(n + 1, sizeof *c->first);
	c->entry_designed = xcalloc(n + 1, sizeof *c->entry_designed);
	w.stamp = xcalloc(n + 1, sizeof *w.stamp);
	log_compare_design(j, c, &m, &cap);
	c->cases = l->n_cases;
	c->events = l->n_events;
	for (size_t k = 0; k < l->n_cases; k++)
		log_walk_case(&w, l, tp_of, k);
	log_compare_figures(j, design, c, w.fit_cases, w.fit_steps);
	qsort(c->edges + c->n_designed, c->n_edges - c->n_designed,
	      sizeof *c->edges, log_edge_cmp);
	free(m.keys);
	free(m.idx);
	free(w.stamp);
	free(tp_of);
	return 0;
}

/* --- gaps, for the designer ------------------------------------------------ */

static int log_gap_cmp(const void *pa, const void *pb)
{
	const struct log_gap *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	if (a->tp != b->tp)
		return a->tp < b->tp ? -1 : 1;
	return a->kind < b->kind ? -1 : a->kind > b->kind;
}

static void log_gap_add(struct log_gap **g, size_t *n, size_t *cap,
			struct log_gap gap)
{
	if (!isfinite(gap.size) || gap.size <= 0)
		return;
	util_reserve((void **)g, cap, *n + 1, sizeof **g);
	(*g)[(*n)++] = gap;
}

/*
 * Every gap is measured in steps per case, so that a visit count, a drop
 * and a transition can be ranked together: the difference in a share
 * times how often the share is put to the test per case.
 */
size_t log_gaps(const struct log_comparison *c, struct log_gap **out)
{
	double cases = (double)c->cases;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (c->cases == 0)
		return 0;
	for (size_t t = 0; t < c->n; t++) {
		const struct log_tp_cmp *x = &c->tp[t];

		log_gap_add(out, &n, &cap, (struct log_gap){
			LOG_GAP_VISITS, t, 0, x->designed_visits, x->observed_visits,
			fabs(x->observed_visits - x->designed_visits) });
		log_gap_add(out, &n, &cap, (struct log_gap){
			LOG_GAP_DROP, t, 0, x->designed_drop, x->observed_drop,
			fabs(x->observed_drop - x->designed_drop) *
			(double)x->open_visits / cases });
	}
	for (size_t e = 0; e < c->n_edges; e++) {
		const struct log_edge *ed = &c->edges[e];
		double moves = (double)c->moves[ed->from] / cases;
		enum log_gap_kind k = !ed->designed ? LOG_GAP_UNDESIGNED :
				      ed->count == 0 ? LOG_GAP_UNOBSERVED :
				      LOG_GAP_TRANSITION;
		double obs = ed->count ? ed->observed_p : 0;

		log_gap_add(out, &n, &cap, (struct log_gap){
			k, ed->from, e, ed->designed_p, obs,
			fabs(obs - ed->designed_p) * moves });
	}
	if (n)
		qsort(*out, n, sizeof **out, log_gap_cmp);
	return n;
}
