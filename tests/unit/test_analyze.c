/*
 * test_analyze.c - the exact analysis of the plain chain against results
 * worked out by hand, and its refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>

#include <cmocka.h>

#include "../../bench/bench_journey.h"
#include "sim.h"
#include "test_sim_fixture.h"
#include "yamlio.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-12)

static long idx(const struct mot_journey *j, const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	return i;
}

/* a (drop 0.5) -> b (buys, drop 1): half the customers buy. */
static void test_two_steps(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "two");
	fx_tp(&j, "a", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.5);
	fx_tp(&j, "b", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1.0)->conversion = true;
	fx_next(&j, "a", "b", 1);
	fx_entry(&j, "a", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 0.5);
	NEAR(a.expected_visits[0], 1.0);
	NEAR(a.expected_visits[1], 0.5);
	NEAR(a.expected_steps, 1.5);
	NEAR(a.p_drop_at[0], 0.5);
	NEAR(a.p_drop_at[1], 0.5);
	NEAR(a.p_drop, 1.0);
	NEAR(a.p_exit, 0.0);
	NEAR(a.removal_effect[0], 1.0);
	NEAR(a.removal_effect[1], 1.0);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/*
 * a <-> b loop, b -> c (buys, exits): h_a = 8/17; visits a = 25/17,
 * b = 20/17, c = 8/17 (solved by hand from h = Qh + r and v = alpha + vQ).
 */
static void test_loop(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "loop");
	fx_tp(&j, "a", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0.2);
	fx_tp(&j, "b", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, 0.2);
	fx_tp(&j, "c", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.0)->conversion = true;
	fx_next(&j, "a", "b", 1);
	fx_next(&j, "b", "a", 1);
	fx_next(&j, "b", "c", 1);
	fx_entry(&j, "a", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 8.0 / 17);
	NEAR(a.expected_visits[0], 25.0 / 17);
	NEAR(a.expected_visits[1], 20.0 / 17);
	NEAR(a.expected_visits[2], 8.0 / 17);
	NEAR(a.p_exit_at[2], 8.0 / 17);
	NEAR(a.p_exit, 8.0 / 17);
	NEAR(a.p_drop + a.p_exit, 1.0);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/* Two routes to the purchase: removing one loses only its share. */
static void test_removal_two_routes(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "routes");
	fx_tp(&j, "s", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "x", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.5);
	fx_tp(&j, "y", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "c", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1.0)->conversion = true;
	fx_next(&j, "s", "x", 1);
	fx_next(&j, "s", "y", 1);
	fx_next(&j, "x", "c", 1);
	fx_next(&j, "y", "c", 1);
	fx_entry(&j, "s", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 0.75);
	NEAR(a.removal_effect[idx(&j, "s")], 1.0);
	NEAR(a.removal_effect[idx(&j, "x")], 1.0 / 3);
	NEAR(a.removal_effect[idx(&j, "y")], 2.0 / 3);
	NEAR(a.removal_effect[idx(&j, "c")], 1.0);
	NEAR(a.expected_visits[idx(&j, "c")], 0.75);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/* A conversion reached after another counts once: removal of the second
 * one only loses the customers who reach it first. */
static void test_removal_second_conversion(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "twice");
	fx_tp(&j, "s", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "shop", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.0)->conversion = true;
	fx_tp(&j, "web", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.0)->conversion = true;
	fx_tp(&j, "end", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0.0);
	fx_next(&j, "s", "shop", 1);
	fx_next(&j, "s", "web", 3);
	fx_next(&j, "shop", "web", 1);
	fx_next(&j, "web", "end", 1);
	fx_entry(&j, "s", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 1.0);
	NEAR(a.removal_effect[idx(&j, "shop")], 0.25);
	NEAR(a.removal_effect[idx(&j, "web")], 0.75);
	NEAR(a.removal_effect[idx(&j, "end")], 0.0);
	NEAR(a.expected_visits[idx(&j, "web")], 1.0);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/*
 * explore_bias scales the search <-> compare loop: for bias b the chance
 * to buy is 0.81 / (1 + 0.19 b); personas mix by share, and --persona
 * picks one.
 */
static void test_personas_mix(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];
	double p1 = 0.81 / (1 + 0.19 * 0.5), p2 = 0.81 / (1 + 0.19 * 2.0);

	(void)state;
	fx_journey(&j, "mix");
	fx_tp(&j, "search", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0.1);
	fx_tp(&j, "compare", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, 0.1);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1.0)->conversion = true;
	fx_next(&j, "search", "compare", 1);
	fx_next(&j, "compare", "search", 1);
	fx_next(&j, "compare", "buy", 1);
	fx_entry(&j, "search", 1);
	fx_persona(&j, "quick", 0.6, 0.5);
	fx_persona(&j, "careful", 0.4, 2.0);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 0.6 * p1 + 0.4 * p2);
	analyze_result_free(&a);
	assert_int_equal(analyze_journey(&j, "careful", &a, err, sizeof err), 0);
	NEAR(a.conversion, p2);
	analyze_result_free(&a);
	assert_int_equal(analyze_journey(&j, "nobody", &a, err, sizeof err), -1);
	assert_non_null(strstr(err, "no persona 'nobody'"));
	model_journey_free(&j);
}

/* A closed loop without drop: the walk never ends; the message names a
 * touchpoint of the loop.  One no entry reaches does not matter. */
static void test_trap(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "trap");
	fx_tp(&j, "in", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.0)->conversion = true;
	fx_tp(&j, "loop1", MOT_STAGE_SMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "loop2", MOT_STAGE_SMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "far1", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0.0);
	fx_tp(&j, "far2", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0.0);
	fx_next(&j, "in", "buy", 1);
	fx_next(&j, "far1", "far2", 1);
	fx_next(&j, "far2", "far1", 1);
	fx_entry(&j, "in", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	NEAR(a.conversion, 1.0);
	NEAR(a.expected_visits[idx(&j, "far1")], 0.0);
	analyze_result_free(&a);

	fx_next(&j, "buy", "loop1", 1);
	fx_next(&j, "loop1", "loop2", 1);
	fx_next(&j, "loop2", "loop1", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), -1);
	assert_non_null(strstr(err, "never ends"));
	assert_true(strstr(err, "'loop1'") || strstr(err, "'loop2'"));

	/* A drop of 1e-15 is a way out on paper only. */
	j.touchpoints[idx(&j, "loop2")].drop = 1e-15;
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), -1);
	assert_non_null(strstr(err, "never ends"));
	model_journey_free(&j);
}

static void test_impossible(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_journey(&j, "nothing");
	fx_tp(&j, "a", MOT_STAGE_ZMOT, MOT_PHASE_NONE, 0.5);
	fx_tp(&j, "b", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1.0)->conversion = true;
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), -1);
	assert_non_null(strstr(err, "no entry"));
	fx_entry(&j, "a", 1);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot convert"));
	model_journey_free(&j);
}

/* Removal effects add up to what a chain of single routes implies: on the
 * test shop every figure stays within 0..1 and visits are positive. */
static void test_shop_ranges(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];

	(void)state;
	fx_shop(&j);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	assert_true(a.conversion > 0 && a.conversion < 1);
	NEAR(a.p_drop + a.p_exit, 1.0);
	for (size_t i = 0; i < a.n; i++) {
		assert_true(a.removal_effect[i] >= -1e-12);
		assert_true(a.removal_effect[i] <= 1 + 1e-12);
		assert_true(a.expected_visits[i] > 0);
	}
	/* Every buyer passes compare and buy; review comes after buying. */
	NEAR(a.removal_effect[idx(&j, "compare")], 1.0);
	NEAR(a.removal_effect[idx(&j, "buy")], 1.0);
	NEAR(a.removal_effect[idx(&j, "review")], 0.0);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/* --- against the definitions, computed apart --------------------------------- */

/*
 * A reference written straight from mot(1): the chain of one persona as a
 * dense matrix, solved by Gaussian elimination with partial pivoting, and
 * each removal effect by removing the touchpoint (whoever reaches it
 * leaves, nobody buys there) and solving again.  Nothing is shared with
 * the engine but the journey.
 */
struct ref {
	size_t n;
	double *q;      /* n x n */
	double *alpha;
};

static bool ref_middle(const struct mot_touchpoint *tp)
{
	return tp->phase == MOT_PHASE_EXPLORATION ||
	       tp->phase == MOT_PHASE_EVALUATION;
}

static void ref_chain(const struct mot_journey *j, double bias, struct ref *r)
{
	size_t n = j->n_touchpoints;
	double sum = 0;

	r->n = n;
	r->q = xcalloc(n * n, sizeof *r->q);
	r->alpha = xcalloc(n, sizeof *r->alpha);
	for (size_t i = 0; i < n; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		double w = 0;
		for (size_t k = 0; k < tp->n_next; k++) {
			const struct mot_touchpoint *b =
				&j->touchpoints[idx(j, tp->next[k].to)];
			w += tp->next[k].weight *
			     (ref_middle(tp) && ref_middle(b) ? bias : 1);
		}
		for (size_t k = 0; k < tp->n_next; k++) {
			long t = idx(j, tp->next[k].to);
			r->q[i * n + (size_t)t] += (1 - tp->drop) * tp->next[k].weight *
				(ref_middle(tp) && ref_middle(&j->touchpoints[t]) ?
				 bias : 1) / w;
		}
	}
	for (size_t e = 0; e < j->n_entries; e++)
		sum += j->entries[e].weight;
	for (size_t e = 0; e < j->n_entries; e++)
		r->alpha[idx(j, j->entries[e].to)] += j->entries[e].weight / sum;
}

/* x solving (I - Q) x = b (transposed: (I - Q)^T x = b). */
static void ref_solve(const struct ref *r, const double *b, double *x,
		      bool transposed)
{
	size_t n = r->n;
	double *a = xcalloc(n * (n + 1), sizeof *a);

	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < n; k++)
			a[i * (n + 1) + k] = (i == k) -
				(transposed ? r->q[k * n + i] : r->q[i * n + k]);
		a[i * (n + 1) + n] = b[i];
	}
	for (size_t c = 0; c < n; c++) {
		size_t p = c;
		for (size_t i = c + 1; i < n; i++)
			if (fabs(a[i * (n + 1) + c]) > fabs(a[p * (n + 1) + c]))
				p = i;
		for (size_t k = 0; k <= n; k++) {
			double t = a[c * (n + 1) + k];
			a[c * (n + 1) + k] = a[p * (n + 1) + k];
			a[p * (n + 1) + k] = t;
		}
		for (size_t i = 0; i < n; i++) {
			double f;
			if (i == c || a[i * (n + 1) + c] == 0)
				continue;
			f = a[i * (n + 1) + c] / a[c * (n + 1) + c];
			for (size_t k = c; k <= n; k++)
				a[i * (n + 1) + k] -= f * a[c * (n + 1) + k];
		}
	}
	for (size_t i = 0; i < n; i++)
		x[i] = a[i * (n + 1) + n] / a[i * (n + 1) + i];
	free(a);
}

/* P(buy) of the chain with the rows of conversions (and `cut`, when not
 * -1: removed) zeroed, and the touchpoint `cut` no longer a purchase. */
static double ref_conversion(const struct mot_journey *j, struct ref *r,
			     long cut)
{
	size_t n = r->n;
	double *keep = xcalloc(n * n, sizeof *keep), *b = xcalloc(n, sizeof *b);
	double *h = xcalloc(n, sizeof *h), p = 0;

	memcpy(keep, r->q, n * n * sizeof *keep);
	for (size_t i = 0; i < n; i++) {
		b[i] = j->touchpoints[i].conversion && (long)i != cut;
		if (j->touchpoints[i].conversion || (long)i == cut)
			memset(&r->q[i * n], 0, n * sizeof *r->q);
	}
	ref_solve(r, b, h, false);
	for (size_t i = 0; i < n; i++)
		p += r->alpha[i] * h[i];
	memcpy(r->q, keep, n * n * sizeof *keep);
	free(keep);
	free(b);
	free(h);
	return p;
}

/* Every figure of analyze within 1e-9 of the reference. */
static void check_reference(const struct mot_journey *j)
{
	size_t n = j->n_touchpoints, np = j->n_personas ? j->n_personas : 1;
	double *visits = xcalloc(n, sizeof *visits), *without = xcalloc(n, sizeof *without);
	double *v = xcalloc(n, sizeof *v), conv = 0, total = 0;
	struct analyze_result a;
	char err[256];

	for (size_t k = 0; k < np; k++)
		total += j->n_personas ? j->personas[k].share : 1;
	for (size_t k = 0; k < np; k++) {
		double share = (j->n_personas ? j->personas[k].share : 1) / total;
		struct ref r;

		ref_chain(j, j->n_personas ? j->personas[k].explore_bias : 1, &r);
		ref_solve(&r, r.alpha, v, true);
		for (size_t i = 0; i < n; i++)
			visits[i] += share * v[i];
		conv += share * ref_conversion(j, &r, -1);
		for (size_t t = 0; t < n; t++)
			without[t] += share * ref_conversion(j, &r, (long)t);
		free(r.q);
		free(r.alpha);
	}
	if (analyze_journey(j, NULL, &a, err, sizeof err) != 0)
		fail_msg("analyze %s: %s", j->key, err);
	if (fabs(a.conversion - conv) > 1e-9)
		fail_msg("%s: conversion %.15f, by definition %.15f", j->key,
			 a.conversion, conv);
	for (size_t t = 0; t < n; t++) {
		double re = 1 - without[t] / conv;
		if (fabs(a.expected_visits[t] - visits[t]) > 1e-9 ||
		    fabs(a.removal_effect[t] - re) > 1e-9)
			fail_msg("%s: %s: visits %.15f (%.15f), removal %.15f (%.15f)",
				 j->key, j->touchpoints[t].key,
				 a.expected_visits[t], visits[t],
				 a.removal_effect[t], re);
	}
	analyze_result_free(&a);
	free(visits);
	free(without);
	free(v);
}

static void test_samples_by_definition(void **state)
{
	size_t n;
	char **files = fx_sample_files(&n);
	struct mot_journey j;

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		struct mot_diags d = { 0 };

		if (yamlio_load_file(files[i], &j, &d) != 0)
			fail_msg("cannot load %s", files[i]);
		check_reference(&j);
		model_journey_free(&j);
		model_diags_free(&d);
		free(files[i]);
	}
	free(files);
	fx_shop(&j);
	check_reference(&j);
	model_journey_free(&j);
	/* Loops back, long loops from sharing to exposure, two personas. */
	bench_journey_make(&j, 150, 5);
	check_reference(&j);
	model_journey_free(&j);
}

/*
 * A journey of 3,000 touchpoints and 15,000 transitions, beyond what the
 * reference above can solve: the expected visits leave no residual in
 * v = alpha + v Q, and removal effects agree with P(buy) worked out by
 * iterating h = Q'h + 1_C with the touchpoint removed.
 */
static double iterate_conversion(const struct mot_journey *j, double bias,
				 long cut)
{
	size_t n = j->n_touchpoints;
	double *h = xcalloc(n, sizeof *h), p = 0, change = 1, sum = 0;

	for (int it = 0; it < 100000 && change > 1e-15; it++) {
		change = 0;
		for (size_t i = n; i-- > 0;) {
			const struct mot_touchpoint *tp = &j->touchpoints[i];
			double w = 0, x = 0;
			if ((long)i == cut || tp->conversion) {
				h[i] = (long)i != cut;
				continue;
			}
			for (size_t k = 0; k < tp->n_next; k++) {
				const struct mot_touchpoint *b =
					&j->touchpoints[atol(tp->next[k].to + 1)];
				double f = tp->next[k].weight *
					   (ref_middle(tp) && ref_middle(b) ? bias : 1);
				w += f;
				x += f * h[atol(tp->next[k].to + 1)];
			}
			x = w > 0 ? (1 - tp->drop) * x / w : 0;
			change = fmax(change, fabs(x - h[i]));
			h[i] = x;
		}
	}
	for (size_t e = 0; e < j->n_entries; e++)
		sum += j->entries[e].weight;
	for (size_t e = 0; e < j->n_entries; e++)
		p += j->entries[e].weight / sum * h[atol(j->entries[e].to + 1)];
	free(h);
	return p;
}

static void test_large_by_iteration(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];
	double share[2], total = 0, total_w = 0, *res;
	size_t n;

	(void)state;
	bench_journey_make(&j, 3000, 5);
	n = j.n_touchpoints;
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	for (int k = 0; k < 2; k++)
		total += share[k] = j.personas[k].share;
	/* Residual of the visits: v_t - alpha_t - sum_i v_i Q_it, mixed. */
	res = xcalloc(n, sizeof *res);
	for (size_t i = 0; i < n; i++)
		res[i] = a.expected_visits[i];
	for (size_t e = 0; e < j.n_entries; e++)
		total_w += j.entries[e].weight;
	for (size_t e = 0; e < j.n_entries; e++)
		res[idx(&j, j.entries[e].to)] -= j.entries[e].weight / total_w;
	for (int k = 0; k < 2; k++) {
		struct analyze_result one;
		assert_int_equal(analyze_journey(&j, j.personas[k].key, &one, err,
						 sizeof err), 0);
		for (size_t i = 0; i < n; i++) {
			const struct mot_touchpoint *tp = &j.touchpoints[i];
			double w = 0, bias = j.personas[k].explore_bias;
			for (size_t e = 0; e < tp->n_next; e++)
				w += tp->next[e].weight * (ref_middle(tp) &&
					ref_middle(&j.touchpoints[atol(tp->next[e].to + 1)]) ?
					bias : 1);
			for (size_t e = 0; e < tp->n_next; e++) {
				size_t t = (size_t)atol(tp->next[e].to + 1);
				res[t] -= share[k] / total * one.expected_visits[i] *
					  (1 - tp->drop) * tp->next[e].weight *
					  (ref_middle(tp) && ref_middle(&j.touchpoints[t]) ?
					   bias : 1) / w;
			}
		}
		analyze_result_free(&one);
	}
	for (size_t i = 0; i < n; i++)
		if (fabs(res[i]) > 1e-9)
			fail_msg("visits of %s leave a residual %g",
				 j.touchpoints[i].key, res[i]);
	for (long t = 1; t < (long)n; t += 311) {
		double without = 0, conv = 0;
		for (int k = 0; k < 2; k++) {
			without += share[k] / total *
				   iterate_conversion(&j, j.personas[k].explore_bias, t);
			conv += share[k] / total *
				iterate_conversion(&j, j.personas[k].explore_bias, -1);
		}
		assert_true(fabs(a.conversion - conv) < 1e-9);
		if (fabs(a.removal_effect[t] - (1 - without / conv)) > 1e-9)
			fail_msg("%s: removal %.12f, by iteration %.12f",
				 j.touchpoints[t].key, a.removal_effect[t],
				 1 - without / conv);
	}
	free(res);
	analyze_result_free(&a);
	model_journey_free(&j);
}

struct seen {
	uint64_t calls, last, total;
	bool rising;
};

static void on_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct seen *s = ctx;

	s->rising &= done >= s->last && done <= total;
	s->last = done;
	s->total = total;
	s->calls++;
}

/* Progress rises to its total: two factorizations and the inverse's
 * diagonal for each of the two personas' chains. */
static void test_progress(void **state)
{
	struct mot_journey j;
	struct analyze_result a;
	struct seen s = { 0, 0, 0, true };
	char err[256];

	(void)state;
	bench_journey_make(&j, 5000, 3);
	assert_int_equal(analyze_journey_progress(&j, NULL, on_progress, &s, &a,
						  err, sizeof err), 0);
	assert_true(s.rising);
	assert_true(s.calls > 10);
	assert_int_equal(s.last, s.total);
	assert_true(s.total >= 2 * 3 * 4000 && s.total <= 2 * 3 * 5000);
	analyze_result_free(&a);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_steps),
		cmocka_unit_test(test_loop),
		cmocka_unit_test(test_removal_two_routes),
		cmocka_unit_test(test_removal_second_conversion),
		cmocka_unit_test(test_personas_mix),
		cmocka_unit_test(test_trap),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_shop_ranges),
		cmocka_unit_test(test_samples_by_definition),
		cmocka_unit_test(test_large_by_iteration),
		cmocka_unit_test(test_progress),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
