/*
 * sim_run.c - walking customers through a compiled journey on all cores.
 *
 * Customers are cut into blocks of SIM_BLOCK.  Threads claim blocks in
 * order, count each into a slot of their own, and whoever finishes a block
 * merges every finished slot into the totals strictly in block order.  So
 * every sum, floating ones included, and the pruning of rare paths happen
 * in the same order whatever the number of threads; and since customer c
 * always has the random stream sim_rng_seed(seed, c), the results depend
 * on nothing but the seed and the inputs.
 */
#include "sim_run_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define SIM_MAX_THREADS 256u

/* --- threads and blocks ------------------------------------------------ */

struct sim_slot {
	struct sim_acc acc[2];
	uint64_t pair[2];      /* gained, lost */
	uint64_t block;
	bool ready;
};

struct sim_job {
	const struct sim_model *m[2];
	int nm;
	const struct sim_run *r;
	uint64_t nblocks;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	uint64_t next_claim, next_merge;
	size_t nslots;
	struct sim_slot *slots;
	struct sim_acc total[2];
	uint64_t pair[2];
};

/*
 * The paths of a block go into the thread's own table `hot`, which stays
 * in cache from block to block, and only the few the block hands on into
 * the slot's (small) table.
 */
static void sim_block(struct sim_job *job, struct sim_walker *w,
		      struct sim_ptab *hot, struct sim_slot *s, uint64_t b)
{
	uint64_t c0 = b * SIM_BLOCK, c1 = c0 + SIM_BLOCK;

	if (c1 > job->r->customers)
		c1 = job->r->customers;
	for (int k = 0; k < job->nm; k++) {
		struct sim_ptab t;

		sim_acc_clear(&s->acc[k]);
		t = s->acc[k].paths;
		s->acc[k].paths = hot[k];
		hot[k] = t;
	}
	sim_walk_customers(w, job->nm, c0, c1, job->r->impact_customers,
			   s->acc, s->pair);
	for (int k = 0; k < job->nm; k++) {
		struct sim_ptab t = s->acc[k].paths;

		sim_walker_fold(&w[k], &s->acc[k]);
		sim_ptab_reduce(&t, &hot[k]);
		s->acc[k].paths = hot[k];
		hot[k] = t;
	}
}

/* With the lock held: merge every finished block that is next in order. */
static void sim_merge_ready(struct sim_job *job)
{
	for (;;) {
		struct sim_slot *s = &job->slots[job->next_merge % job->nslots];
		uint64_t done;

		if (!s->ready || s->block != job->next_merge)
			break;
		for (int k = 0; k < job->nm; k++)
			sim_acc_merge(&job->total[k], &s->acc[k]);
		job->pair[0] += s->pair[0];
		job->pair[1] += s->pair[1];
		s->ready = false;
		job->next_merge++;
		done = job->next_merge * SIM_BLOCK;
		if (job->r->progress)
			job->r->progress(job->r->progress_ctx,
					 done < job->r->customers ? done :
					 job->r->customers, job->r->customers);
	}
}
static void *sim_worker(void *arg)
{
	struct sim_job *job = arg;
	struct sim_walker w[2];
	struct sim_ptab hot[2];

	for (int k = 0; k < job->nm; k++) {
		sim_walker_init(&w[k], job->m[k], job->r->seed);
		sim_ptab_init(&hot[k], 2 * SIM_BLOCK, 0);
	}
	pthread_mutex_lock(&job->mu);
	for (;;) {
		uint64_t b;
		struct sim_slot *s;

		while (job->next_claim < job->nblocks &&
		       job->next_claim - job->next_merge >= job->nslots)
			pthread_cond_wait(&job->cv, &job->mu);
		if (job->next_claim >= job->nblocks || sim_cancelled(job->r))
			break;
		b = job->next_claim++;
		s = &job->slots[b % job->nslots];
		pthread_mutex_unlock(&job->mu);
		sim_block(job, w, hot, s, b);
		pthread_mutex_lock(&job->mu);
		s->block = b;
		s->ready = true;
		sim_merge_ready(job);
		pthread_cond_broadcast(&job->cv);
	}
	pthread_mutex_unlock(&job->mu);
	for (int k = 0; k < job->nm; k++) {
		sim_walker_free(&w[k]);
		sim_ptab_free(&hot[k]);
	}
	return NULL;
}

static unsigned sim_threads(const struct sim_run *r, uint64_t nblocks)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t t = r->threads ? r->threads : cores > 0 ? (uint64_t)cores : 1;

	if (t > SIM_MAX_THREADS)
		t = SIM_MAX_THREADS;
	if (t > nblocks)
		t = nblocks;
	return t ? (unsigned)t : 1;
}

static void sim_job_run(struct sim_job *job)
{
	unsigned nt = sim_threads(job->r, job->nblocks), started = 0;
	pthread_t *tids = xcalloc(nt, sizeof *tids);

	job->nslots = 2 * (size_t)nt;
	job->slots = xcalloc(job->nslots, sizeof *job->slots);
	for (size_t i = 0; i < job->nslots; i++)
		for (int k = 0; k < job->nm; k++)
			sim_acc_init(&job->slots[i].acc[k], job->m[k],
				     2 * SIM_PATH_BLOCK_TOP, 0);
	pthread_mutex_init(&job->mu, NULL);
	pthread_cond_init(&job->cv, NULL);
	/* The calling thread works too; a thread that cannot be started
	 * only makes the run slower, never different. */
	for (unsigned i = 1; i < nt; i++)
		if (pthread_create(&tids[started], NULL, sim_worker, job) == 0)
			started++;
	sim_worker(job);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&job->mu);
	pthread_cond_destroy(&job->cv);
	for (size_t i = 0; i < job->nslots; i++)
		for (int k = 0; k < job->nm; k++)
			sim_acc_free(&job->slots[i].acc[k]);
	free(job->slots);
	free(tids);
}
bool sim_cancelled(const struct sim_run *r)
{
	return r->cancel &&
	       atomic_load_explicit(r->cancel, memory_order_relaxed) != 0;
}

void sim_run_init(struct sim_run *r)
{
	memset(r, 0, sizeof *r);
	r->customers = 100000;
	r->seed = 1;
}

/* Distinct paths kept in the totals before rare ones are pruned. */
#define SIM_PATHS_KEPT (1u << 15)

static int sim_go(const struct sim_model *a, const struct sim_model *b,
		  const struct sim_run *r, struct sim_result *ra,
		  struct sim_result *rb, struct sim_pair *pair, char *err,
		  size_t errlen)
{
	struct sim_job job;

	if (r->customers == 0) {
		snprintf(err, errlen, "no customers to simulate");
		return -1;
	}
	if (b && b->n != a->n) {
		snprintf(err, errlen, "the two journeys to compare differ in "
			 "their touchpoints");
		return -1;
	}
	memset(&job, 0, sizeof job);
	job.m[0] = a;
	job.m[1] = b;
	job.nm = b ? 2 : 1;
	job.r = r;
	job.nblocks = (r->customers + SIM_BLOCK - 1) / SIM_BLOCK;
	for (int k = 0; k < job.nm; k++)
		sim_acc_init(&job.total[k], job.m[k], 2 * SIM_PATHS_KEPT,
			     SIM_PATHS_KEPT);
	sim_job_run(&job);
	if (sim_cancelled(r)) {
		for (int k = 0; k < job.nm; k++)
			sim_acc_free(&job.total[k]);
		snprintf(err, errlen, SIM_CANCELLED);
		return -1;
	}
	sim_result_fill(ra, &job.total[0], a, r->seed);
	if (b) {
		sim_result_fill(rb, &job.total[1], b, r->seed);
		pair->gained = job.pair[0];
		pair->lost = job.pair[1];
	}
	for (int k = 0; k < job.nm; k++)
		sim_acc_free(&job.total[k]);
	return 0;
}

int sim_simulate(const struct sim_model *m, const struct sim_run *r,
		 struct sim_result *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	return sim_go(m, NULL, r, out, NULL, NULL, err, errlen);
}

int sim_compare(const struct sim_model *base, const struct sim_model *alt,
		const struct sim_run *r, struct sim_result *rb,
		struct sim_result *ra, struct sim_pair *pair, char *err,
		size_t errlen)
{
	memset(rb, 0, sizeof *rb);
	memset(ra, 0, sizeof *ra);
	memset(pair, 0, sizeof *pair);
	return sim_go(base, alt, r, rb, ra, pair, err, errlen);
}
/* --- outcomes of single customers (word of mouth) ----------------------- */

struct sim_outjob {
	const struct sim_model *m;
	uint64_t seed, c0;
	size_t n;
	uint8_t *out;
};

static void *sim_outcome_worker(void *arg)
{
	struct sim_outjob *o = arg;
	struct sim_walker w;
	struct sim_acc a;

	sim_walker_init(&w, o->m, o->seed);
	sim_acc_init(&a, o->m, 2 * SIM_BLOCK, 0);
	for (size_t i = 0; i < o->n; i++) {
		bool conv;

		/* The counters are not read, only kept from growing. */
		if (i % SIM_BLOCK == 0) {
			sim_walker_fold(&w, &a);
			sim_acc_clear(&a);
		}
		conv = o->m->plain ? sim_walk_plain(&w, o->c0 + i, &a) :
				     sim_walk_full(&w, o->c0 + i, &a);
		o->out[i] = (uint8_t)(conv |
				      (w.rating == SIM_RATE_PROMOTER) << 1 |
				      (w.rating == SIM_RATE_DETRACTOR) << 2);
	}
	sim_acc_free(&a);
	sim_walker_free(&w);
	return NULL;
}

void sim_outcomes(const struct sim_model *m, uint64_t seed, uint64_t c0,
		  size_t n, uint8_t *out, unsigned threads)
{
	struct sim_run r;
	unsigned nt;
	struct sim_outjob *jobs;
	pthread_t *tids;
	size_t per;
	bool *started;

	sim_run_init(&r);
	r.threads = threads;
	nt = sim_threads(&r, (n + SIM_BLOCK - 1) / SIM_BLOCK);
	jobs = xcalloc(nt, sizeof *jobs);
	tids = xcalloc(nt, sizeof *tids);
	started = xcalloc(nt, sizeof *started);
	per = (n + nt - 1) / nt;
	/* Contiguous shares: each outcome depends on its customer only. */
	for (unsigned i = 0; i < nt; i++) {
		size_t lo = (size_t)i * per < n ? (size_t)i * per : n;
		size_t hi = lo + per < n ? lo + per : n;
		jobs[i] = (struct sim_outjob){ m, seed, c0 + lo,
					       hi > lo ? hi - lo : 0, out + lo };
		if (i > 0)
			started[i] = pthread_create(&tids[i], NULL,
						    sim_outcome_worker,
						    &jobs[i]) == 0;
	}
	sim_outcome_worker(&jobs[0]);
	for (unsigned i = 1; i < nt; i++) {
		if (started[i])
			pthread_join(tids[i], NULL);
		else
			sim_outcome_worker(&jobs[i]);
	}
	free(jobs);
	free(tids);
	free(started);
}
