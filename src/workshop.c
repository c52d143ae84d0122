/*
 * workshop.c - the simulation behind the workshop mode: jobs on a thread
 * of their own, the figures the panels show, what changed between a
 * baseline and a scenario, single customers told as a story, and results
 * written out exactly as `mot simulate` writes them.
 *
 * Everything here sits on the engine's public API (sim.h): the figures
 * use the definitions of src/sim_report.c, so that the designer and the
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

#define WS_Z95 1.959963984540054

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

static void ws_options(const struct ws_settings *s, struct sim_options *o)
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

/* Two independent proportions: the normal interval of their difference. */
static void ws_unpaired_diff(const struct sim_result *b,
			     const struct sim_result *s, double *diff,
			     double *lo, double *hi)
{
	double nb = (double)b->customers, ns = (double)s->customers;
	double pb = ws_div((double)b->conversions, nb);
	double ps = ws_div((double)s->conversions, ns);
	double var = ws_div(pb * (1 - pb), nb) + ws_div(ps * (1 - ps), ns);
	double half = WS_Z95 * sqrt(var > 0 ? var : 0);

	*diff = ps - pb;
	*lo = *diff - half;
	*hi = *diff + half;
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

/* As rep_removal in src/sim_report.c (which says "-" instead of 0 when
 * nobody bought). */
double ws_removal_effect(const struct sim_result *r, size_t i)
{
	if (i >= r->n)
		return 0;
	return ws_div((double)r->conv_through[i], (double)r->conversions);
}

/* As rep_emotion in src/sim_report.c: the paired difference of the
 * customers walked again. */
double ws_emotion_gain(const struct sim_result *r, size_t i)
{
	struct sim_pair p;
	double d, lo, hi;

	if (i >= r->n || r->impact_customers == 0)
		return 0;
	p.gained = r->emo_up[i];
	p.lost = r->emo_down[i];
	sim_pair_diff(&p, r->impact_customers, &d, &lo, &hi);
	return d;
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
	/* Written by the job's thread, read after the join. */
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
	if (rc == 0)
		job->out = o;
	else
		ws_outcome_free(o);
	job->rc = rc;
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
	if (kind == WS_JOB_MARKET && (!(set->p > 0) || !(set->q >= 0) ||
				      !isfinite(set->p) || !isfinite(set->q))) {
		snprintf(err, errlen, "p must be above 0 and q at least 0");
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

	ws_options(&job->set, &o);
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
	ws_job_free(job);
	return rc;
}

/* --- what changed --------------------------------------------------------- */

struct ws_lines {
	char **v;
	size_t n, cap;
};

static void ws_add(struct ws_lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void ws_add(struct ws_lines *l, const char *fmt, ...)
{
	va_list ap;
	int len;
	char *s;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	s = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	util_reserve((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

void ws_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Keys sorted for lookups: journeys may be large, the diff stays
 * O(n log n). */
struct ws_key {
	const char *key;
	size_t i;
};

static int ws_key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ws_key *)a)->key,
		      ((const struct ws_key *)b)->key);
}

static struct ws_key *ws_tp_index(const struct mot_journey *j)
{
	struct ws_key *ix = xcalloc(j->n_touchpoints + 1, sizeof *ix);

	for (size_t i = 0; i < j->n_touchpoints; i++) {
		ix[i].key = j->touchpoints[i].key ? j->touchpoints[i].key : "";
		ix[i].i = i;
	}
	qsort(ix, j->n_touchpoints, sizeof *ix, ws_key_cmp);
	return ix;
}

static long ws_tp_lookup(const struct ws_key *ix, size_t n, const char *key)
{
	struct ws_key k = { key ? key : "", 0 };
	const struct ws_key *hit = bsearch(&k, ix, n, sizeof *ix, ws_key_cmp);

	return hit ? (long)hit->i : -1;
}

/* Both journeys with their indexes, for the parts of the diff. */
struct ws_diff {
	const struct mot_journey *a, *b;   /* base, current */
	struct ws_key *ia, *ib;
	struct ws_lines *out;
};

static const char *ws_tp_name(const struct mot_touchpoint *tp)
{
	return !util_str_empty(tp->name) ? tp->name :
	       tp->key ? tp->key : "?";
}

/* The name of the touchpoint with this key in j, or the key itself. */
static const char *ws_name_of(const struct mot_journey *j,
			      const struct ws_key *ix, const char *key)
{
	long i = ws_tp_lookup(ix, j->n_touchpoints, key);

	return i >= 0 ? ws_tp_name(&j->touchpoints[i]) : key ? key : "?";
}

static const char *ws_emotion_str(int e, char *buf, size_t len)
{
	snprintf(buf, len, e ? "%+d" : "%d", e);
	return buf;
}

static const char *ws_yes(bool v)
{
	return v ? "yes" : "no";
}

static const char *ws_phase_str(enum mot_phase p)
{
	return p == MOT_PHASE_NONE ? "none" : model_phase_key(p);
}

static void ws_diff_number(struct ws_lines *l, const char *who,
			   const char *field, double a, double b,
			   const char *unit)
{
	char x[40], y[40];

	if (a != b)
		ws_add(l, "%s: %s %s -> %s%s", who, field,
		       model_format_number(a, x, sizeof x),
		       model_format_number(b, y, sizeof y), unit);
}

static void ws_diff_flag(struct ws_lines *l, const char *who,
			 const char *field, bool a, bool b)
{
	if (a != b)
		ws_add(l, "%s: %s %s -> %s", who, field, ws_yes(a), ws_yes(b));
}

/* Free text: quoted, or "none". */
static void ws_diff_text(struct ws_lines *l, const char *who,
			 const char *field, const char *a, const char *b)
{
	bool ea = util_str_empty(a), eb = util_str_empty(b);

	if (util_streq(a, b) || (ea && eb))
		return;
	ws_add(l, "%s: %s %s%s%s -> %s%s%s", who, field, ea ? "" : "'",
	       ea ? "none" : a, ea ? "" : "'", eb ? "" : "'", eb ? "none" : b,
	       eb ? "" : "'");
}

/* The fields of one touchpoint kept in both. */
static void ws_diff_fields(struct ws_lines *l, const struct mot_touchpoint *a,
			   const struct mot_touchpoint *b)
{
	const char *who = ws_tp_name(b);
	char x[8], y[8];

	if (!util_streq(ws_tp_name(a), who))
		ws_add(l, "%s: renamed from '%s'", who, ws_tp_name(a));
	if (a->stage != b->stage)
		ws_add(l, "%s: stage %s -> %s", who, model_stage_label(a->stage),
		       model_stage_label(b->stage));
	if (a->phase != b->phase)
		ws_add(l, "%s: phase %s -> %s", who, ws_phase_str(a->phase),
		       ws_phase_str(b->phase));
	if (a->emotion != b->emotion)
		ws_add(l, "%s: emotion %s -> %s", who,
		       ws_emotion_str(a->emotion, x, sizeof x),
		       ws_emotion_str(b->emotion, y, sizeof y));
	ws_diff_number(l, who, "drop", a->drop, b->drop, "");
	ws_diff_number(l, who, "dwell", a->dwell, b->dwell, " minutes");
	ws_diff_flag(l, who, "critical", a->critical, b->critical);
	ws_diff_flag(l, who, "human", a->human, b->human);
	ws_diff_flag(l, who, "conversion", a->conversion, b->conversion);
	ws_diff_flag(l, who, "controlled", a->controlled, b->controlled);
	ws_diff_text(l, who, "channel", a->channel, b->channel);
	ws_diff_text(l, who, "owner", a->owner, b->owner);
	if (!util_streq(a->notes, b->notes) &&
	    !(util_str_empty(a->notes) && util_str_empty(b->notes)))
		ws_add(l, "%s: notes changed", who);
}

static const struct mot_transition *ws_find_next(const struct mot_touchpoint *tp,
						 const char *to)
{
	for (size_t k = 0; tp && k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, to))
			return &tp->next[k];
	return NULL;
}

/* Transitions out of a touchpoint: a is the base's (NULL when the
 * touchpoint was added), b the current one. */
static void ws_diff_next(struct ws_diff *d, const struct mot_touchpoint *a,
			 const struct mot_touchpoint *b)
{
	const char *who = ws_tp_name(b);

	for (size_t k = 0; k < b->n_next; k++) {
		const struct mot_transition *t = &b->next[k];
		const struct mot_transition *o = ws_find_next(a, t->to);
		const char *to = ws_name_of(d->b, d->ib, t->to);
		char what[512];

		if (!o) {
			ws_add(d->out, "new transition %s -> %s", who, to);
			continue;
		}
		snprintf(what, sizeof what, "%s -> %s", who, to);
		ws_diff_number(d->out, what, "weight", o->weight, t->weight, "");
		ws_diff_text(d->out, what, "label", o->label, t->label);
	}
	for (size_t k = 0; a && k < a->n_next; k++)
		if (!ws_find_next(b, a->next[k].to))
			ws_add(d->out, "removed transition %s -> %s", who,
			       ws_name_of(d->a, d->ia, a->next[k].to));
}

/*
 * Place of each touchpoint among those kept in both journeys in the same
 * stage (1-based; 0 for the others): a touchpoint moved inside its stage
 * changes place, which also ends paired comparisons.
 */
static size_t *ws_places(const struct mot_journey *j,
			 const struct mot_journey *other,
			 const struct ws_key *oix)
{
	size_t *place = xcalloc(j->n_touchpoints + 1, sizeof *place);
	size_t count[MOT_STAGE_COUNT] = { 0 };

	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		long k = ws_tp_lookup(oix, other->n_touchpoints, tp->key);

		if (k >= 0 && other->touchpoints[k].stage == tp->stage &&
		    tp->stage < MOT_STAGE_COUNT)
			place[i] = ++count[tp->stage];
	}
	return place;
}

static void ws_diff_touchpoints(struct ws_diff *d)
{
	size_t *pa = ws_places(d->a, d->b, d->ib);
	size_t *pb = ws_places(d->b, d->a, d->ia);

	for (size_t i = 0; i < d->b->n_touchpoints; i++) {
		const struct mot_touchpoint *b = &d->b->touchpoints[i];
		long k = ws_tp_lookup(d->ia, d->a->n_touchpoints, b->key);

		if (k < 0) {
			ws_add(d->out, "added touchpoint '%s'", ws_tp_name(b));
			ws_diff_next(d, NULL, b);
			continue;
		}
		ws_diff_fields(d->out, &d->a->touchpoints[k], b);
		if (pb[i] && pa[k] != pb[i])
			ws_add(d->out, "%s: place in %s %zu -> %zu",
			       ws_tp_name(b), model_stage_label(b->stage),
			       pa[k], pb[i]);
		ws_diff_next(d, &d->a->touchpoints[k], b);
	}
	for (size_t i = 0; i < d->a->n_touchpoints; i++)
		if (ws_tp_lookup(d->ib, d->b->n_touchpoints,
				 d->a->touchpoints[i].key) < 0)
			ws_add(d->out, "removed touchpoint '%s'",
			       ws_tp_name(&d->a->touchpoints[i]));
	free(pa);
	free(pb);
}

static const struct mot_entry *ws_find_entry(const struct mot_journey *j,
					     const char *to)
{
	for (size_t i = 0; i < j->n_entries; i++)
		if (util_streq(j->entries[i].to, to))
			return &j->entries[i];
	return NULL;
}

static void ws_diff_entries(struct ws_diff *d)
{
	char x[40], y[40];

	for (size_t i = 0; i < d->b->n_entries; i++) {
		const struct mot_entry *e = &d->b->entries[i];
		const struct mot_entry *o = ws_find_entry(d->a, e->to);
		const char *at = ws_name_of(d->b, d->ib, e->to);

		if (!o)
			ws_add(d->out, "new entry at %s, weight %s", at,
			       model_format_number(e->weight, x, sizeof x));
		else if (o->weight != e->weight)
			ws_add(d->out, "entry at %s: weight %s -> %s", at,
			       model_format_number(o->weight, x, sizeof x),
			       model_format_number(e->weight, y, sizeof y));
	}
	for (size_t i = 0; i < d->a->n_entries; i++)
		if (!ws_find_entry(d->b, d->a->entries[i].to))
			ws_add(d->out, "removed entry at %s",
			       ws_name_of(d->a, d->ia, d->a->entries[i].to));
}

static const char *ws_persona_name(const struct mot_persona *p)
{
	return !util_str_empty(p->name) ? p->name : p->key ? p->key : "?";
}

static void ws_diff_persona(struct ws_lines *l, const struct mot_persona *a,
			    const struct mot_persona *b)
{
	char who[512];

	snprintf(who, sizeof who, "persona '%s'", ws_persona_name(b));
	if (!util_streq(ws_persona_name(a), ws_persona_name(b)))
		ws_add(l, "%s: renamed from '%s'", who, ws_persona_name(a));
	ws_diff_number(l, who, "share", a->share, b->share, "");
	ws_diff_number(l, who, "sensitivity", a->emotion_sensitivity,
		       b->emotion_sensitivity, "");
	if (a->patience != b->patience)
		ws_add(l, "%s: patience %d -> %d", who, a->patience,
		       b->patience);
	ws_diff_number(l, who, "explore bias", a->explore_bias,
		       b->explore_bias, "");
	if (!util_streq(a->description, b->description) &&
	    !(util_str_empty(a->description) && util_str_empty(b->description)))
		ws_add(l, "%s: description changed", who);
}

static void ws_diff_personas(struct ws_diff *d)
{
	for (size_t i = 0; i < d->b->n_personas; i++) {
		const struct mot_persona *b = &d->b->personas[i];
		long k = b->key ? model_persona_find(d->a, b->key) : -1;

		if (k < 0)
			ws_add(d->out, "added persona '%s'", ws_persona_name(b));
		else
			ws_diff_persona(d->out, &d->a->personas[k], b);
	}
	for (size_t i = 0; i < d->a->n_personas; i++) {
		const struct mot_persona *a = &d->a->personas[i];

		if (!a->key || model_persona_find(d->b, a->key) < 0)
			ws_add(d->out, "removed persona '%s'", ws_persona_name(a));
	}
}

size_t ws_changes(const struct mot_journey *base, const struct mot_journey *cur,
		  char ***lines)
{
	struct ws_lines l = { NULL, 0, 0 };
	struct ws_diff d = { base, cur, NULL, NULL, &l };

	*lines = NULL;
	if (!base || !cur)
		return 0;
	d.ia = ws_tp_index(base);
	d.ib = ws_tp_index(cur);
	ws_diff_touchpoints(&d);
	ws_diff_entries(&d);
	ws_diff_personas(&d);
	free(d.ia);
	free(d.ib);
	*lines = l.v;
	return l.n;
}

/* --- the walkthrough ---------------------------------------------------- */

static bool ws_has_next(const struct mot_touchpoint *from, const char *to)
{
	return ws_find_next(from, to) != NULL;
}

/*
 * Whether step i was reached by exposure rather than by a transition.
 * The path does not say which random draw sent the customer on, so the
 * rule is: the full model, not bought yet (exposure only comes before the
 * purchase), an exposure-phase touchpoint, and no transition to it from
 * the touchpoint before.  A re-exposure to a touchpoint that the one
 * before also leads to is told as the transition.
 */
static bool ws_reexposed(const struct mot_journey *j, bool plain,
			 const struct ws_step *prev, size_t tp, bool bought)
{
	const struct mot_touchpoint *t = &j->touchpoints[tp];

	return !plain && !bought && t->phase == MOT_PHASE_EXPOSURE &&
	       !ws_has_next(&j->touchpoints[prev->tp], t->key);
}

static unsigned ws_rating(double mood)
{
	if (mood >= SIM_PROMOTER_MOOD)
		return WS_EV_PROMOTER;
	if (mood <= SIM_DETRACTOR_MOOD)
		return WS_EV_DETRACTOR;
	return WS_EV_PASSIVE;
}

static unsigned ws_end_event(enum sim_end e)
{
	switch (e) {
	case SIM_END_DROP:
		return WS_EV_DROP;
	case SIM_END_EXIT:
		return WS_EV_EXIT;
	case SIM_END_PATIENCE:
		return WS_EV_PATIENCE;
	default:
		return WS_EV_CUT;
	}
}

/* The walk's state as the counting pass of the engine keeps it. */
struct ws_walk_state {
	double mood, sens;
	unsigned loops;
	enum mot_phase last;   /* last exploration/evaluation phase */
	bool bought, rated;
};

static void ws_story_step(const struct mot_journey *j, bool plain,
			  struct ws_walk_state *w, struct ws_step *s, size_t i)
{
	const struct mot_touchpoint *tp = &j->touchpoints[s->tp];

	w->mood = SIM_MOOD_DECAY * w->mood + w->sens * tp->emotion;
	s->mood = w->mood;
	s->events = i == 0 ? WS_EV_ENTER : 0;
	if (i > 0 && ws_reexposed(j, plain, s - 1, s->tp, w->bought))
		s->events |= WS_EV_REEXPOSED;
	if (tp->phase == MOT_PHASE_EXPLORATION &&
	    w->last == MOT_PHASE_EVALUATION) {
		w->loops++;
		s->events |= WS_EV_LOOP;
	}
	if (tp->phase == MOT_PHASE_EXPLORATION ||
	    tp->phase == MOT_PHASE_EVALUATION)
		w->last = tp->phase;
	if (tp->conversion && !w->bought) {
		w->bought = true;
		s->events |= WS_EV_BUY;
	}
	if (tp->stage == MOT_STAGE_TMOT && !w->rated) {
		w->rated = true;
		s->events |= ws_rating(w->mood);
	}
	s->loops = w->loops;
}

int ws_story(const struct mot_journey *j, const struct ws_settings *set,
	     uint64_t c, struct ws_story *out, char *err, size_t errlen)
{
	struct ws_walk_state w = { 0, MOT_DEFAULT_EMOTION_SENSITIVITY, 0,
				   MOT_PHASE_NONE, false, false };
	struct sim_options o;
	struct sim_model *m;
	struct sim_tracer *tr;
	struct sim_walk_info info;
	const uint16_t *path;

	memset(out, 0, sizeof *out);
	ws_options(set, &o);
	if (sim_compile(j, &o, &m, err, errlen) != 0)
		return -1;
	tr = sim_tracer_new(m, set->seed);
	path = sim_tracer_walk(tr, c, &info);
	out->customer = c;
	out->persona = info.persona;
	out->n = info.steps;
	out->steps = xcalloc(out->n + 1, sizeof *out->steps);
	if (j->n_personas)
		w.sens = j->personas[info.persona].emotion_sensitivity;
	for (size_t i = 0; i < out->n; i++) {
		out->steps[i].tp = path[i];
		ws_story_step(j, set->plain, &w, &out->steps[i], i);
	}
	if (out->n)
		out->steps[out->n - 1].events |= ws_end_event(info.end);
	out->bought = w.bought;
	sim_tracer_free(tr);
	sim_model_free(m);
	return 0;
}

void ws_story_free(struct ws_story *s)
{
	free(s->steps);
	memset(s, 0, sizeof *s);
}

/* --- writing results out ------------------------------------------------ */

/* The report as `mot simulate` makes it for these settings. */
struct ws_report {
	struct sim_options opt;
	struct sim_run run;
	struct sim_report rp;
};

static void ws_report_init(struct ws_report *w, const struct ws_outcome *o,
			   const struct mot_journey *j)
{
	ws_options(&o->set, &w->opt);
	sim_run_init(&w->run);
	w->run.customers = o->set.customers;
	w->run.seed = o->set.seed;
	w->rp.j = j;
	w->rp.opt = &w->opt;
	w->rp.run = &w->run;
	w->rp.sets = NULL;
	w->rp.n_sets = 0;
}

/* As rep_num in src/sim_report.c. */
static void ws_num(FILE *out, double v)
{
	char buf[40];

	fputs(isfinite(v) ? model_format_number(v, buf, sizeof buf) : "null",
	      out);
}

static double ws_nan_div(double a, double b)
{
	return b != 0 ? a / b : NAN;
}

static double ws_mean_visits(const struct sim_result *r, size_t i)
{
	return ws_nan_div((double)r->visits[i], (double)r->customers);
}

/* One result as the JSON object sim_report_result writes, without its
 * newline. */
static void ws_json_result(FILE *out, const struct sim_report *rp,
			   const struct sim_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m) {
		fputs("null", out);
		return;
	}
	sim_report_result(m, SIM_FMT_JSON, rp, r);
	if (fclose(m) != 0 || !buf) {
		free(buf);
		fputs("null", out);
		return;
	}
	fwrite(buf, 1, len && buf[len - 1] == '\n' ? len - 1 : len, out);
	free(buf);
}

static void ws_unpaired_json(FILE *out, const struct ws_outcome *o,
			     const struct sim_report *rb,
			     const struct sim_report *rs)
{
	double d, lo, hi;

	ws_unpaired_diff(&o->base, &o->res, &d, &lo, &hi);
	fputs("{\"baseline\":", out);
	ws_json_result(out, rb, &o->base);
	fputs(",\"scenario\":", out);
	ws_json_result(out, rs, &o->res);
	fputs(",\"difference\":{\"paired\":false,\"conversion_rate\":", out);
	ws_num(out, d);
	fputs(",\"conversion_ci95\":[", out);
	ws_num(out, lo);
	fputc(',', out);
	ws_num(out, hi);
	fputs("]}}\n", out);
}

/* Visits per customer of the touchpoints of both journeys, the current
 * one's first: the baseline's index (or -1) for each, in *ib, *is. */
static size_t ws_union(const struct ws_outcome *o, long **ib, long **is)
{
	size_t nb = o->base_j.n_touchpoints, ns = o->j.n_touchpoints, n = 0;
	struct ws_key *kb = ws_tp_index(&o->base_j), *ks = ws_tp_index(&o->j);

	*ib = xcalloc(nb + ns + 1, sizeof **ib);
	*is = xcalloc(nb + ns + 1, sizeof **is);
	for (size_t i = 0; i < ns; i++, n++) {
		(*is)[n] = (long)i;
		(*ib)[n] = ws_tp_lookup(kb, nb, o->j.touchpoints[i].key);
	}
	for (size_t i = 0; i < nb; i++)
		if (ws_tp_lookup(ks, ns, o->base_j.touchpoints[i].key) < 0) {
			(*is)[n] = -1;
			(*ib)[n++] = (long)i;
		}
	free(kb);
	free(ks);
	return n;
}

static const char *ws_union_key(const struct ws_outcome *o, long b, long s)
{
	return s >= 0 ? o->j.touchpoints[s].key : o->base_j.touchpoints[b].key;
}

static void ws_unpaired_csv(FILE *out, const struct ws_outcome *o)
{
	double d, lo, hi;
	double rows[3][2] = {
		{ ws_nan_div((double)o->base.conversions, (double)o->base.customers),
		  ws_nan_div((double)o->res.conversions, (double)o->res.customers) },
		{ ws_nan_div((double)o->base.steps, (double)o->base.customers),
		  ws_nan_div((double)o->res.steps, (double)o->res.customers) },
		{ ws_nps(&o->base), ws_nps(&o->res) },
	};
	static const char *const names[3] = { "conversion_rate",
					       "steps_per_customer", "nps" };
	long *ib, *is;
	size_t n = ws_union(o, &ib, &is);

	ws_unpaired_diff(&o->base, &o->res, &d, &lo, &hi);
	fputs("metric,baseline,scenario,difference,ci95_low,ci95_high\n", out);
	for (int i = 0; i < 3; i++) {
		fprintf(out, "%s,", names[i]);
		ws_num(out, rows[i][0]);
		fputc(',', out);
		ws_num(out, rows[i][1]);
		fputc(',', out);
		ws_num(out, i == 0 ? d : rows[i][1] - rows[i][0]);
		fputc(',', out);
		if (i == 0) {
			ws_num(out, lo);
			fputc(',', out);
			ws_num(out, hi);
		} else {
			fputc(',', out);
		}
		fputc('\n', out);
	}
	for (size_t k = 0; k < n; k++) {
		double vb = ib[k] >= 0 ? ws_mean_visits(&o->base, (size_t)ib[k]) : 0;
		double vs = is[k] >= 0 ? ws_mean_visits(&o->res, (size_t)is[k]) : 0;

		fputs("mean_visits:", out);
		util_csv_field(out, ws_union_key(o, ib[k], is[k]));
		fputc(',', out);
		if (ib[k] >= 0)
			ws_num(out, vb);
		fputc(',', out);
		if (is[k] >= 0)
			ws_num(out, vs);
		fputc(',', out);
		if (ib[k] >= 0 && is[k] >= 0)
			ws_num(out, vs - vb);
		fputs(",,\n", out);
	}
	free(ib);
	free(is);
}

static void ws_unpaired_text_visits(FILE *out, const struct ws_outcome *o)
{
	long *ib, *is;
	size_t n = ws_union(o, &ib, &is);
	int w = 10;

	for (size_t k = 0; k < n; k++) {
		int len = (int)strlen(ws_union_key(o, ib[k], is[k]));
		w = len > w ? len : w;
	}
	w = w > 32 ? 32 : w;
	fprintf(out, "\nVisits per customer\n  %-*s %10s %10s %10s\n", w, "key",
		"baseline", "scenario", "change");
	for (size_t k = 0; k < n; k++) {
		char b[32] = "-", s[32] = "-", c[32] = "-";
		double vb = ib[k] >= 0 ? ws_mean_visits(&o->base, (size_t)ib[k]) : 0;
		double vs = is[k] >= 0 ? ws_mean_visits(&o->res, (size_t)is[k]) : 0;

		if (ib[k] >= 0)
			snprintf(b, sizeof b, "%.4f", vb);
		if (is[k] >= 0)
			snprintf(s, sizeof s, "%.4f", vs);
		if (ib[k] >= 0 && is[k] >= 0)
			snprintf(c, sizeof c, "%+.4f", vs - vb);
		fprintf(out, "  %-*.*s %10s %10s %10s\n", w, w,
			ws_union_key(o, ib[k], is[k]), b, s, c);
	}
	free(ib);
	free(is);
}

/* Laid out as sim_report_compare's text, saying the runs are apart. */
static void ws_unpaired_text(FILE *out, const struct ws_outcome *o)
{
	const struct sim_result *b = &o->base, *s = &o->res;
	double d, lo, hi;
	double sb = ws_nan_div((double)b->steps, (double)b->customers);
	double ss = ws_nan_div((double)s->steps, (double)s->customers);

	ws_unpaired_diff(b, s, &d, &lo, &hi);
	fprintf(out, "%s: %s\nBaseline against the scenario\n%s model, %llu "
		"customers each, seed %llu, independent runs (the journeys "
		"differ in their touchpoints)\n\n", o->base_j.key ?
		o->base_j.key : "", o->base_j.title ? o->base_j.title : "",
		o->set.plain ? "Plain" : "Full",
		(unsigned long long)b->customers,
		(unsigned long long)o->set.seed);
	fprintf(out, "  %-20s %10s %10s %10s\n", "", "baseline", "scenario",
		"change");
	fprintf(out, "  %-20s %9.2f%% %9.2f%% %+8.2fpp  (95%% CI %+.2f to "
		"%+.2f)\n", "conversion",
		100 * ws_nan_div((double)b->conversions, (double)b->customers),
		100 * ws_nan_div((double)s->conversions, (double)s->customers),
		100 * d, 100 * lo, 100 * hi);
	fprintf(out, "  %-20s %10.2f %10.2f %+10.2f\n", "steps per customer",
		sb, ss, ss - sb);
	fprintf(out, "  %-20s %+10.1f %+10.1f %+10.1f\n", "NPS", ws_nps(b),
		ws_nps(s), ws_nps(s) - ws_nps(b));
	ws_unpaired_text_visits(out, o);
}

static void ws_write_compare(FILE *out, enum sim_format f,
			     const struct ws_outcome *o)
{
	struct ws_report wb, ws;

	ws_report_init(&wb, o, &o->base_j);
	ws_report_init(&ws, o, &o->j);
	if (o->paired)
		sim_report_compare(out, f, &wb.rp, &o->j, &o->base, &o->res,
				   &o->pair);
	else if (f == SIM_FMT_JSON)
		ws_unpaired_json(out, o, &wb.rp, &ws.rp);
	else if (f == SIM_FMT_CSV)
		ws_unpaired_csv(out, o);
	else
		ws_unpaired_text(out, o);
}

int ws_write_outcome(FILE *out, enum sim_format f, const struct ws_outcome *o)
{
	struct ws_report w;

	if (!out || !o)
		return -1;
	if (o->kind == WS_JOB_MARKET) {
		struct sim_market mk;

		if (!o->days)
			return -1;
		memset(&mk, 0, sizeof mk);
		mk.people = o->set.market;
		mk.days = o->set.days;
		mk.p = o->set.p;
		mk.q = o->set.q;
		mk.seed = o->set.seed;
		ws_report_init(&w, o, &o->j);
		sim_report_market(out, f, &w.rp, &mk, o->days);
	} else if (o->compared) {
		ws_write_compare(out, f, o);
	} else {
		ws_report_init(&w, o, &o->j);
		sim_report_result(out, f, &w.rp, &o->res);
	}
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}

char *ws_outcome_string(enum sim_format f, const struct ws_outcome *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	if (!m)
		return NULL;
	rc = ws_write_outcome(m, f, o);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
