/*
 * test_store_pg.c - what only PostgreSQL has: telling a connection string
 * from a file name, passwords kept off the command line, several mot
 * databases in one PostgreSQL database (--schema, or search_path in the
 * connection string), a schema of another program or of a newer mot
 * refused and left alone, read-only connections, the upgrade of a frozen
 * version-4 database, kill -9 of a writer in the middle of a transaction, and a
 * copy from SQLite to PostgreSQL and back that keeps every byte.
 * Everything else the store does is tested on PostgreSQL by the other
 * test_store*.c files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_store_fixture.h"
#include "yamlio.h"

/* Not a test of PostgreSQL: runs without a server. */
static void test_target_detection(void **state)
{
	struct store *s = NULL;
	char err[512];

	(void)state;
	assert_int_equal(store_open_mode("postgresql://nobody:secret@nowhere/x",
					 NULL, STORE_READ_WRITE, &s, NULL, err,
					 sizeof err), STORE_ERROR);
	assert_non_null(strstr(err, "~/.pgpass"));
	assert_null(strstr(err, "secret"));
	assert_int_equal(store_open_mode("host=/nowhere dbname=x password=pw",
					 NULL, STORE_READ_WRITE, &s, NULL, err,
					 sizeof err), STORE_ERROR);
	assert_non_null(strstr(err, "~/.pgpass"));
	assert_null(strstr(err, "pw"));
	assert_int_equal(store_open_mode("/tmp/x.db", "team", STORE_READ_WRITE,
					 &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "--schema is for a PostgreSQL"));
}

static void open_schema(const struct sfx *f, const char *target,
			const char *schema, struct store **s, bool want_new)
{
	bool created = !want_new;
	char err[512];

	if (store_open_mode(target, schema, STORE_READ_WRITE, s, &created, err,
			    sizeof err) != STORE_OK)
		fail_msg("%s", err);
	assert_int_equal(created, want_new);
	(void)f;
}

/* Two mot databases in one PostgreSQL database: --schema, and the
 * search_path of the connection string, both kept apart. */
static void test_schemas_apart(void **state)
{
	struct sfx *f = *state;
	char *other = xasprintf("%s_b", f->schema);
	char *url = xasprintf("%s options=-csearch_path=%s", f->target, other);
	struct store *a, *b;
	struct mot_journey j;
	size_t n;
	struct store_journey_info *list;

	open_schema(f, f->target, f->schema, &a, true);
	open_schema(f, f->target, other, &b, true);
	store_close(b);
	open_schema(f, url, NULL, &b, false);
	sfx_journey(&j, "only-in-a", "A", 3);
	assert_int_equal(store_journey_import(a, &j, 1, false, NULL), STORE_OK);
	model_journey_free(&j);
	assert_int_equal(store_journey_list(b, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_non_null(strstr(store_name(b), other));
	store_close(a);
	store_close(b);
	sfx_pg_admin(f, "DROP SCHEMA \"%s\" CASCADE", other);
	free(url);
	free(other);
}

/* A schema named by the search_path of the connection string is made
 * when it does not exist yet, as one named by --schema is. */
static void test_search_path_schema_made(void **state)
{
	struct sfx *f = *state;
	char *url = xasprintf("%s options=-csearch_path=%s", f->target,
			      f->schema);
	struct store *s = NULL;
	bool created = false;
	char err[512];

	assert_int_equal(store_open_mode(url, NULL, STORE_READ_WRITE, &s,
					 &created, err, sizeof err), STORE_OK);
	assert_true(created);
	assert_non_null(strstr(store_name(s), f->schema));
	store_close(s);
	assert_int_equal(sfx_schema_version(f), STORE_SCHEMA_VERSION);
	free(url);
}

/* Tables of another program: refused, and not one row touched. */
static void test_foreign_schema_untouched(void **state)
{
	struct sfx *f = *state;
	struct store *s = NULL;

	sfx_pg_admin(f, "CREATE SCHEMA \"%s\"; SET search_path TO \"%s\"; "
		     "CREATE TABLE orders (id INT); INSERT INTO orders VALUES "
		     "(1)", f->schema, f->schema);
	assert_int_equal(sfx_open(f, &s, NULL), STORE_ERROR);
	assert_null(s);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM pg_tables WHERE "
				 "schemaname = current_schema()"), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM orders"), 1);
}

/* A newer mot's schema, or a version mot never wrote: refused, as is. */
static void test_versions_refused(void **state)
{
	struct sfx *f = *state;
	static const char *const bad[] = { "99", "-1", "0" };
	struct store *s = NULL;

	store_close(f->s);
	f->s = NULL;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *sql = xasprintf("UPDATE mot_schema SET version = %s",
				      bad[i]);

		sfx_sql(f, sql);
		assert_int_equal(sfx_open(f, &s, NULL), STORE_ERROR);
		assert_int_equal(sfx_schema_version(f), atoi(bad[i]));
		free(sql);
	}
}

/* A read-only connection writes nothing, even by mistake. */
static void test_read_only(void **state)
{
	struct sfx *f = *state;
	struct store *ro = NULL;
	struct mot_journey j;
	char err[512];

	sfx_journey(&j, "shared", "Shared", 3);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	model_journey_free(&j);
	assert_int_equal(store_open_mode(f->target, f->schema, STORE_READ_ONLY,
					 &ro, NULL, err, sizeof err), STORE_OK);
	/* a writer in the middle of a transaction does not block it */
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(store_journey_set_meta(f->s, "shared", "Changing",
						NULL, 1), STORE_OK);
	assert_int_equal(store_journey_load(ro, "shared", &j), STORE_OK);
	assert_string_equal(j.title, "Shared");
	model_journey_free(&j);
	assert_int_equal(store_batch_end(f->s, STORE_OK), STORE_OK);
	assert_int_equal(store_journey_create(ro, "new", "New"), STORE_ERROR);
	assert_non_null(strstr(store_errmsg(ro), store_name(ro)));
	store_close(ro);
}

/* A frozen version-4 database (PostgreSQL) is upgraded to this mot's
 * schema in place, rows, lanes and versions kept. */
static void test_frozen_v4(void **state)
{
	struct sfx *f = *state;
	char *frozen = sfx_data("store/schema-v4.pg.sql");
	struct mot_journey j;

	sfx_pg_admin(f, "CREATE SCHEMA \"%s\"", f->schema);
	sfx_sql(f, frozen);
	assert_int_equal(sfx_open(f, &f->s, NULL), STORE_OK);
	assert_int_equal(sfx_schema_version(f), STORE_SCHEMA_VERSION);
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	assert_int_equal(j.version, 9);
	assert_int_equal(j.touchpoints[0].version, 8);
	assert_string_equal(j.touchpoints[0].thinking, "Is everyone all right?");
	assert_int_equal(j.touchpoints[0].n_kpis, 1);
	assert_true(j.touchpoints[0].next[0].weight == 2.5);
	model_journey_free(&j);
	/* a write takes a version above all of them */
	assert_int_equal(store_journey_set_meta(f->s, "claim", "Claim", NULL,
						9), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT version FROM journey"), 10);
	free(frozen);
}

/* kill -9 of a writer in the middle of a transaction: nothing of it
 * stays, and the next writer goes on at once. */
static void test_kill_writer(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	int64_t before;
	int ready[2], status;
	pid_t pid;
	char c;

	sfx_journey(&j, "claim", "Claim", 4);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	model_journey_free(&j);
	before = sfx_int(f, "SELECT version FROM journey");
	assert_int_equal(pipe(ready), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *w = NULL;
		struct mot_touchpoint tp;

		close(ready[0]);
		if (sfx_open(f, &w, NULL) != STORE_OK ||
		    store_batch_begin(w) != STORE_OK)
			_exit(1);
		model_touchpoint_init(&tp);
		tp.key = "half";
		tp.name = "Half written";
		if (store_touchpoint_add(w, "claim", &tp, 0) != STORE_OK)
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		pause();	/* killed here, the transaction open */
		_exit(0);
	}
	close(ready[1]);
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM touchpoint WHERE "
				 "key = 'half'"), 0);
	assert_int_equal(sfx_int(f, "SELECT version FROM journey"), before);
	/* the lock went with the killed connection */
	assert_int_equal(store_journey_set_meta(f->s, "claim", "After", NULL,
						before), STORE_OK);
}

/* The journey as its file: what a copy must keep, byte for byte. */
static char *yaml_of(struct store *s, const char *key)
{
	struct mot_journey j;
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);

	assert_int_equal(store_journey_load(s, key, &j), STORE_OK);
	assert_int_equal(yamlio_write(out, &j), 0);
	fclose(out);
	model_journey_free(&j);
	return buf;
}

/* SQLite -> PostgreSQL -> SQLite: every sample journey, lanes and all,
 * comes back as it was. */
static void test_copy_across(void **state)
{
	struct sfx *f = *state;
	char *a_path = xasprintf("%s/a.db", f->dir);
	char *c_path = xasprintf("%s/c.db", f->dir);
	char *sample = xasprintf("%s/journeys/car-accident.yaml",
				 getenv("MOT_TOP") ? getenv("MOT_TOP") : ".");
	struct store *a, *b, *c;
	struct mot_diags d = { 0 };
	struct mot_journey j;
	char err[512], *before, *after;
	size_t nj;

	assert_int_equal(store_open(a_path, &a, NULL, err, sizeof err),
			 STORE_OK);
	assert_int_equal(yamlio_load_file(sample, &j, &d), 0);
	assert_int_equal(store_journey_import(a, &j, 1, false, NULL), STORE_OK);
	model_journey_free(&j);
	model_diags_free(&d);
	assert_int_equal(sfx_open(f, &b, NULL), STORE_OK);
	assert_int_equal(store_open(c_path, &c, NULL, err, sizeof err),
			 STORE_OK);
	assert_int_equal(store_copy_all(a, b, &nj, NULL, NULL), STORE_OK);
	assert_int_equal(nj, 1);
	assert_int_equal(store_copy_all(b, c, &nj, NULL, NULL), STORE_OK);
	before = yaml_of(a, "car-accident");
	after = yaml_of(c, "car-accident");
	assert_string_equal(before, after);
	free(after);
	after = yaml_of(b, "car-accident");
	assert_string_equal(before, after);
	free(after);
	free(before);
	store_close(a);
	store_close(b);
	store_close(c);
	free(a_path);
	free(c_path);
	free(sample);
}

int main(void)
{
	const struct CMUnitTest always[] = {
		cmocka_unit_test(test_target_detection),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schemas_apart, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_search_path_schema_made, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_schema_untouched, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_versions_refused, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_read_only, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_frozen_v4, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_kill_writer, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_copy_across, sfx_setup, sfx_teardown),
	};
	int failed = cmocka_run_group_tests_name("store_pg", always, NULL, NULL);

	return failed + sfx_run_pg("store_pg (PostgreSQL)", tests,
				   sizeof tests / sizeof tests[0]);
}
