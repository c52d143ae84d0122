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

#include "sim.h"
#include "test_sim_fixture.h"

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
