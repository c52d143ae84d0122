/*
 * workshop_changes.c - what changed between a baseline and a scenario,
 * one line per change, as a workshop reads them (ws_changes).
 */
#include "workshop.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "workshop_int.h"

struct ws_lines {
	char **v;
	size_t n, cap;
};

static void ws_add(struct ws_lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void ws_add(struct ws_lines *l, const char *fmt, ...)
{
	va_list ap;
	int len;
	char *s;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	s = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	util_reserve((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

void ws_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i]);
	free(lines);
}

static int ws_key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ws_key *)a)->key,
		      ((const struct ws_key *)b)->key);
}

struct ws_key *ws_tp_index(const struct mot_journey *j)
{
	struct ws_key *ix = xcalloc(j->n_touchpoints + 1, sizeof *ix);

	for (size_t i = 0; i < j->n_touchpoints; i++) {
		ix[i].key = j->touchpoints[i].key ? j->touchpoints[i].key : "";
		ix[i].i = i;
	}
	qsort(ix, j->n_touchpoints, sizeof *ix, ws_key_cmp);
	return ix;
}

long ws_tp_lookup(const struct ws_key *ix, size_t n, const char *key)
{
	struct ws_key k = { key ? key : "", 0 };
	const struct ws_key *hit = bsearch(&k, ix, n, sizeof *ix, ws_key_cmp);

	return hit ? (long)hit->i : -1;
}

/* Both journeys with their indexes, for the parts of the diff. */
struct ws_diff {
	const struct mot_journey *a, *b;   /* base, current */
	struct ws_key *ia, *ib;
	struct ws_lines *out;
};

static const char *ws_tp_name(const struct mot_touchpoint *tp)
{
	return !util_str_empty(tp->name) ? tp->name :
	       tp->key ? tp->key : "?";
}

/* The name of the touchpoint with this key in j, or the key itself. */
static const char *ws_name_of(const struct mot_journey *j,
			      const struct ws_key *ix, const char *key)
{
	long i = ws_tp_lookup(ix, j->n_touchpoints, key);

	return i >= 0 ? ws_tp_name(&j->touchpoints[i]) : key ? key : "?";
}

static const char *ws_emotion_str(int e, char *buf, size_t len)
{
	snprintf(buf, len, e ? "%+d" : "%d", e);
	return buf;
}

static const char *ws_yes(bool v)
{
	return v ? "yes" : "no";
}

static const char *ws_phase_str(enum mot_phase p)
{
	return p == MOT_PHASE_NONE ? "none" : model_phase_key(p);
}

static void ws_diff_number(struct ws_lines *l, const char *who,
			   const char *field, double a, double b,
			   const char *unit)
{
	char x[40], y[40];

	if (a != b)
		ws_add(l, "%s: %s %s -> %s%s", who, field,
		       model_format_number(a, x, sizeof x),
		       model_format_number(b, y, sizeof y), unit);
}

static void ws_diff_flag(struct ws_lines *l, const char *who,
			 const char *field, bool a, bool b)
{
	if (a != b)
		ws_add(l, "%s: %s %s -> %s", who, field, ws_yes(a), ws_yes(b));
}

/* Free text: quoted, or "none". */
static void ws_diff_text(struct ws_lines *l, const char *who,
			 const char *field, const char *a, const char *b)
{
	bool ea = util_str_empty(a), eb = util_str_empty(b);

	if (util_streq(a, b) || (ea && eb))
		return;
	ws_add(l, "%s: %s %s%s%s -> %s%s%s", who, field, ea ? "" : "'",
	       ea ? "none" : a, ea ? "" : "'", eb ? "" : "'", eb ? "none" : b,
	       eb ? "" : "'");
}

/* The fields of one touchpoint kept in both. */
static void ws_diff_fields(struct ws_lines *l, const struct mot_touchpoint *a,
			   const struct mot_touchpoint *b)
{
	const char *who = ws_tp_name(b);
	char x[8], y[8];

	if (!util_streq(ws_tp_name(a), who))
		ws_add(l, "%s: renamed from '%s'", who, ws_tp_name(a));
	if (a->stage != b->stage)
		ws_add(l, "%s: stage %s -> %s", who, model_stage_label(a->stage),
		       model_stage_label(b->stage));
	if (a->phase != b->phase)
		ws_add(l, "%s: phase %s -> %s", who, ws_phase_str(a->phase),
		       ws_phase_str(b->phase));
	if (a->emotion != b->emotion)
		ws_add(l, "%s: emotion %s -> %s", who,
		       ws_emotion_str(a->emotion, x, sizeof x),
		       ws_emotion_str(b->emotion, y, sizeof y));
	ws_diff_number(l, who, "drop", a->drop, b->drop, "");
	ws_diff_number(l, who, "dwell", a->dwell, b->dwell, " minutes");
	ws_diff_flag(l, who, "critical", a->critical, b->critical);
	ws_diff_flag(l, who, "human", a->human, b->human);
	ws_diff_flag(l, who, "conversion", a->conversion, b->conversion);
	ws_diff_flag(l, who, "controlled", a->controlled, b->controlled);
	ws_diff_text(l, who, "channel", a->channel, b->channel);
	ws_diff_text(l, who, "owner", a->owner, b->owner);
	if (!util_streq(a->notes, b->notes) &&
	    !(util_str_empty(a->notes) && util_str_empty(b->notes)))
		ws_add(l, "%s: notes changed", who);
}

static const struct mot_transition *ws_find_next(const struct mot_touchpoint *tp,
						 const char *to)
{
	for (size_t k = 0; tp && k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, to))
			return &tp->next[k];
	return NULL;
}

/* Transitions out of a touchpoint: a is the base's (NULL when the
 * touchpoint was added), b the current one. */
static void ws_diff_next(struct ws_diff *d, const struct mot_touchpoint *a,
			 const struct mot_touchpoint *b)
{
	const char *who = ws_tp_name(b);

	for (size_t k = 0; k < b->n_next; k++) {
		const struct mot_transition *t = &b->next[k];
		const struct mot_transition *o = ws_find_next(a, t->to);
		const char *to = ws_name_of(d->b, d->ib, t->to);
		char what[512];

		if (!o) {
			ws_add(d->out, "new transition %s -> %s", who, to);
			continue;
		}
		snprintf(what, sizeof what, "%s -> %s", who, to);
		ws_diff_number(d->out, what, "weight", o->weight, t->weight, "");
		ws_diff_text(d->out, what, "label", o->label, t->label);
	}
	for (size_t k = 0; a && k < a->n_next; k++)
		if (!ws_find_next(b, a->next[k].to))
			ws_add(d->out, "removed transition %s -> %s", who,
			       ws_name_of(d->a, d->ia, a->next[k].to));
}

/*
 * Place of each touchpoint among those kept in both journeys in the same
 * stage (1-based; 0 for the others): a touchpoint moved inside its stage
 * changes place, which also ends paired comparisons.
 */
static size_t *ws_places(const struct mot_journey *j,
			 const struct mot_journey *other,
			 const struct ws_key *oix)
{
	size_t *place = xcalloc(j->n_touchpoints + 1, sizeof *place);
	size_t count[MOT_STAGE_COUNT] = { 0 };

	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		long k = ws_tp_lookup(oix, other->n_touchpoints, tp->key);

		if (k >= 0 && other->touchpoints[k].stage == tp->stage &&
		    tp->stage < MOT_STAGE_COUNT)
			place[i] = ++count[tp->stage];
	}
	return place;
}

static void ws_diff_touchpoints(struct ws_diff *d)
{
	size_t *pa = ws_places(d->a, d->b, d->ib);
	size_t *pb = ws_places(d->b, d->a, d->ia);

	for (size_t i = 0; i < d->b->n_touchpoints; i++) {
		const struct mot_touchpoint *b = &d->b->touchpoints[i];
		long k = ws_tp_lookup(d->ia, d->a->n_touchpoints, b->key);

		if (k < 0) {
			ws_add(d->out, "added touchpoint '%s'", ws_tp_name(b));
			ws_diff_next(d, NULL, b);
			continue;
		}
		ws_diff_fields(d->out, &d->a->touchpoints[k], b);
		if (pb[i] && pa[k] != pb[i])
			ws_add(d->out, "%s: place in %s %zu -> %zu",
			       ws_tp_name(b), model_stage_label(b->stage),
			       pa[k], pb[i]);
		ws_diff_next(d, &d->a->touchpoints[k], b);
	}
	for (size_t i = 0; i < d->a->n_touchpoints; i++)
		if (ws_tp_lookup(d->ib, d->b->n_touchpoints,
				 d->a->touchpoints[i].key) < 0)
			ws_add(d->out, "removed touchpoint '%s'",
			       ws_tp_name(&d->a->touchpoints[i]));
	free(pa);
	free(pb);
}

static const struct mot_entry *ws_find_entry(const struct mot_journey *j,
					     const char *to)
{
	for (size_t i = 0; i < j->n_entries; i++)
		if (util_streq(j->entries[i].to, to))
			return &j->entries[i];
	return NULL;
}

static void ws_diff_entries(struct ws_diff *d)
{
	char x[40], y[40];

	for (size_t i = 0; i < d->b->n_entries; i++) {
		const struct mot_entry *e = &d->b->entries[i];
		const struct mot_entry *o = ws_find_entry(d->a, e->to);
		const char *at = ws_name_of(d->b, d->ib, e->to);

		if (!o)
			ws_add(d->out, "new entry at %s, weight %s", at,
			       model_format_number(e->weight, x, sizeof x));
		else if (o->weight != e->weight)
			ws_add(d->out, "entry at %s: weight %s -> %s", at,
			       model_format_number(o->weight, x, sizeof x),
			       model_format_number(e->weight, y, sizeof y));
	}
	for (size_t i = 0; i < d->a->n_entries; i++)
		if (!ws_find_entry(d->b, d->a->entries[i].to))
			ws_add(d->out, "removed entry at %s",
			       ws_name_of(d->a, d->ia, d->a->entries[i].to));
}

static const char *ws_persona_name(const struct mot_persona *p)
{
	return !util_str_empty(p->name) ? p->name : p->key ? p->key : "?";
}

static void ws_diff_persona(struct ws_lines *l, const struct mot_persona *a,
			    const struct mot_persona *b)
{
	char who[512];

	snprintf(who, sizeof who, "persona '%s'", ws_persona_name(b));
	if (!util_streq(ws_persona_name(a), ws_persona_name(b)))
		ws_add(l, "%s: renamed from '%s'", who, ws_persona_name(a));
	ws_diff_number(l, who, "share", a->share, b->share, "");
	ws_diff_number(l, who, "sensitivity", a->emotion_sensitivity,
		       b->emotion_sensitivity, "");
	if (a->patience != b->patience)
		ws_add(l, "%s: patience %d -> %d", who, a->patience,
		       b->patience);
	ws_diff_number(l, who, "explore bias", a->explore_bias,
		       b->explore_bias, "");
	if (!util_streq(a->description, b->description) &&
	    !(util_str_empty(a->description) && util_str_empty(b->description)))
		ws_add(l, "%s: description changed", who);
}

static void ws_diff_personas(struct ws_diff *d)
{
	for (size_t i = 0; i < d->b->n_personas; i++) {
		const struct mot_persona *b = &d->b->personas[i];
		long k = b->key ? model_persona_find(d->a, b->key) : -1;

		if (k < 0)
			ws_add(d->out, "added persona '%s'", ws_persona_name(b));
		else
			ws_diff_persona(d->out, &d->a->personas[k], b);
	}
	for (size_t i = 0; i < d->a->n_personas; i++) {
		const struct mot_persona *a = &d->a->personas[i];

		if (!a->key || model_persona_find(d->b, a->key) < 0)
			ws_add(d->out, "removed persona '%s'", ws_persona_name(a));
	}
}

size_t ws_changes(const struct mot_journey *base, const struct mot_journey *cur,
		  char ***lines)
{
	struct ws_lines l = { NULL, 0, 0 };
	struct ws_diff d = { base, cur, NULL, NULL, &l };

	*lines = NULL;
	if (!base || !cur)
		return 0;
	d.ia = ws_tp_index(base);
	d.ib = ws_tp_index(cur);
	ws_diff_touchpoints(&d);
	ws_diff_entries(&d);
	ws_diff_personas(&d);
	free(d.ia);
	free(d.ib);
	*lines = l.v;
	return l.n;
}
