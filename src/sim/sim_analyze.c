/*
 * sim_analyze.c - exact results for the plain chain of a journey.
 *
 * The plain walk (sim.h) is an absorbing Markov chain: from touchpoint i
 * the customer leaves with drop(i), else moves to j with probability
 * Q[i][j] = (1 - drop(i)) w'(i,j) / sum_k w'(i,k), where w' is the weight
 * times the persona's explore_bias on exploration/evaluation transitions.
 * Personas with the same explore_bias share a chain; the results are
 * mixed by persona share.  Only touchpoints an entry reaches take part
 * (an unreachable closed loop would make I - Q singular for nothing).
 *
 *   expected visits   v = alpha N, N = (I - Q)^-1       (solve (I-Q)^T v = alpha)
 *   conversion        P = alpha h, h = P(reach C)       ((I-Q') h = 1_C, where Q'
 *                     is Q with the rows of conversion touchpoints C zeroed:
 *                     a conversion is counted at the first one reached)
 *   removal effect    1 - P(without t) / P, and P - P(without t) = g(t) h(t),
 *                     g(t) = P(reach t before C) = (alpha N')_t / N'_tt.
 *
 * Journeys are sparse graphs, so is I - Q: sparse LDU factors
 * (sim_sparse.c) of I - Q and I - Q', two solves, and the diagonal of N'
 * by selected inversion on the factors' pattern.  The ordering and the
 * pattern are worked out once for all personas.  A journey of 10,000
 * touchpoints and 50,000 transitions takes well under a second.
 */
#include "sim_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_sparse_int.h"
#include "util.h"

/* A pivot smaller than this means a loop customers (almost) never leave. */
#define ANALYZE_TINY 1e-13

/* --- one chain ----------------------------------------------------------- */

struct analyze_chain {
	const struct mot_journey *j;
	const struct sim_graph *g;
	size_t m;          /* touchpoints taking part */
	size_t *node;      /* chain index -> touchpoint */
	long *idx;         /* touchpoint -> chain index, -1 */
	double *alpha;     /* start distribution */
	/* Q's pattern: the transitions of the touchpoints taking part */
	size_t *row;
	uint32_t *col;
	struct sp_pattern q;
	struct sp_symbolic *sym;
	struct sp_progress *pr;
};

/* Q's values for one explore_bias (conv_absorbs: Q', with the rows of
 * conversion touchpoints zeroed), in the order of the pattern. */
static void analyze_fill(const struct analyze_chain *c, double bias,
			 bool conv_absorbs, double *qx)
{
	for (size_t r = 0; r < c->m; r++) {
		const struct mot_touchpoint *tp = &c->j->touchpoints[c->node[r]];
		size_t e0 = c->g->first[c->node[r]];
		double sum = 0;

		for (size_t k = 0; k < tp->n_next; k++)
			sum += tp->next[k].weight * (sim_explore_edge(tp,
				&c->j->touchpoints[c->g->to[e0 + k]]) ? bias : 1);
		for (size_t k = 0; k < tp->n_next; k++) {
			const struct mot_touchpoint *b =
				&c->j->touchpoints[c->g->to[e0 + k]];
			qx[c->row[r] + k] = conv_absorbs && tp->conversion ? 0 :
				(1 - tp->drop) * tp->next[k].weight *
				(sim_explore_edge(tp, b) ? bias : 1) / sum;
		}
	}
}

static struct sp_lu *analyze_factor(const struct analyze_chain *c,
				    const double *qx, char *err, size_t errlen)
{
	struct sp_lu *f;
	size_t bad = 0;

	f = sp_factor(c->sym, &c->q, qx, ANALYZE_TINY, &bad, c->pr);
	if (!f)
		snprintf(err, errlen, "journey '%s': the walk practically never "
			 "ends: customers hardly ever leave the loop through "
			 "'%s'", c->j->key ? c->j->key : "?",
			 c->j->touchpoints[c->node[bad]].key);
	return f;
}

/* Expected visits and where walks end, from I - Q. */
static int analyze_visits(const struct analyze_chain *c, double bias,
			  double share, struct analyze_result *out,
			  double *qx, double *v, char *err, size_t errlen)
{
	struct sp_lu *f;

	analyze_fill(c, bias, false, qx);
	f = analyze_factor(c, qx, err, errlen);
	if (!f)
		return -1;
	sp_solve_t(f, c->alpha, v);
	sp_lu_free(f);
	for (size_t r = 0; r < c->m; r++) {
		const struct mot_touchpoint *tp = &c->j->touchpoints[c->node[r]];
		size_t t = c->node[r];
		out->expected_visits[t] += share * v[r];
		out->p_drop_at[t] += share * v[r] * tp->drop;
		if (tp->n_next == 0)
			out->p_exit_at[t] += share * v[r] * (1 - tp->drop);
	}
	return 0;
}

/* Add share * (this chain's results) to out; lost[t] gets share * g h. */
static int analyze_chain_add(const struct analyze_chain *c, double bias,
			     double share, struct analyze_result *out,
			     double *lost, char *err, size_t errlen)
{
	size_t m = c->m;
	double *qx = xcalloc(c->row[m] + 1, sizeof *qx);
	double *v = xcalloc(m + 1, sizeof *v), *h = xcalloc(m + 1, sizeof *h);
	double *b = xcalloc(m + 1, sizeof *b), *diag = xcalloc(m + 1, sizeof *diag);
	double conv = 0;
	struct sp_lu *f = NULL;
	int rc = -1;

	if (analyze_visits(c, bias, share, out, qx, v, err, errlen) != 0)
		goto out;
	/* The chain stopped at the first purchase. */
	analyze_fill(c, bias, true, qx);
	f = analyze_factor(c, qx, err, errlen);
	if (!f)
		goto out;
	for (size_t r = 0; r < m; r++)
		b[r] = c->j->touchpoints[c->node[r]].conversion ? 1.0 : 0.0;
	sp_solve(f, b, h);
	sp_solve_t(f, c->alpha, v);
	sp_inv_diag(f, diag, c->pr);
	for (size_t r = 0; r < m; r++) {
		const struct mot_touchpoint *tp = &c->j->touchpoints[c->node[r]];
		conv += c->alpha[r] * h[r];
		/* v: visits before buying; a buyer's walk ends after. */
		if (!tp->conversion) {
			out->p_drop_unbought += share * v[r] * tp->drop;
			if (tp->n_next == 0)
				out->p_exit_unbought += share * v[r] *
							(1 - tp->drop);
		}
	}
	out->conversion += share * conv;
	for (size_t r = 0; r < m; r++)
		if (v[r] != 0 && h[r] != 0)
			lost[c->node[r]] += share * v[r] / diag[r] * h[r];
	rc = 0;
out:
	sp_lu_free(f);
	free(qx);
	free(v);
	free(h);
	free(b);
	free(diag);
	return rc;
}

/* Q's pattern over the touchpoints taking part, and its symbolic factors. */
static int analyze_pattern(struct analyze_chain *c, char *err, size_t errlen)
{
	const struct sim_graph *g = c->g;
	size_t e = 0;

	c->row = xcalloc(c->m + 1, sizeof *c->row);
	for (size_t r = 0; r < c->m; r++) {
		c->row[r] = e;
		e += g->first[c->node[r] + 1] - g->first[c->node[r]];
	}
	c->row[c->m] = e;
	c->col = xcalloc(e + 1, sizeof *c->col);
	for (size_t r = 0; r < c->m; r++)
		for (size_t k = g->first[c->node[r]]; k < g->first[c->node[r] + 1];
		     k++)
			c->col[c->row[r] + k - g->first[c->node[r]]] =
				(uint32_t)c->idx[g->to[k]];
	c->q = (struct sp_pattern){ c->m, c->row, c->col };
	c->sym = sp_analyze(&c->q);
	if (!c->sym) {
		snprintf(err, errlen, "journey '%s': out of memory ordering the "
			 "touchpoints", c->j->key ? c->j->key : "?");
		return -1;
	}
	return 0;
}

static void analyze_chain_init(struct analyze_chain *c,
			       const struct mot_journey *j,
			       const struct sim_graph *g, struct sp_progress *pr)
{
	double sum = 0;

	memset(c, 0, sizeof *c);
	c->j = j;
	c->g = g;
	c->pr = pr;
	c->node = xcalloc(g->n + 1, sizeof *c->node);
	c->idx = xcalloc(g->n + 1, sizeof *c->idx);
	for (size_t i = 0; i < g->n; i++) {
		c->idx[i] = g->reached[i] ? (long)c->m : -1;
		if (g->reached[i])
			c->node[c->m++] = i;
	}
	c->alpha = xcalloc(c->m + 1, sizeof *c->alpha);
	for (size_t i = 0; i < j->n_entries; i++)
		sum += j->entries[i].weight;
	for (size_t i = 0; i < j->n_entries; i++)
		c->alpha[c->idx[g->entry[i]]] += j->entries[i].weight / sum;
}

static void analyze_chain_free(struct analyze_chain *c)
{
	free(c->node);
	free(c->idx);
	free(c->alpha);
	free(c->row);
	free(c->col);
	sp_symbolic_free(c->sym);
}

/* --- the journey --------------------------------------------------------- */

static void analyze_alloc(struct analyze_result *r, size_t n)
{
	memset(r, 0, sizeof *r);
	r->n = n;
	r->expected_visits = xcalloc(n + 1, sizeof(double));
	r->removal_effect = xcalloc(n + 1, sizeof(double));
	r->p_drop_at = xcalloc(n + 1, sizeof(double));
	r->p_exit_at = xcalloc(n + 1, sizeof(double));
}

void analyze_result_free(struct analyze_result *r)
{
	free(r->expected_visits);
	free(r->removal_effect);
	free(r->p_drop_at);
	free(r->p_exit_at);
	memset(r, 0, sizeof *r);
}

/* The explore_bias of persona k (the default one without personas). */
static double analyze_bias(const struct mot_journey *j, size_t k)
{
	return j->n_personas ? j->personas[k].explore_bias :
	       MOT_DEFAULT_EXPLORE_BIAS;
}

/* Personas that share an explore_bias share a chain: group[k] is the
 * first persona of k's chain, shares summed there.  Returns the chains. */
static size_t analyze_groups(const struct mot_journey *j, const char *persona,
			     size_t np, size_t *group, double *share)
{
	size_t chains = 0;

	for (size_t k = 0; k < np; k++) {
		group[k] = k;
		for (size_t l = 0; l < k; l++)
			if (group[l] == l && analyze_bias(j, l) == analyze_bias(j, k)) {
				group[k] = l;
				break;
			}
		share[group[k]] += sim_persona_share(j, persona, k);
	}
	for (size_t k = 0; k < np; k++)
		chains += group[k] == k && share[k] > 0;
	return chains;
}

static int analyze_personas(const struct mot_journey *j, const char *persona,
			    struct analyze_chain *c, struct analyze_result *out,
			    double *lost, char *err, size_t errlen)
{
	size_t np = j->n_personas ? j->n_personas : 1;
	size_t *group = xcalloc(np, sizeof *group);
	double *share = xcalloc(np, sizeof *share), total = 0;
	int rc = 0;

	/* Per chain: two factorizations and the inverse's diagonal. */
	c->pr->total = 3 * (uint64_t)c->m *
		       analyze_groups(j, persona, np, group, share);
	for (size_t k = 0; k < np; k++)
		total += group[k] == k ? share[k] : 0;
	for (size_t k = 0; k < np && rc == 0; k++)
		if (group[k] == k && share[k] > 0)
			rc = analyze_chain_add(c, analyze_bias(j, k),
					       share[k] / total, out, lost, err,
					       errlen);
	free(group);
	free(share);
	return rc;
}

int analyze_journey(const struct mot_journey *j, const char *persona,
		    struct analyze_result *out, char *err, size_t errlen)
{
	return analyze_journey_progress(j, persona, NULL, NULL, out, err,
					errlen);
}

int analyze_journey_progress(const struct mot_journey *j, const char *persona,
			     sim_progress_fn progress, void *ctx,
			     struct analyze_result *out, char *err,
			     size_t errlen)
{
	struct sp_progress pr = { progress, ctx, 0, 0 };
	struct sim_graph g;
	struct analyze_chain c;
	double *lost;
	int rc;

	memset(out, 0, sizeof *out);
	if (sim_graph_check(j, persona, true, false, &g, err, errlen) != 0)
		return -1;
	analyze_alloc(out, j->n_touchpoints);
	analyze_chain_init(&c, j, &g, &pr);
	lost = xcalloc(g.n + 1, sizeof *lost);
	rc = analyze_pattern(&c, err, errlen);
	if (rc == 0)
		rc = analyze_personas(j, persona, &c, out, lost, err, errlen);
	for (size_t t = 0; rc == 0 && t < g.n; t++) {
		out->expected_steps += out->expected_visits[t];
		out->p_drop += out->p_drop_at[t];
		out->p_exit += out->p_exit_at[t];
		/* A share: rounding must not take it past 0 or 1. */
		out->removal_effect[t] = out->conversion > 0 ?
			fmin(1.0, fmax(0.0, lost[t] / out->conversion)) : 0;
	}
	/* The end, also when a chain was refused half-way. */
	if (progress)
		progress(ctx, pr.total, pr.total);
	free(lost);
	analyze_chain_free(&c);
	sim_graph_free(&g);
	if (rc != 0)
		analyze_result_free(out);
	return rc;
}
