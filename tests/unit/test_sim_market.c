/*
 * test_sim_market.c - word of mouth over time against Bass's closed form,
 * with promoters pulling people in and detractors holding them back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>

#include <cmocka.h>

#include "sim.h"
#include "test_sim_fixture.h"

/* One touchpoint: every entrant buys there and, at emotion +3, leaves a
 * promoter (or at 0 a passive: no word of mouth at all). */
static void fx_instant(struct mot_journey *j, int emotion)
{
	fx_journey(j, "instant");
	fx_tp(j, "buy-and-tell", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0)->emotion =
		emotion;
	j->touchpoints[0].conversion = true;
	fx_entry(j, "buy-and-tell", 1);
}

static struct sim_market_day *run_market_qd(const struct mot_journey *j,
					    uint64_t people, unsigned days,
					    double p, double q, double qd,
					    unsigned threads)
{
	struct sim_market mk = { people, days, p, q, 5, threads, NULL, NULL,
				  NULL, qd };
	struct sim_options o;
	struct sim_model *m;
	struct sim_market_day *d;
	char err[256];

	sim_options_init(&o);
	assert_int_equal(sim_compile(j, &o, &m, err, sizeof err), 0);
	assert_int_equal(sim_market_run(m, &mk, &d, err, sizeof err), 0);
	sim_model_free(m);
	return d;
}

static struct sim_market_day *run_market(const struct mot_journey *j,
					 uint64_t people, unsigned days,
					 double p, double q, unsigned threads)
{
	return run_market_qd(j, people, days, p, q, 0, threads);
}

/* Adopters against Bass's F(t) with imitation qe, within 0.01 a day;
 * returns the largest gap. */
static double check_bass(const struct sim_market_day *d, unsigned days,
			 double people, double p, double qe)
{
	double worst = 0;

	for (unsigned i = 0; i < days; i++) {
		double f = (double)d[i].cumulative_adopters / people;
		double err = fabs(f - sim_bass_share(p, qe, i + 1.0));
		if (!(err < 0.01))
			fail_msg("day %u: adopted %.4f, Bass %.4f", i + 1, f,
				 sim_bass_share(p, qe, i + 1.0));
		worst = fmax(worst, err);
	}
	return worst;
}

/*
 * Two entries of equal weight, each to a touchpoint where everyone buys:
 * one leaves promoters (emotion +3), the other detractors (-3).  Each
 * entrant is a promoter or a detractor with probability 1/2, so in a
 * large market P = D = A/2 for A adopters, and the entry rate
 * (M - A)(p + (q P - qd D)/M) is Bass's with imitation (q - qd)/2.
 */
static void fx_split(struct mot_journey *j)
{
	fx_journey(j, "split");
	fx_tp(j, "delight", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0)->emotion = 3;
	fx_tp(j, "annoy", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0)->emotion = -3;
	j->touchpoints[0].conversion = j->touchpoints[1].conversion = true;
	fx_entry(j, "delight", 1);
	fx_entry(j, "annoy", 1);
}

/* Everyone buys and promotes at once: adopters follow Bass's F(t) within
 * 0.01 every day, in a market of a million. */
static void test_bass_curve(void **state)
{
	struct mot_journey j;
	struct sim_market_day *d;
	const double p = 0.03, q = 0.38;
	double worst = 0;

	(void)state;
	fx_instant(&j, 3);
	d = run_market(&j, 1000000, 30, p, q, 0);
	for (unsigned i = 0; i < 30; i++) {
		double f = (double)d[i].cumulative_adopters / 1e6;
		double err = fabs(f - sim_bass_share(p, q, i + 1.0));
		assert_int_equal(d[i].day, i + 1);
		assert_int_equal(d[i].promoters, d[i].cumulative_adopters);
		assert_true(err < 0.01);
		worst = fmax(worst, err);
	}
	print_message("# largest gap to Bass's F(t): %.5f\n", worst);
	free(d);
	model_journey_free(&j);
}

/* Without promoters only marketing works: F(t) = 1 - exp(-p t). */
static void test_no_word_of_mouth(void **state)
{
	struct mot_journey j;
	struct sim_market_day *d;
	uint64_t entrants = 0;

	(void)state;
	fx_instant(&j, 0);
	d = run_market(&j, 200000, 20, 0.05, 0.5, 0);
	for (unsigned i = 0; i < 20; i++) {
		entrants += d[i].new_entrants;
		assert_int_equal(d[i].promoters, 0);
		assert_int_equal(entrants, d[i].cumulative_adopters);
		assert_true(fabs((double)entrants / 2e5 - (1 - exp(-0.05 * (i + 1))))
			    < 0.01);
	}
	free(d);
	model_journey_free(&j);
}

/* Only detractors: they hold back marketing's entrants, F(t) is Bass's
 * with imitation -qd (and q plays no part). */
static void test_detractors_hold_back(void **state)
{
	struct mot_journey j;
	struct sim_market_day *d;
	const double p = 0.05, qd = 0.03;

	(void)state;
	fx_instant(&j, -3);
	d = run_market_qd(&j, 1000000, 40, p, 0.38, qd, 0);
	assert_int_equal(d[39].promoters, 0);
	assert_int_equal(d[39].detractors, d[39].cumulative_adopters);
	print_message("# largest gap to Bass's F(t), q = -qd: %.5f\n",
		      check_bass(d, 40, 1e6, p, -qd));
	/* Fewer than marketing alone would bring: 1 - exp(-p t). */
	assert_true((double)d[39].cumulative_adopters / 1e6 <
		    1 - exp(-p * 40) - 0.02);
	free(d);
	model_journey_free(&j);
}

/* Half promoters, half detractors: Bass with imitation (q - qd)/2, both
 * where word of mouth still helps and where detractors outweigh it so
 * much that entries stop at the share p / |(q - qd)/2| = 1/4. */
static void test_promoters_and_detractors(void **state)
{
	struct mot_journey j;
	struct sim_market_day *d;
	double w;

	(void)state;
	fx_split(&j);
	d = run_market_qd(&j, 1000000, 40, 0.03, 0.5, 0.1, 0);
	w = check_bass(d, 40, 1e6, 0.03, (0.5 - 0.1) / 2);
	free(d);
	d = run_market_qd(&j, 1000000, 60, 0.05, 0.2, 0.6, 0);
	w = fmax(w, check_bass(d, 60, 1e6, 0.05, (0.2 - 0.6) / 2));
	assert_true(fabs((double)d[59].cumulative_adopters / 1e6 - 0.25) < 0.01);
	assert_true(d[59].promoters + d[59].detractors ==
		    d[59].cumulative_adopters);
	print_message("# largest gap, promoters and detractors: %.5f\n", w);
	free(d);
	model_journey_free(&j);
}

/* The series depends on the seed only, not on threads. */
static void test_market_threads(void **state)
{
	struct mot_journey j;
	struct sim_market_day *a, *b;
	uint64_t entrants = 0;

	(void)state;
	fx_shop(&j);
	a = run_market(&j, 300000, 40, 0.02, 0.4, 1);
	b = run_market(&j, 300000, 40, 0.02, 0.4, 3);
	assert_memory_equal(a, b, 40 * sizeof *a);
	/* The shop sells to some only: fewer adopters than entrants. */
	for (unsigned i = 0; i < 40; i++)
		entrants += a[i].new_entrants;
	assert_true(a[39].cumulative_adopters > 0);
	assert_true(a[39].cumulative_adopters < entrants);
	free(a);
	free(b);
	model_journey_free(&j);
}

static void test_market_refused(void **state)
{
	struct mot_journey j;
	struct sim_options o;
	struct sim_model *m;
	struct sim_market mk = { 0, 10, 0.03, 0.38, 1, 1, NULL, NULL, NULL,
				  0 };
	struct sim_market_day *d;
	char err[256];

	(void)state;
	fx_instant(&j, 3);
	sim_options_init(&o);
	assert_int_equal(sim_compile(&j, &o, &m, err, sizeof err), 0);
	assert_int_equal(sim_market_run(m, &mk, &d, err, sizeof err), -1);
	mk.people = 10;
	mk.p = 0;
	assert_int_equal(sim_market_run(m, &mk, &d, err, sizeof err), -1);
	assert_non_null(strstr(err, "p must be above 0"));
	mk.p = 0.03;
	mk.qd = -1;
	assert_int_equal(sim_market_run(m, &mk, &d, err, sizeof err), -1);
	assert_non_null(strstr(err, "qd at least 0"));
	sim_model_free(m);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bass_curve),
		cmocka_unit_test(test_no_word_of_mouth),
		cmocka_unit_test(test_detractors_hold_back),
		cmocka_unit_test(test_promoters_and_detractors),
		cmocka_unit_test(test_market_threads),
		cmocka_unit_test(test_market_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
