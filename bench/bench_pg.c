/*
 * bench_pg.c - the store on PostgreSQL against the store on SQLite, the
 * same operations on the same journeys in the same run: what a designer
 * notices when the team moves to a shared database.
 *
 *   list     the journeys of a database (`mot list`)
 *   show     one journey loaded whole (`mot show`, the designer opening it)
 *   import   a journey of 1,000 touchpoints and about 5,000 transitions
 *            written anew over itself (`mot import --replace`)
 *   edit     one card saved from the touchpoint form, through the UI's
 *            own code and so with the store calls the UI makes: the
 *            change (ui_undo_try: the journey read to check that the
 *            card is still what the form started from, then the update
 *            with its row version, in one transaction), then the store
 *            reads the UI makes to show it again (the journey and the
 *            journeys list; ui_reload and ui_journeys_refresh)
 * over the sample journeys and the generated one.  Each figure is the
 * best of BENCH_REPS (default 5) runs, in milliseconds, and the ratio is
 * PostgreSQL's time over SQLite's.  PostgreSQL is the throwaway server of
 * tests/pg.sh (make bench starts one) on a unix socket of this machine: a
 * server across a network adds its round trips to every statement.  That
 * server runs with fsync=off, and SQLite in WAL mode with synchronous =
 * NORMAL does not sync a commit either: neither figure includes the disk.
 * Without a server the SQLite figures are printed and PostgreSQL's are
 * not, with the reason.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_journey.h"
#include "store.h"
#include "ui.h"
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
static size_t bench_fill(struct store *s, const struct mot_journey *gen)
{
	const char *top = getenv("MOT_TOP") ? getenv("MOT_TOP") : ".";
	char *dir = xasprintf("%s/journeys", top);
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 1;

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
			n++;
		}
		model_diags_free(&diags);
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
	bench_check(s, store_journey_import(s, gen, 1, true, NULL), "import");
	return n;
}

enum { B_LIST, B_SHOW, B_IMPORT, B_EDIT, B_COUNT };
static const char *const bench_names[B_COUNT] = {
	"list (every journey)", "show (1,000 touchpoints)",
	"import --replace (1,000 tp)", "UI: save a card, reload",
};

/*
 * One card saved as the touchpoint form saves it (ui_form_commit): the
 * draft holds the card as loaded and as edited (its emotion turned
 * round); the clock runs from the save to the journey and the journeys
 * list read again.  Building the draft and working out the view (the
 * likely path, loops: the same work on either backend) are not timed.
 */
static double bench_edit(struct store *s, const char *key)
{
	struct ui_view v;
	struct mot_journey now;
	struct ui_undo undo;
	struct ui_change *c;
	char msg[512];
	double t0, t;
	struct store_journey_info *list;
	size_t n, i = 5;
	int rc;

	ui_view_init(&v);
	ui_undo_init(&undo);
	bench_check(s, ui_view_load(&v, s, key), "load");	/* on screen */
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, key, "edit touchpoint '%s'",
			  v.j.touchpoints[i].key);
	ui_tp_state_from(&c->tp[UI_BEFORE], &v.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &v.j, i);
	c->tp[UI_AFTER].tp.emotion = c->tp[UI_AFTER].tp.emotion == 2 ? -2 : 2;
	t0 = bench_now();
	rc = ui_undo_try(&undo, s, c, msg, sizeof msg);
	if (rc != STORE_OK) {
		fprintf(stderr, "bench_pg: edit: %s\n", msg);
		exit(1);
	}
	bench_check(s, store_journey_load(s, key, &now), "reload");
	bench_check(s, store_journey_list(s, &list, &n), "list");
	t = bench_now() - t0;
	store_journey_list_free(list, n);
	model_journey_free(&now);
	ui_view_free(&v);
	ui_undo_free(&undo);	/* takes c */
	return t;
}

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
		return bench_edit(s, gen->key);
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

/* A new SQLite database in a new directory, removed by bench_sqlite_rm. */
static char *bench_sqlite_path(char *dir)
{
	if (!mkdtemp(dir)) {
		perror("bench_pg: mkdtemp");
		exit(1);
	}
	return xasprintf("%s/bench.db", dir);
}

static void bench_sqlite_rm(const char *dir, const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);

		unlink(p);
		free(p);
	}
	rmdir(dir);
}

int main(void)
{
	const char *pg = getenv("MOT_TEST_PG");
	char dir[] = "/tmp/mot-bench-XXXXXX", *path;
	double lite[B_COUNT], post[B_COUNT];
	struct mot_journey gen;
	struct store *s;
	size_t n_lite, n_post = 0;

	if (getenv("BENCH_REPS") && atoi(getenv("BENCH_REPS")) > 0)
		bench_reps = (unsigned)atoi(getenv("BENCH_REPS"));
	printf("mot store on PostgreSQL against SQLite, best of %u runs\n",
	       bench_reps);
	bench_journey_make(&gen, 1000, 5);
	path = bench_sqlite_path(dir);
	s = bench_open(path, NULL);
	n_lite = bench_fill(s, &gen);
	bench_backend(s, &gen, lite);
	store_close(s);
	bench_sqlite_rm(dir, path);
	free(path);
	if (pg && *pg) {
		s = bench_open(pg, "mot_bench");
		n_post = bench_fill(s, &gen);
		bench_backend(s, &gen, post);
		store_close(s);
	}
	printf("the same %zu journeys in each: the samples and one of "
	       "1,000 touchpoints\n", n_lite);
	printf("%-30s %11s %14s %7s\n", "operation", "SQLite ms", "PostgreSQL ms",
	       "ratio");
	for (int op = 0; op < B_COUNT; op++) {
		if (pg && *pg)
			printf("%-30s %11.2f %14.2f %7.1f\n", bench_names[op],
			       lite[op] * 1e3, post[op] * 1e3,
			       post[op] / lite[op]);
		else
			printf("%-30s %11.2f %14s %7s\n", bench_names[op],
			       lite[op] * 1e3, "-", "-");
	}
	if (!pg || !*pg)
		printf("PostgreSQL: not measured (%s)\n",
		       getenv("MOT_TEST_PG_SKIP") ? getenv("MOT_TEST_PG_SKIP") :
		       "no server: run it through tests/pg.sh, as make bench "
		       "does");
	else if (n_post != n_lite)
		printf("warning: %zu journeys on PostgreSQL, %zu on SQLite\n",
		       n_post, n_lite);
	model_journey_free(&gen);
	return 0;
}
