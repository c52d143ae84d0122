/*
 * bench_store.c - how long `mot import` takes for a big journey, against
 * the same import of a journey a tenth of its size in the same run.
 *
 * The journeys come from bench_journey.h: 1,000 touchpoints (about 5,000
 * transitions) as the baseline and 10,000 (about 50,000).  Each is
 * written as a journey file, then loaded and imported into a new
 * database, as `mot import` does; the figure is the best of BENCH_REPS
 * runs (default 3), split into the file (YAML parse and checks), the
 * store (one transaction) and the close (SQLite's checkpoint of the
 * write-ahead log into the database file, which `mot import` waits for
 * too).  Not included: starting the process and opening the database.
 * Linear growth is a ratio of 10.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_journey.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

static double bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static unsigned bench_reps = 3;

struct bench_import {
	double file, store, close, total;
};

static int bench_write_yaml(FILE *out, void *ctx)
{
	return yamlio_write(out, ctx);
}

static size_t bench_transitions(const struct mot_journey *j)
{
	size_t n = 0;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		n += j->touchpoints[i].n_next;
	return n;
}

static void bench_remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

/* One `mot import FILE` into a new database: the best of bench_reps. */
static struct bench_import bench_import(const char *file, const char *db)
{
	struct bench_import best = { 1e9, 1e9, 1e9, 1e9 };

	for (unsigned r = 0; r < bench_reps; r++) {
		struct mot_journey j;
		struct mot_diags d = { 0 };
		struct store *s;
		char err[512];
		double t0, t1, t2, t3;

		bench_remove_db(db);
		if (store_open(db, &s, NULL, err, sizeof err) != STORE_OK) {
			fprintf(stderr, "bench_store: %s\n", err);
			exit(1);
		}
		t0 = bench_now();
		if (yamlio_load_file(file, &j, &d) != 0) {
			yamlio_print_diags(stderr, file, &d);
			exit(1);
		}
		t1 = bench_now();
		if (store_journey_import(s, &j, 1, false, NULL) != STORE_OK) {
			fprintf(stderr, "bench_store: %s\n", store_errmsg(s));
			exit(1);
		}
		t2 = bench_now();
		store_close(s);
		t3 = bench_now();
		if (t3 - t0 < best.total)
			best = (struct bench_import){ t1 - t0, t2 - t1, t3 - t2,
						      t3 - t0 };
		model_journey_free(&j);
		model_diags_free(&d);
	}
	bench_remove_db(db);
	return best;
}

int main(void)
{
	static const size_t sizes[] = { 1000, 10000 };
	struct bench_import res[2];
	char dir[] = "/tmp/mot-bench-XXXXXX", *db;
	double load[3];

	if (getenv("BENCH_REPS") && atoi(getenv("BENCH_REPS")) > 0)
		bench_reps = (unsigned)atoi(getenv("BENCH_REPS"));
	if (!mkdtemp(dir)) {
		perror("bench_store: mkdtemp");
		return 1;
	}
	db = xasprintf("%s/bench.db", dir);
	printf("mot store benchmark: import of a generated journey, best of "
	       "%u runs\n", bench_reps);
	if (getloadavg(load, 3) == 3)
		printf("load average before: %.2f %.2f %.2f\n", load[0],
		       load[1], load[2]);
	printf("%-28s %9s %9s %9s %9s\n", "journey", "file s", "store s",
	       "close s", "import s");
	for (size_t i = 0; i < 2; i++) {
		struct mot_journey j;
		char *file = xasprintf("%s/gen-%zu.yaml", dir, sizes[i]), err[512];
		char *label;

		bench_journey_make(&j, sizes[i], 5);
		label = xasprintf("%zu tp, %zu transitions", j.n_touchpoints,
				  bench_transitions(&j));
		if (util_write_atomic(file, bench_write_yaml, &j, err,
				      sizeof err) != 0) {
			fprintf(stderr, "bench_store: %s\n", err);
			return 1;
		}
		model_journey_free(&j);
		res[i] = bench_import(file, db);
		printf("%-28s %9.3f %9.3f %9.3f %9.3f\n", label, res[i].file,
		       res[i].store, res[i].close, res[i].total);
		unlink(file);
		free(file);
		free(label);
	}
	printf("import of 10,000 against 1,000 touchpoints: %.1f (file %.1f, "
	       "store %.1f; linear: 10)\n", res[1].total / res[0].total,
	       res[1].file / res[0].file, res[1].store / res[0].store);
	rmdir(dir);
	free(db);
	return 0;
}
