/*
 * test_store_open.c - what a database file may be and what opening it may
 * do: schema versions outside the known range, damaged and empty files,
 * devices, read-only opens that write nothing and wait for no writer,
 * error messages that name the file, row versions that never repeat for
 * a key (a stale edit after `import --replace` is refused), the upgrade
 * to schema 4 from a frozen version-3 file, and keys in the database that
 * are not keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_store_fixture.h"

/* Open must fail with a message holding `want` and leave the file byte
 * for byte as it was. */
static void assert_refused(const char *path, const char *want)
{
	struct store *s = NULL;
	char err[512], *before;
	size_t n;

	before = sfx_file_bytes(path, &n);
	assert_int_equal(store_open(path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_null(s);
	if (!strstr(err, want) || !strstr(err, path))
		fail_msg("message '%s' lacks '%s' or the file name", err, want);
	sfx_assert_same_file(path, before, n);
	/* the read-only open says the same */
	assert_int_equal(store_open_mode(path, NULL, STORE_READ_ONLY, &s, NULL, err,
					 sizeof err), STORE_ERROR);
	assert_non_null(strstr(err, want));
	sfx_assert_same_file(path, before, n);
	free(before);
}

static void import(struct store *s, const char *key, size_t n, bool replace)
{
	struct mot_journey j;

	sfx_journey(&j, key, "Journey", n);
	assert_int_equal(store_journey_import(s, &j, 1, replace, NULL), STORE_OK);
	model_journey_free(&j);
}

/* --- versions outside the range --------------------------------------- */

static void test_negative_versions_refused(void **state)
{
	struct sfx *f = *state;
	static const char *const versions[] = { "-1", "-2147483648", "0" };

	for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		char *sql = xasprintf("PRAGMA user_version = %s", versions[i]);

		unlink(f->path);
		sfx_make_old(f->path, 3, sql);
		assert_refused(f->path, "schema version");
		free(sql);
	}
}

static void test_newer_version_refused(void **state)
{
	struct sfx *f = *state;

	sfx_make_old(f->path, 3, "PRAGMA user_version = 2147483647");
	assert_refused(f->path, "newer mot");
}

/* --- files that are not, or no longer, a database ---------------------- */

static void test_truncated_is_damaged(void **state)
{
	struct sfx *f = *state;
	bool created;
	char err[512];

	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	import(f->s, "big", 400, false);
	store_close(f->s);
	f->s = NULL;
	assert_true(sfx_query_int(f->path, "PRAGMA page_count") > 8);
	assert_int_equal(truncate(f->path, 3 * 4096), 0);
	assert_refused(f->path, "damaged");
}

static void test_empty_files_not_taken_over(void **state)
{
	struct sfx *f = *state;
	FILE *fp;

	/* zero bytes, made by someone else */
	assert_non_null(fp = fopen(f->path, "w"));
	fclose(fp);
	assert_refused(f->path, "empty file");
	/* an SQLite file without a table */
	sfx_exec(f->path, "VACUUM");
	assert_refused(f->path, "empty file");
}

static void test_new_path_is_seeded(void **state)
{
	struct sfx *f = *state;
	bool created = false;
	char err[512];

	assert_int_equal(store_open_mode(f->path, NULL, STORE_READ_ONLY, &f->s,
					 &created, err, sizeof err), STORE_OK);
	assert_true(created);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	assert_false(created);
}

static void test_device_refused(void **state)
{
	struct store *s = NULL;
	char err[512];

	(void)state;
	if (access("/dev/null-journal", F_OK) == 0)
		skip();	/* someone else's: not ours to judge or remove */
	assert_int_equal(store_open("/dev/null", &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "/dev/null: not a regular file"));
	assert_int_equal(access("/dev/null-journal", F_OK), -1);
	assert_int_equal(store_open(".", &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "is a directory"));
}

/* --- read-only opens ---------------------------------------------------- */

static void test_read_only_writes_nothing(void **state)
{
	struct sfx *f = *state;
	struct store_journey_info *list;
	struct mot_journey j;
	char err[512], *before;
	size_t n, count;

	assert_int_equal(store_open(f->path, &f->s, NULL, err, sizeof err),
			 STORE_OK);
	import(f->s, "ro", 5, false);
	store_close(f->s);
	f->s = NULL;
	before = sfx_file_bytes(f->path, &n);
	assert_int_equal(store_open_mode(f->path, NULL, STORE_READ_ONLY, &f->s, NULL,
					 err, sizeof err), STORE_OK);
	assert_int_equal(store_journey_list(f->s, &list, &count), STORE_OK);
	assert_int_equal(count, 1);
	store_journey_list_free(list, count);
	assert_int_equal(store_journey_load(f->s, "ro", &j), STORE_OK);
	model_journey_free(&j);
	/* a write is refused, naming the file */
	assert_int_equal(store_journey_create(f->s, "new", "New"), STORE_ERROR);
	assert_non_null(strstr(store_errmsg(f->s), f->path));
	store_close(f->s);
	f->s = NULL;
	sfx_assert_same_file(f->path, before, n);
	free(before);
}

/* A writer in the middle of a transaction holds the write lock: a reader
 * opens, lists and loads all the same, at once. */
static void test_read_only_not_blocked_by_writer(void **state)
{
	struct sfx *f = *state;
	struct store *reader = NULL;
	struct mot_journey j;
	char err[512];
	sqlite3 *w;
	time_t t0;

	assert_int_equal(store_open(f->path, &f->s, NULL, err, sizeof err),
			 STORE_OK);
	import(f->s, "shared", 5, false);
	assert_int_equal(sqlite3_open(f->path, &w), SQLITE_OK);
	assert_int_equal(sqlite3_exec(w, "BEGIN IMMEDIATE; UPDATE journey SET "
				      "title = 'Changing'", NULL, NULL, NULL),
			 SQLITE_OK);
	t0 = time(NULL);
	assert_int_equal(store_open_mode(f->path, NULL, STORE_READ_ONLY, &reader,
					 NULL, err, sizeof err), STORE_OK);
	assert_int_equal(store_journey_load(reader, "shared", &j), STORE_OK);
	assert_string_equal(j.title, "Journey");	/* the last commit */
	model_journey_free(&j);
	assert_true(time(NULL) - t0 < 3);	/* not a busy wait of 5 s */
	store_close(reader);
	sqlite3_exec(w, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(w);
}

/* An old schema is migrated by a read-only open too (once). */
static void test_read_only_migrates_old_schema(void **state)
{
	struct sfx *f = *state;
	char err[512];

	sfx_make_old(f->path, 1, NULL);
	assert_int_equal(store_open_mode(f->path, NULL, STORE_READ_ONLY, &f->s, NULL,
					 err, sizeof err), STORE_OK);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
}

/* --- versions never repeat ---------------------------------------------- */

/* The lost update of `import --replace`: a designer read touchpoint t1,
 * someone replaced the journey (its rows made anew), the designer's save
 * based on what it read must be refused, not overwrite. */
static void test_stale_edit_after_replace(void **state)
{
	struct sfx *f = *state;
	struct mot_journey before, after;
	struct mot_touchpoint tp;

	import(f->s, "shop", 3, false);
	assert_int_equal(store_journey_load(f->s, "shop", &before), STORE_OK);
	import(f->s, "shop", 3, true);
	assert_int_equal(store_journey_load(f->s, "shop", &after), STORE_OK);
	assert_true(after.touchpoints[1].version !=
		    before.touchpoints[1].version);
	assert_true(after.touchpoints[0].next[0].version !=
		    before.touchpoints[0].next[0].version);
	assert_true(after.personas[0].version != before.personas[0].version);
	tp = before.touchpoints[1];
	tp.name = "Edited from a stale read";
	assert_int_equal(store_touchpoint_update(f->s, "shop", "t1", &tp),
			 STORE_CONFLICT);
	assert_int_equal(store_touchpoint_delete(f->s, "shop", "t1",
						 before.touchpoints[1].version),
			 STORE_CONFLICT);
	assert_int_equal(store_persona_delete(f->s, "shop", "p1",
					      before.personas[0].version),
			 STORE_CONFLICT);
	model_journey_free(&before);
	model_journey_free(&after);
}

/* Deleted and added again under the same key: a new version too. */
static void test_stale_edit_after_readd(void **state)
{
	struct sfx *f = *state;
	struct mot_touchpoint tp;
	struct mot_journey j;
	int64_t old;

	import(f->s, "shop", 3, false);
	assert_int_equal(store_journey_load(f->s, "shop", &j), STORE_OK);
	old = j.touchpoints[2].version;
	tp = j.touchpoints[2];
	assert_int_equal(store_touchpoint_delete(f->s, "shop", "t2", old),
			 STORE_OK);
	tp.n_next = 0;
	assert_int_equal(store_touchpoint_add(f->s, "shop", &tp, 0), STORE_OK);
	assert_true(tp.version > old);
	tp.version = old;
	assert_int_equal(store_touchpoint_update(f->s, "shop", "t2", &tp),
			 STORE_CONFLICT);
	model_journey_free(&j);
}

/* Schema 3 -> 4 from a frozen copy: rows, lanes and versions kept, the
 * generation above every version there was (12). */
static void test_upgrade_from_v3(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	char err[512];

	sfx_make_old(f->path, 3, NULL);
	assert_int_equal(store_open(f->path, &f->s, NULL, err, sizeof err),
			 STORE_OK);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(sfx_query_int(f->path, "SELECT value FROM generation"),
			 12);
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	assert_int_equal(j.version, 12);
	assert_int_equal(j.touchpoints[0].version, 11);
	assert_string_equal(j.touchpoints[0].thinking, "Is everyone all right?");
	assert_int_equal(j.touchpoints[0].n_kpis, 1);
	assert_int_equal(j.touchpoints[0].next[0].version, 3);
	assert_int_equal(j.personas[0].version, 2);
	model_journey_free(&j);
	import(f->s, "claim", 2, true);
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	assert_true(j.touchpoints[0].version > 12);
	assert_true(j.version > 12);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM scenario"),
			 1);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM kpi"), 0);
	model_journey_free(&j);
}

/* --- keys in the database ------------------------------------------------ */

static void test_bad_keys_refused_on_load(void **state)
{
	struct sfx *f = *state;
	struct store_journey_info *list;
	struct mot_journey j;
	size_t n;

	import(f->s, "good", 3, false);
	import(f->s, "other", 3, false);
	sfx_sql(f, "UPDATE journey SET key = '../escaped' WHERE key = 'good'; "
		"UPDATE touchpoint SET key = 'a/b' WHERE key = 't1' AND "
		"journey_id = (SELECT id FROM journey WHERE key = 'other')");
	assert_int_equal(store_journey_load(f->s, "../escaped", &j),
			 STORE_ERROR);
	assert_non_null(strstr(store_errmsg(f->s), "'../escaped'"));
	assert_non_null(strstr(store_errmsg(f->s), store_name(f->s)));
	assert_int_equal(store_journey_list(f->s, &list, &n), STORE_ERROR);
	assert_null(list);
	assert_int_equal(store_journey_load(f->s, "other", &j), STORE_ERROR);
	assert_non_null(strstr(store_errmsg(f->s), "touchpoint key 'a/b'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stale_edit_after_replace, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_stale_edit_after_readd, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_bad_keys_refused_on_load, sfx_setup_open, sfx_teardown),
	};
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_negative_versions_refused, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_version_refused, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_truncated_is_damaged, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_empty_files_not_taken_over, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_new_path_is_seeded, sfx_setup, sfx_teardown),
		cmocka_unit_test(test_device_refused),
		cmocka_unit_test_setup_teardown(test_read_only_writes_nothing, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_read_only_not_blocked_by_writer, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_read_only_migrates_old_schema, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_from_v3, sfx_setup, sfx_teardown),
	};

	return sfx_run("store_open", tests, sizeof tests / sizeof tests[0],
		       sqlite_only, sizeof sqlite_only / sizeof sqlite_only[0]);
}
