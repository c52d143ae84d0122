/*
 * test_sim_rules.c - the rules of the customer walk as mot(1) and
 * mot-journey(5) state them, one test each: how walks end (each ending
 * counted once, under its own name, adding up with the purchases), a
 * touchpoint without transitions ends the walk before patience and
 * re-exposure, and which transitions explore_bias scales.
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

static long idx(const struct mot_journey *j, const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	return i;
}

static void run(const struct mot_journey *j, bool plain, double exposure,
		uint64_t n, struct sim_result *r)
{
	struct sim_options o;
	struct sim_model *m;
	struct sim_run rn;
	char err[256];

	sim_options_init(&o);
	o.plain = plain;
	o.exposure_rate = exposure;
	if (sim_compile(j, &o, &m, err, sizeof err) != 0)
		fail_msg("compile %s: %s", j->key, err);
	sim_run_init(&rn);
	rn.customers = n;
	rn.seed = 9;
	assert_int_equal(sim_simulate(m, &rn, r, err, sizeof err), 0);
	sim_model_free(m);
}

/* --- endings ---------------------------------------------------------------- */

/* Every walk ends once, at one touchpoint, in one way: the per-touchpoint
 * counts add up to the totals, and buyers plus the ways of leaving
 * without buying add up to the customers. */
static void check_endings(const struct mot_journey *j, bool plain)
{
	const uint64_t *per[SIM_END_COUNT];
	struct sim_result r;
	uint64_t bought = 0, unbought = 0;

	run(j, plain, SIM_EXPOSURE_RATE, 20000, &r);
	per[SIM_END_DROP] = r.drop_ends;
	per[SIM_END_EXIT] = r.exits;
	per[SIM_END_PATIENCE] = r.patience_ends;
	per[SIM_END_CUT] = r.cuts;
	for (int e = 0; e < SIM_END_COUNT; e++) {
		uint64_t sum = 0;
		for (size_t i = 0; i < r.n; i++)
			sum += per[e][i];
		if (sum != r.ends[e])
			fail_msg("%s: ending %d: %llu at the touchpoints, %llu in "
				 "all", j->key, e, (unsigned long long)sum,
				 (unsigned long long)r.ends[e]);
		assert_true(r.ends_bought[e] <= r.ends[e]);
		bought += r.ends_bought[e];
		unbought += r.ends[e] - r.ends_bought[e];
	}
	assert_int_equal(bought, r.conversions);
	assert_int_equal(bought + unbought, r.customers);
	for (size_t i = 0; i < r.n; i++)
		assert_int_equal(r.drops[i], r.drop_ends[i] + r.patience_ends[i]);
	sim_result_free(&r);
}

static void test_endings_add_up(void **state)
{
	size_t n;
	char **files = fx_sample_files(&n);
	struct mot_journey j;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		struct mot_diags d = { 0 };
		if (yamlio_load_file(files[i], &j, &d) != 0)
			fail_msg("cannot load %s", files[i]);
		check_endings(&j, false);
		check_endings(&j, true);
		model_journey_free(&j);
		model_diags_free(&d);
		free(files[i]);
	}
	free(files);
}

/* --- a touchpoint without transitions ends the walk ------------------------- */

/*
 * ad (exposure) leads to look, which has no transitions, and to buy.
 * Customers who have not bought are sent back to exposure often here,
 * but never from look: every walk that reaches look ends there.
 */
static void test_dead_end_ends_walk(void **state)
{
	struct mot_journey j;
	struct sim_result r;
	long look;

	(void)state;
	fx_journey(&j, "dead-end");
	fx_tp(&j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0.1);
	fx_tp(&j, "look", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1)->conversion = true;
	fx_next(&j, "ad", "look", 3);
	fx_next(&j, "ad", "buy", 1);
	fx_entry(&j, "ad", 1);
	look = idx(&j, "look");
	run(&j, false, 0.5, 20000, &r);
	assert_true(r.visits[look] > 0);
	assert_int_equal(r.exits[look], r.visits[look]);
	assert_int_equal(r.reach[look], r.visits[look]);
	assert_int_equal(r.ends[SIM_END_EXIT], r.exits[look]);
	sim_result_free(&r);
	model_journey_free(&j);
}

/*
 * A purchase at a touchpoint without transitions, with a patience of one
 * touchpoint: the journey ends there as designed (an exit, bought), not
 * as a customer who gave up.
 */
static void test_dead_end_before_patience(void **state)
{
	struct mot_journey j;
	struct sim_result r;

	(void)state;
	fx_journey(&j, "one-step");
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0)->conversion = true;
	fx_entry(&j, "buy", 1);
	fx_persona(&j, "hasty", 1, 1)->patience = 1;
	run(&j, false, SIM_EXPOSURE_RATE, 5000, &r);
	assert_int_equal(r.conversions, 5000);
	assert_int_equal(r.ends[SIM_END_EXIT], 5000);
	assert_int_equal(r.ends_bought[SIM_END_EXIT], 5000);
	assert_int_equal(r.ends[SIM_END_PATIENCE], 0);
	assert_int_equal(r.drops[0], 0);
	sim_result_free(&r);
	model_journey_free(&j);
}

/* --- explore_bias ------------------------------------------------------------ */

/*
 * From a touchpoint of phase `from`, a transition to one of phase `to`
 * (weight 1) against one to a purchase outside the messy middle (weight
 * 1); both end the walk.  With explore_bias 3 the purchase has 1/4 when
 * the first transition stays within the messy middle (exploration or
 * evaluation on both ends), else 1/2.
 */
static double bias_conversion(enum mot_phase from, enum mot_phase to)
{
	struct mot_journey j;
	struct analyze_result a;
	char err[256];
	double c;

	fx_journey(&j, "bias");
	fx_tp(&j, "here", MOT_STAGE_ZMOT, from, 0);
	fx_tp(&j, "there", MOT_STAGE_ZMOT, to, 1);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 1)->conversion = true;
	fx_next(&j, "here", "there", 1);
	fx_next(&j, "here", "buy", 1);
	fx_entry(&j, "here", 1);
	fx_persona(&j, "researcher", 1, 3);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	c = a.conversion;
	analyze_result_free(&a);
	model_journey_free(&j);
	return c;
}

static void test_explore_bias_within_middle(void **state)
{
	const enum mot_phase X = MOT_PHASE_EXPLORATION, V = MOT_PHASE_EVALUATION;

	(void)state;
	assert_true(fabs(bias_conversion(X, V) - 0.25) < 1e-12);
	assert_true(fabs(bias_conversion(V, X) - 0.25) < 1e-12);
	assert_true(fabs(bias_conversion(X, X) - 0.25) < 1e-12);
	assert_true(fabs(bias_conversion(V, V) - 0.25) < 1e-12);
	assert_true(fabs(bias_conversion(X, MOT_PHASE_EXPOSURE) - 0.5) < 1e-12);
	assert_true(fabs(bias_conversion(MOT_PHASE_NONE, X) - 0.5) < 1e-12);
	assert_true(fabs(bias_conversion(MOT_PHASE_EXPERIENCE, V) - 0.5) < 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endings_add_up),
		cmocka_unit_test(test_dead_end_ends_walk),
		cmocka_unit_test(test_dead_end_before_patience),
		cmocka_unit_test(test_explore_bias_within_middle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
