/*
 * model.c - journey model: names, lifetime, lookup and validation.
 */
#include "model.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "util.h"

/* --- names ----------------------------------------------------------- */

static const struct {
	const char *key, *label, *title;
} model_stages[MOT_STAGE_COUNT] = {
	{ "lzmot", "<ZMOT", "Awareness" },
	{ "zmot", "ZMOT", "Research" },
	{ "fmot", "FMOT", "First contact" },
	{ "smot", "SMOT", "Purchase and use" },
	{ "tmot", "TMOT", "Sharing" },
};

static const char *const model_phases[MOT_PHASE_COUNT] = {
	"", "exposure", "exploration", "evaluation", "experience",
};

const char *model_stage_key(enum mot_stage s)
{
	return (unsigned)s < MOT_STAGE_COUNT ? model_stages[s].key : "?";
}

const char *model_stage_label(enum mot_stage s)
{
	return (unsigned)s < MOT_STAGE_COUNT ? model_stages[s].label : "?";
}

const char *model_stage_title(enum mot_stage s)
{
	return (unsigned)s < MOT_STAGE_COUNT ? model_stages[s].title : "?";
}

int model_stage_parse(const char *s)
{
	for (int i = 0; s && i < MOT_STAGE_COUNT; i++)
		if (strcmp(s, model_stages[i].key) == 0)
			return i;
	return -1;
}

const char *model_phase_key(enum mot_phase p)
{
	return (unsigned)p < MOT_PHASE_COUNT ? model_phases[p] : "?";
}

int model_phase_parse(const char *s)
{
	if (!s || !*s)
		return MOT_PHASE_NONE;
	for (int i = 1; i < MOT_PHASE_COUNT; i++)
		if (strcmp(s, model_phases[i]) == 0)
			return i;
	return -1;
}

bool model_key_valid(const char *key)
{
	size_t n;

	if (!key || !*key)
		return false;
	n = strlen(key);
	if (n > MOT_KEY_MAX)
		return false;
	if (!((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= '0' && key[0] <= '9')))
		return false;
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-'))
			return false;
	return true;
}

/* --- lifetime -------------------------------------------------------- */

void model_journey_init(struct mot_journey *j)
{
	memset(j, 0, sizeof *j);
}

void model_touchpoint_init(struct mot_touchpoint *tp)
{
	memset(tp, 0, sizeof *tp);
	tp->controlled = true;
}

void model_persona_init(struct mot_persona *p)
{
	memset(p, 0, sizeof *p);
	p->share = MOT_DEFAULT_SHARE;
	p->patience = MOT_DEFAULT_PATIENCE;
	p->explore_bias = MOT_DEFAULT_EXPLORE_BIAS;
	p->emotion_sensitivity = MOT_DEFAULT_EMOTION_SENSITIVITY;
}

void model_touchpoint_free(struct mot_touchpoint *tp)
{
	free(tp->key);
	free(tp->name);
	free(tp->channel);
	free(tp->owner);
	free(tp->notes);
	model_lanes_free(tp);
	for (size_t i = 0; i < tp->n_next; i++) {
		free(tp->next[i].to);
		free(tp->next[i].label);
	}
	free(tp->next);
	model_touchpoint_init(tp);
}

void model_persona_free(struct mot_persona *p)
{
	free(p->key);
	free(p->name);
	free(p->description);
	model_persona_init(p);
}

void model_journey_free(struct mot_journey *j)
{
	for (size_t i = 0; i < j->n_touchpoints; i++)
		model_touchpoint_free(&j->touchpoints[i]);
	for (size_t i = 0; i < j->n_personas; i++)
		model_persona_free(&j->personas[i]);
	for (size_t i = 0; i < j->n_entries; i++)
		free(j->entries[i].to);
	free(j->touchpoints);
	free(j->personas);
	free(j->entries);
	free(j->key);
	free(j->title);
	free(j->description);
	model_journey_init(j);
}

int model_touchpoint_copy(struct mot_touchpoint *dst,
			  const struct mot_touchpoint *src)
{
	*dst = *src;
	dst->key = xstrdup(src->key);
	dst->name = xstrdup(src->name);
	dst->channel = xstrdup(src->channel);
	dst->owner = xstrdup(src->owner);
	dst->notes = xstrdup(src->notes);
	model_lanes_copy(dst, src);
	dst->next = src->n_next ? xcalloc(src->n_next, sizeof *dst->next) : NULL;
	for (size_t i = 0; i < src->n_next; i++) {
		dst->next[i] = src->next[i];
		dst->next[i].to = xstrdup(src->next[i].to);
		dst->next[i].label = xstrdup(src->next[i].label);
	}
	return 0;
}

int model_persona_copy(struct mot_persona *dst, const struct mot_persona *src)
{
	*dst = *src;
	dst->key = xstrdup(src->key);
	dst->name = xstrdup(src->name);
	dst->description = xstrdup(src->description);
	return 0;
}

int model_journey_copy(struct mot_journey *dst, const struct mot_journey *src)
{
	*dst = *src;
	dst->key = xstrdup(src->key);
	dst->title = xstrdup(src->title);
	dst->description = xstrdup(src->description);
	dst->touchpoints = src->n_touchpoints ?
		xcalloc(src->n_touchpoints, sizeof *dst->touchpoints) : NULL;
	for (size_t i = 0; i < src->n_touchpoints; i++)
		model_touchpoint_copy(&dst->touchpoints[i], &src->touchpoints[i]);
	dst->personas = src->n_personas ?
		xcalloc(src->n_personas, sizeof *dst->personas) : NULL;
	for (size_t i = 0; i < src->n_personas; i++)
		model_persona_copy(&dst->personas[i], &src->personas[i]);
	dst->entries = src->n_entries ?
		xcalloc(src->n_entries, sizeof *dst->entries) : NULL;
	for (size_t i = 0; i < src->n_entries; i++) {
		dst->entries[i] = src->entries[i];
		dst->entries[i].to = xstrdup(src->entries[i].to);
	}
	return 0;
}

/* --- lookup ---------------------------------------------------------- */

long model_touchpoint_find(const struct mot_journey *j, const char *key)
{
	for (size_t i = 0; key && i < j->n_touchpoints; i++)
		if (util_streq(j->touchpoints[i].key, key))
			return (long)i;
	return -1;
}

long model_persona_find(const struct mot_journey *j, const char *key)
{
	for (size_t i = 0; key && i < j->n_personas; i++)
		if (util_streq(j->personas[i].key, key))
			return (long)i;
	return -1;
}

size_t model_stage_count(const struct mot_journey *j, enum mot_stage s)
{
	size_t n = 0;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		n += j->touchpoints[i].stage == s;
	return n;
}

/* Stable: insertion sort keeps the order inside a stage, and journeys are
 * nearly sorted already, so this is linear in practice. */
void model_journey_sort(struct mot_journey *j)
{
	for (size_t i = 1; i < j->n_touchpoints; i++) {
		struct mot_touchpoint t = j->touchpoints[i];
		size_t k = i;

		while (k > 0 && j->touchpoints[k - 1].stage > t.stage) {
			j->touchpoints[k] = j->touchpoints[k - 1];
			k--;
		}
		j->touchpoints[k] = t;
	}
}

/*
 * A sorted index of touchpoint keys, so that checking a journey of n
 * touchpoints and m transitions costs O((n + m) log n), not O(n * m).
 * Ties keep file order, so the first of two equal keys is found first.
 */
struct model_keyat {
	const char *key;
	size_t at;
};

struct model_index {
	struct model_keyat *k;
	size_t n;
};

static int model_keyat_cmp(const void *a, const void *b)
{
	const struct model_keyat *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->at > y->at) - (x->at < y->at);
}

static void model_index_build(const struct mot_journey *j,
			      struct model_index *ix)
{
	ix->n = j->n_touchpoints;
	ix->k = xcalloc(ix->n + 1, sizeof *ix->k);
	for (size_t i = 0; i < ix->n; i++) {
		const char *key = j->touchpoints[i].key;
		ix->k[i].key = key ? key : "";
		ix->k[i].at = i;
	}
	qsort(ix->k, ix->n, sizeof *ix->k, model_keyat_cmp);
}

static void model_index_free(struct model_index *ix)
{
	free(ix->k);
}

/* Index of the first touchpoint with this key, or -1. */
static long model_index_find(const struct model_index *ix, const char *key)
{
	size_t lo = 0, hi = ix->n;

	if (!key)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->k[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && strcmp(ix->k[lo].key, key) == 0)
		return (long)ix->k[lo].at;
	return -1;
}

/* --- diagnostics ----------------------------------------------------- */

void model_diags_free(struct mot_diags *d)
{
	free(d->items);
	memset(d, 0, sizeof *d);
}

void model_diag_add(struct mot_diags *d, enum mot_severity sev,
		    const char *path, const char *fmt, ...)
{
	struct mot_diag *g;
	va_list ap;

	util_reserve((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items);
	g = &d->items[d->n++];
	memset(g, 0, sizeof *g);
	g->severity = sev;
	snprintf(g->path, sizeof g->path, "%s", path ? path : "");
	va_start(ap, fmt);
	vsnprintf(g->message, sizeof g->message, fmt, ap);
	va_end(ap);
	if (sev == MOT_ERROR)
		d->errors++;
	else
		d->warnings++;
}

/* --- field validation ------------------------------------------------ */

#define ERR(d, ...) model_diag_add((d), MOT_ERROR, __VA_ARGS__)

/* "list[i].field" or, with a second list, "list[i].sub[k].field" into
 * buf (of at least 96 bytes).  Every field of every row gets its path
 * before it is checked, so this is what a big journey's check costs:
 * built by hand, it takes a tenth of what snprintf takes. */
static char *model_path(char *buf, const char *list, size_t i,
			const char *sub, size_t k, const char *field)
{
	char *p = buf;
	const char *parts[2] = { list, sub };
	size_t index[2] = { i, k };

	for (int n = 0; n < 2 && parts[n]; n++) {
		char digits[24];
		size_t nd = 0, v = index[n];

		p = stpcpy(p, parts[n]);
		*p++ = '[';
		do
			digits[nd++] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		while (nd > 0)
			*p++ = digits[--nd];
		*p++ = ']';
		if (field || (n == 0 && sub))
			*p++ = '.';
	}
	if (field)
		p = stpcpy(p, field);
	*p = '\0';
	return buf;
}

static void model_check_key(struct mot_diags *d, const char *path,
			    const char *key)
{
	if (util_str_empty(key))
		ERR(d, path, "missing key");
	else if (strlen(key) > MOT_KEY_MAX)
		ERR(d, path, "key '%.32s...' is longer than %d bytes", key,
		    MOT_KEY_MAX);
	else if (!model_key_valid(key))
		ERR(d, path, "key '%s' must be lower-case letters, digits and "
		    "'-', starting with a letter or digit", key);
}

static void model_check_text(struct mot_diags *d, const char *path,
			     const char *s, bool required)
{
	char why[96];

	if (required && util_str_empty(s))
		ERR(d, path, "must not be empty");
	else if (!model_text_ok(s, MOT_TEXT_MAX, true, why, sizeof why))
		ERR(d, path, "%s", why);
}

static void model_check_range(struct mot_diags *d, const char *path, double v,
			      double lo, bool lo_open, double hi)
{
	char num[32];

	/* the value as typed: %g would round 1.0000001 to an "out of
	 * range" 1 */
	if (!isfinite(v))
		ERR(d, path, "must be a finite number");
	else if (lo_open ? !(v > lo) : !(v >= lo))
		ERR(d, path, "%s is out of range: must be %s %g",
		    model_format_number(v, num, sizeof num),
		    lo_open ? "greater than" : "at least", lo);
	else if (v > hi)
		ERR(d, path, "%s is out of range: must be at most %g",
		    model_format_number(v, num, sizeof num), hi);
}

static void model_check_persona(const struct mot_journey *j, size_t i,
				struct mot_diags *d)
{
	const struct mot_persona *p = &j->personas[i];
	char path[96];

#define PATH(field) model_path(path, "personas", i, NULL, 0, field)
	model_check_key(d, PATH("key"), p->key);
	for (size_t k = 0; k < i && p->key; k++)
		if (util_streq(j->personas[k].key, p->key))
			ERR(d, PATH("key"), "duplicate persona key '%s' "
			    "(also personas[%zu])", p->key, k);
	model_check_text(d, PATH("name"), p->name, true);
	model_check_text(d, PATH("description"), p->description, false);
	model_check_range(d, PATH("share"), p->share, 0, false, 1);
	if (p->patience < 1)
		ERR(d, PATH("patience"), "%d is out of range: must be at least 1",
		    p->patience);
	model_check_range(d, PATH("explore_bias"), p->explore_bias, 0, true,
			  1e6);
	model_check_range(d, PATH("emotion_sensitivity"),
			  p->emotion_sensitivity, 0, false, 1e6);
#undef PATH
}

static void model_check_entry(const struct mot_journey *j,
			      const struct model_index *ix, size_t i,
			      struct mot_diags *d)
{
	const struct mot_entry *e = &j->entries[i];
	char path[96];

	model_path(path, "entries", i, NULL, 0, "to");
	if (util_str_empty(e->to))
		ERR(d, path, "missing target touchpoint");
	else if (model_index_find(ix, e->to) < 0)
		ERR(d, path, "no touchpoint '%s' in this journey", e->to);
	for (size_t k = 0; k < i && e->to; k++)
		if (util_streq(j->entries[k].to, e->to))
			ERR(d, path, "duplicate entry '%s' (also entries[%zu])",
			    e->to, k);
	model_path(path, "entries", i, NULL, 0, "weight");
	model_check_range(d, path, e->weight, 0, true, 1e12);
}

static void model_check_next(const struct mot_journey *j,
			     const struct model_index *ix, size_t i, size_t k,
			     struct mot_diags *d)
{
	const struct mot_transition *t = &j->touchpoints[i].next[k];
	char path[96];

	model_path(path, "touchpoints", i, "next", k, "to");
	if (util_str_empty(t->to))
		ERR(d, path, "missing target touchpoint");
	else if (model_index_find(ix, t->to) < 0)
		ERR(d, path, "no touchpoint '%s' in this journey", t->to);
	for (size_t m = 0; m < k && t->to; m++)
		if (util_streq(j->touchpoints[i].next[m].to, t->to))
			ERR(d, path, "duplicate transition to '%s' (also "
			    "next[%zu])", t->to, m);
	model_path(path, "touchpoints", i, "next", k, "weight");
	model_check_range(d, path, t->weight, 0, true, 1e12);
	model_path(path, "touchpoints", i, "next", k, "label");
	model_check_text(d, path, t->label, false);
}

static void model_check_touchpoint(const struct mot_journey *j,
				   const struct model_index *ix, size_t i,
				   struct mot_diags *d)
{
	const struct mot_touchpoint *tp = &j->touchpoints[i];
	char path[96];

#define PATH(field) model_path(path, "touchpoints", i, NULL, 0, field)
	model_check_key(d, PATH("key"), tp->key);
	if (tp->key && *tp->key) {
		long first = model_index_find(ix, tp->key);
		if (first >= 0 && (size_t)first != i)
			ERR(d, PATH("key"), "duplicate touchpoint key '%s' "
			    "(also touchpoints[%ld])", tp->key, first);
	}
	model_check_text(d, PATH("name"), tp->name, true);
	if ((unsigned)tp->stage >= MOT_STAGE_COUNT)
		ERR(d, PATH("stage"), "unknown stage: must be one of lzmot, "
		    "zmot, fmot, smot, tmot");
	if ((unsigned)tp->phase >= MOT_PHASE_COUNT)
		ERR(d, PATH("phase"), "unknown phase: must be one of exposure, "
		    "exploration, evaluation, experience");
	model_check_text(d, PATH("channel"), tp->channel, false);
	model_check_text(d, PATH("owner"), tp->owner, false);
	model_check_text(d, PATH("notes"), tp->notes, false);
	if (tp->emotion < MOT_EMOTION_MIN || tp->emotion > MOT_EMOTION_MAX)
		ERR(d, PATH("emotion"), "%d is out of range: must be -3 to +3",
		    tp->emotion);
	model_check_range(d, PATH("dwell"), tp->dwell, 0, false, 1e9);
	model_check_range(d, PATH("drop"), tp->drop, 0, false, 1);
	model_check_lanes(tp, i, d);
	for (size_t k = 0; k < tp->n_next; k++)
		model_check_next(j, ix, i, k, d);
#undef PATH
}

void model_validate_fields(const struct mot_journey *j, struct mot_diags *d)
{
	struct model_index ix;

	model_check_key(d, "key", j->key);
	model_check_text(d, "title", j->title, true);
	model_check_text(d, "description", j->description, false);
	for (size_t i = 0; i < j->n_personas; i++)
		model_check_persona(j, i, d);
	model_index_build(j, &ix);
	for (size_t i = 0; i < j->n_entries; i++)
		model_check_entry(j, &ix, i, d);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		model_check_touchpoint(j, &ix, i, d);
	model_index_free(&ix);
}

/* --- graph validation ------------------------------------------------ */

/* Targets of every transition resolved to indexes once (-1: unknown), so
 * the searches below are linear in the size of the graph. */
struct model_graph {
	size_t n;
	size_t *first;  /* edges of node i: to[first[i] .. first[i+1]) */
	long *to;
};

static void model_graph_build(const struct mot_journey *j, struct model_graph *g)
{
	struct model_index ix;
	size_t e = 0;

	model_index_build(j, &ix);
	g->n = j->n_touchpoints;
	g->first = xcalloc(g->n + 1, sizeof *g->first);
	for (size_t i = 0; i < g->n; i++)
		e += j->touchpoints[i].n_next;
	g->to = xcalloc(e ? e : 1, sizeof *g->to);
	e = 0;
	for (size_t i = 0; i < g->n; i++) {
		g->first[i] = e;
		for (size_t k = 0; k < j->touchpoints[i].n_next; k++)
			g->to[e++] = model_index_find(&ix,
					j->touchpoints[i].next[k].to);
	}
	g->first[g->n] = e;
	model_index_free(&ix);
}

static void model_graph_free(struct model_graph *g)
{
	free(g->first);
	free(g->to);
}

/* Depth-first marking from the nodes already marked in `seen`;
 * `reverse` follows edges backwards (who can reach the marked nodes). */
static void model_graph_mark(const struct model_graph *g, bool *seen,
			     bool reverse)
{
	size_t *stack = xcalloc(g->n + 1, sizeof *stack), top = 0;
	bool changed = true;

	if (!reverse) {
		for (size_t i = 0; i < g->n; i++)
			if (seen[i])
				stack[top++] = i;
		while (top > 0) {
			size_t v = stack[--top];
			for (size_t e = g->first[v]; e < g->first[v + 1]; e++) {
				long w = g->to[e];
				if (w >= 0 && !seen[w]) {
					seen[w] = true;
					stack[top++] = (size_t)w;
				}
			}
		}
	} else {
		/* Backward reachability by fixed point: no reverse index
		 * needed, and journeys are small enough (rounds <= depth). */
		while (changed) {
			changed = false;
			for (size_t v = 0; v < g->n; v++) {
				if (seen[v])
					continue;
				for (size_t e = g->first[v]; e < g->first[v + 1]; e++)
					if (g->to[e] >= 0 && seen[g->to[e]]) {
						seen[v] = changed = true;
						break;
					}
			}
		}
	}
	free(stack);
}

#define WARN(d, ...) model_diag_add((d), MOT_WARNING, __VA_ARGS__)

static void model_check_stages(const struct mot_journey *j, struct mot_diags *d)
{
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		if (model_stage_count(j, s) == 0)
			WARN(d, "touchpoints", "no touchpoint in stage %s (%s)",
			     model_stage_label(s), model_stage_title(s));
}

static void model_check_shares(const struct mot_journey *j, struct mot_diags *d)
{
	double sum = 0;

	if (j->n_personas == 0)
		return;
	for (size_t i = 0; i < j->n_personas; i++)
		sum += j->personas[i].share;
	if (fabs(sum - 1.0) > 1e-6)
		WARN(d, "personas", "persona shares sum to %g, not 1 (the "
		     "simulation scales them)", sum);
}

static void model_check_reach(const struct mot_journey *j,
			      const struct model_graph *g, struct mot_diags *d)
{
	bool *from_entry = xcalloc(g->n + 1, sizeof *from_entry);
	bool *to_conv = xcalloc(g->n + 1, sizeof *to_conv);
	bool *after_conv = xcalloc(g->n + 1, sizeof *after_conv);
	bool any_conv = false;
	char path[64];

	for (size_t i = 0; i < j->n_entries; i++) {
		long t = model_touchpoint_find(j, j->entries[i].to);
		if (t >= 0)
			from_entry[t] = true;
	}
	for (size_t i = 0; i < g->n; i++)
		if (j->touchpoints[i].conversion)
			to_conv[i] = after_conv[i] = any_conv = true;
	model_graph_mark(g, from_entry, false);
	model_graph_mark(g, to_conv, true);
	model_graph_mark(g, after_conv, false);
	if (!any_conv && g->n > 0)
		WARN(d, "touchpoints", "no conversion touchpoint: nothing "
		     "counts as a purchase");
	for (size_t i = 0; i < g->n; i++) {
		model_path(path, "touchpoints", i, NULL, 0, NULL);
		if (j->n_entries > 0 && !from_entry[i])
			WARN(d, path, "no entry reaches '%s'",
			     j->touchpoints[i].key);
		/* After a purchase (delivery, reviews) a dead end is normal. */
		if (any_conv && !to_conv[i] && !after_conv[i])
			WARN(d, path, "no conversion can be reached from '%s'",
			     j->touchpoints[i].key);
	}
	free(from_entry);
	free(to_conv);
	free(after_conv);
}

void model_validate_graph(const struct mot_journey *j, struct mot_diags *d)
{
	struct model_graph g;

	if (j->n_touchpoints == 0) {
		WARN(d, "touchpoints", "the journey has no touchpoints");
		return;
	}
	/* A warning, as for validate's other findings of a journey that
	 * loads but will not simulate: the designer lets a journey grow
	 * before its first entry, and what it exports imports again. */
	if (j->n_entries == 0)
		WARN(d, "entries", "no entry: customers cannot start anywhere, "
		     "so the journey cannot be simulated");
	model_graph_build(j, &g);
	model_check_reach(j, &g, d);
	model_graph_free(&g);
	model_check_stages(j, d);
	model_check_shares(j, d);
}

void model_validate(const struct mot_journey *j, struct mot_diags *d)
{
	size_t before = d->errors;

	model_validate_fields(j, d);
	/* Graph checks on a journey with broken fields would only repeat
	 * the same faults in other words. */
	if (d->errors == before)
		model_validate_graph(j, d);
}

/* --- numbers --------------------------------------------------------- */

char *model_format_number(double v, char *buf, size_t len)
{
	return util_num_format(v, buf, len);
}
