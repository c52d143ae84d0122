/*
 * workshop.c - the simulation behind the workshop mode: settings, jobs on
 * a thread of their own, and the figures the panels show.  What changed
 * between a baseline and a scenario is in workshop_changes.c, single
 * customers told as a story in workshop_story.c, and results written out
 * as `mot simulate` writes them in workshop_write.c.
 *
 * Everything here sits on the engine's public API (sim.h): the figures
 * use the definitions of src/sim/sim_report.c, so that the designer and the
 * command line never disagree about a number.
 */
#include "workshop.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "workshop_int.h"

/* --- settings ---------------------------------------------------------- */

void ws_settings_init(struct ws_settings *s)
{
	memset(s, 0, sizeof *s);
	s->customers = 100000;
	s->seed = 1;
	s->market = 100000;
	s->days = 90;
	s->p = 0.03;
	s->q = 0.38;
	s->qd = 0.38;
}

void ws_settings_free(struct ws_settings *s)
{
	free(s->persona);
	s->persona = NULL;
}

void ws_settings_copy(struct ws_settings *dst, const struct ws_settings *src)
{
	*dst = *src;
	dst->persona = xstrdup(src->persona);
}

void ws_sim_options(const struct ws_settings *s, struct sim_options *o)
{
	sim_options_init(o);
	o->plain = s->plain;
	o->persona = s->persona;
}

/* --- outcomes and their figures ----------------------------------------- */

void ws_outcome_free(struct ws_outcome *o)
{
	if (!o)
		return;
	ws_settings_free(&o->set);
	model_journey_free(&o->j);
	model_journey_free(&o->base_j);
	sim_result_free(&o->res);
	sim_result_free(&o->base);
	free(o->days);
	free(o);
}

static double ws_div(double a, double b)
{
	return b != 0 ? a / b : 0;
}

void ws_conversion(const struct sim_result *r, double *rate, double *lo,
		   double *hi)
{
	*rate = ws_div((double)r->conversions, (double)r->customers);
	sim_ci95(r->conversions, r->customers, lo, hi);
}

double ws_nps(const struct sim_result *r)
{
	uint64_t rated = r->promoters + r->passives + r->detractors;

	return ws_div(100.0 * ((double)r->promoters - (double)r->detractors),
		      (double)rated);
}

void ws_unpaired_diff(const struct sim_result *b, const struct sim_result *s,
		      double *diff, double *lo, double *hi)
{
	sim_unpaired_diff(b->conversions, b->customers, s->conversions,
			  s->customers, diff, lo, hi);
}

void ws_difference(const struct ws_outcome *o, double *diff, double *lo,
		   double *hi, bool *significant)
{
	*diff = *lo = *hi = 0;
	*significant = false;
	if (!o || !o->compared)
		return;
	if (o->paired)
		sim_pair_diff(&o->pair, o->base.customers, diff, lo, hi);
	else
		ws_unpaired_diff(&o->base, &o->res, diff, lo, hi);
	*significant = *lo > 0 || *hi < 0;
}

double ws_drop_share(const struct sim_result *r, size_t i)
{
	if (i >= r->n)
		return 0;
	return ws_div((double)r->drops[i], (double)r->reach[i]);
}

/* As rep_removal in src/sim/sim_report.c (which says "-" instead of 0 when
 * nobody bought). */
double ws_removal_effect(const struct sim_result *r, size_t i)
{
	if (i >= r->n)
		return 0;
	return ws_div((double)r->conv_through[i], (double)r->conversions);
}

/* As rep_emotion in src/sim/sim_report.c: the paired difference of the
 * customers walked again (its interval is not needed here). */
double ws_emotion_gain(const struct sim_result *r, size_t i)
{
	if (i >= r->n || r->impact_customers == 0)
		return 0;
	return ((double)r->emo_up[i] - (double)r->emo_down[i]) /
	       (double)r->impact_customers;
}

struct ws_ranked {
	double v;
	size_t i;
};

/* Largest first; ties by index, which makes qsort stable. */
static int ws_ranked_cmp(const void *a, const void *b)
{
	const struct ws_ranked *x = a, *y = b;

	if (x->v != y->v)
		return x->v < y->v ? 1 : -1;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t *ws_rank(const struct sim_result *r, bool by_emotion)
{
	struct ws_ranked *v = xcalloc(r->n + 1, sizeof *v);
	size_t *out = xcalloc(r->n + 1, sizeof *out);

	for (size_t i = 0; i < r->n; i++) {
		v[i].v = by_emotion ? ws_emotion_gain(r, i) :
				      ws_removal_effect(r, i);
		v[i].i = i;
	}
	qsort(v, r->n, sizeof *v, ws_ranked_cmp);
	for (size_t i = 0; i < r->n; i++)
		out[i] = v[i].i;
	free(v);
	return out;
}

/* --- background jobs ----------------------------------------------------- */

struct ws_job {
	enum ws_job_kind kind;
	struct ws_settings set;
	struct mot_journey j, base_j;   /* moved into the outcome when run */
	struct sim_model *m, *mb;       /* the journey's and the baseline's */
	bool paired;
	pthread_t tid;
	atomic_int cancel;
	_Atomic uint64_t done, total;
	atomic_bool ended;
	uint64_t offset;    /* done before this run (the second of two) */
	/* The hand-over: the job's thread leaves rc, err and out under
	 * lock, the caller takes them under it after the join. */
	pthread_mutex_t lock;
	int rc;
	char err[256];
	struct ws_outcome *out;
};

/* From any of the engine's threads: atomics only. */
static void ws_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct ws_job *job = ctx;

	(void)total;
	atomic_store_explicit(&job->done, job->offset + done,
			      memory_order_relaxed);
}

static void ws_job_run_init(struct ws_job *job, struct sim_run *r)
{
	sim_run_init(r);
	r->customers = job->set.customers;
	r->seed = job->set.seed;
	r->threads = 0;
	r->impact_customers = job->set.customers < SIM_IMPACT_CUSTOMERS ?
			      job->set.customers : SIM_IMPACT_CUSTOMERS;
	r->progress = ws_progress;
	r->progress_ctx = job;
	r->cancel = &job->cancel;
}

/* The baseline and the scenario: one paired run when the touchpoints are
 * the same, else two independent ones with the same seed. */
static int ws_job_compare(struct ws_job *job, struct ws_outcome *o,
			  const struct sim_run *r)
{
	o->compared = true;
	o->paired = job->paired;
	if (job->paired)
		return sim_compare(job->mb, job->m, r, &o->base, &o->res,
				   &o->pair, job->err, sizeof job->err);
	if (sim_simulate(job->mb, r, &o->base, job->err, sizeof job->err) != 0)
		return -1;
	job->offset = r->customers;
	return sim_simulate(job->m, r, &o->res, job->err, sizeof job->err);
}

static int ws_job_market(struct ws_job *job, struct ws_outcome *o)
{
	struct sim_market mk;

	memset(&mk, 0, sizeof mk);
	mk.people = job->set.market;
	mk.days = job->set.days;
	mk.p = job->set.p;
	mk.q = job->set.q;
	mk.qd = job->set.qd;
	mk.seed = job->set.seed;
	mk.threads = 0;
	mk.progress = ws_progress;
	mk.progress_ctx = job;
	mk.cancel = &job->cancel;
	return sim_market_run(job->m, &mk, &o->days, job->err, sizeof job->err);
}

static double ws_seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

static void *ws_job_main(void *arg)
{
	struct ws_job *job = arg;
	struct ws_outcome *o = xcalloc(1, sizeof *o);
	struct timespec t0;
	struct sim_run r;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	o->kind = job->kind;
	ws_settings_copy(&o->set, &job->set);
	o->j = job->j;
	o->base_j = job->base_j;
	model_journey_init(&job->j);
	model_journey_init(&job->base_j);
	ws_job_run_init(job, &r);
	if (job->kind == WS_JOB_COMPARE)
		rc = ws_job_compare(job, o, &r);
	else if (job->kind == WS_JOB_MARKET)
		rc = ws_job_market(job, o);
	else
		rc = sim_simulate(job->m, &r, &o->res, job->err,
				  sizeof job->err);
	o->seconds = ws_seconds_since(&t0);
	if (rc != 0) {
		ws_outcome_free(o);
		o = NULL;
	}
	pthread_mutex_lock(&job->lock);
	job->out = o;
	job->rc = rc;
	pthread_mutex_unlock(&job->lock);
	atomic_store_explicit(&job->ended, true, memory_order_release);
	return NULL;
}

static void ws_job_free(struct ws_job *job)
{
	sim_model_free(job->m);
	sim_model_free(job->mb);
	model_journey_free(&job->j);
	model_journey_free(&job->base_j);
	ws_settings_free(&job->set);
	ws_outcome_free(job->out);
	pthread_mutex_destroy(&job->lock);
	free(job);
}

/* Same touchpoint keys in the same order: customers can walk both
 * journeys with the same random numbers. */
static bool ws_same_touchpoints(const struct mot_journey *a,
				const struct mot_journey *b)
{
	if (a->n_touchpoints != b->n_touchpoints)
		return false;
	for (size_t i = 0; i < a->n_touchpoints; i++)
		if (!util_streq(a->touchpoints[i].key, b->touchpoints[i].key))
			return false;
	return true;
}

/* What would only fail later, on the job's thread, is refused now. */
static int ws_job_check(enum ws_job_kind kind, const struct mot_journey *j,
			const struct mot_journey *base,
			const struct ws_settings *set, char *err, size_t errlen)
{
	if (!j || (kind == WS_JOB_COMPARE && !base)) {
		snprintf(err, errlen, kind == WS_JOB_COMPARE && j ?
			 "no baseline to compare with" : "no journey");
		return -1;
	}
	if (kind != WS_JOB_MARKET && set->customers == 0) {
		snprintf(err, errlen, "no customers to simulate");
		return -1;
	}
	if (kind == WS_JOB_MARKET && (set->market == 0 || set->days == 0)) {
		snprintf(err, errlen, "the market needs at least one person "
			 "and one day");
		return -1;
	}
	if (kind == WS_JOB_MARKET &&
	    (!(set->p > 0) || !(set->q >= 0) || !(set->qd >= 0) ||
	     !isfinite(set->p) || !isfinite(set->q) || !isfinite(set->qd))) {
		snprintf(err, errlen, "p must be above 0, q and qd at least 0");
		return -1;
	}
	return 0;
}

/* Copies and compiles (the baseline too, for a comparison). */
static int ws_job_prepare(struct ws_job *job, const struct mot_journey *j,
			  const struct mot_journey *base, char *err,
			  size_t errlen)
{
	struct sim_options o;
	char msg[256];

	ws_sim_options(&job->set, &o);
	if (model_journey_copy(&job->j, j) != 0 ||
	    (base && model_journey_copy(&job->base_j, base) != 0)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (sim_compile(&job->j, &o, &job->m, err, errlen) != 0)
		return -1;
	if (base && sim_compile(&job->base_j, &o, &job->mb, msg,
				sizeof msg) != 0) {
		snprintf(err, errlen, "the baseline: %s", msg);
		return -1;
	}
	job->paired = base && ws_same_touchpoints(&job->j, &job->base_j);
	return 0;
}

struct ws_job *ws_job_start(enum ws_job_kind kind, const struct mot_journey *j,
			    const struct mot_journey *base,
			    const struct ws_settings *set, char *err,
			    size_t errlen)
{
	struct ws_settings defaults;
	struct ws_job *job;
	int rc;

	ws_settings_init(&defaults);
	if (!set)
		set = &defaults;
	if (ws_job_check(kind, j, base, set, err, errlen) != 0)
		return NULL;
	job = xcalloc(1, sizeof *job);
	pthread_mutex_init(&job->lock, NULL);
	job->kind = kind;
	ws_settings_copy(&job->set, set);
	atomic_init(&job->cancel, 0);
	atomic_init(&job->done, 0);
	atomic_init(&job->ended, false);
	if (ws_job_prepare(job, j, kind == WS_JOB_COMPARE ? base : NULL, err,
			   errlen) != 0) {
		ws_job_free(job);
		return NULL;
	}
	/* Unpaired, the customers walk twice: two runs one after the other. */
	atomic_init(&job->total, kind == WS_JOB_MARKET ? set->market :
		    kind == WS_JOB_COMPARE && !job->paired ?
		    2 * set->customers : set->customers);
	rc = pthread_create(&job->tid, NULL, ws_job_main, job);
	if (rc != 0) {
		snprintf(err, errlen, "cannot start the simulation: %s",
			 strerror(rc));
		ws_job_free(job);
		return NULL;
	}
	return job;
}

bool ws_job_poll(struct ws_job *job, uint64_t *done, uint64_t *total)
{
	*done = atomic_load_explicit(&job->done, memory_order_relaxed);
	*total = atomic_load_explicit(&job->total, memory_order_relaxed);
	return atomic_load_explicit(&job->ended, memory_order_acquire);
}

void ws_job_cancel(struct ws_job *job)
{
	if (job)
		atomic_store_explicit(&job->cancel, 1, memory_order_relaxed);
}

/* A job asked to stop returns 1 even if it got to the end first: the
 * caller no longer wants what it made. */
int ws_job_finish(struct ws_job *job, struct ws_outcome **out, char *err,
		  size_t errlen)
{
	int rc;

	*out = NULL;
	if (!job) {
		snprintf(err, errlen, "no simulation running");
		return -1;
	}
	pthread_join(job->tid, NULL);
	pthread_mutex_lock(&job->lock);
	if (atomic_load_explicit(&job->cancel, memory_order_relaxed)) {
		rc = 1;
	} else if (job->rc != 0) {
		snprintf(err, errlen, "%s", job->err);
		rc = -1;
	} else {
		*out = job->out;
		job->out = NULL;
		rc = 0;
	}
	pthread_mutex_unlock(&job->lock);
	ws_job_free(job);
	return rc;
}
