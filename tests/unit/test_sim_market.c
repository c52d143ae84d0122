/*
 * test_sim_market.c - word of mouth over time against Bass's closed form.
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

static struct sim_market_day *run_market(const struct mot_journey *j,
					 uint64_t people, unsigned days,
					 double p, double q, unsigned threads)
{
	struct sim_market mk = { people, days, p, q, 5, threads, NULL, NULL,
				  NULL };
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
	struct sim_market mk = { 0, 10, 0.03, 0.38, 1, 1, NULL, NULL, NULL };
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
	sim_model_free(m);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bass_curve),
		cmocka_unit_test(test_no_word_of_mouth),
		cmocka_unit_test(test_market_threads),
		cmocka_unit_test(test_market_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
