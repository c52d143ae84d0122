/*
 * test_store_lanes.c - the lanes of the journey map in the store: a file's
 * lanes survive import and export byte for byte, single edits replace
 * them under the touchpoint's version check, deletes cascade, undo of a
 * delete restores them, copies carry them, bad lanes are refused whole,
 * and a database of schema version 2 (tests/data/store/schema-v2.sql) is
 * upgraded in place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "model.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

#include "test_store_fixture.h"

static char *top_path(const char *rel)
{
	const char *top = getenv("MOT_TOP");

	return xasprintf("%s/%s", top && *top ? top : ".", rel);
}

static void load_file(const char *rel, struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	char *path = top_path(rel);

	if (yamlio_load_file(path, j, &d) != 0)
		yamlio_print_diags(stderr, path, &d);
	assert_int_equal(d.errors, 0);
	model_diags_free(&d);
	free(path);
}

static char *yaml_text(const struct mot_journey *j)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	assert_non_null(f);
	assert_int_equal(yamlio_write(f, j), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static struct mot_touchpoint *tp_of(struct mot_journey *j, const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	return &j->touchpoints[i];
}

/* --- round trips ------------------------------------------------------ */

/* file -> store -> file: the same bytes, every lane and hostile text. */
static void test_file_round_trip(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, back;
	char *want, *got;

	load_file("tests/data/good/lanes.canonical.yaml", &j);
	want = yaml_text(&j);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	assert_true(model_lanes_equal(tp_of(&j, "call"), tp_of(&back, "call")));
	got = yaml_text(&back);
	assert_string_equal(got, want);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM lane_item"),
			 10);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM kpi"), 4);
	free(got);
	free(want);
	model_journey_free(&back);
	model_journey_free(&j);
}

/* A second import --replace swaps the lanes, leaving none behind. */
static void test_replace(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, back;
	struct mot_touchpoint *tp;

	load_file("tests/data/good/lanes.canonical.yaml", &j);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	tp = tp_of(&j, "call");
	model_list_free(&tp->pains);
	model_list_add(&tp->pains, "Only one pain left");
	tp->n_kpis = 1;	/* the rest freed with the journey below */
	assert_int_equal(store_journey_import(f->s, &j, 1, true, NULL),
			 STORE_OK);
	tp->n_kpis = 4;
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	tp = tp_of(&back, "call");
	assert_int_equal(tp->pains.n, 1);
	assert_string_equal(tp->pains.items[0], "Only one pain left");
	assert_int_equal(tp->n_kpis, 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM kpi"), 1);
	model_journey_free(&back);
	model_journey_free(&j);
}

/* --- single edits ----------------------------------------------------- */

static void edit_lanes(struct mot_touchpoint *tp)
{
	struct mot_kpi k;

	free(tp->thinking);
	tp->thinking = xstrdup("Wie zahlt das?\n\"Zitat\" <&> :#;| 検索 🚗");
	free(tp->backstage);
	tp->backstage = NULL;
	model_list_free(&tp->pains);
	model_list_free(&tp->evidence);
	model_list_add(&tp->evidence, "Interview 3: 'I waited 40 minutes'");
	model_list_add(&tp->opportunities, "Call back within 10 minutes");
	for (size_t i = 0; i < tp->n_kpis; i++)
		model_kpi_free(&tp->kpis[i]);
	tp->n_kpis = 0;
	model_kpi_init(&k);
	k.name = xstrdup("Wait");
	k.value = 40;
	k.has_target = true;
	k.target = 10;
	k.unit = xstrdup("min");
	k.lower_better = true;
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
}

/* An update replaces the lanes; an update based on an old version is
 * refused and changes nothing. */
static void test_update_and_conflict(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, mine, theirs, back;
	struct mot_touchpoint *tp;

	load_file("tests/data/good/lanes.canonical.yaml", &j);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &mine), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &theirs), STORE_OK);
	tp = tp_of(&mine, "call");
	edit_lanes(tp);
	assert_int_equal(store_touchpoint_update(f->s, "lanes", "call", tp),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	assert_true(model_lanes_equal(tp, tp_of(&back, "call")));
	assert_int_equal(tp_of(&back, "call")->version, tp->version);
	model_journey_free(&back);
	/* the other designer's copy is stale: a lanes-only edit conflicts */
	tp = tp_of(&theirs, "call");
	model_list_add(&tp->pains, "Added on a stale copy");
	assert_int_equal(store_touchpoint_update(f->s, "lanes", "call", tp),
			 STORE_CONFLICT);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	assert_true(model_lanes_equal(tp_of(&mine, "call"),
				      tp_of(&back, "call")));
	model_journey_free(&back);
	model_journey_free(&theirs);
	model_journey_free(&mine);
	model_journey_free(&j);
}

/* Bad lanes are refused before anything is written. */
static void test_refused(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, back;
	struct mot_touchpoint *tp;
	char *before, *after;

	load_file("tests/data/good/lanes.canonical.yaml", &j);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	before = yaml_text(&back);
	tp = tp_of(&back, "call");
	model_list_add(&tp->pains, "two\nlines");
	assert_int_equal(store_touchpoint_update(f->s, "lanes", "call", tp),
			 STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "line break"));
	model_list_free(&tp->pains);
	tp->kpis[1].value = 1e300;
	assert_int_equal(store_touchpoint_update(f->s, "lanes", "call", tp),
			 STORE_INVALID);
	model_journey_free(&back);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	after = yaml_text(&back);
	assert_string_equal(after, before);
	free(before);
	free(after);
	model_journey_free(&back);
	model_journey_free(&j);
}

/* Delete cascades to the lane rows; restoring (undo) brings them back;
 * a copy carries them; deleting the journey leaves no row behind. */
static void test_delete_restore_copy(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, back;
	struct mot_touchpoint tp;

	load_file("tests/data/good/lanes.canonical.yaml", &j);
	assert_int_equal(store_journey_import(f->s, &j, 1, false, NULL),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	model_touchpoint_copy(&tp, tp_of(&back, "call"));
	assert_int_equal(store_touchpoint_delete(f->s, "lanes", "call",
						 tp.version), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM lane_item"),
			 0);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM kpi"), 0);
	assert_int_equal(store_touchpoint_restore(f->s, "lanes", &tp, 0, NULL,
						  0, 1), STORE_OK);
	model_journey_free(&back);
	assert_int_equal(store_journey_load(f->s, "lanes", &back), STORE_OK);
	assert_true(model_lanes_equal(tp_of(&j, "call"), tp_of(&back, "call")));
	model_journey_free(&back);
	assert_int_equal(store_journey_copy(f->s, "lanes", "lanes-copy"),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "lanes-copy", &back),
			 STORE_OK);
	assert_true(model_lanes_equal(tp_of(&j, "call"), tp_of(&back, "call")));
	model_journey_free(&back);
	assert_int_equal(store_journey_delete(f->s, "lanes"), STORE_OK);
	assert_int_equal(store_journey_delete(f->s, "lanes-copy"), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM lane_item"),
			 0);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM kpi"), 0);
	model_touchpoint_free(&tp);
	model_journey_free(&j);
}

/* --- the upgrade from schema version 2 -------------------------------- */

static void make_v2(const char *path, const char *extra)
{
	char *sql_path = top_path("tests/data/store/schema-v2.sql");
	char *sql, err[256];
	size_t len;
	sqlite3 *db;

	if (util_read_file(sql_path, 1u << 20, &sql, &len, err, sizeof err))
		fail_msg("%s", err);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	if (extra)
		assert_int_equal(sqlite3_exec(db, extra, NULL, NULL, NULL),
				 SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	free(sql_path);
}

static void test_upgrade_from_v2(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	struct mot_touchpoint *tp;
	bool created = true;
	char err[256];

	make_v2(f->path, NULL);
	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	assert_false(created);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	/* everything as it was, versions included; no lanes yet */
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	assert_int_equal(j.version, 9);
	assert_string_equal(j.description, "Schade melden, één keer");
	tp = tp_of(&j, "call");
	assert_string_equal(tp->notes, "Night shift: two agents");
	assert_int_equal(tp->emotion, -2);
	assert_int_equal(tp->version, 4);
	assert_int_equal(tp->n_next, 1);
	assert_int_equal(tp->next[0].version, 3);
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		assert_false(model_lane_filled(tp, l));
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM scenario"), 1);
	/* the lanes can be written at once, under the old row's version */
	edit_lanes(tp);
	assert_int_equal(store_touchpoint_update(f->s, "claim", "call", tp),
			 STORE_OK);
	assert_true(tp->version > 9);	/* above every version there was */
	model_journey_free(&j);
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	tp = tp_of(&j, "call");
	assert_string_equal(tp->kpis[0].name, "Wait");
	assert_true(tp->kpis[0].lower_better);
	assert_string_equal(tp->evidence.items[0],
			    "Interview 3: 'I waited 40 minutes'");
	model_journey_free(&j);
	/* a second open has nothing left to do */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->path, &f->s, NULL, err, sizeof err),
			 STORE_OK);
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
}

/* A migration that fails leaves the database at version 2, whole: here a
 * table of the same name made by hand is in the way. */
static void test_failed_upgrade_changes_nothing(void **state)
{
	struct sfx *f = *state;
	char err[256];

	make_v2(f->path, "CREATE TABLE kpi (mine TEXT);"
		"INSERT INTO kpi VALUES ('keep me')");
	assert_int_equal(store_open(f->path, &f->s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_null(f->s);
	assert_non_null(strstr(err, "kpi"));
	assert_int_equal(sfx_query_int(f->path, "PRAGMA user_version"), 2);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM kpi"), 1);
	/* the columns added before the failing statement are gone again */
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM "
				   "pragma_table_info('touchpoint') WHERE name "
				   "IN ('thinking', 'backstage')"), 0);
	assert_int_equal(sfx_query_int(f->path, "SELECT count(*) FROM sqlite_schema"
				   " WHERE name = 'lane_item'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_round_trip, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_replace, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_update_and_conflict, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refused, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_delete_restore_copy, sfx_setup_open, sfx_teardown),
	};
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_from_v2, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_failed_upgrade_changes_nothing, sfx_setup, sfx_teardown),
	};

	return sfx_run("store_lanes", tests, sizeof tests / sizeof tests[0],
		       sqlite_only, sizeof sqlite_only / sizeof sqlite_only[0]);
}
