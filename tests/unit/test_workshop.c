/*
 * test_workshop.c - the workshop layer: background jobs (results equal to
 * the engine's, the exact chain, cancel, refusals, paired and unpaired
 * comparisons, word of mouth), the figures the panels show, the list of
 * changes, single customers' stories against the simulation, and the
 * results written out exactly as the reports of `mot simulate`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <time.h>

#include <cmocka.h>

#include "sim.h"
#include "test_sim_fixture.h"
#include "workshop.h"

/* --- helpers ---------------------------------------------------------------- */

static void nap(void)
{
	struct timespec t = { 0, 1000000 };

	nanosleep(&t, NULL);
}

static void settings(struct ws_settings *s, uint64_t customers, uint64_t seed,
		     bool plain)
{
	ws_settings_init(s);
	s->customers = customers;
	s->seed = seed;
	s->plain = plain;
}

/* Start, poll until the end (progress never past the total), finish. */
static struct ws_outcome *run_job(enum ws_job_kind kind,
				  const struct mot_journey *j,
				  const struct mot_journey *base,
				  const struct ws_settings *s)
{
	struct ws_outcome *o = NULL;
	struct ws_job *job;
	uint64_t done, total, last = 0;
	char err[256];

	job = ws_job_start(kind, j, base, s, err, sizeof err);
	if (!job)
		fail_msg("ws_job_start: %s", err);
	while (!ws_job_poll(job, &done, &total)) {
		assert_true(done <= total);
		assert_true(done >= last);
		last = done;
		nap();
	}
	assert_int_equal(done, total);
	if (ws_job_finish(job, &o, err, sizeof err) != 0)
		fail_msg("ws_job_finish: %s", err);
	assert_non_null(o);
	assert_int_equal(o->kind, kind);
	assert_true(o->seconds > 0);
	return o;
}

/* What `mot simulate` does for the same settings (src/cli/cmd_sim.c). */
static void direct_run(const struct ws_settings *s, unsigned threads,
		       uint64_t impact, struct sim_options *o, struct sim_run *r)
{
	sim_options_init(o);
	o->plain = s->plain;
	o->persona = s->persona;
	sim_run_init(r);
	r->customers = s->customers;
	r->seed = s->seed;
	r->threads = threads;
	r->impact_customers = impact;
}

static uint64_t cli_impact(uint64_t customers)
{
	return customers < 100000 ? customers : 100000;
}

static struct sim_model *compile(const struct mot_journey *j,
				 const struct sim_options *o)
{
	struct sim_model *m;
	char err[256];

	if (sim_compile(j, o, &m, err, sizeof err) != 0)
		fail_msg("compile %s: %s", j->key, err);
	return m;
}

static void direct_simulate(const struct mot_journey *j,
			    const struct ws_settings *s, unsigned threads,
			    uint64_t impact, struct sim_result *r)
{
	struct sim_options o;
	struct sim_run run;
	struct sim_model *m;
	char err[256];

	direct_run(s, threads, impact, &o, &run);
	m = compile(j, &o);
	assert_int_equal(sim_simulate(m, &run, r, err, sizeof err), 0);
	sim_model_free(m);
}

static void assert_same_counts(const struct sim_result *a,
			       const struct sim_result *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->customers, b->customers);
	assert_int_equal(a->steps, b->steps);
	assert_int_equal(a->conversions, b->conversions);
	assert_int_equal(a->promoters, b->promoters);
	assert_int_equal(a->detractors, b->detractors);
	assert_int_equal(a->impact_customers, b->impact_customers);
	assert_memory_equal(a->visits, b->visits, a->n * sizeof *a->visits);
	assert_memory_equal(a->conv_through, b->conv_through,
			    a->n * sizeof *a->visits);
	assert_memory_equal(a->emo_up, b->emo_up, a->n * sizeof *a->visits);
	assert_memory_equal(a->emo_down, b->emo_down, a->n * sizeof *a->visits);
}

/* A report into a string. */
struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static char *capture_close(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->buf;
}

/* A new touchpoint at position `at` (the fixture only appends). */
static struct mot_touchpoint *insert_tp(struct mot_journey *j, size_t at,
					const char *key, enum mot_stage s,
					enum mot_phase p)
{
	struct mot_touchpoint tp;

	fx_tp(j, key, s, p, 0);
	tp = j->touchpoints[j->n_touchpoints - 1];
	memmove(&j->touchpoints[at + 1], &j->touchpoints[at],
		(j->n_touchpoints - 1 - at) * sizeof tp);
	j->touchpoints[at] = tp;
	return &j->touchpoints[at];
}

static void remove_tp(struct mot_journey *j, const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	model_touchpoint_free(&j->touchpoints[i]);
	memmove(&j->touchpoints[i], &j->touchpoints[i + 1],
		(j->n_touchpoints - (size_t)i - 1) * sizeof *j->touchpoints);
	j->n_touchpoints--;
}

static void remove_next(struct mot_journey *j, const char *from,
			const char *to)
{
	struct mot_touchpoint *tp = &j->touchpoints[model_touchpoint_find(j, from)];

	for (size_t k = 0; k < tp->n_next; k++)
		if (strcmp(tp->next[k].to, to) == 0) {
			free(tp->next[k].to);
			free(tp->next[k].label);
			memmove(&tp->next[k], &tp->next[k + 1],
				(tp->n_next - k - 1) * sizeof *tp->next);
			tp->n_next--;
			return;
		}
	fail_msg("no transition %s -> %s", from, to);
}

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
