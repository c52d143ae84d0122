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
 * All from one dense LU with partial pivoting of I - Q and one of I - Q'.
 * The diagonal of N' comes from the factors: N'_tt = e_t U^-1 . L^-1 P e_t,
 * both vectors zero before t (resp. t's pivot row), m^3/3 flops in all.
 */
#include "sim_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A pivot smaller than this means a loop customers (almost) never leave. */
#define ANALYZE_TINY 1e-13

struct analyze_lu {
	size_t m;
	double *a;     /* L below the diagonal (unit diagonal), U on and above */
	size_t *piv;   /* row i of PA is row piv[i] of A */
	size_t *pos;   /* inverse of piv */
};

#define LU(f, i, j) ((f)->a[(i) * (f)->m + (j)])

/* Factor in place; returns -1 and the row where the pivot vanished. */
static int analyze_lu_factor(struct analyze_lu *f, size_t *bad)
{
	size_t m = f->m;

	for (size_t i = 0; i < m; i++)
		f->piv[i] = i;
	for (size_t k = 0; k < m; k++) {
		size_t p = k;
		double best = fabs(LU(f, k, k));

		for (size_t i = k + 1; i < m; i++)
			if (fabs(LU(f, i, k)) > best) {
				best = fabs(LU(f, i, k));
				p = i;
			}
		if (best < ANALYZE_TINY) {
			*bad = f->piv[k];
			return -1;
		}
		if (p != k) {
			size_t t = f->piv[p];
			f->piv[p] = f->piv[k];
			f->piv[k] = t;
			for (size_t j = 0; j < m; j++) {
				double x = LU(f, p, j);
				LU(f, p, j) = LU(f, k, j);
				LU(f, k, j) = x;
			}
		}
		for (size_t i = k + 1; i < m; i++) {
			double *ri = &LU(f, i, 0), *rk = &LU(f, k, 0), l;
			/* Journeys are sparse: most rows need nothing. */
			if (ri[k] == 0)
				continue;
			l = ri[k] / rk[k];
			ri[k] = l;
			for (size_t j = k + 1; j < m; j++)
				ri[j] -= l * rk[j];
		}
	}
	for (size_t i = 0; i < m; i++)
		f->pos[f->piv[i]] = i;
	return 0;
}

/* A x = b (x and b may not alias). */
static void analyze_lu_solve(const struct analyze_lu *f, const double *b,
			     double *x)
{
	size_t m = f->m;

	for (size_t i = 0; i < m; i++) {
		double s = b[f->piv[i]];
		for (size_t j = 0; j < i; j++)
			s -= LU(f, i, j) * x[j];
		x[i] = s;
	}
	for (size_t i = m; i-- > 0;) {
		double s = x[i];
		for (size_t j = i + 1; j < m; j++)
			s -= LU(f, i, j) * x[j];
		x[i] = s / LU(f, i, i);
	}
}

/* A^T x = b: U^T w = b, L^T u = w, x = P^T u; row-wise updates so that
 * the factors are read along their rows. */
static void analyze_lu_solve_t(const struct analyze_lu *f, const double *b,
			       double *x, double *tmp)
{
	size_t m = f->m;

	memcpy(tmp, b, m * sizeof *tmp);
	for (size_t j = 0; j < m; j++) {
		double z = tmp[j] / LU(f, j, j);
		tmp[j] = z;
		if (z != 0)
			for (size_t k = j + 1; k < m; k++)
				tmp[k] -= LU(f, j, k) * z;
	}
	for (size_t j = m; j-- > 0;) {
		double u = tmp[j];
		if (u != 0)
			for (size_t k = 0; k < j; k++)
				tmp[k] -= LU(f, j, k) * u;
	}
	for (size_t i = 0; i < m; i++)
		x[f->piv[i]] = tmp[i];
}

/* (A^-1)_tt = (e_t^T U^-1) . (L^-1 P e_t). */
static double analyze_inv_diag(const struct analyze_lu *f, size_t t,
			       double *y, double *z)
{
	size_t m = f->m, p = f->pos[t], from = p > t ? p : t;
	double d = 0;

	for (size_t k = p; k < m; k++) {
		double s = k == p ? 1.0 : 0.0;
		for (size_t j = p; j < k; j++)
			s -= LU(f, k, j) * y[j];
		y[k] = s;
	}
	for (size_t k = t; k < m; k++)
		z[k] = k == t ? 1.0 : 0.0;
	for (size_t j = t; j < m; j++) {
		double zj = z[j] / LU(f, j, j);
		z[j] = zj;
		if (zj != 0)
			for (size_t k = j + 1; k < m; k++)
				z[k] -= LU(f, j, k) * zj;
	}
	for (size_t k = from; k < m; k++)
		d += z[k] * y[k];
	return d;
}

/* --- one chain ----------------------------------------------------------- */

struct analyze_chain {
	const struct mot_journey *j;
	const struct sim_graph *g;
	size_t m;          /* touchpoints taking part */
	size_t *node;      /* chain index -> touchpoint */
	long *idx;         /* touchpoint -> chain index, -1 */
	double *alpha;     /* start distribution */
};

/* I - Q (conv_absorbs: with the rows of conversion touchpoints zeroed). */
static void analyze_fill(const struct analyze_chain *c, double bias,
			 bool conv_absorbs, double *a)
{
	size_t m = c->m;

	memset(a, 0, m * m * sizeof *a);
	for (size_t r = 0; r < m; r++) {
		const struct mot_touchpoint *tp = &c->j->touchpoints[c->node[r]];
		size_t e0 = c->g->first[c->node[r]];
		double sum = 0;

		a[r * m + r] = 1.0;
		if (conv_absorbs && tp->conversion)
			continue;
		for (size_t k = 0; k < tp->n_next; k++)
			sum += tp->next[k].weight * (sim_explore_edge(tp,
				&c->j->touchpoints[c->g->to[e0 + k]]) ? bias : 1);
		for (size_t k = 0; k < tp->n_next; k++) {
			const struct mot_touchpoint *b =
				&c->j->touchpoints[c->g->to[e0 + k]];
			size_t col = (size_t)c->idx[c->g->to[e0 + k]];
			a[r * m + col] -= (1 - tp->drop) * tp->next[k].weight *
					  (sim_explore_edge(tp, b) ? bias : 1) / sum;
		}
	}
}

static int analyze_factor(const struct analyze_chain *c, struct analyze_lu *f,
			  char *err, size_t errlen)
{
	size_t bad;

	if (analyze_lu_factor(f, &bad) == 0)
		return 0;
	snprintf(err, errlen, "journey '%s': the walk practically never ends: "
		 "customers hardly ever leave the loop through '%s'",
		 c->j->key ? c->j->key : "?",
		 c->j->touchpoints[c->node[bad]].key);
	return -1;
}

/* Add share * (this chain's results) to out; lost[t] gets share * g h. */
static int analyze_chain_add(const struct analyze_chain *c, double bias,
			     double share, struct analyze_result *out,
			     double *lost, char *err, size_t errlen)
{
	size_t m = c->m;
	struct analyze_lu f = { m, xcalloc(m * m + 1, sizeof(double)),
				xcalloc(m + 1, sizeof(size_t)),
				xcalloc(m + 1, sizeof(size_t)) };
	double *v = xcalloc(m + 1, sizeof *v), *h = xcalloc(m + 1, sizeof *h);
	double *b = xcalloc(m + 1, sizeof *b), *y = xcalloc(m + 1, sizeof *y);
	double *z = xcalloc(m + 1, sizeof *z), *tmp = xcalloc(m + 1, sizeof *tmp);
	double conv = 0;
	int rc = -1;

	analyze_fill(c, bias, false, f.a);
	if (analyze_factor(c, &f, err, errlen) != 0)
		goto out;
	analyze_lu_solve_t(&f, c->alpha, v, tmp);
	for (size_t r = 0; r < m; r++) {
		const struct mot_touchpoint *tp = &c->j->touchpoints[c->node[r]];
		size_t t = c->node[r];
		out->expected_visits[t] += share * v[r];
		out->p_drop_at[t] += share * v[r] * tp->drop;
		if (tp->n_next == 0)
			out->p_exit_at[t] += share * v[r] * (1 - tp->drop);
	}
	/* The chain stopped at the first purchase. */
	analyze_fill(c, bias, true, f.a);
	if (analyze_factor(c, &f, err, errlen) != 0)
		goto out;
	for (size_t r = 0; r < m; r++)
		b[r] = c->j->touchpoints[c->node[r]].conversion ? 1.0 : 0.0;
	analyze_lu_solve(&f, b, h);
	analyze_lu_solve_t(&f, c->alpha, v, tmp);
	for (size_t r = 0; r < m; r++)
		conv += c->alpha[r] * h[r];
	out->conversion += share * conv;
	for (size_t r = 0; r < m; r++)
		if (v[r] != 0 && h[r] != 0)
			lost[c->node[r]] += share * v[r] /
				analyze_inv_diag(&f, r, y, z) * h[r];
	rc = 0;
out:
	free(f.a);
	free(f.piv);
	free(f.pos);
	free(v);
	free(h);
	free(b);
	free(y);
	free(z);
	free(tmp);
	return rc;
}

static void analyze_chain_init(struct analyze_chain *c,
			       const struct mot_journey *j,
			       const struct sim_graph *g)
{
	double sum = 0;

	c->j = j;
	c->g = g;
	c->m = 0;
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

/* Personas that share an explore_bias share a chain. */
static int analyze_personas(const struct mot_journey *j, const char *persona,
			    const struct analyze_chain *c,
			    struct analyze_result *out, double *lost,
			    char *err, size_t errlen)
{
	size_t np = j->n_personas ? j->n_personas : 1;
	bool *done = xcalloc(np, sizeof *done);
	double total = 0;
	int rc = 0;

	for (size_t k = 0; k < np; k++)
		total += sim_persona_share(j, persona, k);
	for (size_t k = 0; k < np && rc == 0; k++) {
		double bias = j->n_personas ? j->personas[k].explore_bias :
			      MOT_DEFAULT_EXPLORE_BIAS, share = 0;
		if (done[k])
			continue;
		for (size_t l = k; l < np; l++) {
			double bl = j->n_personas ? j->personas[l].explore_bias :
				    MOT_DEFAULT_EXPLORE_BIAS;
			if (!done[l] && bl == bias) {
				share += sim_persona_share(j, persona, l);
				done[l] = true;
			}
		}
		if (share > 0)
			rc = analyze_chain_add(c, bias, share / total, out, lost,
					       err, errlen);
	}
	free(done);
	return rc;
}

int analyze_journey(const struct mot_journey *j, const char *persona,
		    struct analyze_result *out, char *err, size_t errlen)
{
	struct sim_graph g;
	struct analyze_chain c;
	double *lost;
	int rc;

	memset(out, 0, sizeof *out);
	if (sim_graph_check(j, persona, true, false, &g, err, errlen) != 0)
		return -1;
	analyze_alloc(out, j->n_touchpoints);
	analyze_chain_init(&c, j, &g);
	lost = xcalloc(g.n + 1, sizeof *lost);
	rc = analyze_personas(j, persona, &c, out, lost, err, errlen);
	for (size_t t = 0; rc == 0 && t < g.n; t++) {
		out->expected_steps += out->expected_visits[t];
		out->p_drop += out->p_drop_at[t];
		out->p_exit += out->p_exit_at[t];
		/* A share: rounding must not take it past 0 or 1. */
		out->removal_effect[t] = out->conversion > 0 ?
			fmin(1.0, fmax(0.0, lost[t] / out->conversion)) : 0;
	}
	free(lost);
	analyze_chain_free(&c);
	sim_graph_free(&g);
	if (rc != 0)
		analyze_result_free(out);
	return rc;
}
