/*
 * test_store_scenario.c - what-if scenarios in the store (schema version
 * 2): every field round trip (NAN as NULL), names unique per journey,
 * replace, order, what happens to them when their journey is deleted,
 * renamed, re-imported or copied; and the upgrade of a version-1 database
 * in place, all or nothing, while foreign files are still left alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "model.h"
#include "store.h"
#include "util.h"

#include "test_store_fixture.h"

/* --- helpers ---------------------------------------------------------- */

static void import(struct store *s, const char *key, const char *title,
		   size_t n, bool replace)
{
	struct mot_journey j;

	sfx_journey(&j, key, title, n);
	assert_int_equal(store_journey_import(s, &j, 1, replace, NULL), STORE_OK);
	model_journey_free(&j);
}

/* A scenario with a baseline; the strings point at literals (the store
 * only reads them). */
static struct store_scenario scenario(const char *name, int64_t created)
{
	struct store_scenario sc = {
		.name = (char *)name,
		.created = created,
		.customers = 100000,
		.seed = 7,
		.persona = (char *)"p1",
		.plain = false,
		.changes = (char *)"Checkout: emotion -1 -> +1\n"
			"added touchpoint 'Café Über'",
		.base_conv = 0.25, .base_lo = 0.247, .base_hi = 0.253,
		.conv = 0.27, .conv_lo = 0.267, .conv_hi = 0.273,
		.diff = 0.02, .diff_lo = 0.015, .diff_hi = 0.025,
		.significant = true,
		.base_nps = -12.5, .nps = 3.25,
		.report = (char *)"{\"journey\":\"a\",\"scenario\":{}}",
	};
	return sc;
}

/* The same without a baseline: the plain results of one run. */
static struct store_scenario scenario_plain(const char *name)
{
	struct store_scenario sc = scenario(name, 0);

	sc.persona = NULL;
	sc.plain = true;
	sc.changes = NULL;
	sc.seed = UINT64_MAX;	/* the top bit must survive SQLite's int64 */
	sc.customers = 1;
	sc.base_conv = sc.base_lo = sc.base_hi = NAN;
	sc.diff = sc.diff_lo = sc.diff_hi = NAN;
	sc.base_nps = NAN;
	sc.significant = false;
	sc.report = (char *)"{}";
	return sc;
}

static void save(struct store *s, const char *journey, const char *name,
		 int64_t created)
{
	struct store_scenario sc = scenario(name, created);

	assert_int_equal(store_scenario_save(s, journey, &sc, false), STORE_OK);
}

static size_t list_count(struct store *s, const char *journey)
{
	struct store_scenario *list;
	size_t n;

	assert_int_equal(store_scenario_list(s, journey, &list, &n), STORE_OK);
	store_scenario_free(list, n);
	return n;
}

static void assert_same_real(double got, double want)
{
	if (isnan(want))
		assert_true(isnan(got));
	else
		assert_true(got == want);
}

static void assert_same_scenario(const struct store_scenario *got,
				 const struct store_scenario *want)
{
	assert_int_equal(got->id, want->id);
	assert_string_equal(got->name, want->name);
	assert_int_equal(got->created, want->created);
	assert_true(got->customers == want->customers);
	assert_true(got->seed == want->seed);
	if (want->persona)
		assert_string_equal(got->persona, want->persona);
	else
		assert_null(got->persona);
	assert_int_equal(got->plain, want->plain);
	assert_string_equal(got->changes, want->changes ? want->changes : "");
	assert_same_real(got->base_conv, want->base_conv);
	assert_same_real(got->base_lo, want->base_lo);
	assert_same_real(got->base_hi, want->base_hi);
	assert_same_real(got->conv, want->conv);
	assert_same_real(got->conv_lo, want->conv_lo);
	assert_same_real(got->conv_hi, want->conv_hi);
	assert_same_real(got->diff, want->diff);
	assert_same_real(got->diff_lo, want->diff_lo);
	assert_same_real(got->diff_hi, want->diff_hi);
	assert_int_equal(got->significant, want->significant);
	assert_same_real(got->base_nps, want->base_nps);
	assert_same_real(got->nps, want->nps);
	assert_string_equal(got->report, want->report);
}

/* --- saving and listing ----------------------------------------------- */

static void test_round_trip(void **state)
{
	struct sfx *f = *state;
	struct store_scenario a = scenario("Friendlier checkout", 1700000000);
	struct store_scenario b = scenario_plain("Plain run");
	struct store_scenario *list;
	int64_t before = (int64_t)time(NULL), v0, v1;
	size_t n;

	import(f->s, "shop", "Shop", 3, false);
	assert_int_equal(store_journey_version(f->s, "shop", &v0), STORE_OK);
	assert_int_equal(store_scenario_save(f->s, "shop", &a, false), STORE_OK);
	assert_true(a.id > 0);
	assert_int_equal(a.created, 1700000000);	/* given: kept */
	assert_int_equal(store_scenario_save(f->s, "shop", &b, false), STORE_OK);
	assert_true(b.id > a.id);
	assert_true(b.created >= before && b.created <= (int64_t)time(NULL));
	/* Keeping a scenario is not an edit of the journey. */
	assert_int_equal(store_journey_version(f->s, "shop", &v1), STORE_OK);
	assert_int_equal(v1, v0);

	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_same_scenario(&list[0], &b);	/* newer first */
	assert_same_scenario(&list[1], &a);
	store_scenario_free(list, n);
	/* NAN is NULL in the table, not some number. */
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM scenario "
				   "WHERE base_conv IS NULL AND diff_lo IS NULL "
				   "AND base_nps IS NULL AND persona IS NULL "
				   "AND conv IS NOT NULL"), 1);
}

static void test_refused_scenarios(void **state)
{
	struct sfx *f = *state;
	struct store_scenario sc = scenario("  ", 0);
	struct store_scenario *list = (struct store_scenario *)&sc;
	size_t n = 9;

	import(f->s, "shop", "Shop", 3, false);
	assert_int_equal(store_scenario_save(f->s, "shop", &sc, false),
			 STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "name"));
	sc = scenario("No report", 0);
	sc.report = NULL;
	assert_int_equal(store_scenario_save(f->s, "shop", &sc, false),
			 STORE_INVALID);
	sc = scenario("Bad \xff name", 0);
	assert_int_equal(store_scenario_save(f->s, "shop", &sc, false),
			 STORE_INVALID);
	sc = scenario("Fine", 0);
	assert_int_equal(store_scenario_save(f->s, "nope", &sc, false),
			 STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f->s), "no journey 'nope'"));
	assert_int_equal(sc.id, 0);
	assert_int_equal(store_scenario_list(f->s, "nope", &list, &n),
			 STORE_NOT_FOUND);
	assert_null(list);
	assert_int_equal(n, 0);
	assert_int_equal(store_scenario_delete(f->s, "nope", 1), STORE_NOT_FOUND);
	assert_int_equal(list_count(f->s, "shop"), 0);
}

static void test_duplicate_and_replace(void **state)
{
	struct sfx *f = *state;
	struct store_scenario a = scenario("Same name", 100);
	struct store_scenario b = scenario_plain("Same name");
	struct store_scenario *list;
	size_t n;

	import(f->s, "shop", "Shop", 3, false);
	import(f->s, "other", "Other", 2, false);
	assert_int_equal(store_scenario_save(f->s, "shop", &a, false), STORE_OK);
	/* The name is unique within a journey, not across journeys. */
	assert_int_equal(store_scenario_save(f->s, "shop", &b, false),
			 STORE_EXISTS);
	assert_non_null(strstr(store_errmsg(f->s), "'Same name' already"));
	assert_int_equal(b.id, 0);
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_same_scenario(&list[0], &a);	/* untouched */
	store_scenario_free(list, n);
	assert_int_equal(store_scenario_save(f->s, "other", &b, false), STORE_OK);

	/* replace: the new one takes the name, the old one is gone */
	b = scenario_plain("Same name");
	assert_int_equal(store_scenario_save(f->s, "shop", &b, true), STORE_OK);
	assert_int_not_equal(b.id, a.id);
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_same_scenario(&list[0], &b);
	store_scenario_free(list, n);
	/* replace with a new name simply adds */
	a = scenario("Another", 0);
	assert_int_equal(store_scenario_save(f->s, "shop", &a, true), STORE_OK);
	assert_int_equal(list_count(f->s, "shop"), 2);
	assert_int_equal(list_count(f->s, "other"), 1);
}

static void test_list_order(void **state)
{
	struct sfx *f = *state;
	static const struct { const char *name; int64_t created; } rows[] = {
		{ "old", 100 }, { "newest a", 300 }, { "middle", 200 },
		{ "newest b", 300 },
	};
	static const char *const want[] = { "newest b", "newest a", "middle",
		"old" };
	struct store_scenario *list;
	size_t n;

	import(f->s, "shop", "Shop", 3, false);
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_null(list);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		save(f->s, "shop", rows[i].name, rows[i].created);
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 4);
	/* newest first; the same second: the later saved first */
	for (size_t i = 0; i < n; i++)
		assert_string_equal(list[i].name, want[i]);
	store_scenario_free(list, n);
}

static void test_delete(void **state)
{
	struct sfx *f = *state;
	struct store_scenario a = scenario("Keep", 10), b = scenario("Drop", 20);
	struct store_scenario *list;
	size_t n;

	import(f->s, "shop", "Shop", 3, false);
	import(f->s, "other", "Other", 2, false);
	assert_int_equal(store_scenario_save(f->s, "shop", &a, false), STORE_OK);
	assert_int_equal(store_scenario_save(f->s, "shop", &b, false), STORE_OK);
	/* Not through another journey's key. */
	assert_int_equal(store_scenario_delete(f->s, "other", b.id),
			 STORE_NOT_FOUND);
	assert_int_equal(store_scenario_delete(f->s, "shop", b.id), STORE_OK);
	assert_int_equal(store_scenario_delete(f->s, "shop", b.id),
			 STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f->s), "no longer exists"));
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_same_scenario(&list[0], &a);
	store_scenario_free(list, n);
}

/* --- scenarios and their journey -------------------------------------- */

static void test_cascade_on_journey_delete(void **state)
{
	struct sfx *f = *state;

	import(f->s, "shop", "Shop", 3, false);
	import(f->s, "other", "Other", 2, false);
	save(f->s, "shop", "one", 0);
	save(f->s, "shop", "two", 0);
	save(f->s, "other", "one", 0);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM scenario"), 3);
	assert_int_equal(store_journey_delete(f->s, "shop"), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM scenario"), 1);
	assert_int_equal(list_count(f->s, "other"), 1);
	/* A new journey of the old key starts without them. */
	import(f->s, "shop", "Shop again", 2, false);
	assert_int_equal(list_count(f->s, "shop"), 0);
}

static void test_survives_rename(void **state)
{
	struct sfx *f = *state;
	struct store_scenario *list;
	size_t n;

	import(f->s, "shop", "Shop", 3, false);
	save(f->s, "shop", "one", 0);
	assert_int_equal(store_journey_rename(f->s, "shop", "store"), STORE_OK);
	assert_int_equal(store_scenario_list(f->s, "shop", &list, &n),
			 STORE_NOT_FOUND);
	assert_int_equal(store_scenario_list(f->s, "store", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "one");
	store_scenario_free(list, n);
}

static void test_survives_reimport(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	int64_t v0, v1, created;

	import(f->s, "shop", "Shop", 5, false);
	save(f->s, "shop", "one", 0);
	save(f->s, "shop", "two", 0);
	assert_int_equal(store_journey_version(f->s, "shop", &v0), STORE_OK);
	created = sfx_int(f, "SELECT created FROM journey");
	/* without --replace: refused, nothing changes */
	sfx_journey(&j, "shop", "Shop v2", 3);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_EXISTS);
	model_journey_free(&j);
	/* `mot import --replace` of a new version of the file */
	import(f->s, "shop", "Shop v2", 3, true);
	assert_int_equal(list_count(f->s, "shop"), 2);
	assert_int_equal(store_journey_load(f->s, "shop", &j), STORE_OK);
	assert_string_equal(j.title, "Shop v2");
	assert_int_equal(j.n_touchpoints, 3);
	assert_int_equal(j.touchpoints[0].n_next, 1);
	assert_int_equal(j.touchpoints[2].n_next, 0);
	assert_int_equal(j.n_entries, 1);
	assert_int_equal(j.n_personas, 1);
	/* the same row: its creation kept, its version on */
	assert_int_equal(j.created, created);
	assert_int_equal(store_journey_version(f->s, "shop", &v1), STORE_OK);
	assert_true(v1 > v0);
	model_journey_free(&j);
	/* nothing of the old contents is left behind */
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM touchpoint"), 3);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM transition"), 2);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM entry"), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM persona"), 1);
}

static void test_reimport_failure_keeps_all(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;

	import(f->s, "shop", "Shop", 4, false);
	save(f->s, "shop", "one", 0);
	/* A file whose transition goes nowhere: refused as a whole. */
	sfx_journey(&j, "shop", "Shop broken", 3);
	free(j.touchpoints[0].next[0].to);
	j.touchpoints[0].next[0].to = xstrdup("missing");
	assert_int_equal(store_journey_import(f->s, &j, 1, true, NULL),
			 STORE_INVALID);
	model_journey_free(&j);
	assert_int_equal(store_journey_load(f->s, "shop", &j), STORE_OK);
	assert_string_equal(j.title, "Shop");
	assert_int_equal(j.n_touchpoints, 4);
	model_journey_free(&j);
	assert_int_equal(list_count(f->s, "shop"), 1);
}

static void test_copy_leaves_scenarios(void **state)
{
	struct sfx *f = *state;

	import(f->s, "shop", "Shop", 3, false);
	save(f->s, "shop", "one", 0);
	assert_int_equal(store_journey_copy(f->s, "shop", "shop-2"), STORE_OK);
	assert_int_equal(list_count(f->s, "shop"), 1);
	assert_int_equal(list_count(f->s, "shop-2"), 0);
	/* The copy's own scenario does not clash with the original's name. */
	save(f->s, "shop-2", "one", 0);
	assert_int_equal(list_count(f->s, "shop-2"), 1);
}

/* --- the upgrade from schema version 1 --------------------------------- */

static void test_upgrade_from_v1(void **state)
{
	struct sfx *f = *state;
	struct store_journey_info *info;
	struct mot_journey j;
	bool created = true;
	char err[256];
	size_t n;

	sfx_make_old(f->path, 1, NULL);
	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	assert_false(created);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA application_id"),
			 0x6d6f7421);
	/* everything as it was, versions and times included */
	assert_int_equal(store_journey_list(f->s, &info, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(info[0].key, "old");
	assert_int_equal(info[0].updated, 2000);
	store_journey_list_free(info, n);
	assert_int_equal(store_journey_load(f->s, "old", &j), STORE_OK);
	assert_string_equal(j.title, "Old journey");
	assert_string_equal(j.description, "Über café");
	assert_int_equal(j.created, 1000);
	assert_int_equal(j.version, 7);
	assert_int_equal(j.n_touchpoints, 2);
	assert_string_equal(j.touchpoints[0].key, "ad");
	assert_string_equal(j.touchpoints[0].channel, "tv");
	assert_string_equal(j.touchpoints[0].notes, "note");
	assert_int_equal(j.touchpoints[0].emotion, -2);
	assert_int_equal(j.touchpoints[0].phase, MOT_PHASE_EXPOSURE);
	assert_int_equal(j.touchpoints[0].version, 3);
	assert_int_equal(j.touchpoints[0].n_next, 1);
	assert_string_equal(j.touchpoints[0].next[0].to, "buy");
	assert_true(j.touchpoints[0].next[0].weight == 2.5);
	assert_string_equal(j.touchpoints[0].next[0].label, "go");
	assert_int_equal(j.touchpoints[0].next[0].version, 4);
	assert_true(j.touchpoints[1].conversion);
	assert_int_equal(j.n_entries, 1);
	assert_true(j.entries[0].weight == 1.5);
	assert_int_equal(j.n_personas, 1);
	assert_int_equal(j.personas[0].patience, 3);
	assert_int_equal(j.personas[0].version, 2);
	model_journey_free(&j);
	/* and the new table works, with its cascade */
	save(f->s, "old", "first", 0);
	assert_int_equal(list_count(f->s, "old"), 1);
	assert_int_equal(store_journey_delete(f->s, "old"), STORE_OK);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM scenario"), 0);
	/* a second open has nothing left to do */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	assert_false(created);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
}

/* A migration that fails leaves the database at version 1, whole: here a
 * table in the way of the new one (as if someone had made it by hand). */
static void test_failed_upgrade_changes_nothing(void **state)
{
	struct sfx *f = *state;
	struct store *s = NULL;
	char err[256];

	sfx_make_old(f->path, 1, "CREATE TABLE scenario (mine TEXT);"
		"INSERT INTO scenario VALUES ('keep me')");
	assert_int_equal(store_open(f->path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_null(s);
	assert_non_null(strstr(err, "scenario"));
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"), 1);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM journey"), 1);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM transition"),
			 1);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM scenario "
				   "WHERE mine = 'keep me'"), 1);
}

/* --- files that are not ours are still left alone ------------------------ */

static void test_foreign_files_untouched(void **state)
{
	struct sfx *f = *state;
	char *db_path = xasprintf("%s/other.db", f->dir);
	char *txt_path = xasprintf("%s/notes.txt", f->dir);
	const char text[] = "journey notes, not a database\n";
	char err[256], *before, *after;
	struct store *s = NULL;
	size_t n1, n2;
	sqlite3 *db;
	FILE *fp;

	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	/* even one with mot's tables but no mark of mot */
	assert_int_equal(sqlite3_exec(db, sfx_v1_schema, NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 1", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	before = sfx_file_bytes(db_path, &n1);
	assert_int_equal(store_open(db_path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_null(s);
	assert_non_null(strstr(err, "not a mot database"));
	after = sfx_file_bytes(db_path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	assert_non_null(fp = fopen(txt_path, "w"));
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(store_open(txt_path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "not a mot database"));
	after = sfx_file_bytes(txt_path, &n2);
	assert_int_equal(n2, strlen(text));
	assert_memory_equal(after, text, n2);
	free(after);
	free(db_path);
	free(txt_path);
}

static void test_newer_schema_refused(void **state)
{
	struct sfx *f = *state;
	struct store *s = NULL;
	char err[256];

	char *newer = xasprintf("PRAGMA user_version = %d",
				STORE_SCHEMA_VERSION + 1);

	sfx_make_old(f->path, 1, newer);
	free(newer);
	assert_int_equal(store_open(f->path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "newer mot"));
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refused_scenarios, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_and_replace, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_list_order, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_delete, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_cascade_on_journey_delete, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_survives_rename, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_survives_reimport, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_reimport_failure_keeps_all, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_copy_leaves_scenarios, sfx_setup_open, sfx_teardown),
	};
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_from_v1, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_failed_upgrade_changes_nothing, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_files_untouched, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, sfx_setup, sfx_teardown),
	};

	return sfx_run("store_scenario", tests, sizeof tests / sizeof tests[0],
		       sqlite_only, sizeof sqlite_only / sizeof sqlite_only[0]);
}
