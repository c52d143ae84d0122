/*
 * test_workshop.c - the workshop layer: background jobs (results equal to
 * the engine's, the exact chain, cancel, refusals, paired and unpaired
 * comparisons, word of mouth) and the figures the panels show.  The list
 * of changes, single customers' stories and the results written out are
 * in test_workshop_out.c.
 */
#include "test_workshop_fixture.h"

/* --- settings ----------------------------------------------------------------- */

static void test_settings(void **state)
{
	struct ws_settings a, b;

	(void)state;
	ws_settings_init(&a);
	assert_int_equal(a.customers, 100000);
	assert_int_equal(a.seed, 1);
	assert_null(a.persona);
	assert_false(a.plain);
	assert_int_equal(a.market, 100000);
	assert_int_equal(a.days, 90);
	assert_true(a.p == 0.03 && a.q == 0.38);
	a.persona = xstrdup("quick");
	ws_settings_copy(&b, &a);
	assert_ptr_not_equal(a.persona, b.persona);
	assert_string_equal(b.persona, "quick");
	ws_settings_free(&a);
	assert_null(a.persona);
	assert_string_equal(b.persona, "quick");
	ws_settings_free(&b);
}

/* --- jobs --------------------------------------------------------------------- */

/* Everyone buys: the conversion is exactly 1. */
static void test_job_everyone_buys(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	double rate, lo, hi;

	(void)state;
	fx_journey(&j, "sure");
	fx_tp(&j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0);
	fx_tp(&j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0)->conversion = true;
	fx_next(&j, "ad", "buy", 1);
	fx_entry(&j, "ad", 1);
	settings(&s, 5000, 3, true);
	o = run_job(WS_JOB_SIMULATE, &j, NULL, &s);
	ws_conversion(&o->res, &rate, &lo, &hi);
	assert_true(rate == 1.0 && hi == 1.0 && lo > 0.999);
	assert_int_equal(o->res.conversions, 5000);
	assert_int_equal(o->res.steps, 10000);
	/* The outcome holds copies of the journey and the settings. */
	assert_ptr_not_equal(o->j.touchpoints, j.touchpoints);
	assert_string_equal(o->j.key, "sure");
	assert_int_equal(o->set.customers, 5000);
	assert_false(o->compared);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

/*
 * The plain model against the exact chain: within 3.29 standard errors
 * (the 99.9% band; see test_sim.c for why not the 95% one), and the very
 * counts of the engine run as `mot simulate` runs it.
 */
static void test_job_plain_exact(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	struct analyze_result a;
	struct sim_result r;
	double rate, lo, hi, se;
	char err[256];

	(void)state;
	fx_shop(&j);
	settings(&s, 200000, 11, true);
	o = run_job(WS_JOB_SIMULATE, &j, NULL, &s);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	ws_conversion(&o->res, &rate, &lo, &hi);
	se = sqrt(a.conversion * (1 - a.conversion) / 200000.0);
	print_message("# exact %.5f, job %.5f [%.5f, %.5f]\n", a.conversion,
		      rate, lo, hi);
	assert_true(fabs(rate - a.conversion) < 3.29 * se);
	assert_true(lo < rate && rate < hi);
	/* The plain model has no emotion effects. */
	for (size_t i = 0; i < o->res.n; i++)
		assert_true(ws_emotion_gain(&o->res, i) == 0);
	direct_simulate(&j, &s, 1, cli_impact(s.customers), &r);
	assert_same_counts(&o->res, &r);
	sim_result_free(&r);
	analyze_result_free(&a);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

/* The full model with a persona: the job's counts are the engine's,
 * emotion effects included, and the journey may change meanwhile. */
static void test_job_full_persona(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_result r;
	struct ws_job *job;
	char err[256];

	(void)state;
	fx_shop(&j);
	settings(&s, 30000, 5, false);
	s.persona = xstrdup("careful");
	job = ws_job_start(WS_JOB_SIMULATE, &j, NULL, &s, err, sizeof err);
	assert_non_null(job);
	/* The job walks its own copy. */
	j.touchpoints[2].emotion = 3;
	assert_int_equal(ws_job_finish(job, &o, err, sizeof err), 0);
	j.touchpoints[2].emotion = -1;
	assert_int_equal(o->res.personas[0].customers, 0);
	assert_int_equal(o->res.personas[1].customers, 30000);
	assert_int_equal(o->res.impact_customers, 30000);
	direct_simulate(&j, &s, 2, 30000, &r);
	assert_same_counts(&o->res, &r);
	sim_result_free(&r);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

static void test_job_refused(void **state)
{
	struct mot_journey j, bad;
	struct ws_settings s;
	char err[256];

	(void)state;
	fx_shop(&j);
	fx_journey(&bad, "bad");
	fx_tp(&bad, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0)->conversion = true;
	settings(&s, 1000, 1, false);
	err[0] = 0;
	assert_null(ws_job_start(WS_JOB_SIMULATE, &bad, NULL, &s, err,
				 sizeof err));
	assert_non_null(strstr(err, "no entry"));
	/* A baseline the engine refuses says so. */
	assert_null(ws_job_start(WS_JOB_COMPARE, &j, &bad, &s, err, sizeof err));
	assert_non_null(strstr(err, "the baseline: "));
	assert_non_null(strstr(err, "no entry"));
	assert_null(ws_job_start(WS_JOB_COMPARE, &j, NULL, &s, err, sizeof err));
	assert_string_equal(err, "no baseline to compare with");
	assert_null(ws_job_start(WS_JOB_SIMULATE, NULL, NULL, &s, err,
				 sizeof err));
	/* No way to buy. */
	j.touchpoints[3].conversion = false;
	assert_null(ws_job_start(WS_JOB_SIMULATE, &j, NULL, &s, err, sizeof err));
	assert_non_null(strstr(err, "cannot convert"));
	j.touchpoints[3].conversion = true;
	s.persona = xstrdup("nobody");
	assert_null(ws_job_start(WS_JOB_MARKET, &j, NULL, &s, err, sizeof err));
	assert_non_null(strstr(err, "no persona 'nobody'"));
	ws_settings_free(&s);
	settings(&s, 0, 1, false);
	assert_null(ws_job_start(WS_JOB_SIMULATE, &j, NULL, &s, err, sizeof err));
	assert_string_equal(err, "no customers to simulate");
	s.p = 0;
	assert_null(ws_job_start(WS_JOB_MARKET, &j, NULL, &s, err, sizeof err));
	assert_string_equal(err, "p must be above 0, q and qd at least 0");
	s.p = 0.03;
	s.qd = -0.1;
	assert_null(ws_job_start(WS_JOB_MARKET, &j, NULL, &s, err, sizeof err));
	assert_string_equal(err, "p must be above 0, q and qd at least 0");
	s.qd = 0.38;
	s.days = 0;
	assert_null(ws_job_start(WS_JOB_MARKET, &j, NULL, &s, err, sizeof err));
	assert_non_null(strstr(err, "one day"));
	assert_int_equal(ws_job_finish(NULL, &(struct ws_outcome *){ NULL }, err,
				       sizeof err), -1);
	ws_settings_free(&s);
	model_journey_free(&j);
	model_journey_free(&bad);
}

/* Cancelled at once, and mid-run: 1, no outcome, nothing leaked (the
 * sanitizer build checks the last part). */
static void test_job_cancel(void **state)
{
	const enum ws_job_kind kinds[] = { WS_JOB_SIMULATE, WS_JOB_COMPARE,
					   WS_JOB_MARKET };
	struct mot_journey j;
	struct ws_settings s;
	char err[256];

	(void)state;
	fx_shop(&j);
	settings(&s, 1000000000000ull, 1, false);
	s.market = 1000000000ull;
	s.days = 10000;
	for (int mid = 0; mid < 2; mid++)
		for (size_t k = 0; k < 3; k++) {
			static struct ws_outcome dummy;
			struct ws_outcome *o = &dummy;
			struct ws_job *job = ws_job_start(kinds[k], &j, &j, &s,
							  err, sizeof err);
			uint64_t done = 0, total = 0;

			assert_non_null(job);
			while (mid && !ws_job_poll(job, &done, &total) &&
			       done == 0)
				nap();
			assert_false(ws_job_poll(job, &done, &total));
			assert_true(done < total);
			ws_job_cancel(job);
			assert_int_equal(ws_job_finish(job, &o, err, sizeof err), 1);
			assert_null(o);
		}
	ws_settings_free(&s);
	model_journey_free(&j);
}

/* Same touchpoints: one paired run, the engine's sim_compare exactly. */
static void test_compare_paired(void **state)
{
	struct mot_journey base, cur;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_options opt;
	struct sim_run run;
	struct sim_model *mb, *mc;
	struct sim_result rb, rc;
	struct sim_pair pair;
	double d, lo, hi, d2, lo2, hi2;
	bool sig;
	char err[256];

	(void)state;
	fx_shop(&base);
	model_journey_copy(&cur, &base);
	cur.touchpoints[model_touchpoint_find(&cur, "compare")].emotion = 2;
	settings(&s, 40000, 9, false);
	o = run_job(WS_JOB_COMPARE, &cur, &base, &s);
	assert_true(o->compared && o->paired);
	assert_string_equal(o->base_j.key, "shop");
	assert_int_equal(o->base_j.touchpoints[2].emotion, -1);
	assert_int_equal(o->j.touchpoints[2].emotion, 2);
	direct_run(&s, 3, cli_impact(s.customers), &opt, &run);
	mb = compile(&base, &opt);
	mc = compile(&cur, &opt);
	assert_int_equal(sim_compare(mb, mc, &run, &rb, &rc, &pair, err,
				     sizeof err), 0);
	assert_same_counts(&o->base, &rb);
	assert_same_counts(&o->res, &rc);
	assert_int_equal(o->pair.gained, pair.gained);
	assert_int_equal(o->pair.lost, pair.lost);
	assert_true(pair.gained > pair.lost);
	ws_difference(o, &d, &lo, &hi, &sig);
	sim_pair_diff(&pair, 40000, &d2, &lo2, &hi2);
	assert_true(d == d2 && lo == lo2 && hi == hi2);
	assert_true(sig == (lo > 0 || hi < 0));
	assert_true(fabs(d - ((double)rc.conversions - (double)rb.conversions) /
			 40000.0) < 1e-12);
	/* The same two results taken as independent runs: a far wider
	 * interval, which is what pairing buys. */
	o->paired = false;
	ws_difference(o, &d2, &lo2, &hi2, &sig);
	assert_true(fabs(d - d2) < 1e-12);
	{	/* Newcombe's interval, as the engine has it */
		double d3, lo3, hi3;
		sim_unpaired_diff(rb.conversions, rb.customers, rc.conversions,
				  rc.customers, &d3, &lo3, &hi3);
		assert_true(d2 == d3 && lo2 == lo3 && hi2 == hi3);
	}
	assert_true(hi2 - lo2 > 1.5 * (hi - lo));
	sim_result_free(&rb);
	sim_result_free(&rc);
	sim_model_free(mb);
	sim_model_free(mc);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&base);
	model_journey_free(&cur);
}

/* A touchpoint added: two independent runs of the same seed, and the
 * two-proportion interval. */
/* Wilson's 95% interval of a rate p of n, written out. */
static void wilson(double p, double n, double out[2])
{
	double z = 1.959963984540054, den = 1 + z * z / n;
	double mid = (p + z * z / (2 * n)) / den;
	double half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den;

	out[0] = mid - half;
	out[1] = mid + half;
}

static void test_compare_unpaired(void **state)
{
	struct mot_journey base, cur;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_result rb, rc;
	double d, lo, hi, pb, pc, wb[2], wc[2];
	bool sig;

	(void)state;
	fx_shop(&base);
	model_journey_copy(&cur, &base);
	insert_tp(&cur, 3, "chat", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION)->human =
		true;
	fx_next(&cur, "search", "chat", 2);
	fx_next(&cur, "chat", "buy", 3);
	settings(&s, 30000, 4, false);
	o = run_job(WS_JOB_COMPARE, &cur, &base, &s);
	assert_true(o->compared);
	assert_false(o->paired);
	assert_int_equal(o->pair.gained + o->pair.lost, 0);
	assert_int_equal(o->res.n, 7);
	assert_int_equal(o->base.n, 6);
	direct_simulate(&base, &s, 1, cli_impact(s.customers), &rb);
	direct_simulate(&cur, &s, 1, cli_impact(s.customers), &rc);
	assert_same_counts(&o->base, &rb);
	assert_same_counts(&o->res, &rc);
	pb = (double)rb.conversions / 30000.0;
	pc = (double)rc.conversions / 30000.0;
	/* Newcombe's hybrid score interval: the Wilson intervals of both. */
	wilson(pb, 30000, wb);
	wilson(pc, 30000, wc);
	ws_difference(o, &d, &lo, &hi, &sig);
	assert_true(fabs(d - (pc - pb)) < 1e-15);
	assert_true(fabs(lo - (pc - pb - sqrt((pc - wc[0]) * (pc - wc[0]) +
					      (wb[1] - pb) * (wb[1] - pb)))) < 1e-15);
	assert_true(fabs(hi - (pc - pb + sqrt((wc[1] - pc) * (wc[1] - pc) +
					      (pb - wb[0]) * (pb - wb[0])))) < 1e-15);
	assert_true(pc > pb && sig);
	ws_outcome_free(o);
	/* The other way round: as significant, below 0. */
	o = run_job(WS_JOB_COMPARE, &base, &cur, &s);
	assert_false(o->paired);
	ws_difference(o, &d, &lo, &hi, &sig);
	assert_true(fabs(d - (pb - pc)) < 1e-15);
	assert_true(hi < 0 && sig);
	sim_result_free(&rb);
	sim_result_free(&rc);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&base);
	model_journey_free(&cur);
}

/* Word of mouth: the engine's days, progress to the end. */
static void test_market_job(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	struct sim_options opt;
	struct sim_run run;
	struct sim_market mk = { 0 };
	struct sim_market_day *days;
	struct sim_model *m;
	char err[256];

	(void)state;
	fx_shop(&j);
	settings(&s, 1000, 6, false);
	s.market = 300000;
	s.days = 40;
	s.p = 0.05;
	s.q = 0.5;
	o = run_job(WS_JOB_MARKET, &j, NULL, &s);
	assert_non_null(o->days);
	direct_run(&s, 1, 0, &opt, &run);
	m = compile(&j, &opt);
	mk.people = 300000;
	mk.days = 40;
	mk.p = 0.05;
	mk.q = 0.5;
	mk.seed = 6;
	mk.threads = 1;
	assert_int_equal(sim_market_run(m, &mk, &days, err, sizeof err), 0);
	assert_memory_equal(o->days, days, 40 * sizeof *days);
	assert_true(days[39].cumulative_adopters > 0);
	free(days);
	sim_model_free(m);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

/* Progress and cancel of sim_market_run itself. */
struct market_progress {
	uint64_t calls, last, total;
	atomic_int *cancel;
};

static void market_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct market_progress *p = ctx;

	assert_true(done >= p->last && done <= total);
	p->calls++;
	p->last = done;
	p->total = total;
	if (p->cancel)
		atomic_store(p->cancel, 1);
}

static void test_market_progress_cancel(void **state)
{
	struct mot_journey j;
	struct sim_options opt;
	struct sim_model *m;
	struct sim_market mk = { 600000, 30, 0.05, 0.4, 2, 0, NULL, NULL, NULL,
				  0 };
	struct sim_market_day *plain, *told;
	struct market_progress p = { 0, 0, 0, NULL };
	atomic_int stop = 0;
	char err[256];

	(void)state;
	fx_shop(&j);
	sim_options_init(&opt);
	m = compile(&j, &opt);
	assert_int_equal(sim_market_run(m, &mk, &plain, err, sizeof err), 0);
	mk.progress = market_progress;
	mk.progress_ctx = &p;
	assert_int_equal(sim_market_run(m, &mk, &told, err, sizeof err), 0);
	assert_memory_equal(plain, told, 30 * sizeof *told);
	assert_true(p.calls >= 2);
	assert_int_equal(p.last, 600000);
	assert_int_equal(p.total, 600000);
	free(told);
	/* Cancelled from the first batch's progress: no days. */
	p = (struct market_progress){ 0, 0, 0, &stop };
	mk.cancel = &stop;
	assert_int_equal(sim_market_run(m, &mk, &told, err, sizeof err), -1);
	assert_null(told);
	assert_string_equal(err, SIM_CANCELLED);
	assert_int_equal(p.calls, 1);
	free(plain);
	sim_model_free(m);
	model_journey_free(&j);
}

/* --- figures ---------------------------------------------------------------- */

/* A result with 4 touchpoints filled by hand. */
static void fake_result(struct sim_result *r)
{
	static uint64_t reach[4] = { 1000, 400, 0, 300 };
	static uint64_t drops[4] = { 250, 100, 0, 300 };
	static uint64_t through[4] = { 100, 250, 100, 450 };
	static uint64_t up[4] = { 30, 10, 30, 0 };
	static uint64_t down[4] = { 10, 0, 0, 0 };

	memset(r, 0, sizeof *r);
	r->n = 4;
	r->customers = 1000;
	r->conversions = 500;
	r->reach = reach;
	r->drops = drops;
	r->conv_through = through;
	r->emo_up = up;
	r->emo_down = down;
	r->impact_customers = 200;
	r->promoters = 30;
	r->passives = 50;
	r->detractors = 20;
}

static void test_figures(void **state)
{
	struct sim_result r;
	double rate, lo, hi, elo, ehi;

	(void)state;
	fake_result(&r);
	ws_conversion(&r, &rate, &lo, &hi);
	sim_ci95(500, 1000, &elo, &ehi);
	assert_true(rate == 0.5 && lo == elo && hi == ehi);
	assert_true(fabs(ws_nps(&r) - 10.0) < 1e-12);
	assert_true(ws_drop_share(&r, 0) == 0.25);
	assert_true(ws_drop_share(&r, 1) == 0.25);
	assert_true(ws_drop_share(&r, 2) == 0);   /* nobody came */
	assert_true(ws_drop_share(&r, 3) == 1);
	assert_true(ws_drop_share(&r, 9) == 0);
	assert_true(ws_removal_effect(&r, 3) == 0.9);
	assert_true(ws_removal_effect(&r, 0) == 0.2);
	assert_true(fabs(ws_emotion_gain(&r, 0) - 0.1) < 1e-15);
	assert_true(fabs(ws_emotion_gain(&r, 1) - 0.05) < 1e-15);
	assert_true(ws_emotion_gain(&r, 3) == 0);
	r.promoters = r.passives = r.detractors = 0;
	assert_true(ws_nps(&r) == 0);
	r.conversions = 0;
	r.impact_customers = 0;
	assert_true(ws_removal_effect(&r, 3) == 0);
	assert_true(ws_emotion_gain(&r, 0) == 0);
}

static void test_rank(void **state)
{
	struct sim_result r;
	size_t *by_removal, *by_emotion;

	(void)state;
	fake_result(&r);
	/* Removal 0.2, 0.5, 0.2, 0.9; emotion 0.1, 0.05, 0.15, 0. */
	by_removal = ws_rank(&r, false);
	by_emotion = ws_rank(&r, true);
	assert_int_equal(by_removal[0], 3);
	assert_int_equal(by_removal[1], 1);
	assert_int_equal(by_removal[2], 0);   /* tie: journey order */
	assert_int_equal(by_removal[3], 2);
	assert_int_equal(by_emotion[0], 2);
	assert_int_equal(by_emotion[1], 0);
	assert_int_equal(by_emotion[2], 1);
	assert_int_equal(by_emotion[3], 3);
	free(by_removal);
	free(by_emotion);
	/* All equal: the journey's order. */
	r.conversions = 0;
	by_removal = ws_rank(&r, false);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(by_removal[i], i);
	free(by_removal);
	r.n = 0;
	free(ws_rank(&r, false));
}

/* The value of "field" in the JSON object of touchpoint `key`. */
static void json_field(const char *json, const char *key, const char *field,
		       char *out, size_t len)
{
	char *pat = xasprintf("{\"key\":\"%s\",", key);
	char *fpat = xasprintf("\"%s\":", field);
	const char *p = strstr(json, pat), *f;
	size_t n;

	assert_non_null(p);
	f = strstr(p, fpat);
	assert_non_null(f);
	f += strlen(fpat);
	n = strcspn(f, ",}");
	assert_true(n < len);
	memcpy(out, f, n);
	out[n] = 0;
	free(pat);
	free(fpat);
}

/* The figures of a real run are the numbers `mot simulate` prints. */
static void test_figures_match_report(void **state)
{
	struct mot_journey j;
	struct ws_settings s;
	struct ws_outcome *o;
	char *json;

	(void)state;
	fx_shop(&j);
	j.touchpoints[4].emotion = 3;   /* "use": no emotion effect */
	settings(&s, 20000, 2, false);
	o = run_job(WS_JOB_SIMULATE, &j, NULL, &s);
	json = ws_outcome_string(SIM_FMT_JSON, o);
	assert_non_null(json);
	for (size_t i = 0; i < j.n_touchpoints; i++) {
		char got[64], want[40];
		const char *key = j.touchpoints[i].key;

		json_field(json, key, "removal_effect", got, sizeof got);
		model_format_number(ws_removal_effect(&o->res, i), want,
				    sizeof want);
		assert_string_equal(got, want);
		json_field(json, key, "emotion_effect", got, sizeof got);
		if (j.touchpoints[i].emotion == 3) {
			assert_string_equal(got, "null");
		} else {
			model_format_number(ws_emotion_gain(&o->res, i), want,
					    sizeof want);
			assert_string_equal(got, want);
		}
	}
	free(json);
	ws_outcome_free(o);
	ws_settings_free(&s);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_job_everyone_buys),
		cmocka_unit_test(test_job_plain_exact),
		cmocka_unit_test(test_job_full_persona),
		cmocka_unit_test(test_job_refused),
		cmocka_unit_test(test_job_cancel),
		cmocka_unit_test(test_compare_paired),
		cmocka_unit_test(test_compare_unpaired),
		cmocka_unit_test(test_market_job),
		cmocka_unit_test(test_market_progress_cancel),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_figures_match_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
