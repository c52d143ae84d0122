/*
 * test_store.c - the store on both backends: creation, refusing a newer
 * schema, cascades, round trips, and two connections editing the same
 * rows; on SQLite also refusing foreign files.
 */
#include <math.h>
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

#include "test_store_fixture.h"

/* A small journey: ad -> search <-> compare -> buy -> review. */
static void make_journey(struct mot_journey *j, const char *key)
{
	static const struct {
		const char *key, *name;
		enum mot_stage stage;
		enum mot_phase phase;
	} tps[] = {
		{ "ad", "Advert", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE },
		{ "search", "Search", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION },
		{ "compare", "Compare", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION },
		{ "buy", "Buy", MOT_STAGE_SMOT, MOT_PHASE_NONE },
		{ "review", "Review", MOT_STAGE_TMOT, MOT_PHASE_EXPERIENCE },
	};
	static const struct { int from, to; double w; } tr[] = {
		{ 0, 1, 3 }, { 1, 2, 2 }, { 2, 1, 1 }, { 2, 3, 1.5 }, { 3, 4, 1 },
	};
	size_t n = sizeof tps / sizeof tps[0];

	model_journey_init(j);
	j->key = xstrdup(key);
	j->title = xstrdup("Test journey");
	j->description = xstrdup("Über café 東京");
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];
		model_touchpoint_init(tp);
		tp->key = xstrdup(tps[i].key);
		tp->name = xstrdup(tps[i].name);
		tp->stage = tps[i].stage;
		tp->phase = tps[i].phase;
		tp->drop = 0.1;
		tp->emotion = (int)i - 2;
	}
	j->touchpoints[3].conversion = true;
	for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[tr[i].from];
		tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
		memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
		tp->next[tp->n_next].to = xstrdup(tps[tr[i].to].key);
		tp->next[tp->n_next].weight = tr[i].w;
		tp->n_next++;
	}
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("ad");
	j->entries[0].weight = 2;
	j->n_entries = 1;
	j->personas = xcalloc(1, sizeof *j->personas);
	model_persona_init(&j->personas[0]);
	j->personas[0].key = xstrdup("p1");
	j->personas[0].name = xstrdup("Persona one");
	j->personas[0].share = 1;
	j->n_personas = 1;
}

static void import_one(struct store *s, const char *key)
{
	struct mot_journey j;

	make_journey(&j, key);
	assert_int_equal(store_journey_import(s, &j, 1, false, NULL), STORE_OK);
	model_journey_free(&j);
}

static void test_open_sets_schema(void **state)
{
	struct sfx *f = *state;

	assert_int_equal(sfx_schema_version(f), STORE_SCHEMA_VERSION);
	assert_string_equal(store_kind(f->s), sfx_backend == SFX_PG ?
			    "PostgreSQL" : "SQLite");
}

/* SQLite: the file in WAL mode, in a directory the open created. */
static void test_sqlite_wal_and_directory(void **state)
{
	struct sfx *f = *state;
	char *path = xasprintf("%s/sub/dir/mot.db", f->dir);
	struct store *s = NULL;
	bool created = false;
	char err[256];

	assert_int_equal(store_open(path, &s, &created, err, sizeof err),
			 STORE_OK);
	assert_true(created);
	store_close(s);
	assert_int_equal(sfx_query_int(path, "SELECT journal_mode = 'wal' "
				       "FROM pragma_journal_mode"), 1);
	free(path);
}

static void test_reopen_is_not_created(void **state)
{
	struct sfx *f = *state;
	struct store *s2;
	bool created = true;

	import_one(f->s, "a");
	assert_int_equal(sfx_open(f, &s2, &created), STORE_OK);
	assert_false(created);
	store_close(s2);
}

static void test_round_trip(void **state)
{
	struct sfx *f = *state;
	struct mot_journey a, b;

	make_journey(&a, "round");
	assert_int_equal(store_journey_import(f->s, &a, 1, false, NULL), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "round", &b), STORE_OK);
	assert_string_equal(b.title, a.title);
	assert_string_equal(b.description, a.description);
	assert_int_equal(b.n_touchpoints, a.n_touchpoints);
	for (size_t i = 0; i < a.n_touchpoints; i++) {
		assert_string_equal(b.touchpoints[i].key, a.touchpoints[i].key);
		assert_int_equal(b.touchpoints[i].stage, a.touchpoints[i].stage);
		assert_int_equal(b.touchpoints[i].phase, a.touchpoints[i].phase);
		assert_int_equal(b.touchpoints[i].emotion, a.touchpoints[i].emotion);
		assert_int_equal(b.touchpoints[i].n_next, a.touchpoints[i].n_next);
		for (size_t k = 0; k < a.touchpoints[i].n_next; k++) {
			assert_string_equal(b.touchpoints[i].next[k].to,
					    a.touchpoints[i].next[k].to);
			assert_true(b.touchpoints[i].next[k].weight ==
				    a.touchpoints[i].next[k].weight);
			assert_int_equal(b.touchpoints[i].next[k].version, 1);
		}
		assert_int_equal(b.touchpoints[i].version, 1);
	}
	assert_int_equal(b.n_entries, 1);
	assert_string_equal(b.entries[0].to, "ad");
	assert_int_equal(b.n_personas, 1);
	assert_string_equal(b.personas[0].name, "Persona one");
	model_journey_free(&a);
	model_journey_free(&b);
}

static void test_import_existing_needs_replace(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j[2];
	size_t failed = 99;

	import_one(f->s, "one");
	make_journey(&j[0], "two");
	make_journey(&j[1], "one");
	/* All in one transaction: "two" must not be left behind. */
	assert_int_equal(store_journey_import(f->s, j, 2, false, &failed),
			 STORE_EXISTS);
	assert_int_equal(failed, 1);
	{
		struct mot_journey x;
		assert_int_equal(store_journey_load(f->s, "two", &x),
				 STORE_NOT_FOUND);
	}
	assert_int_equal(store_journey_import(f->s, j, 2, true, NULL), STORE_OK);
	model_journey_free(&j[0]);
	model_journey_free(&j[1]);
}

static int64_t count_rows(const struct sfx *f, const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	int64_t n = sfx_int(f, sql);

	free(sql);
	return n;
}

static void test_delete_touchpoint_cascades(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;

	import_one(f->s, "cas");
	assert_int_equal(count_rows(f, "transition"), 5);
	/* "search" has 2 transitions in, 1 out -> 3 go with it */
	assert_int_equal(store_touchpoint_delete(f->s, "cas", "search", 1),
			 STORE_OK);
	assert_int_equal(count_rows(f, "transition"), 2);
	assert_int_equal(store_touchpoint_delete(f->s, "cas", "ad", 1), STORE_OK);
	assert_int_equal(count_rows(f, "entry"), 0);
	assert_int_equal(store_journey_load(f->s, "cas", &j), STORE_OK);
	assert_int_equal(j.n_touchpoints, 3);
	model_journey_free(&j);
	assert_int_equal(store_journey_delete(f->s, "cas"), STORE_OK);
	assert_int_equal(count_rows(f, "touchpoint"), 0);
	assert_int_equal(count_rows(f, "persona"), 0);
}

static void test_conflicting_edit(void **state)
{
	struct sfx *f = *state;
	struct store *other;
	struct mot_journey a, b;
	long ia, ib;

	import_one(f->s, "conf");
	assert_int_equal(sfx_open(f, &other, NULL), STORE_OK);
	/* Both read version 1 of "compare". */
	assert_int_equal(store_journey_load(f->s, "conf", &a), STORE_OK);
	assert_int_equal(store_journey_load(other, "conf", &b), STORE_OK);
	ia = model_touchpoint_find(&a, "compare");
	ib = model_touchpoint_find(&b, "compare");
	a.touchpoints[ia].emotion = 3;
	assert_int_equal(store_touchpoint_update(f->s, "conf", "compare",
						 &a.touchpoints[ia]), STORE_OK);
	assert_int_equal(a.touchpoints[ia].version, 2);
	/* The second writer's edit is based on version 1: refused. */
	b.touchpoints[ib].emotion = -3;
	assert_int_equal(store_touchpoint_update(other, "conf", "compare",
						 &b.touchpoints[ib]),
			 STORE_CONFLICT);
	assert_non_null(strstr(store_errmsg(other), "another mot"));
	model_journey_free(&b);
	/* After a reload it goes through. */
	assert_int_equal(store_journey_load(other, "conf", &b), STORE_OK);
	ib = model_touchpoint_find(&b, "compare");
	assert_int_equal(b.touchpoints[ib].emotion, 3);
	b.touchpoints[ib].emotion = -3;
	assert_int_equal(store_touchpoint_update(other, "conf", "compare",
						 &b.touchpoints[ib]), STORE_OK);
	/* A delete based on an old version is refused too. */
	assert_int_equal(store_touchpoint_delete(f->s, "conf", "compare", 2),
			 STORE_CONFLICT);
	model_journey_free(&a);
	model_journey_free(&b);
	store_close(other);
}

/* Versions are opaque: each write gives a new one, never seen before. */
static void test_transition_versions(void **state)
{
	struct sfx *f = *state;
	int64_t v = 0, first, stale;

	import_one(f->s, "tr");
	assert_int_equal(store_transition_set(f->s, "tr", "ad", "compare", 2,
					      "direct", &v), STORE_OK);
	assert_true(v > 0);
	first = v;
	v = 0;
	assert_int_equal(store_transition_set(f->s, "tr", "ad", "compare", 2,
					      NULL, &v), STORE_EXISTS);
	v = first;
	assert_int_equal(store_transition_set(f->s, "tr", "ad", "compare", 4,
					      "changed", &v), STORE_OK);
	assert_true(v > first);
	stale = first;
	assert_int_equal(store_transition_set(f->s, "tr", "ad", "compare", 5,
					      NULL, &stale), STORE_CONFLICT);
	assert_int_equal(store_transition_delete(f->s, "tr", "ad", "compare",
						 first), STORE_CONFLICT);
	assert_int_equal(store_transition_delete(f->s, "tr", "ad", "compare", v),
			 STORE_OK);
	assert_int_equal(store_transition_delete(f->s, "tr", "ad", "compare", v),
			 STORE_NOT_FOUND);
	v = 0;
	assert_int_equal(store_transition_set(f->s, "tr", "ad", "compare", 0,
					      NULL, &v), STORE_INVALID);
}

static void test_move_and_order(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	int64_t v = 1;

	import_one(f->s, "mv");
	/* compare to the front of ZMOT */
	assert_int_equal(store_touchpoint_move(f->s, "mv", "compare",
					       MOT_STAGE_ZMOT, 0, &v), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "mv", &j), STORE_OK);
	assert_string_equal(j.touchpoints[1].key, "compare");
	assert_string_equal(j.touchpoints[2].key, "search");
	model_journey_free(&j);
	/* to FMOT (empty) and back to the end of ZMOT */
	assert_int_equal(store_touchpoint_move(f->s, "mv", "compare",
					       MOT_STAGE_FMOT, 5, &v), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "mv", &j), STORE_OK);
	assert_int_equal(j.touchpoints[2].stage, MOT_STAGE_FMOT);
	assert_string_equal(j.touchpoints[2].key, "compare");
	model_journey_free(&j);
	assert_int_equal(store_touchpoint_move(f->s, "mv", "compare",
					       MOT_STAGE_ZMOT, 9, &v), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "mv", &j), STORE_OK);
	assert_string_equal(j.touchpoints[1].key, "search");
	assert_string_equal(j.touchpoints[2].key, "compare");
	model_journey_free(&j);
	/* a stale version is refused */
	v = 1;
	assert_int_equal(store_touchpoint_move(f->s, "mv", "compare",
					       MOT_STAGE_FMOT, 0, &v),
			 STORE_CONFLICT);
}

static void test_add_update_checks(void **state)
{
	struct sfx *f = *state;
	struct mot_touchpoint tp;
	struct mot_journey j;

	import_one(f->s, "add");
	model_touchpoint_init(&tp);
	tp.key = "call";
	tp.name = "Phone call";
	tp.stage = MOT_STAGE_FMOT;
	tp.human = true;
	assert_int_equal(store_touchpoint_add(f->s, "add", &tp, 0), STORE_OK);
	assert_int_equal(store_touchpoint_add(f->s, "add", &tp, 0), STORE_EXISTS);
	tp.emotion = 4;
	assert_int_equal(store_touchpoint_update(f->s, "add", "call", &tp),
			 STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "emotion"));
	tp.emotion = -2;
	tp.stage = MOT_STAGE_SMOT;
	tp.key = "phone";
	assert_int_equal(store_touchpoint_update(f->s, "add", "call", &tp),
			 STORE_OK);
	assert_int_equal(store_journey_load(f->s, "add", &j), STORE_OK);
	assert_true(model_touchpoint_find(&j, "call") < 0);
	assert_int_equal(j.touchpoints[model_touchpoint_find(&j, "phone")].stage,
			 MOT_STAGE_SMOT);
	assert_int_equal(j.touchpoints[model_touchpoint_find(&j, "phone")].emotion,
			 -2);
	model_journey_free(&j);
	tp.key = "";
	assert_int_equal(store_touchpoint_add(f->s, "add", &tp, 0), STORE_INVALID);
}

static void test_rename_copy_meta(void **state)
{
	struct sfx *f = *state;
	struct store_journey_info *list;
	struct mot_journey j;
	int64_t v;
	size_t n;

	import_one(f->s, "orig");
	assert_int_equal(store_journey_copy(f->s, "orig", "copy"), STORE_OK);
	assert_int_equal(store_journey_copy(f->s, "orig", "copy"), STORE_EXISTS);
	assert_int_equal(store_journey_rename(f->s, "copy", "orig"), STORE_EXISTS);
	assert_int_equal(store_journey_rename(f->s, "copy", "Bad Key"),
			 STORE_INVALID);
	assert_int_equal(store_journey_rename(f->s, "copy", "moved"), STORE_OK);
	assert_int_equal(store_journey_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].key, "moved");
	assert_int_equal(list[0].n_touchpoints, 5);
	assert_int_equal(list[0].n_transitions, 5);
	store_journey_list_free(list, n);
	assert_int_equal(store_journey_version(f->s, "orig", &v), STORE_OK);
	assert_int_equal(store_journey_set_meta(f->s, "orig", "New title", NULL,
						v), STORE_OK);
	assert_int_equal(store_journey_set_meta(f->s, "orig", "Stale", NULL, v),
			 STORE_CONFLICT);
	assert_int_equal(store_journey_set_meta(f->s, "orig", " ", NULL, v + 1),
			 STORE_INVALID);
	assert_int_equal(store_journey_load(f->s, "orig", &j), STORE_OK);
	assert_string_equal(j.title, "New title");
	model_journey_free(&j);
}

static void test_personas_and_entries(void **state)
{
	struct sfx *f = *state;
	struct mot_persona p;
	struct mot_journey j;
	int64_t added;

	import_one(f->s, "pe");
	model_persona_init(&p);
	p.key = "p2";
	p.name = "Second";
	p.share = 0.5;
	assert_int_equal(store_persona_add(f->s, "pe", &p), STORE_OK);
	added = p.version;
	p.share = 2;
	assert_int_equal(store_persona_update(f->s, "pe", "p2", &p), STORE_INVALID);
	p.share = 0.25;
	assert_int_equal(store_persona_update(f->s, "pe", "p2", &p), STORE_OK);
	assert_true(p.version > added);
	assert_int_equal(store_persona_delete(f->s, "pe", "p2", added),
			 STORE_CONFLICT);
	assert_int_equal(store_entry_set(f->s, "pe", "search", 3), STORE_OK);
	assert_int_equal(store_entry_set(f->s, "pe", "ad", 0), STORE_OK);
	assert_int_equal(store_journey_load(f->s, "pe", &j), STORE_OK);
	assert_int_equal(j.n_personas, 2);
	assert_true(j.personas[1].share == 0.25);
	assert_int_equal(j.n_entries, 1);
	assert_string_equal(j.entries[0].to, "search");
	model_journey_free(&j);
	assert_int_equal(store_persona_delete(f->s, "pe", "p2", p.version),
			 STORE_OK);
}

static void test_batch_rolls_back(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	int rc;

	import_one(f->s, "batch");
	store_batch_begin(f->s);
	rc = store_touchpoint_delete(f->s, "batch", "ad", 1);
	assert_int_equal(rc, STORE_OK);
	rc = store_touchpoint_delete(f->s, "batch", "nope", 1);
	assert_int_equal(rc, STORE_NOT_FOUND);
	assert_int_equal(store_batch_end(f->s, rc), STORE_NOT_FOUND);
	assert_int_equal(store_journey_load(f->s, "batch", &j), STORE_OK);
	assert_true(model_touchpoint_find(&j, "ad") >= 0);
	model_journey_free(&j);
}

/* Every journey with its scenarios into a new database, all or nothing. */
static void test_copy_all(void **state)
{
	struct sfx *f = *state;
	struct store_scenario sc = {
		.name = (char *)"faster", .customers = 1000, .seed = 7,
		.changes = (char *)"ad.drop=0.05", .report = (char *)"{}",
		.base_conv = NAN, .base_lo = NAN, .base_hi = NAN,
		.conv = 0.25, .conv_lo = 0.2, .conv_hi = 0.3,
		.diff = NAN, .diff_lo = NAN, .diff_hi = NAN,
		.base_nps = NAN, .nps = 12.5,
	};
	struct store_scenario *list;
	struct mot_journey a, b;
	struct store *to = NULL;
	size_t nj = 0, ns = 0, nl = 0, n;

	import_one(f->s, "one");
	import_one(f->s, "two");
	assert_int_equal(store_scenario_save(f->s, "two", &sc, false), STORE_OK);
	assert_int_equal(sfx_open_other(f, &to), STORE_OK);
	assert_int_equal(store_copy_all(f->s, to, &nj, &ns, &nl), STORE_OK);
	assert_int_equal(nj, 2);
	assert_int_equal(ns, 1);
	assert_int_equal(store_journey_load(f->s, "two", &a), STORE_OK);
	assert_int_equal(store_journey_load(to, "two", &b), STORE_OK);
	assert_int_equal(a.n_touchpoints, b.n_touchpoints);
	assert_string_equal(a.description, b.description);
	assert_int_equal(a.created, b.created);
	for (size_t i = 0; i < a.n_touchpoints; i++) {
		assert_string_equal(a.touchpoints[i].key, b.touchpoints[i].key);
		assert_int_equal(a.touchpoints[i].n_next, b.touchpoints[i].n_next);
	}
	assert_int_equal(b.n_personas, 1);
	model_journey_free(&a);
	model_journey_free(&b);
	assert_int_equal(store_scenario_list(to, "two", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "faster");
	assert_true(list[0].nps == 12.5 && isnan(list[0].diff));
	store_scenario_free(list, n);
	/* again: "one" is there already, so nothing at all is written */
	assert_int_equal(store_journey_delete(to, "two"), STORE_OK);
	assert_int_equal(store_copy_all(f->s, to, &nj, &ns, &nl), STORE_EXISTS);
	assert_non_null(strstr(store_errmsg(to), "'one'"));
	assert_int_equal(nj, 0);
	assert_int_equal(store_journey_load(to, "two", &b), STORE_NOT_FOUND);
	store_close(to);
}

/* --- files that are not ours ------------------------------------------ */

static void test_refuses_foreign_sqlite(void **state)
{
	struct sfx *f = *state;
	char *path = xasprintf("%s/other.db", f->dir), err[256], *before, *after;
	struct store *s;
	sqlite3 *db;
	size_t n1, n2;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t "
				      "VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	before = sfx_file_bytes(path, &n1);
	assert_int_equal(store_open(path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "not a mot database"));
	after = sfx_file_bytes(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	unlink(path);
	free(path);
}

static void test_refuses_text_file(void **state)
{
	struct sfx *f = *state;
	char *path = xasprintf("%s/notes.txt", f->dir), err[256], *after;
	const char text[] = "These are my journey notes, not a database.\n";
	struct store *s;
	FILE *fp = fopen(path, "w");
	size_t n;

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(store_open(path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_non_null(strstr(err, "not a mot database"));
	after = sfx_file_bytes(path, &n);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(after, text, n);
	free(after);
	unlink(path);
	free(path);
}

static void test_refuses_newer_schema(void **state)
{
	struct sfx *f = *state;
	struct store *s;

	store_close(f->s);
	f->s = NULL;
	sfx_sql(f, sfx_backend == SFX_PG ? "UPDATE mot_schema SET version = 99" :
		"PRAGMA user_version = 99");
	assert_int_equal(sfx_open(f, &s, NULL), STORE_ERROR);
	assert_int_equal(sfx_schema_version(f), 99);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_sets_schema, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_is_not_created, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_import_existing_needs_replace, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_delete_touchpoint_cascades, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_conflicting_edit, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_transition_versions, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_move_and_order, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_add_update_checks, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_rename_copy_meta, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_personas_and_entries, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_batch_rolls_back, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_newer_schema, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_copy_all, sfx_setup_open, sfx_teardown),
	};
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_sqlite_wal_and_directory, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_foreign_sqlite, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_text_file, sfx_setup, sfx_teardown),
	};

	return sfx_run("store", tests, sizeof tests / sizeof tests[0],
		       sqlite_only, sizeof sqlite_only / sizeof sqlite_only[0]);
}
