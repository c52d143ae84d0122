/*
 * test_sim_stats.c - the intervals of the simulation's statistics: the
 * paired difference of a comparison (Tango's score interval) against its
 * definition and, over many seeds, against the exact difference that
 * `analyze` gives; the unpaired difference (Newcombe) against a published
 * example.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>

#include <cmocka.h>

#include "sim.h"
#include "test_sim_fixture.h"
#include "yamlio.h"

#define Z95 1.959963984540054

/* --- the paired interval against its definition ----------------------------- */

/*
 * Tango's statistic computed from scratch: the constrained maximum
 * likelihood of the cell "lost" found by golden-section search on the
 * log-likelihood (not by the closed form the code uses).
 */
static double loglik(double b, double c, double n, double delta, double q)
{
	double p12 = q + delta, rest = 1 - 2 * q - delta;

	return (b > 0 ? b * log(p12) : 0) + (c > 0 ? c * log(q) : 0) +
	       (n - b - c > 0 ? (n - b - c) * log(rest) : 0);
}

static double score_by_search(double b, double c, double n, double delta)
{
	/* q >= 0, q + delta >= 0, 1 - 2q - delta >= 0 */
	double lo = fmax(0, -delta), hi = (1 - delta) / 2;
	const double g = (sqrt(5.0) - 1) / 2;

	for (int i = 0; i < 300; i++) {
		double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
		if (loglik(b, c, n, delta, x1) < loglik(b, c, n, delta, x2))
			lo = x1;
		else
			hi = x2;
	}
	return (b - c - n * delta) /
	       sqrt(n * (lo + hi + delta * (1 - delta)));
}

static void test_pair_bounds_are_score_roots(void **state)
{
	const double cases[][3] = {
		{ 0, 0, 20000 }, { 1, 0, 20000 }, { 0, 3, 500 },
		{ 40, 12, 5000 }, { 7, 7, 100 }, { 250, 90, 1000 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sim_pair p = { (uint64_t)cases[i][0], (uint64_t)cases[i][1] };
		double n = cases[i][2], d, lo, hi;

		sim_pair_diff(&p, (uint64_t)n, &d, &lo, &hi);
		assert_true(lo < d && d < hi);
		if (fabs(score_by_search(p.gained, p.lost, n, lo) - Z95) > 1e-6 ||
		    fabs(score_by_search(p.gained, p.lost, n, hi) + Z95) > 1e-6)
			fail_msg("gained %g lost %g of %g: [%g, %g] gives scores "
				 "%g and %g", cases[i][0], cases[i][1], n, lo, hi,
				 score_by_search(p.gained, p.lost, n, lo),
				 score_by_search(p.gained, p.lost, n, hi));
	}
}

/* Nobody's outcome differs: not a point, but about +-z^2/n (exactly
 * z^2 / (n + z^2) by the closed form of the score equation). */
static void test_pair_never_a_point(void **state)
{
	struct sim_pair p = { 0, 0 };
	double d, lo, hi, n = 20000, want = Z95 * Z95 / (n + Z95 * Z95);

	(void)state;
	sim_pair_diff(&p, (uint64_t)n, &d, &lo, &hi);
	assert_true(d == 0);
	assert_true(fabs(hi - want) < 1e-12 && fabs(lo + want) < 1e-12);
	/* One customer gained: 0 is still inside. */
	p.gained = 1;
	sim_pair_diff(&p, (uint64_t)n, &d, &lo, &hi);
	assert_true(lo < 0 && hi > d);
	/* No customers: nothing is known. */
	sim_pair_diff(&p, 0, &d, &lo, &hi);
	assert_true(lo == -1 && hi == 1);
}

/* Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70
 * against 48/80, method 10: 0.0524 to 0.3339.  And 0 of 10 against 0 of
 * 10, where the normal interval is the point 0. */
static void test_unpaired_newcombe(void **state)
{
	double d, lo, hi;

	(void)state;
	sim_unpaired_diff(48, 80, 56, 70, &d, &lo, &hi);
	print_message("# Newcombe example (a): %.4f [%.4f, %.4f]\n", d, lo, hi);
	assert_true(fabs(d - 0.2) < 1e-12);
	assert_true(fabs(lo - 0.0524) < 5e-5 && fabs(hi - 0.3339) < 5e-5);
	sim_unpaired_diff(0, 10, 0, 10, &d, &lo, &hi);
	assert_true(d == 0 && lo < -0.2 && hi > 0.2);
}

/* --- coverage over many seeds against the exact difference ------------------ */

struct scenario {
	const char *set;
	uint64_t customers;
};

static struct sim_model *compile_plain(const struct mot_journey *j)
{
	struct sim_options o;
	struct sim_model *m;
	char err[256];

	sim_options_init(&o);
	o.plain = true;
	if (sim_compile(j, &o, &m, err, sizeof err) != 0)
		fail_msg("compile %s: %s", j->key, err);
	return m;
}

static double exact(const struct mot_journey *j)
{
	struct analyze_result a;
	char err[256];
	double c;

	if (analyze_journey(j, NULL, &a, err, sizeof err) != 0)
		fail_msg("analyze %s: %s", j->key, err);
	c = a.conversion;
	analyze_result_free(&a);
	return c;
}

/*
 * A 95% interval holds the exact difference in about 95% of the runs: of
 * 200 seeds, 190 on average with a spread of 3.1, so fewer than 180 (3.2
 * spreads below) says the interval is too narrow.  The normal interval of
 * the mean difference held the tiny effect of the first scenario in about
 * half the runs: with no customer gained or lost it is the point 0.
 */
static void check_coverage(const struct mot_journey *j,
			   const struct scenario *sc, unsigned seeds)
{
	struct mot_journey k;
	struct sim_model *a, *b;
	double truth;
	unsigned held = 0, points = 0;
	char err[256];

	model_journey_copy(&k, j);
	if (sim_apply_set(&k, sc->set, err, sizeof err) != 0)
		fail_msg("%s", err);
	truth = exact(&k) - exact(j);
	a = compile_plain(j);
	b = compile_plain(&k);
	for (unsigned s = 0; s < seeds; s++) {
		struct sim_run run;
		struct sim_result ra, rb;
		struct sim_pair pair;
		double d, lo, hi;

		sim_run_init(&run);
		run.customers = sc->customers;
		run.seed = 70001 + s;
		run.threads = 1;
		assert_int_equal(sim_compare(a, b, &run, &ra, &rb, &pair, err,
					     sizeof err), 0);
		sim_pair_diff(&pair, run.customers, &d, &lo, &hi);
		held += lo <= truth && truth <= hi;
		points += lo == hi;
		sim_result_free(&ra);
		sim_result_free(&rb);
	}
	print_message("# %s, %llu customers: exact effect %+.6f pp; the "
		      "interval held it in %u of %u runs (%u points)\n", sc->set,
		      (unsigned long long)sc->customers, 100 * truth, held,
		      seeds, points);
	assert_int_equal(points, 0);
	assert_true(held >= seeds * 9 / 10);
	sim_model_free(a);
	sim_model_free(b);
	model_journey_free(&k);
}

static void test_pair_coverage(void **state)
{
	const char *top = getenv("MOT_TOP");
	char *file = xasprintf("%s/journeys/retail-purchase.yaml",
			       top && *top ? top : ".");
	const struct scenario sc[] = {
		{ "cart-checkout.drop=0.1999", 20000 },   /* the issue's */
		{ "cart-checkout.drop=0.3", 4000 },
		{ "cart-checkout.next.online-purchase=6", 4000 },
	};
	struct mot_journey j;
	struct mot_diags d = { 0 };

	(void)state;
	if (yamlio_load_file(file, &j, &d) != 0)
		fail_msg("cannot load %s", file);
	for (size_t i = 0; i < sizeof sc / sizeof sc[0]; i++)
		check_coverage(&j, &sc[i], 200);
	model_journey_free(&j);
	model_diags_free(&d);
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair_bounds_are_score_roots),
		cmocka_unit_test(test_pair_never_a_point),
		cmocka_unit_test(test_unpaired_newcombe),
		cmocka_unit_test(test_pair_coverage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
