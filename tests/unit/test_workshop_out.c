/*
 * test_workshop_out.c - what the workshop layer gives out: the list of
 * changes, single customers' stories against the simulation, and the
 * results written out exactly as the reports of `mot simulate`.
 */
#include "test_workshop_fixture.h"

/* --- changes ------------------------------------------------------------------ */

static void assert_lines(char **got, size_t n, const char *const *want,
			 size_t nw)
{
	for (size_t i = 0; i < n || i < nw; i++) {
		const char *g = i < n ? got[i] : "(none)";
		const char *w = i < nw ? want[i] : "(none)";
		if (strcmp(g, w) != 0)
			fail_msg("line %zu: got '%s', want '%s'", i, g, w);
	}
}

static void drop_persona(struct mot_journey *j, const char *key)
{
	long i = model_persona_find(j, key);

	assert_true(i >= 0);
	model_persona_free(&j->personas[i]);
	memmove(&j->personas[i], &j->personas[i + 1],
		(j->n_personas - (size_t)i - 1) * sizeof *j->personas);
	j->n_personas--;
}

static void test_changes(void **state)
{
	static const char *const want[] = {
		"Name of ad: emotion +1 -> -1",
		"Name of ad: channel none -> 'web'",
		"Name of ad -> Name of search: weight 3 -> 1",
		"Name of search: dwell 0 -> 2.5 minutes",
		"new transition Name of search -> Checkout",
		"Name of compare: drop 0.15 -> 0.05",
		"Name of compare: critical no -> yes",
		"Name of compare: human no -> yes",
		"removed transition Name of compare -> Name of search",
		"added touchpoint 'Name of chat'",
		"new transition Name of chat -> Checkout",
		"Checkout: renamed from 'Name of buy'",
		"Checkout: phase none -> evaluation",
		"Checkout -> Name of use: label none -> 'ships'",
		"Name of use: emotion +2 -> 0",
		"Name of use: conversion no -> yes",
		"removed transition Name of use -> Name of review",
		"removed touchpoint 'Name of review'",
		"new entry at Name of chat, weight 0.5",
		"entry at Name of search: weight 1 -> 2",
		"removed entry at Name of ad",
		"persona 'Persona quick': share 0.6 -> 0.5",
		"persona 'Persona careful': sensitivity 1.5 -> 1",
		"persona 'Persona careful': patience 50 -> 20",
		"persona 'Persona careful': explore bias 2 -> 3",
		"added persona 'Persona fresh'",
		"removed persona 'Persona gone'",
	};
	struct mot_journey base, cur;
	struct mot_touchpoint *tp;
	char **lines;
	size_t n;

	(void)state;
	fx_shop(&base);
	fx_persona(&base, "gone", 0, 1);
	model_journey_copy(&cur, &base);
	assert_int_equal(ws_changes(&base, &cur, &lines), 0);
	assert_null(lines);
	tp = &cur.touchpoints[0];
	tp->emotion = -1;
	tp->channel = xstrdup("web");
	tp->next[0].weight = 1;
	cur.touchpoints[1].dwell = 2.5;
	fx_next(&cur, "search", "buy", 1);
	tp = &cur.touchpoints[2];
	tp->drop = 0.05;
	tp->critical = tp->human = true;
	remove_next(&cur, "compare", "search");
	insert_tp(&cur, 3, "chat", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION);
	fx_next(&cur, "chat", "buy", 2);
	tp = &cur.touchpoints[model_touchpoint_find(&cur, "buy")];
	free(tp->name);
	tp->name = xstrdup("Checkout");
	tp->phase = MOT_PHASE_EVALUATION;
	tp->next[0].label = xstrdup("ships");
	tp = &cur.touchpoints[model_touchpoint_find(&cur, "use")];
	tp->emotion = 0;
	tp->conversion = true;
	remove_next(&cur, "use", "review");
	remove_tp(&cur, "review");
	cur.entries[1].weight = 2;
	free(cur.entries[0].to);
	cur.entries[0].to = xstrdup("chat");
	cur.entries[0].weight = 0.5;
	cur.personas[0].share = 0.5;
	cur.personas[1].emotion_sensitivity = 1;
	cur.personas[1].patience = 20;
	cur.personas[1].explore_bias = 3;
	drop_persona(&cur, "gone");
	fx_persona(&cur, "fresh", 0, 1);
	n = ws_changes(&base, &cur, &lines);
	assert_lines(lines, n, want, sizeof want / sizeof want[0]);
	ws_lines_free(lines, n);
	model_journey_free(&base);
	model_journey_free(&cur);
}

/* Moves: a new stage, and places swapped inside one. */
static void test_changes_moves(void **state)
{
	static const char *const want[] = {
		"Name of compare: place in ZMOT 2 -> 1",
		"Name of search: place in ZMOT 1 -> 2",
		"Name of use: stage SMOT -> FMOT",
	};
	struct mot_journey base, cur;
	struct mot_touchpoint t;
	char **lines;
	size_t n;

	(void)state;
	fx_shop(&base);
	model_journey_copy(&cur, &base);
	t = cur.touchpoints[1];
	cur.touchpoints[1] = cur.touchpoints[2];
	cur.touchpoints[2] = t;
	cur.touchpoints[4].stage = MOT_STAGE_FMOT;
	model_journey_sort(&cur);
	n = ws_changes(&base, &cur, &lines);
	assert_lines(lines, n, want, sizeof want / sizeof want[0]);
	ws_lines_free(lines, n);
	model_journey_free(&base);
	model_journey_free(&cur);
}

/* --- stories ------------------------------------------------------------------ */

/* ad > look > weigh > look2 > buy > rate, nothing else possible. */
static void fx_line(struct mot_journey *j)
{
	fx_journey(j, "line");
	fx_tp(j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0)->emotion = 1;
	fx_tp(j, "look", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0);
	fx_tp(j, "weigh", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, 0);
	fx_tp(j, "look2", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0);
	fx_tp(j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0)->emotion = 3;
	fx_tp(j, "rate", MOT_STAGE_TMOT, MOT_PHASE_NONE, 1)->emotion = 3;
	j->touchpoints[4].conversion = true;
	fx_next(j, "ad", "look", 1);
	fx_next(j, "look", "weigh", 1);
	fx_next(j, "weigh", "look2", 1);
	fx_next(j, "look2", "buy", 1);
	fx_next(j, "buy", "rate", 1);
	fx_entry(j, "ad", 1);
}

static void story(const struct mot_journey *j, const struct ws_settings *s,
		  uint64_t c, struct ws_story *st)
{
	char err[256];

	if (ws_story(j, s, c, st, err, sizeof err) != 0)
		fail_msg("ws_story: %s", err);
	assert_int_equal(st->customer, c);
}

static void test_story_events(void **state)
{
	static const unsigned ev[] = {
		WS_EV_ENTER, 0, 0, WS_EV_LOOP, WS_EV_BUY,
		WS_EV_PROMOTER | WS_EV_DROP,
	};
	static const unsigned loops[] = { 0, 0, 0, 1, 1, 1 };
	struct mot_journey j;
	struct ws_settings s;
	struct ws_story st;
	double mood = 0;

	(void)state;
	fx_line(&j);
	settings(&s, 1, 8, true);
	story(&j, &s, 12345, &st);
	assert_int_equal(st.n, 6);
	assert_true(st.bought);
	assert_int_equal(st.persona, 0);
	for (size_t i = 0; i < 6; i++) {
		mood = 0.7 * mood + j.touchpoints[i].emotion;
		assert_int_equal(st.steps[i].tp, i);
		assert_int_equal(st.steps[i].events, ev[i]);
		assert_int_equal(st.steps[i].loops, loops[i]);
		assert_true(fabs(st.steps[i].mood - mood) < 1e-12);
	}
	assert_true(fabs(st.steps[5].mood - 5.26807) < 1e-9);
	ws_story_free(&st);
	assert_null(st.steps);
	/* A bad mood detracts; the exit: no way on from "rate". */
	j.touchpoints[5].drop = 0;
	j.touchpoints[4].emotion = -3;
	j.touchpoints[5].emotion = -1;
	story(&j, &s, 3, &st);
	assert_int_equal(st.steps[5].events, WS_EV_DETRACTOR | WS_EV_EXIT);
	ws_story_free(&st);
	j.touchpoints[5].emotion = 1;
	story(&j, &s, 3, &st);
	assert_int_equal(st.steps[5].events, WS_EV_PASSIVE | WS_EV_EXIT);
	ws_story_free(&st);
	/* Full model, patience 3: three steps, re-exposure or not. */
	fx_persona(&j, "short", 1, 1)->patience = 3;
	j.personas[0].emotion_sensitivity = 0.5;
	s.plain = false;
	for (uint64_t c = 0; c < 200; c++) {
		story(&j, &s, c, &st);
		assert_int_equal(st.n, 3);
		assert_true(st.steps[2].events & WS_EV_PATIENCE);
		assert_true(fabs(st.steps[0].mood - 0.5) < 1e-12);
		assert_false(st.bought);
		ws_story_free(&st);
	}
	model_journey_free(&j);
}

/* A loop customers almost never leave: the safety cut. */
static void test_story_cut(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_story st;

	(void)state;
	fx_journey(&j, "cut");
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0)->conversion = true;
	fx_tp(&j, "a", MOT_STAGE_SMOT, MOT_PHASE_NONE, 0);
	fx_tp(&j, "b", MOT_STAGE_SMOT, MOT_PHASE_NONE, 1e-12);
	fx_next(&j, "buy", "a", 1);
	fx_next(&j, "a", "b", 1);
	fx_next(&j, "b", "a", 1);
	fx_entry(&j, "buy", 1);
	settings(&s, 1, 1, true);
	story(&j, &s, 0, &st);
	assert_int_equal(st.n, SIM_MAX_STEPS);
	assert_int_equal(st.steps[0].events, WS_EV_ENTER | WS_EV_BUY);
	assert_int_equal(st.steps[st.n - 1].events, WS_EV_CUT);
	ws_story_free(&st);
	model_journey_free(&j);
}

/*
 * Re-exposure: "tv" has no way in but exposure and "ad" none but the
 * entry, so every later visit to either is one, and the marks count
 * exactly the visits the simulation counted there.
 */
static void test_story_reexposed(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct sim_result r;
	uint64_t marks = 0, after_buy = 0;
	const uint64_t n = 3000;

	(void)state;
	fx_journey(&j, "tv");
	fx_tp(&j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0);
	fx_tp(&j, "tv", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0);
	fx_tp(&j, "shop", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, 0.05);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.5)->conversion = true;
	fx_next(&j, "ad", "shop", 1);
	fx_next(&j, "tv", "shop", 1);
	fx_next(&j, "shop", "shop", 4);
	fx_next(&j, "shop", "buy", 1);
	fx_next(&j, "buy", "shop", 1);
	fx_entry(&j, "ad", 1);
	settings(&s, n, 21, false);
	for (uint64_t c = 0; c < n; c++) {
		struct ws_story st;
		bool bought = false;

		story(&j, &s, c, &st);
		for (size_t i = 0; i < st.n; i++) {
			if (st.steps[i].events & WS_EV_REEXPOSED) {
				marks++;
				after_buy += bought;
			}
			bought |= (st.steps[i].events & WS_EV_BUY) != 0;
		}
		ws_story_free(&st);
	}
	direct_simulate(&j, &s, 2, 0, &r);
	print_message("# %llu re-exposures\n", (unsigned long long)marks);
	assert_true(marks > 100);
	assert_int_equal(after_buy, 0);
	assert_int_equal(marks, r.visits[0] - n + r.visits[1]);
	/* The plain model knows no exposure. */
	s.plain = true;
	for (uint64_t c = 0; c < 300; c++) {
		struct ws_story st;
		story(&j, &s, c, &st);
		for (size_t i = 0; i < st.n; i++)
			assert_false(st.steps[i].events & WS_EV_REEXPOSED);
		ws_story_free(&st);
	}
	sim_result_free(&r);
	model_journey_free(&j);
}

/*
 * Stories are the simulation's walks: over the first 2000 customers the
 * buyers, ratings, steps and loops add up to the counts of a run of 2000
 * with the same seed, at one thread and two.
 */
static void check_stories(const struct mot_journey *j, struct ws_settings *s)
{
	uint64_t bought = 0, steps = 0, loops = 0, prom = 0, det = 0, pas = 0;
	uint64_t per_persona[2] = { 0, 0 };

	for (uint64_t c = 0; c < 2000; c++) {
		struct ws_story st;

		story(j, s, c, &st);
		bought += st.bought;
		steps += st.n;
		loops += st.n ? st.steps[st.n - 1].loops : 0;
		per_persona[st.persona] += st.bought;
		for (size_t i = 0; i < st.n; i++) {
			prom += (st.steps[i].events & WS_EV_PROMOTER) != 0;
			pas += (st.steps[i].events & WS_EV_PASSIVE) != 0;
			det += (st.steps[i].events & WS_EV_DETRACTOR) != 0;
		}
		ws_story_free(&st);
	}
	for (unsigned t = 1; t <= 2; t++) {
		struct sim_result r;

		direct_simulate(j, s, t, 0, &r);
		assert_int_equal(bought, r.conversions);
		assert_int_equal(steps, r.steps);
		assert_int_equal(loops, r.loop_sum);
		assert_int_equal(prom, r.promoters);
		assert_int_equal(pas, r.passives);
		assert_int_equal(det, r.detractors);
		assert_int_equal(per_persona[0], r.personas[0].conversions);
		assert_int_equal(per_persona[1], r.personas[1].conversions);
		sim_result_free(&r);
	}
	print_message("# %s %s: %llu of 2000 bought\n", j->key,
		      s->plain ? "plain" : "full", (unsigned long long)bought);
}

static void test_story_matches_simulation(void **state)
{
	struct mot_journey j;
	struct ws_settings s;

	(void)state;
	fx_shop(&j);
	/* A mood, and a rating touchpoint customers may come back to: only
	 * the first visit rates. */
	j.touchpoints[5].drop = 0.3;
	j.touchpoints[3].emotion = -2;
	fx_next(&j, "review", "use", 1);
	settings(&s, 2000, 77, false);
	check_stories(&j, &s);
	s.plain = true;
	check_stories(&j, &s);
	s.plain = false;
	s.persona = xstrdup("quick");
	check_stories(&j, &s);
	ws_settings_free(&s);
	model_journey_free(&j);
}

static void test_story_refused(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_story st;
	char err[256];

	(void)state;
	fx_shop(&j);
	settings(&s, 1, 1, false);
	s.persona = xstrdup("nobody");
	assert_int_equal(ws_story(&j, &s, 0, &st, err, sizeof err), -1);
	assert_non_null(strstr(err, "nobody"));
	assert_null(st.steps);
	assert_int_equal(st.n, 0);
	ws_settings_free(&s);
	model_journey_free(&j);
}

/* --- writing out ---------------------------------------------------------------- */

static void check_result_out(const struct mot_journey *j,
			     const struct ws_settings *s)
{
	const enum sim_format fmts[] = { SIM_FMT_TEXT, SIM_FMT_JSON,
					 SIM_FMT_CSV };
	struct ws_outcome *o = run_job(WS_JOB_SIMULATE, j, NULL, s);
	struct sim_options opt;
	struct sim_run run;
	struct sim_result r;
	struct sim_report rp;
	struct sim_model *m;
	char err[256];

	direct_run(s, 1, cli_impact(s->customers), &opt, &run);
	m = compile(j, &opt);
	assert_int_equal(sim_simulate(m, &run, &r, err, sizeof err), 0);
	rp = (struct sim_report){ j, &opt, &run, NULL, 0, 0 };
	for (size_t f = 0; f < 3; f++) {
		struct capture c;
		char *want, *got;

		sim_report_result(capture_open(&c), fmts[f], &rp, &r);
		want = capture_close(&c);
		got = ws_outcome_string(fmts[f], o);
		assert_non_null(got);
		assert_string_equal(got, want);
		assert_int_equal(ws_write_outcome(capture_open(&c), fmts[f], o), 0);
		free(got);
		got = capture_close(&c);
		assert_string_equal(got, want);
		free(got);
		free(want);
	}
	sim_result_free(&r);
	sim_model_free(m);
	ws_outcome_free(o);
}

static void test_write_result(void **state)
{
	struct mot_journey j;
	struct ws_settings s;

	(void)state;
	fx_shop(&j);
	settings(&s, 25000, 3, false);
	check_result_out(&j, &s);
	s.plain = true;
	s.persona = xstrdup("careful");
	check_result_out(&j, &s);
	ws_settings_free(&s);
	model_journey_free(&j);
}

static void test_write_compare(void **state)
{
	const enum sim_format fmts[] = { SIM_FMT_TEXT, SIM_FMT_JSON,
					 SIM_FMT_CSV };
	struct mot_journey base, cur;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_options opt;
	struct sim_run run;
	struct sim_model *mb, *mc;
	struct sim_result rb, rc;
	struct sim_pair pair;
	struct sim_report rp;
	char err[256];

	(void)state;
	fx_shop(&base);
	model_journey_copy(&cur, &base);
	cur.touchpoints[3].human = true;
	cur.touchpoints[3].drop = 0.01;
	settings(&s, 20000, 12, false);
	o = run_job(WS_JOB_COMPARE, &cur, &base, &s);
	direct_run(&s, 1, cli_impact(s.customers), &opt, &run);
	mb = compile(&base, &opt);
	mc = compile(&cur, &opt);
	assert_int_equal(sim_compare(mb, mc, &run, &rb, &rc, &pair, err,
				     sizeof err), 0);
	rp = (struct sim_report){ &base, &opt, &run, NULL, 0, 0 };
	for (size_t f = 0; f < 3; f++) {
		struct capture c;
		char *want, *got;

		sim_report_compare(capture_open(&c), fmts[f], &rp, &cur, &rb,
				   &rc, &pair);
		want = capture_close(&c);
		got = ws_outcome_string(fmts[f], o);
		assert_non_null(got);
		assert_string_equal(got, want);
		free(got);
		free(want);
	}
	sim_result_free(&rb);
	sim_result_free(&rc);
	sim_model_free(mb);
	sim_model_free(mc);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&base);
	model_journey_free(&cur);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* The row of `key` in the text's visits table: baseline (when a number),
 * scenario and change as words. */
static bool visits_line(const char *text, const char *key, double *base,
			char *scen, char *change)
{
	const char *p = strstr(text, "\nVisits per customer\n");
	char *pat = xasprintf("\n  %s ", key), word[32];
	bool ok = false;

	p = p ? strstr(p, pat) : NULL;
	if (p && sscanf(p, "%*s %31s %31s %31s", word, scen, change) == 3) {
		ok = true;
		if (base)
			*base = atof(word);
		else
			ok = strcmp(word, "-") == 0;
	}
	free(pat);
	return ok;
}

/* Unpaired: both results whole, the difference marked unpaired. */
static void test_write_unpaired(void **state)
{
	struct mot_journey base, cur;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_options opt;
	struct sim_run run;
	struct sim_report rb, rc;
	struct capture c;
	char *json, *text, *csv, *b, *sc, *want, num[40], col[2][32];
	double d, lo, hi, vb;
	bool sig;

	(void)state;
	fx_shop(&base);
	model_journey_copy(&cur, &base);
	remove_next(&cur, "use", "review");
	remove_tp(&cur, "review");
	insert_tp(&cur, 4, "call", MOT_STAGE_FMOT, MOT_PHASE_NONE);
	fx_next(&cur, "call", "buy", 1);
	fx_next(&cur, "compare", "call", 1);
	settings(&s, 10000, 2, false);
	o = run_job(WS_JOB_COMPARE, &cur, &base, &s);
	assert_false(o->paired);
	direct_run(&s, 1, cli_impact(s.customers), &opt, &run);
	rb = (struct sim_report){ &base, &opt, &run, NULL, 0, 0 };
	rc = (struct sim_report){ &cur, &opt, &run, NULL, 0, 0 };
	sim_report_result(capture_open(&c), SIM_FMT_JSON, &rb, &o->base);
	b = capture_close(&c);
	sim_report_result(capture_open(&c), SIM_FMT_JSON, &rc, &o->res);
	sc = capture_close(&c);
	b[strlen(b) - 1] = 0;
	sc[strlen(sc) - 1] = 0;
	ws_difference(o, &d, &lo, &hi, &sig);
	want = xasprintf("{\"baseline\":%s,\"scenario\":%s,\"difference\":"
			 "{\"paired\":false,\"conversion_rate\":%s,", b, sc,
			 model_format_number(d, num, sizeof num));
	json = ws_outcome_string(SIM_FMT_JSON, o);
	assert_non_null(json);
	assert_memory_equal(json, want, strlen(want));
	assert_string_equal(json + strlen(json) - 4, "]}}\n");
	text = ws_outcome_string(SIM_FMT_TEXT, o);
	assert_non_null(strstr(text, "independent runs"));
	/* Touchpoints of one journey only: "-" on the other side. */
	assert_true(visits_line(text, "review", &vb, col[0], col[1]));
	assert_true(vb > 0 && strcmp(col[0], "-") == 0 &&
		    strcmp(col[1], "-") == 0);
	assert_true(visits_line(text, "call", NULL, col[0], col[1]));
	assert_true(atof(col[0]) > 0 && strcmp(col[1], "-") == 0);
	assert_true(visits_line(text, "buy", &vb, col[0], col[1]));
	assert_true(vb > 0 && atof(col[0]) > 0 && col[1][0] != '-');
	csv = ws_outcome_string(SIM_FMT_CSV, o);
	/* header, three metrics, 6 + 1 touchpoints */
	assert_int_equal(count_lines(csv), 11);
	assert_non_null(strstr(csv, "\nmean_visits:call,,"));
	assert_non_null(strstr(csv, "\nmean_visits:review,0."));
	free(want);
	free(b);
	free(sc);
	free(json);
	free(text);
	free(csv);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&base);
	model_journey_free(&cur);
}

static void test_write_market(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_options opt;
	struct sim_run run;
	struct sim_market mk = { 50000, 15, 0.03, 0.38, 4, 0, NULL, NULL, NULL,
				  0.38 };
	struct sim_report rp;
	struct capture c;
	char *want, *got;
	FILE *full;

	(void)state;
	fx_shop(&j);
	settings(&s, 1000, 4, false);
	s.market = 50000;
	s.days = 15;
	o = run_job(WS_JOB_MARKET, &j, NULL, &s);
	direct_run(&s, 0, 0, &opt, &run);
	rp = (struct sim_report){ &j, &opt, &run, NULL, 0, 0 };
	sim_report_market(capture_open(&c), SIM_FMT_JSON, &rp, &mk, o->days);
	want = capture_close(&c);
	got = ws_outcome_string(SIM_FMT_JSON, o);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "\"days\":15,\"series\":[{\"day\":1,"));
	free(got);
	free(want);
	/* A write that fails says so. */
	full = fopen("/dev/full", "w");
	if (full) {
		assert_int_equal(ws_write_outcome(full, SIM_FMT_CSV, o), -1);
		fclose(full);
	}
	assert_int_equal(ws_write_outcome(NULL, SIM_FMT_CSV, o), -1);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_changes_moves),
		cmocka_unit_test(test_story_events),
		cmocka_unit_test(test_story_cut),
		cmocka_unit_test(test_story_reexposed),
		cmocka_unit_test(test_story_matches_simulation),
		cmocka_unit_test(test_story_refused),
		cmocka_unit_test(test_write_result),
		cmocka_unit_test(test_write_compare),
		cmocka_unit_test(test_write_unpaired),
		cmocka_unit_test(test_write_market),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
