/*
 * log_fit.c - a journey's entries, weights and drops fitted to a log.
 *
 * At each touchpoint the walk of the plain chain is one draw from a
 * categorical distribution: end here (the drop), or go on to one of the
 * next touchpoints.  The maximum-likelihood estimate is the observed
 * shares; with a Dirichlet prior centred on the design, of strength
 * `prior` pseudo-cases, the posterior mean is (count + prior * designed
 * share) / (visits + prior): a touchpoint seen a million times follows
 * the log, one seen twice stays close to the design, and a designed
 * transition nobody took keeps a small weight instead of vanishing.
 * The formulas are in log.h and mot(1).
 */
#include "log.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Four significant digits: what a person would type, and close enough
 * (a relative error of 5e-5) for anything the log can tell. */
static double log_fit_round(double v)
{
	double scale;

	if (!(v > 0) || !isfinite(v))
		return 0;
	scale = pow(10, 3 - floor(log10(v)));
	return round(v * scale) / scale;
}

/* The edges out of each touchpoint: order[start[t] .. start[t + 1]). */
static size_t *log_fit_order(const struct log_comparison *c, size_t **start)
{
	size_t *order = xmalloc((c->n_edges + 1) * sizeof *order);
	size_t *fill = xcalloc(c->n + 1, sizeof *fill);

	*start = xcalloc(c->n + 1, sizeof **start);
	for (size_t e = 0; e < c->n_edges; e++)
		(*start)[c->edges[e].from + 1]++;
	for (size_t t = 0; t < c->n; t++)
		(*start)[t + 1] += (*start)[t];
	for (size_t e = 0; e < c->n_edges; e++) {
		size_t t = c->edges[e].from;
		order[(*start)[t] + fill[t]++] = e;
	}
	free(fill);
	return order;
}

static void log_fit_add(struct mot_touchpoint *tp, const char *to,
			double weight, const char *label, size_t *cap)
{
	util_reserve((void **)&tp->next, cap, tp->n_next + 1, sizeof *tp->next);
	tp->next[tp->n_next++] = (struct mot_transition){
		xstrdup(to), weight, xstrdup(label), 0 };
}

/* Label of the designed transition t -> to, or NULL. */
static const char *log_fit_label(const struct mot_touchpoint *tp,
				 const char *to)
{
	for (size_t k = 0; k < tp->n_next; k++)
		if (strcmp(tp->next[k].to, to) == 0)
			return tp->next[k].label;
	return NULL;
}

/* One touchpoint: its drop and transitions from the counts (see log.h). */
static void log_fit_touchpoint(const struct mot_journey *j,
			       const struct log_comparison *c,
			       const size_t *order, size_t first, size_t last,
			       size_t t, double prior, struct mot_touchpoint *out)
{
	const struct mot_touchpoint *tp = &j->touchpoints[t];
	double v = (double)c->tp[t].visits, end = (double)c->tp[t].ends;
	double d = tp->n_next ? tp->drop : 1;
	double moves = v - end + prior * (1 - d);
	size_t cap = 0;

	out->version = 0;
	for (size_t k = 0; k < out->n_next; k++)
		out->next[k].version = 0;
	/* Nothing seen and no prior, or no step out seen or expected: the
	 * log says nothing about where customers go from here. */
	if (v + prior <= 0 || moves <= 0)
		return;
	for (size_t k = 0; k < out->n_next; k++) {
		free(out->next[k].to);
		free(out->next[k].label);
	}
	free(out->next);
	out->next = NULL;
	out->n_next = 0;
	for (size_t i = first; i < last; i++) {
		const struct log_edge *e = &c->edges[order[i]];
		const char *to = j->touchpoints[e->to].key;
		double w = ((double)e->count + (e->designed ? prior * (1 - d) *
							     e->designed_p : 0)) /
			   moves;

		w = log_fit_round(w);
		if (w > 0)
			log_fit_add(out, to, w, log_fit_label(tp, to), &cap);
	}
	/* A touchpoint without a way on ends every walk: its drop does not
	 * matter and stays as designed. */
	if (out->n_next)
		out->drop = fmin(1, log_fit_round((end + prior * d) / (v + prior)));
}

/* Entries from the cases' first touchpoints, with the same prior. */
static void log_fit_entries(const struct mot_journey *j,
			    const struct log_comparison *c, double prior,
			    struct mot_journey *out)
{
	double cases = (double)c->cases;
	size_t cap = 0;

	if (cases + prior <= 0)
		return;
	for (size_t e = 0; e < out->n_entries; e++)
		free(out->entries[e].to);
	free(out->entries);
	out->entries = NULL;
	out->n_entries = 0;
	/* The designed entries in their order, then the others. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t t = 0; t < c->n; t++) {
			double w;

			if ((pass == 0) != (c->entry_designed[t] > 0))
				continue;
			w = log_fit_round(((double)c->first[t] +
					   prior * c->entry_designed[t]) /
					  (cases + prior));
			if (w <= 0)
				continue;
			util_reserve((void **)&out->entries, &cap, out->n_entries + 1,
				     sizeof *out->entries);
			out->entries[out->n_entries++] = (struct mot_entry){
				xstrdup(j->touchpoints[t].key), w };
		}
}

int log_fit(const struct mot_journey *j, const struct mot_log *l,
	    double prior, struct mot_journey *out, char *err, size_t errlen)
{
	struct log_comparison c;
	size_t *order, *start;

	model_journey_init(out);
	if (!(prior >= 0) || !isfinite(prior)) {
		snprintf(err, errlen, "the prior must be a number >= 0");
		return -1;
	}
	if (log_compare(j, l, NULL, &c, err, errlen) != 0)
		return -1;
	if (model_journey_copy(out, j) != 0) {
		log_comparison_free(&c);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	out->version = 0;
	order = log_fit_order(&c, &start);
	for (size_t t = 0; t < j->n_touchpoints; t++)
		log_fit_touchpoint(j, &c, order, start[t], start[t + 1], t, prior,
				   &out->touchpoints[t]);
	log_fit_entries(j, &c, prior, out);
	for (size_t p = 0; p < out->n_personas; p++)
		out->personas[p].version = 0;
	free(order);
	free(start);
	log_comparison_free(&c);
	return 0;
}
