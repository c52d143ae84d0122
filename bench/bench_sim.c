/*
 * bench_sim.c - speed of the simulation engine and the exact analysis.
 *
 * Every figure is printed next to a baseline measured in the same run on
 * the same machine, because absolute numbers say little on a shared box:
 * "bare", the smallest possible walk of the same compiled chain (one
 * random number, a drop test and an alias draw per step, no counting at
 * all) on one thread.  Each figure is
 * the engine's customer-steps per second, absolute and as a ratio to
 * bare: the plain chain and the full model, on one thread and on every
 * core.  Each is the best of BENCH_REPS runs (default 3): other work on
 * the machine only ever slows a run down.  The exact analysis is timed
 * on generated journeys (bench_journey.h) of 10,000 touchpoints and
 * 50,000 transitions, as a ratio to the same shape at 1,000, each in a
 * process of its own for its peak memory.  The live rerun of the designer
 * (issue 10: within about a second up to 1,000,000 customers) is timed
 * as src/ui/ui_live.c runs it after an edit: a background job
 * (ws_job_start .. ws_job_finish) of 1,000,000 customers with the
 * designer's default settings on a sample journey whose middle card's
 * emotion was changed, against the bare chain walking the same
 * 1,000,000 customers on one thread.
 * Usage: bench_sim [JOURNEY.yaml...]   (default: $MOT_TOP/journeys/...)
 * BENCH_CUSTOMERS: customers a run (default 2,000,000; a quarter of it
 * for the generated journey of 1,000 touchpoints).
 */
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../src/sim/sim_int.h"
#include "bench_journey.h"
#include "sim.h"
#include "util.h"
#include "workshop.h"
#include "yamlio.h"

static double bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static unsigned bench_reps = 3;

/* The bare chain: walk n customers through persona 0's plain chain, one
 * random number a step (the drop from its top half, the next touchpoint
 * from its bottom half, as the engine's plain walk), nothing counted but
 * the steps.  What the engine adds is bookkeeping. */
static double bench_bare(const struct sim_model *m, uint64_t n, uint64_t *steps)
{
	const struct sim_persona_tab *p = &m->personas[0];
	double t0 = bench_now();
	uint64_t s = 0;
	uint32_t col, u;
	uint64_t next;

	for (uint64_t c = 0; c < n; c++) {
		struct sim_rng rng;
		int32_t cur;
		sim_rng_seed(&rng, 1, c);
		cur = sim_alias_draw(m->entry_tab, (uint32_t)m->n_entry_cols,
				     sim_rng_next(&rng), &col);
		next = SIM_NEXT(m->nodes[cur].off, m->nodes[cur].ncols);
		while (cur >= 0) {
			s++;
			cur = sim_step_draw_lo(p->steps, &next,
					       sim_rng_next(&rng), &col, &u);
		}
	}
	*steps = s;
	return bench_now() - t0;
}

/* Customer-steps per second of the bare chain, the best of the runs. */
static double bench_bare_best(const struct sim_model *m, uint64_t n,
			      uint64_t *steps)
{
	double best = 0;

	for (unsigned i = 0; i < bench_reps; i++) {
		double rate, t = bench_bare(m, n, steps);
		rate = (double)*steps / t;
		best = rate > best ? rate : best;
	}
	return best;
}

/* Customer-steps per second of the engine, the best of the runs. */
static double bench_engine(const struct sim_model *m, uint64_t n,
			   unsigned threads)
{
	double best = 0;

	for (unsigned i = 0; i < bench_reps; i++) {
		struct sim_run r;
		struct sim_result res;
		char err[256];
		double t0, rate;

		sim_run_init(&r);
		r.customers = n;
		r.threads = threads;
		t0 = bench_now();
		if (sim_simulate(m, &r, &res, err, sizeof err) != 0) {
			fprintf(stderr, "bench: %s\n", err);
			exit(1);
		}
		rate = (double)res.steps / (bench_now() - t0);
		best = rate > best ? rate : best;
		sim_result_free(&res);
	}
	return best;
}

static struct sim_model *bench_compile(const struct mot_journey *j, bool plain)
{
	struct sim_options o;
	struct sim_model *m;
	char err[256];

	sim_options_init(&o);
	o.plain = plain;
	if (sim_compile(j, &o, &m, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	return m;
}

/* The slowest journey's figures, for the verdict. */
struct bench_worst {
	double plain_all, full_over_plain;
};

/* One line per journey: the bare chain, then plain and full on 1 thread
 * and on every core, each as M customer-steps/s and as a ratio to bare. */
static void bench_journey(const struct mot_journey *j, uint64_t n,
			  unsigned cores, struct bench_worst *worst)
{
	struct sim_model *plain = bench_compile(j, true), *full = bench_compile(j, false);
	uint64_t s_bare = 0;
	double bare = bench_bare_best(plain, n, &s_bare), f[4];

	f[0] = bench_engine(plain, n, 1);
	f[1] = bench_engine(plain, n, cores);
	f[2] = bench_engine(full, n, 1);
	f[3] = bench_engine(full, n, cores);
	printf("%-22.22s %5.1f %6.1f", j->key, (double)s_bare / (double)n,
	       bare / 1e6);
	for (int i = 0; i < 4; i++)
		printf(" %s%6.1f %5.2fx", i % 2 ? "" : "|", f[i] / 1e6,
		       f[i] / bare);
	printf("\n");
	if (worst->plain_all == 0 || f[1] < worst->plain_all)
		worst->plain_all = f[1];
	if (worst->full_over_plain == 0 || f[3] / f[1] < worst->full_over_plain)
		worst->full_over_plain = f[3] / f[1];
	sim_model_free(plain);
	sim_model_free(full);
}

static char **bench_files(int argc, char **argv, size_t *n)
{
	const char *top = getenv("MOT_TOP");
	char *dir = xasprintf("%s/journeys", top && *top ? top : ".");
	char **names = NULL;
	size_t cap = 0;
	DIR *d;
	struct dirent *e;

	*n = 0;
	for (int i = 1; i < argc; i++) {
		util_reserve((void **)&names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(argv[i]);
	}
	if (*n || !(d = opendir(dir))) {
		free(dir);
		return names;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
			util_reserve((void **)&names, &cap, *n + 1, sizeof *names);
			names[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	free(dir);
	return names;
}

/* Seconds of the exact analysis of a generated journey of n touchpoints
 * and 5n transitions, the best of the runs, in a child process: *rss_mb
 * is the child's peak memory, the journey included. */
static double bench_analyze_one(size_t n, double *rss_mb, double *conv)
{
	int fd[2];
	pid_t pid;
	struct rusage ru;
	double r[2] = { 0, 0 };
	int status;

	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		perror("bench: analyze");
		exit(1);
	}
	if (pid == 0) {
		struct mot_journey j;
		struct analyze_result a;
		char err[256];

		close(fd[0]);
		bench_journey_make(&j, n, 5);
		for (unsigned i = 0; i < bench_reps; i++) {
			double t0 = bench_now(), t;
			if (analyze_journey(&j, NULL, &a, err, sizeof err) != 0) {
				fprintf(stderr, "bench: analyze: %s\n", err);
				_exit(1);
			}
			t = bench_now() - t0;
			r[0] = i == 0 || t < r[0] ? t : r[0];
			r[1] = a.conversion;
			analyze_result_free(&a);
		}
		_exit(write(fd[1], r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
	}
	close(fd[1]);
	if (read(fd[0], r, sizeof r) != (ssize_t)sizeof r ||
	    wait4(pid, &status, 0, &ru) != pid || status != 0) {
		fprintf(stderr, "bench: analyze of %zu touchpoints failed\n", n);
		exit(1);
	}
	close(fd[0]);
	*rss_mb = ru.ru_maxrss / 1024.0;
	*conv = r[1];
	return r[0];
}

/* The exact analysis at 10,000 touchpoints and 50,000 transitions, as a
 * ratio to the same journey shape at 1,000 (issue 11: under 2 s and 200
 * MB at 10,000). */
static void bench_analyze(void)
{
	double m1, m10, c1, c10;
	double t1 = bench_analyze_one(1000, &m1, &c1);
	double t10 = bench_analyze_one(10000, &m10, &c10);

	printf("analyze, generated journeys of 5 transitions a touchpoint:\n"
	       "  1,000 touchpoints: %.3f s, %.1f MB (conversion %.6f)\n"
	       "  10,000 touchpoints: %.3f s, %.1f MB (conversion %.6f), "
	       "%.1fx the time of 1,000\n", t1, m1, c1, t10, m10, c10,
	       t10 / t1);
}

/* Seconds of the designer's live rerun of j after one edit, the best of
 * the runs; *bare the bare chain over the same customers (one thread). */
static double bench_live_one(const struct mot_journey *j, uint64_t n,
			     double *bare)
{
	struct mot_journey e;
	struct ws_settings set;
	struct sim_model *plain = bench_compile(j, true);
	uint64_t steps;
	double best = 0;
	int *emo;

	model_journey_copy(&e, j);
	emo = &e.touchpoints[e.n_touchpoints / 2].emotion;
	*emo = *emo > 0 ? *emo - 1 : *emo + 1;	/* the edit */
	ws_settings_init(&set);
	set.customers = n;
	*bare = 0;
	for (unsigned i = 0; i < bench_reps; i++) {
		struct ws_outcome *o;
		struct ws_job *job;
		char err[512];
		double t0 = bench_now(), t;

		job = ws_job_start(WS_JOB_SIMULATE, &e, NULL, &set, err,
				   sizeof err);
		if (!job || ws_job_finish(job, &o, err, sizeof err) != 0) {
			fprintf(stderr, "bench: live rerun of %s: %s\n", j->key,
				err);
			exit(1);
		}
		t = bench_now() - t0;
		best = i == 0 || t < best ? t : best;
		ws_outcome_free(o);
		t = bench_bare(plain, n, &steps);
		*bare = i == 0 || t < *bare ? t : *bare;
	}
	ws_settings_free(&set);
	model_journey_free(&e);
	sim_model_free(plain);
	return best;
}

/* The live rerun on every sample journey: seconds and the ratio to the
 * bare chain; the slowest one is what a designer waits for. */
static void bench_live(struct mot_journey *js, size_t n_js)
{
	const uint64_t n = 1000000;
	double worst = 0, worst_ratio = 0;
	const char *worst_key = "";

	printf("\nlive rerun after an edit (the designer's background job, %s "
	       "customers,\nfull model, all personas, every core) against the "
	       "bare chain on 1 thread:\n%-22s %8s %8s %7s\n", "1,000,000",
	       "journey", "bare s", "live s", "ratio");
	for (size_t i = 0; i < n_js; i++) {
		double bare, t = bench_live_one(&js[i], n, &bare);

		printf("%-22.22s %8.3f %8.3f %6.2fx\n", js[i].key, bare, t,
		       t / bare);
		if (t > worst) {
			worst = t;
			worst_ratio = t / bare;
			worst_key = js[i].key;
		}
	}
	printf("slowest live rerun: %.3f s (%s, %.2fx bare; issue 10: within "
	       "about a second)\n", worst, worst_key, worst_ratio);
}

static void bench_market(const struct mot_journey *j)
{
	struct sim_market mk = { .people = 1000000, .days = 60, .p = 0.03,
				  .q = 0.38, .seed = 1 };
	struct sim_market_day *days;
	struct sim_model *m = bench_compile(j, false);
	char err[256];
	double t0 = bench_now();

	if (sim_market_run(m, &mk, &days, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	printf("word of mouth, %s, market of 1,000,000 over 60 days: %.3f s\n",
	       j->key, bench_now() - t0);
	free(days);
	sim_model_free(m);
}

int main(int argc, char **argv)
{
	uint64_t n = getenv("BENCH_CUSTOMERS") ? strtoull(getenv("BENCH_CUSTOMERS"),
							  NULL, 10) : 2000000;
	size_t nf;
	char **files = bench_files(argc, argv, &nf);
	struct mot_journey gen, first, *samples;
	struct rusage ru;
	struct bench_worst worst = { 0, 0 };
	long ncores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned cores = ncores > 0 ? (unsigned)ncores : 1;
	char allt[16];
	double load[3];

	if (getenv("BENCH_REPS") && atoi(getenv("BENCH_REPS")) > 0)
		bench_reps = (unsigned)atoi(getenv("BENCH_REPS"));
	snprintf(allt, sizeof allt, "%ut", cores);
	printf("mot simulation benchmark: %llu customers a run, %u cores, "
	       "best of %u runs\n", (unsigned long long)n, cores, bench_reps);
	if (getloadavg(load, 3) == 3)
		printf("load average before: %.2f %.2f %.2f (other work on the "
		       "machine lowers every figure)\n", load[0], load[1],
		       load[2]);
	printf("M customer-steps per second, and the ratio to bare: the chain "
	       "alone, nothing\ncounted, 1 thread.  plain: the Markov chain, "
	       "full: the whole model, both with\nevery statistic; 1t: one "
	       "thread, %s: every core.\n\n", allt);
	printf("%-22s %5s %6s |%10s 1t %10s %-3s|%10s 1t %10s %s\n",
	       "journey", "steps", "bare", "plain", "plain", allt, "full",
	       "full", allt);
	model_journey_init(&first);
	samples = xcalloc(nf + 1, sizeof *samples);
	for (size_t i = 0; i < nf; i++) {
		struct mot_journey j;
		struct mot_diags d = { 0 };
		if (yamlio_load_file(files[i], &j, &d) != 0) {
			yamlio_print_diags(stderr, files[i], &d);
			return 1;
		}
		bench_journey(&j, n, cores, &worst);
		if (i == 0)
			model_journey_copy(&first, &j);
		samples[i] = j;	/* for the live rerun */
		model_diags_free(&d);
		free(files[i]);
	}
	free(files);
	bench_journey_make(&gen, 1000, 3);
	bench_journey(&gen, n / 4, cores, &worst);
	printf("\nslowest plain on %u cores: %.1f M customer-steps/s (issue 4 "
	       "target on 2 cores: 200);\nlowest full/plain on %u cores: %.2f "
	       "(target: 0.50)\n\n", cores, worst.plain_all / 1e6, cores,
	       worst.full_over_plain);
	bench_analyze();
	if (first.key)
		bench_market(&first);
	bench_live(samples, nf);
	for (size_t i = 0; i < nf; i++)
		model_journey_free(&samples[i]);
	free(samples);
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory (max resident set): %.1f MB\n", ru.ru_maxrss / 1024.0);
	model_journey_free(&gen);
	model_journey_free(&first);
	return 0;
}
