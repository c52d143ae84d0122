/*
 * bench_pg.c - the store on PostgreSQL against the store on SQLite, the
 * same operations on the same journeys in the same run: what a designer
 * notices when the team moves to a shared database.
 *
 *   list     the journeys of a database (`mot list`)
 *   show     one journey loaded whole (`mot show`, the designer opening it)
 *   import   a journey of 1,000 touchpoints and about 5,000 transitions
 *            written anew over itself (`mot import --replace`)
 *   edit     one touchpoint changed, as the designer saves a card: the
 *            update, then the journey loaded again
 * over the sample journeys and the generated one.  Each figure is the
 * best of BENCH_REPS (default 5) runs, in milliseconds, and the ratio is
 * PostgreSQL's time over SQLite's.  PostgreSQL is the throwaway server of
 * tests/pg.sh (make bench starts one) on a unix socket of this machine: a
 * server across a network adds its round trips to every statement.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_journey.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

static unsigned bench_reps = 5;

static double bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void bench_check(struct store *s, int rc, const char *what)
{
	if (rc != STORE_OK) {
		fprintf(stderr, "bench_pg: %s: %s\n", what, store_errmsg(s));
		exit(1);
	}
}

/* The sample journeys and the generated one, into a new database. */
static void bench_fill(struct store *s, const struct mot_journey *gen)
{
	const char *top = getenv("MOT_TOP") ? getenv("MOT_TOP") : ".";
	char *dir = xasprintf("%s/journeys", top);
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		struct mot_diags diags = { 0 };
		struct mot_journey j;
		char *path;

		if (!strstr(e->d_name, ".yaml"))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (yamlio_load_file(path, &j, &diags) == 0) {
			bench_check(s, store_journey_import(s, &j, 1, true,
							    NULL), path);
			model_journey_free(&j);
		}
		model_diags_free(&diags);
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
	bench_check(s, store_journey_import(s, gen, 1, true, NULL), "import");
}

enum { B_LIST, B_SHOW, B_IMPORT, B_EDIT, B_COUNT };
static const char *const bench_names[B_COUNT] = {
	"list (10 journeys)", "show (1,000 touchpoints)",
	"import --replace (1,000 tp)", "edit a card and reload",
};

/* One run of operation `op`, in seconds. */
static double bench_op(struct store *s, int op, const struct mot_journey *gen)
{
	struct store_journey_info *list;
	struct mot_journey j;
	size_t n;
	double t0 = bench_now();

	switch (op) {
	case B_LIST:
		bench_check(s, store_journey_list(s, &list, &n), "list");
		store_journey_list_free(list, n);
		break;
	case B_SHOW:
		bench_check(s, store_journey_load(s, gen->key, &j), "load");
		model_journey_free(&j);
		break;
	case B_IMPORT:
		bench_check(s, store_journey_import(s, gen, 1, true, NULL),
			    "import --replace");
		break;
	default:
		bench_check(s, store_journey_load(s, gen->key, &j), "load");
		t0 = bench_now();	/* the card was on screen already */
		j.touchpoints[5].emotion = -j.touchpoints[5].emotion;
		bench_check(s, store_touchpoint_update(s, gen->key,
						       j.touchpoints[5].key,
						       &j.touchpoints[5]), "edit");
		model_journey_free(&j);
		bench_check(s, store_journey_load(s, gen->key, &j), "reload");
		model_journey_free(&j);
		break;
	}
	return bench_now() - t0;
}

/* Best of bench_reps for each operation. */
static void bench_backend(struct store *s, const struct mot_journey *gen,
			  double *best)
{
	for (int op = 0; op < B_COUNT; op++) {
		best[op] = 1e9;
		for (unsigned r = 0; r < bench_reps; r++) {
			double t = bench_op(s, op, gen);

			if (t < best[op])
				best[op] = t;
		}
	}
}

static struct store *bench_open(const char *db, const char *schema)
{
	struct store *s;
	char err[512];

	if (store_open_mode(db, schema, STORE_READ_WRITE, &s, NULL, err,
			    sizeof err) != STORE_OK) {
		fprintf(stderr, "bench_pg: %s\n", err);
		exit(1);
	}
	return s;
}

int main(void)
{
	const char *pg = getenv("MOT_TEST_PG");
	char dir[] = "/tmp/mot-bench-XXXXXX", *path;
	double lite[B_COUNT], post[B_COUNT];
	struct mot_journey gen;
	struct store *s;

	if (getenv("BENCH_REPS") && atoi(getenv("BENCH_REPS")) > 0)
		bench_reps = (unsigned)atoi(getenv("BENCH_REPS"));
	printf("mot store on PostgreSQL against SQLite, best of %u runs\n",
	       bench_reps);
	if (!pg || !*pg) {
		printf("PostgreSQL: skipped (%s)\n", getenv("MOT_TEST_PG_SKIP") ?
		       getenv("MOT_TEST_PG_SKIP") : "no server: run it through "
		       "tests/pg.sh, as make bench does");
		return 0;
	}
	if (!mkdtemp(dir)) {
		perror("bench_pg: mkdtemp");
		return 1;
	}
	path = xasprintf("%s/bench.db", dir);
	bench_journey_make(&gen, 1000, 5);
	s = bench_open(path, NULL);
	bench_fill(s, &gen);
	bench_backend(s, &gen, lite);
	store_close(s);
	s = bench_open(pg, "mot_bench");
	bench_fill(s, &gen);
	bench_backend(s, &gen, post);
	store_close(s);
	printf("%-30s %11s %14s %7s\n", "operation", "SQLite ms", "PostgreSQL ms",
	       "ratio");
	for (int op = 0; op < B_COUNT; op++)
		printf("%-30s %11.2f %14.2f %7.1f\n", bench_names[op],
		       lite[op] * 1e3, post[op] * 1e3, post[op] / lite[op]);
	model_journey_free(&gen);
	unlink(path);
	{
		char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm",
									path);
		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
	}
	rmdir(dir);
	free(path);
	return 0;
}
