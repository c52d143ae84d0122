/*
 * sim_compile.c - a journey into flat tables: one node per touchpoint, and
 * per persona one alias table of the transitions (the drop is drawn
 * apart, in both models).  Also the checks every run needs, and --set.
 */
#include "sim_int.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void sim_options_init(struct sim_options *o)
{
	memset(o, 0, sizeof *o);
	o->exposure_rate = SIM_EXPOSURE_RATE;
}

/* --- alias tables -------------------------------------------------------- */

/*
 * Vose's method: columns whose scaled weight is below 1 ("small") are
 * topped up from one above 1 ("large").  The leftovers are full columns.
 */
void sim_alias_build(struct sim_alias *tab, const double *w, const int32_t *out,
		     size_t n, struct sim_alias_edge *edge, const int32_t *edge_of)
{
	double *p = xcalloc(n, sizeof *p), sum = 0;
	size_t *small = xcalloc(n, sizeof *small), *large = xcalloc(n, sizeof *large);
	size_t ns = 0, nl = 0;

	for (size_t i = 0; i < n; i++)
		sum += w[i];
	for (size_t i = 0; i < n; i++) {
		p[i] = w[i] * (double)n / sum;
		if (p[i] < 1.0)
			small[ns++] = i;
		else
			large[nl++] = i;
	}
	while (ns > 0 && nl > 0) {
		size_t s = small[--ns], l = large[nl - 1];
		tab[s].own = out[s];
		tab[s].alt = out[l];
		tab[s].thr = (uint32_t)floor(p[s] * 4294967296.0);
		if (edge) {
			edge[s].own = edge_of[s];
			edge[s].alt = edge_of[l];
		}
		p[l] -= 1.0 - p[s];
		if (p[l] < 1.0) {
			nl--;
			small[ns++] = l;
		}
	}
	/* What is left is 1 up to rounding. */
	while (nl > 0 || ns > 0) {
		size_t i = nl > 0 ? large[--nl] : small[--ns];
		tab[i].own = tab[i].alt = out[i];
		tab[i].thr = UINT32_MAX;
		if (edge)
			edge[i].own = edge[i].alt = edge_of[i];
	}
	free(p);
	free(small);
	free(large);
}

/* --- the journey's shape ------------------------------------------------- */

bool sim_explore_edge(const struct mot_touchpoint *a,
		      const struct mot_touchpoint *b)
{
	bool am = a->phase == MOT_PHASE_EXPLORATION ||
		  a->phase == MOT_PHASE_EVALUATION;
	bool bm = b->phase == MOT_PHASE_EXPLORATION ||
		  b->phase == MOT_PHASE_EVALUATION;

	return am && bm;
}

double sim_persona_share(const struct mot_journey *j, const char *persona,
			 size_t i)
{
	if (j->n_personas == 0)
		return 1.0;
	if (persona)
		return util_streq(j->personas[i].key, persona) ? 1.0 : 0.0;
	return j->personas[i].share;
}

void sim_graph_free(struct sim_graph *g)
{
	free(g->entry);
	free(g->first);
	free(g->to);
	free(g->reached);
	memset(g, 0, sizeof *g);
}

/* Touchpoint keys in an open-addressing table (FNV-1a), so that
 * resolving every transition costs O(transitions), not O(n x transitions). */
struct sim_keys {
	const struct mot_journey *j;
	long *slot;          /* touchpoint index, or -1 */
	size_t mask;
};

static size_t sim_key_hash(const char *k)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 0x100000001b3ULL;
	return (size_t)h;
}

static void sim_keys_init(struct sim_keys *t, const struct mot_journey *j)
{
	size_t cap = 16;

	while (cap < 2 * j->n_touchpoints)
		cap *= 2;
	t->j = j;
	t->mask = cap - 1;
	t->slot = xcalloc(cap, sizeof *t->slot);
	for (size_t i = 0; i < cap; i++)
		t->slot[i] = -1;
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const char *k = j->touchpoints[i].key;
		size_t h;

		if (!k)
			continue;
		/* The first of duplicate keys wins, as model_touchpoint_find. */
		for (h = sim_key_hash(k) & t->mask; t->slot[h] >= 0;
		     h = (h + 1) & t->mask)
			if (util_streq(j->touchpoints[t->slot[h]].key, k))
				break;
		if (t->slot[h] < 0)
			t->slot[h] = (long)i;
	}
}

static long sim_keys_find(const struct sim_keys *t, const char *k)
{
	if (!k)
		return -1;
	for (size_t h = sim_key_hash(k) & t->mask; t->slot[h] >= 0;
	     h = (h + 1) & t->mask)
		if (util_streq(t->j->touchpoints[t->slot[h]].key, k))
			return t->slot[h];
	return -1;
}

static void sim_graph_build(const struct mot_journey *j, struct sim_graph *g)
{
	struct sim_keys keys;
	size_t e = 0;

	sim_keys_init(&keys, j);
	g->n = j->n_touchpoints;
	g->entry = xcalloc(j->n_entries + 1, sizeof *g->entry);
	for (size_t i = 0; i < j->n_entries; i++)
		g->entry[i] = sim_keys_find(&keys, j->entries[i].to);
	g->first = xcalloc(g->n + 1, sizeof *g->first);
	for (size_t i = 0; i < g->n; i++)
		e += j->touchpoints[i].n_next;
	g->to = xcalloc(e + 1, sizeof *g->to);
	e = 0;
	for (size_t i = 0; i < g->n; i++) {
		g->first[i] = e;
		for (size_t k = 0; k < j->touchpoints[i].n_next; k++)
			g->to[e++] = sim_keys_find(&keys,
					j->touchpoints[i].next[k].to);
	}
	g->first[g->n] = e;
	g->reached = xcalloc(g->n + 1, sizeof *g->reached);
	free(keys.slot);
}

/* Forward closure from the marked nodes. */
static void sim_graph_spread(const struct sim_graph *g, bool *mark)
{
	size_t *stack = xcalloc(g->n + 1, sizeof *stack), top = 0;

	for (size_t i = 0; i < g->n; i++)
		if (mark[i])
			stack[top++] = i;
	while (top > 0) {
		size_t v = stack[--top];
		for (size_t e = g->first[v]; e < g->first[v + 1]; e++) {
			long w = g->to[e];
			if (w >= 0 && !mark[w]) {
				mark[w] = true;
				stack[top++] = (size_t)w;
			}
		}
	}
	free(stack);
}

/* Nodes that can reach a marked node: a search backwards along the
 * transitions, O(touchpoints + transitions). */
static void sim_graph_reverse(const struct sim_graph *g, bool *mark)
{
	size_t n = g->n, e = g->first[n], top = 0;
	size_t *rfirst = xcalloc(n + 2, sizeof *rfirst), *from = xcalloc(e + 1, sizeof *from);
	size_t *stack = xcalloc(n + 1, sizeof *stack), *fill = xcalloc(n + 1, sizeof *fill);

	for (size_t k = 0; k < e; k++)
		if (g->to[k] >= 0)
			rfirst[g->to[k] + 1]++;
	for (size_t v = 0; v < n; v++)
		rfirst[v + 1] += rfirst[v];
	for (size_t v = 0; v < n; v++)
		for (size_t k = g->first[v]; k < g->first[v + 1]; k++)
			if (g->to[k] >= 0)
				from[rfirst[g->to[k]] + fill[g->to[k]]++] = v;
	for (size_t v = 0; v < n; v++)
		if (mark[v])
			stack[top++] = v;
	while (top > 0) {
		size_t w = stack[--top];
		for (size_t k = rfirst[w]; k < rfirst[w + 1]; k++)
			if (!mark[from[k]]) {
				mark[from[k]] = true;
				stack[top++] = from[k];
			}
	}
	free(rfirst);
	free(from);
	free(stack);
	free(fill);
}

/* From a stuck touchpoint every transition leads to another stuck one;
 * following the first of them must come round: that is the loop. */
static size_t sim_trap_loop(const struct sim_graph *g, size_t from)
{
	bool *seen = xcalloc(g->n + 1, sizeof *seen);
	size_t v = from;

	while (!seen[v]) {
		seen[v] = true;
		v = (size_t)g->to[g->first[v]];
	}
	free(seen);
	return v;
}

static int sim_check_trap(const struct mot_journey *j, const struct sim_graph *g,
			  char *err, size_t errlen)
{
	bool *out = xcalloc(g->n + 1, sizeof *out);
	int rc = 0;

	for (size_t i = 0; i < g->n; i++)
		out[i] = j->touchpoints[i].drop > 0 ||
			 j->touchpoints[i].n_next == 0;
	sim_graph_reverse(g, out);
	for (size_t i = 0; i < g->n; i++)
		if (g->reached[i] && !out[i]) {
			size_t loop = sim_trap_loop(g, i);
			snprintf(err, errlen, "journey '%s': the walk never ends: "
				 "customers who reach '%s' are caught in a "
				 "closed loop through '%s' with no drop and no "
				 "way out", j->key ? j->key : "?",
				 j->touchpoints[i].key, j->touchpoints[loop].key);
			rc = -1;
			break;
		}
	free(out);
	return rc;
}

static int sim_check_personas(const struct mot_journey *j, const char *persona,
			      char *err, size_t errlen)
{
	double sum = 0;

	if (persona && model_persona_find(j, persona) < 0) {
		snprintf(err, errlen, "no persona '%s' in journey '%s'", persona,
			 j->key ? j->key : "?");
		return -1;
	}
	for (size_t i = 0; i < j->n_personas || i < 1; i++)
		sum += sim_persona_share(j, persona, i);
	if (!(sum > 0)) {
		snprintf(err, errlen, "journey '%s': the persona shares sum to "
			 "0: no customer to simulate", j->key ? j->key : "?");
		return -1;
	}
	return 0;
}

/* A journey from the store or a checked file never fails this; one made
 * in code might. */
static int sim_check_refs(const struct mot_journey *j, const struct sim_graph *g,
			  char *err, size_t errlen)
{
	for (size_t i = 0; i < j->n_entries; i++)
		if (g->entry[i] < 0 || !(j->entries[i].weight > 0)) {
			snprintf(err, errlen, "journey '%s': entry %zu: no "
				 "touchpoint '%s' or weight not above 0",
				 j->key ? j->key : "?", i,
				 j->entries[i].to ? j->entries[i].to : "");
			return -1;
		}
	for (size_t i = 0; i < g->n; i++)
		for (size_t k = 0; k < j->touchpoints[i].n_next; k++)
			if (g->to[g->first[i] + k] < 0 ||
			    !(j->touchpoints[i].next[k].weight > 0)) {
				snprintf(err, errlen, "journey '%s': '%s' has a "
					 "transition to no touchpoint '%s' or "
					 "a weight not above 0",
					 j->key ? j->key : "?",
					 j->touchpoints[i].key,
					 j->touchpoints[i].next[k].to);
				return -1;
			}
	return 0;
}

int sim_graph_check(const struct mot_journey *j, const char *persona,
		    bool plain, bool exposure, struct sim_graph *g,
		    char *err, size_t errlen)
{
	const char *key = j->key ? j->key : "?";
	bool conv = false;

	memset(g, 0, sizeof *g);
	if (j->n_touchpoints > SIM_MAX_TOUCHPOINTS) {
		snprintf(err, errlen, "journey '%s' has %zu touchpoints: the "
			 "simulation takes at most %u", key, j->n_touchpoints,
			 SIM_MAX_TOUCHPOINTS);
		return -1;
	}
	if (j->n_entries == 0 || j->n_touchpoints == 0) {
		snprintf(err, errlen, "journey '%s' has no entry: customers "
			 "cannot start anywhere", key);
		return -1;
	}
	if (sim_check_personas(j, persona, err, errlen) != 0)
		return -1;
	sim_graph_build(j, g);
	if (sim_check_refs(j, g, err, errlen) != 0) {
		sim_graph_free(g);
		return -1;
	}
	for (size_t i = 0; i < j->n_entries; i++)
		if (g->entry[i] >= 0 && j->entries[i].weight > 0)
			g->reached[g->entry[i]] = true;
	for (size_t i = 0; exposure && i < g->n; i++)
		if (j->touchpoints[i].phase == MOT_PHASE_EXPOSURE)
			g->reached[i] = true;
	sim_graph_spread(g, g->reached);
	for (size_t i = 0; i < g->n; i++)
		conv |= g->reached[i] && j->touchpoints[i].conversion;
	if (!conv) {
		snprintf(err, errlen, "journey '%s' cannot convert: no "
			 "conversion touchpoint can be reached from an entry",
			 key);
		sim_graph_free(g);
		return -1;
	}
	if (plain && sim_check_trap(j, g, err, errlen) != 0) {
		sim_graph_free(g);
		return -1;
	}
	return 0;
}

/* --- compile ------------------------------------------------------------ */

static uint8_t sim_node_flags(const struct mot_touchpoint *tp)
{
	uint8_t f = 0;

	if (tp->conversion)
		f |= SIM_F_CONV;
	if (tp->stage == MOT_STAGE_TMOT)
		f |= SIM_F_TMOT;
	if (tp->critical && !tp->human)
		f |= SIM_F_NOHELP;
	if (tp->phase == MOT_PHASE_EXPLORATION)
		f |= SIM_F_EXPL;
	if (tp->phase == MOT_PHASE_EVALUATION)
		f |= SIM_F_EVAL;
	if (tp->n_next == 0)
		f |= SIM_F_END;
	return f;
}

/* Scratch for the outcomes of one node. */
struct sim_outs {
	double *w;
	int32_t *out, *edge;
	struct sim_alias *cols;
};

/*
 * The drop of a node as a threshold on 32 random bits: below it the
 * customer leaves, as (bits / 2^32 < drop) says.  A drop the threshold
 * cannot hold (all 2^32 values) makes *always true: the node's outcome is
 * then the drop itself.
 */
static uint32_t sim_drop_threshold(double drop, bool *always)
{
	double t = ceil(drop * 4294967296.0);

	*always = t > 4294967295.0;
	return *always ? UINT32_MAX : t > 0 ? (uint32_t)t : 0;
}

/* Outcomes of node i for a persona: its transitions scaled by
 * explore_bias, or an exit when it has none, or the drop when every
 * customer leaves there.  Returns the count. */
static size_t sim_node_outcomes(const struct mot_journey *j,
				const struct sim_graph *g, size_t i, double bias,
				struct sim_outs *o)
{
	const struct mot_touchpoint *tp = &j->touchpoints[i];
	size_t n = 0;
	bool always;

	sim_drop_threshold(tp->drop, &always);
	if (always) {
		o->w[0] = 1;
		o->out[0] = SIM_OUT_DROP;
		o->edge[0] = -1;
		return 1;
	}
	for (size_t k = 0; k < tp->n_next; k++) {
		size_t e = g->first[i] + k;
		const struct mot_touchpoint *b = &j->touchpoints[g->to[e]];
		o->w[n] = tp->next[k].weight *
			  (sim_explore_edge(tp, b) ? bias : 1.0);
		o->out[n] = (int32_t)g->to[e];
		o->edge[n++] = (int32_t)e;
	}
	if (tp->n_next == 0) {
		o->w[n] = 1;
		o->out[n] = SIM_OUT_EXIT;
		o->edge[n++] = -1;
	}
	return n;
}

/* Zeroed, on cache lines of its own. */
static struct sim_step *sim_steps_alloc(size_t n)
{
	size_t bytes = ((n + 1) * sizeof(struct sim_step) + 63) / 64 * 64;
	struct sim_step *s = aligned_alloc(64, bytes);

	if (!s) {
		fprintf(stderr, "mot: out of memory\n");
		abort();
	}
	memset(s, 0, bytes);
	return s;
}

/* A node's alias columns as steps: each outcome with its node's columns,
 * and the node's drop threshold in every column. */
static void sim_steps_fill(struct sim_step *s, const struct sim_alias *a,
			   size_t n, const struct sim_model *m, double drop)
{
	bool always;
	uint32_t thr = sim_drop_threshold(drop, &always);

	for (size_t i = 0; i < n; i++) {
		const struct sim_node *own = a[i].own >= 0 ? &m->nodes[a[i].own] : NULL;
		const struct sim_node *alt = a[i].alt >= 0 ? &m->nodes[a[i].alt] : NULL;

		s[i].thr = a[i].thr;
		s[i].own = a[i].own;
		s[i].alt = a[i].alt;
		s[i].drop = thr;
		s[i].own_next = own ? SIM_NEXT(own->off, own->ncols) : 0;
		s[i].alt_next = alt ? SIM_NEXT(alt->off, alt->ncols) : 0;
	}
}

static void sim_compile_persona(struct sim_model *m, const struct mot_journey *j,
				const struct sim_graph *g, size_t k,
				struct sim_outs *o)
{
	struct sim_persona_tab *p = &m->personas[k];

	p->steps = sim_steps_alloc(m->n_cols);
	if (m->flow)
		p->edge = xcalloc(m->n_cols + 1, sizeof *p->edge);
	for (size_t i = 0; i < m->n; i++) {
		const struct sim_node *nd = &m->nodes[i];
		size_t n = sim_node_outcomes(j, g, i, p->explore_bias, o);

		sim_alias_build(o->cols, o->w, o->out, n,
				p->edge ? p->edge + nd->off : NULL, o->edge);
		sim_steps_fill(p->steps + nd->off, o->cols, n, m, nd->drop);
	}
}

static void sim_compile_nodes(struct sim_model *m, const struct mot_journey *j,
			      const struct sim_graph *g)
{
	size_t cols = 0;

	for (size_t i = 0; i < m->n; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		struct sim_node *nd = &m->nodes[i];
		bool always;

		nd->flags = sim_node_flags(tp);
		nd->stage = (uint8_t)tp->stage;
		nd->emotion = (int8_t)tp->emotion;
		nd->drop = tp->drop;
		nd->dwell = tp->dwell;
		nd->off = (uint32_t)cols;
		/* The column counts do not depend on the persona; they fit
		 * 16 bits by SIM_MAX_TOUCHPOINTS (sim_graph_check): one
		 * transition at most to every touchpoint. */
		sim_drop_threshold(tp->drop, &always);
		assert(tp->n_next <= UINT16_MAX);
		nd->ncols = (uint16_t)(tp->n_next && !always ? tp->n_next : 1);
		cols += nd->ncols;
		m->edge_first[i] = g->first[i];
	}
	m->edge_first[m->n] = g->first[m->n];
	m->n_edges = g->first[m->n];
	m->n_cols = cols;
}

static void sim_compile_starts(struct sim_model *m, const struct mot_journey *j,
			       const struct sim_graph *g, const char *persona)
{
	size_t np = m->n_personas, ne = j->n_entries, nx = 0;
	double *w = xcalloc(np + ne + m->n + 1, sizeof *w);
	int32_t *out = xcalloc(np + ne + m->n + 1, sizeof *out);

	for (size_t k = 0; k < np; k++) {
		w[k] = m->personas[k].share;
		out[k] = (int32_t)k;
	}
	m->persona_tab = xcalloc(np, sizeof *m->persona_tab);
	sim_alias_build(m->persona_tab, w, out, np, NULL, NULL);
	(void)persona;
	for (size_t i = 0; i < ne; i++) {
		w[i] = j->entries[i].weight;
		out[i] = (int32_t)g->entry[i];
	}
	m->entry_tab = xcalloc(ne, sizeof *m->entry_tab);
	m->n_entry_cols = ne;
	sim_alias_build(m->entry_tab, w, out, ne, NULL, NULL);
	for (size_t i = 0; i < m->n; i++)
		if (j->touchpoints[i].phase == MOT_PHASE_EXPOSURE) {
			w[nx] = 1.0;
			out[nx++] = (int32_t)i;
		}
	if (nx > 0 && !m->plain) {
		m->exposure_tab = xcalloc(nx, sizeof *m->exposure_tab);
		m->n_exposure_cols = nx;
		sim_alias_build(m->exposure_tab, w, out, nx, NULL, NULL);
	}
	free(w);
	free(out);
}

int sim_compile(const struct mot_journey *j, const struct sim_options *o,
		struct sim_model **out, char *err, size_t errlen)
{
	struct sim_model *m;
	struct sim_graph g;
	struct sim_outs tmp;
	size_t maxn = 2;

	*out = NULL;
	if (sim_graph_check(j, o->persona, o->plain,
			    !o->plain && o->exposure_rate > 0, &g, err,
			    errlen) != 0)
		return -1;
	m = xcalloc(1, sizeof *m);
	m->n = j->n_touchpoints;
	m->plain = o->plain;
	m->flow = o->flow;
	m->exposure_rate = o->plain ? 0 : o->exposure_rate;
	m->nodes = xcalloc(m->n, sizeof *m->nodes);
	m->edge_first = xcalloc(m->n + 1, sizeof *m->edge_first);
	for (size_t i = 0; i < m->n; i++)
		if (j->touchpoints[i].n_next + 2 > maxn)
			maxn = j->touchpoints[i].n_next + 2;
	tmp.w = xcalloc(maxn, sizeof *tmp.w);
	tmp.out = xcalloc(maxn, sizeof *tmp.out);
	tmp.edge = xcalloc(maxn, sizeof *tmp.edge);
	tmp.cols = xcalloc(maxn, sizeof *tmp.cols);
	sim_compile_nodes(m, j, &g);
	m->n_personas = j->n_personas ? j->n_personas : 1;
	m->personas = xcalloc(m->n_personas, sizeof *m->personas);
	for (size_t k = 0; k < m->n_personas; k++) {
		struct sim_persona_tab *p = &m->personas[k];
		const struct mot_persona *mp = j->n_personas ? &j->personas[k] : NULL;

		p->share = sim_persona_share(j, o->persona, k);
		p->sensitivity = mp ? mp->emotion_sensitivity :
				 MOT_DEFAULT_EMOTION_SENSITIVITY;
		p->patience = (uint32_t)(mp ? mp->patience : MOT_DEFAULT_PATIENCE);
		if (p->patience < 1)
			p->patience = 1;
		p->explore_bias = mp ? mp->explore_bias : MOT_DEFAULT_EXPLORE_BIAS;
		sim_compile_persona(m, j, &g, k, &tmp);
	}
	sim_compile_starts(m, j, &g, o->persona);
	free(tmp.w);
	free(tmp.out);
	free(tmp.edge);
	free(tmp.cols);
	sim_graph_free(&g);
	*out = m;
	return 0;
}

void sim_model_free(struct sim_model *m)
{
	if (!m)
		return;
	for (size_t k = 0; k < m->n_personas; k++) {
		free(m->personas[k].steps);
		free(m->personas[k].edge);
	}
	free(m->personas);
	free(m->nodes);
	free(m->persona_tab);
	free(m->entry_tab);
	free(m->exposure_tab);
	free(m->edge_first);
	free(m);
}

size_t sim_model_touchpoints(const struct sim_model *m)
{
	return m->n;
}

/* --- what-if edits ------------------------------------------------------ */

static int sim_set_bool(const char *v, bool *out)
{
	if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 ||
	    strcmp(v, "1") == 0)
		*out = true;
	else if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 ||
		 strcmp(v, "0") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

static int sim_set_number(const char *v, double lo, double hi, double *out)
{
	/* "0.5" whatever the locale: an option, not text for people */
	return util_num_parse(v, out) == 0 && *out >= lo && *out <= hi ?
		0 : -1;
}

static int sim_set_next(struct mot_journey *j, struct mot_touchpoint *tp,
			const char *target, const char *v, char *err,
			size_t errlen)
{
	double w;
	size_t k;

	if (model_touchpoint_find(j, target) < 0) {
		snprintf(err, errlen, "--set: no touchpoint '%s'", target);
		return -1;
	}
	if (sim_set_number(v, 0, 1e12, &w) != 0) {
		snprintf(err, errlen, "--set: %s.next.%s: '%s' is not a weight "
			 "(a number, 0 removes the transition)", tp->key,
			 target, v);
		return -1;
	}
	for (k = 0; k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, target))
			break;
	if (k == tp->n_next && w > 0) {
		tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
		memset(&tp->next[k], 0, sizeof tp->next[k]);
		tp->next[k].to = xstrdup(target);
		tp->n_next++;
	}
	if (k < tp->n_next && w > 0) {
		tp->next[k].weight = w;
	} else if (k < tp->n_next) {
		free(tp->next[k].to);
		free(tp->next[k].label);
		memmove(&tp->next[k], &tp->next[k + 1],
			(tp->n_next - k - 1) * sizeof *tp->next);
		tp->n_next--;
	}
	return 0;
}

static int sim_set_field(struct mot_touchpoint *tp, const char *field,
			 const char *v, char *err, size_t errlen)
{
	double d;
	int rc = 0;

	if (strcmp(field, "emotion") == 0) {
		rc = sim_set_number(v, MOT_EMOTION_MIN, MOT_EMOTION_MAX, &d);
		if (rc == 0 && d != floor(d))
			rc = -1;
		if (rc == 0)
			tp->emotion = (int)d;
	} else if (strcmp(field, "drop") == 0) {
		rc = sim_set_number(v, 0, 1, &tp->drop);
	} else if (strcmp(field, "dwell") == 0) {
		rc = sim_set_number(v, 0, 1e9, &tp->dwell);
	} else if (strcmp(field, "critical") == 0) {
		rc = sim_set_bool(v, &tp->critical);
	} else if (strcmp(field, "human") == 0) {
		rc = sim_set_bool(v, &tp->human);
	} else if (strcmp(field, "conversion") == 0) {
		rc = sim_set_bool(v, &tp->conversion);
	} else {
		snprintf(err, errlen, "--set: %s.%s: unknown field (emotion, "
			 "drop, dwell, critical, human, conversion, next.TARGET)",
			 tp->key, field);
		return -1;
	}
	if (rc != 0)
		snprintf(err, errlen, "--set: %s.%s: '%s' is not a valid value "
			 "(emotion: -3..3, drop: 0..1, dwell: minutes >= 0, "
			 "critical/human/conversion: true or false)", tp->key,
			 field, v);
	return rc;
}

int sim_apply_set(struct mot_journey *j, const char *assignment, char *err,
		  size_t errlen)
{
	const char *eq = strchr(assignment, '='), *dot = strchr(assignment, '.');
	char key[MOT_KEY_MAX + 1], field[MOT_KEY_MAX + 16];
	long t;

	if (!eq || !dot || dot > eq || dot == assignment ||
	    (size_t)(dot - assignment) > MOT_KEY_MAX ||
	    (size_t)(eq - dot - 1) >= sizeof field) {
		snprintf(err, errlen, "--set: '%s' is not TOUCHPOINT.FIELD=VALUE",
			 assignment);
		return -1;
	}
	memcpy(key, assignment, (size_t)(dot - assignment));
	key[dot - assignment] = '\0';
	memcpy(field, dot + 1, (size_t)(eq - dot - 1));
	field[eq - dot - 1] = '\0';
	t = model_touchpoint_find(j, key);
	if (t < 0) {
		snprintf(err, errlen, "--set: no touchpoint '%s' in journey '%s'",
			 key, j->key ? j->key : "?");
		return -1;
	}
	if (strncmp(field, "next.", 5) == 0)
		return sim_set_next(j, &j->touchpoints[t], field + 5, eq + 1,
				    err, errlen);
	return sim_set_field(&j->touchpoints[t], field, eq + 1, err, errlen);
}
