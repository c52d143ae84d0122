/*
 * test_workshop_fixture.h - helpers of the workshop tests (test_workshop.c,
 * test_workshop_out.c): settings, a job run to its end, the engine run
 * directly to compare with, reports captured into a string, and edits of
 * a journey's touchpoints.
 */
#ifndef TEST_WORKSHOP_FIXTURE_H
#define TEST_WORKSHOP_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <time.h>

#include <cmocka.h>

#include "sim.h"
#include "test_sim_fixture.h"
#include "workshop.h"

static inline void nap(void)
{
	struct timespec t = { 0, 1000000 };

	nanosleep(&t, NULL);
}

static inline void settings(struct ws_settings *s, uint64_t customers, uint64_t seed,
		     bool plain)
{
	ws_settings_init(s);
	s->customers = customers;
	s->seed = seed;
	s->plain = plain;
}

/* Start, poll until the end (progress never past the total), finish. */
static inline struct ws_outcome *run_job(enum ws_job_kind kind,
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
static inline void direct_run(const struct ws_settings *s, unsigned threads,
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

static inline uint64_t cli_impact(uint64_t customers)
{
	return customers < 100000 ? customers : 100000;
}

static inline struct sim_model *compile(const struct mot_journey *j,
				 const struct sim_options *o)
{
	struct sim_model *m;
	char err[256];

	if (sim_compile(j, o, &m, err, sizeof err) != 0)
		fail_msg("compile %s: %s", j->key, err);
	return m;
}

static inline void direct_simulate(const struct mot_journey *j,
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

static inline void assert_same_counts(const struct sim_result *a,
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

static inline FILE *capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static inline char *capture_close(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->buf;
}

/* A new touchpoint at position `at` (the fixture only appends). */
static inline struct mot_touchpoint *insert_tp(struct mot_journey *j, size_t at,
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

static inline void remove_tp(struct mot_journey *j, const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	model_touchpoint_free(&j->touchpoints[i]);
	memmove(&j->touchpoints[i], &j->touchpoints[i + 1],
		(j->n_touchpoints - (size_t)i - 1) * sizeof *j->touchpoints);
	j->n_touchpoints--;
}

static inline void remove_next(struct mot_journey *j, const char *from,
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

#endif
