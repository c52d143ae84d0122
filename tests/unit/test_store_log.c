/*
 * test_store_log.c - event logs in the store (schema version 3): a log
 * of every shape stored and loaded back, names unique per journey,
 * replace, the list, delete, what happens to logs when their journey is
 * deleted, renamed, re-imported or copied and when a touchpoint is
 * renamed; and the upgrade of a frozen version-4 database in place, all
 * or nothing.
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

#include "log.h"
#include "model.h"
#include "model_log.h"
#include "store.h"
#include "util.h"

#include "test_store_fixture.h"

static int64_t query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* --- helpers ----------------------------------------------------------- */

/* A journey t0 -> t1 -> ... -> t(n-1), the last converts. */
static void import(struct store *s, const char *key, size_t n, bool replace)
{
	struct mot_journey j;

	model_journey_init(&j);
	j.key = xstrdup(key);
	j.title = xstrdup("A journey");
	j.touchpoints = xcalloc(n, sizeof *j.touchpoints);
	j.n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j.touchpoints[i];

		model_touchpoint_init(tp);
		tp->key = xasprintf("t%zu", i);
		tp->name = xasprintf("Touchpoint %zu", i);
		if (i + 1 < n) {
			tp->next = xcalloc(1, sizeof *tp->next);
			tp->next[0] = (struct mot_transition){
				xasprintf("t%zu", i + 1), 1, NULL, 0 };
			tp->n_next = 1;
		}
	}
	j.touchpoints[n - 1].conversion = true;
	j.entries = xcalloc(1, sizeof *j.entries);
	j.entries[0] = (struct mot_entry){ xstrdup("t0"), 1 };
	j.n_entries = 1;
	assert_int_equal(store_journey_import(s, &j, 1, replace, NULL), STORE_OK);
	model_journey_free(&j);
}

/*
 * A log of `cases` cases: case c (id "case-c", or a name in another
 * script) walks t0 .. t(c % 3), a second apart, from c hours after 2026.
 * Enough cases make several stored parts.
 */
static void make_log(struct mot_log *l, const char *name, size_t cases)
{
	struct strbuf b;
	struct mot_diags d = { 0 };
	struct log_read_options o;

	strbuf_init(&b);
	strbuf_puts(&b, "case_id,activity,timestamp\n");
	for (size_t c = 0; c < cases; c++)
		for (size_t k = 0; k <= c % 3; k++)
			strbuf_printf(&b, "%s-%zu,t%zu,%lld\n",
				      c % 2 ? "case" : "Fall \xc3\xbc", c, k,
				      1767225600LL + 3600LL * (long long)c +
				      (long long)k);
	log_read_options_init(&o);
	assert_int_equal(log_read_buffer("gen.csv", b.s, b.len, &o, l, &d), 0);
	for (size_t a = 0; a < l->n_activities; a++)
		l->activities[a].touchpoint = xstrdup(l->activities[a].name);
	l->name = xstrdup(name);
	l->source = xstrdup("/data/gen.csv");
	strbuf_free(&b);
	model_diags_free(&d);
}

static void save(struct store *s, const char *journey, const char *name,
		 size_t cases, bool replace, int want)
{
	struct mot_log l;

	make_log(&l, name, cases);
	assert_int_equal(store_log_save(s, journey, &l, replace), want);
	if (want == STORE_OK) {
		assert_true(l.id > 0);
		assert_true(l.imported > 0);
	}
	model_log_free(&l);
}

static size_t count_logs(struct store *s, const char *journey)
{
	struct store_log_info *list;
	size_t n;

	assert_int_equal(store_log_list(s, journey, &list, &n), STORE_OK);
	store_log_list_free(list, n);
	return n;
}

/* --- tests --------------------------------------------------------------- */

/* 10,000 cases: three parts; every case, event and time comes back. */
static void test_round_trip(void **state)
{
	struct sfx *f = *state;
	struct mot_log l, back;

	import(f->s, "j", 3, false);
	make_log(&l, "web \xe2\x86\x92 shop", 10000);
	l.imported = 12345;
	assert_int_equal(store_log_save(f->s, "j", &l, false), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_part"),
			 (10000 + MODEL_LOG_PART_CASES - 1) / MODEL_LOG_PART_CASES);
	assert_int_equal(store_log_load(f->s, "j", "web \xe2\x86\x92 shop", &back),
			 STORE_OK);
	assert_string_equal(back.name, l.name);
	assert_string_equal(back.source, "/data/gen.csv");
	assert_int_equal(back.imported, 12345);
	assert_int_equal(back.n_activities, l.n_activities);
	for (size_t a = 0; a < l.n_activities; a++) {
		assert_string_equal(back.activities[a].name, l.activities[a].name);
		assert_string_equal(back.activities[a].touchpoint,
				    l.activities[a].touchpoint);
		assert_int_equal(back.activities[a].events, l.activities[a].events);
	}
	assert_int_equal(back.n_cases, 10000);
	assert_int_equal(back.n_events, l.n_events);
	for (size_t c = 0; c < l.n_cases; c++) {
		assert_string_equal(model_log_case_id(&back, c),
				    model_log_case_id(&l, c));
		assert_int_equal(back.cases[c].n, l.cases[c].n);
		assert_int_equal(back.cases[c].first, l.cases[c].first);
	}
	assert_memory_equal(back.act, l.act, l.n_events * sizeof *l.act);
	assert_memory_equal(back.time, l.time, l.n_events * sizeof *l.time);
	model_log_free(&back);
	model_log_free(&l);
}

static void test_refused(void **state)
{
	struct sfx *f = *state;
	struct mot_log l;

	import(f->s, "j", 3, false);
	make_log(&l, "  ", 3);
	assert_int_equal(store_log_save(f->s, "j", &l, false), STORE_INVALID);
	free(l.name);
	l.name = xstrdup("ok");
	free(l.activities[1].touchpoint);
	l.activities[1].touchpoint = NULL;
	assert_int_equal(store_log_save(f->s, "j", &l, false), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "stands for no touchpoint"));
	l.activities[1].touchpoint = xstrdup("t1");
	assert_int_equal(store_log_save(f->s, "nope", &l, false),
			 STORE_NOT_FOUND);
	assert_int_equal(l.id, 0);
	model_log_free(&l);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log"), 0);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_part"), 0);
}

/* A name per journey once; replace puts the new one in its place. */
static void test_names(void **state)
{
	struct sfx *f = *state;
	struct mot_log l;

	import(f->s, "j", 3, false);
	import(f->s, "k", 3, false);
	save(f->s, "j", "june", 5, false, STORE_OK);
	save(f->s, "k", "june", 7, false, STORE_OK);
	save(f->s, "j", "june", 9, false, STORE_EXISTS);
	assert_non_null(strstr(store_errmsg(f->s), "has a log 'june'"));
	assert_int_equal(store_log_load(f->s, "j", "june", &l), STORE_OK);
	assert_int_equal(l.n_cases, 5);
	model_log_free(&l);
	save(f->s, "j", "june", 9, true, STORE_OK);
	assert_int_equal(store_log_load(f->s, "j", "june", &l), STORE_OK);
	assert_int_equal(l.n_cases, 9);
	model_log_free(&l);
	assert_int_equal(count_logs(f->s, "j"), 1);
	assert_int_equal(count_logs(f->s, NULL), 2);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_part"), 2);
}

/* The newest first; NULL loads the newest; delete and its errors. */
static void test_list_load_delete(void **state)
{
	struct sfx *f = *state;
	struct store_log_info *list;
	struct mot_log l;
	size_t n;

	import(f->s, "j", 3, false);
	import(f->s, "a", 3, false);
	assert_int_equal(store_log_load(f->s, "j", NULL, &l), STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f->s), "has no logs"));
	make_log(&l, "old", 2);
	l.imported = 100;
	assert_int_equal(store_log_save(f->s, "j", &l, false), STORE_OK);
	model_log_free(&l);
	make_log(&l, "new", 4);
	l.imported = 200;
	assert_int_equal(store_log_save(f->s, "j", &l, false), STORE_OK);
	model_log_free(&l);
	save(f->s, "a", "x", 1, false, STORE_OK);
	assert_int_equal(store_log_list(f->s, NULL, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].journey, "a");
	assert_string_equal(list[1].name, "new");
	assert_int_equal(list[1].cases, 4);
	assert_int_equal(list[1].events, 7);
	assert_string_equal(list[2].name, "old");
	assert_string_equal(list[2].source, "/data/gen.csv");
	assert_int_equal(list[2].imported, 100);
	store_log_list_free(list, n);
	assert_int_equal(store_log_list(f->s, "nope", &list, &n), STORE_NOT_FOUND);
	assert_int_equal(store_log_load(f->s, "j", NULL, &l), STORE_OK);
	assert_string_equal(l.name, "new");
	model_log_free(&l);
	assert_int_equal(store_log_load(f->s, "j", "nope", &l), STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f->s), "no log 'nope'"));
	assert_int_equal(store_log_delete(f->s, "j", "new"), STORE_OK);
	assert_int_equal(store_log_delete(f->s, "j", "new"), STORE_NOT_FOUND);
	assert_int_equal(count_logs(f->s, "j"), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_activity "
				   "WHERE log_id NOT IN (SELECT id FROM log)"), 0);
}

/* Logs go with their journey: deleted with it, kept through a rename and
 * a re-import, not taken by a copy; a renamed touchpoint is renamed in
 * them; a saved log is not an edit of the journey. */
static void test_follows_journey(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j;
	struct mot_log l;
	int64_t v1, v2;

	import(f->s, "j", 3, false);
	assert_int_equal(store_journey_version(f->s, "j", &v1), STORE_OK);
	save(f->s, "j", "log", 6, false, STORE_OK);
	assert_int_equal(store_journey_version(f->s, "j", &v2), STORE_OK);
	assert_true(v1 == v2);
	assert_int_equal(store_journey_rename(f->s, "j", "j2"), STORE_OK);
	assert_int_equal(count_logs(f->s, "j2"), 1);
	import(f->s, "j2", 3, true);
	assert_int_equal(count_logs(f->s, "j2"), 1);
	assert_int_equal(store_journey_copy(f->s, "j2", "j3"), STORE_OK);
	assert_int_equal(count_logs(f->s, "j3"), 0);
	/* t1 -> step in j2: its activities follow; j3's copy is not touched */
	assert_int_equal(store_journey_load(f->s, "j2", &j), STORE_OK);
	free(j.touchpoints[1].key);
	j.touchpoints[1].key = xstrdup("step");
	assert_int_equal(store_touchpoint_update(f->s, "j2", "t1",
						 &j.touchpoints[1]), STORE_OK);
	model_journey_free(&j);
	assert_int_equal(store_log_load(f->s, "j2", "log", &l), STORE_OK);
	for (size_t a = 0; a < l.n_activities; a++)
		assert_string_equal(l.activities[a].touchpoint,
				    strcmp(l.activities[a].name, "t1") == 0 ? "step" :
				    l.activities[a].name);
	model_log_free(&l);
	save(f->s, "j3", "log", 2, false, STORE_OK);
	assert_int_equal(store_journey_delete(f->s, "j2"), STORE_OK);
	assert_int_equal(count_logs(f->s, NULL), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_part"), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM log_activity"),
			 2);
}

/* A damaged part is reported, not read as a shorter log. */
static void test_damaged(void **state)
{
	struct sfx *f = *state;
	struct mot_log l;

	import(f->s, "j", 3, false);
	save(f->s, "j", "log", 10, false, STORE_OK);
	sfx_sql(f, "UPDATE log_part SET data = substr(data, 1, length(data) - 2)");
	assert_int_equal(store_log_load(f->s, "j", "log", &l), STORE_ERROR);
	assert_non_null(strstr(store_errmsg(f->s), "damaged"));
	assert_null(l.cases);
	/* a part gone: every part reads, but the cases do not add up */
	save(f->s, "j", "two", MODEL_LOG_PART_CASES + 1, false, STORE_OK);
	sfx_sql(f, "DELETE FROM log_part WHERE position = 1 AND log_id = "
		"(SELECT id FROM log WHERE name = 'two')");
	assert_int_equal(store_log_load(f->s, "j", "two", &l), STORE_ERROR);
	assert_non_null(strstr(store_errmsg(f->s), "damaged in the database: "
			       "4096 of 4097 cases"));
	assert_null(l.cases);
}

/* `mot db copy` takes the logs along, oldest first, every case. */
static void test_copied_with_journey(void **state)
{
	struct sfx *f = *state;
	struct store *to = NULL;
	struct mot_log a, b;
	size_t nj = 0, ns = 0, nl = 0;

	import(f->s, "j", 3, false);
	save(f->s, "j", "old", 10, false, STORE_OK);
	save(f->s, "j", "big", MODEL_LOG_PART_CASES + 5, false, STORE_OK);
	assert_int_equal(sfx_open_other(f, &to), STORE_OK);
	assert_int_equal(store_copy_all(f->s, to, &nj, &ns, &nl), STORE_OK);
	assert_int_equal(nj, 1);
	assert_int_equal(nl, 2);
	assert_int_equal(store_log_load(f->s, "j", "big", &a), STORE_OK);
	assert_int_equal(store_log_load(to, "j", "big", &b), STORE_OK);
	assert_int_equal(a.n_cases, b.n_cases);
	assert_int_equal(a.n_events, b.n_events);
	assert_int_equal(a.imported, b.imported);
	assert_memory_equal(a.time, b.time, a.n_events * sizeof *a.time);
	assert_memory_equal(a.ids, b.ids, a.ids_len);
	model_log_free(&a);
	model_log_free(&b);
	assert_int_equal(store_log_load(to, "j", NULL, &b), STORE_OK);
	assert_string_equal(b.name, "big");	/* still the newest */
	model_log_free(&b);
	store_close(to);
}

/* --- the upgrade from version 4 -------------------------------------------- */

/* The schema of version 4, frozen as it shipped. */
static const char v4_schema[] =
	"CREATE TABLE journey ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  description TEXT,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE touchpoint ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 4),"
	"  phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 4),"
	"  channel TEXT,"
	"  owner TEXT,"
	"  controlled INTEGER NOT NULL DEFAULT 1,"
	"  emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -3 AND 3),"
	"  critical INTEGER NOT NULL DEFAULT 0,"
	"  human INTEGER NOT NULL DEFAULT 0,"
	"  dwell REAL NOT NULL DEFAULT 0 CHECK (dwell >= 0),"
	"  conversion INTEGER NOT NULL DEFAULT 0,"
	"  drop_rate REAL NOT NULL DEFAULT 0 CHECK (drop_rate BETWEEN 0 AND 1),"
	"  notes TEXT,"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (journey_id, key)"
	");"
	"CREATE INDEX touchpoint_order ON touchpoint (journey_id, stage, position);"
	"CREATE TABLE transition ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  from_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  to_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  label TEXT,"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (from_id, to_id)"
	");"
	"CREATE INDEX transition_journey ON transition (journey_id);"
	"CREATE INDEX transition_to ON transition (to_id);"
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL UNIQUE"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  position INTEGER NOT NULL"
	");"
	"CREATE INDEX entry_journey ON entry (journey_id);"
	"CREATE TABLE persona ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  description TEXT,"
	"  share REAL NOT NULL CHECK (share BETWEEN 0 AND 1),"
	"  patience INTEGER NOT NULL CHECK (patience >= 1),"
	"  explore_bias REAL NOT NULL CHECK (explore_bias > 0),"
	"  emotion_sensitivity REAL NOT NULL CHECK (emotion_sensitivity >= 0),"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (journey_id, key)"
	");"
	"CREATE TABLE scenario ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  created INTEGER NOT NULL,"
	"  customers INTEGER NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  persona TEXT,"
	"  plain INTEGER NOT NULL DEFAULT 0,"
	"  changes TEXT NOT NULL DEFAULT '',"
	"  base_conv REAL, base_lo REAL, base_hi REAL,"
	"  conv REAL, conv_lo REAL, conv_hi REAL,"
	"  diff REAL, diff_lo REAL, diff_hi REAL,"
	"  significant INTEGER NOT NULL DEFAULT 0,"
	"  base_nps REAL, nps REAL,"
	"  report TEXT NOT NULL,"
	"  UNIQUE (journey_id, name)"
	");"
	"ALTER TABLE touchpoint ADD COLUMN thinking TEXT;"
	"ALTER TABLE touchpoint ADD COLUMN backstage TEXT;"
	"CREATE TABLE lane_item ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  lane TEXT NOT NULL CHECK (lane IN ('pains', 'opportunities',"
	"    'evidence')),"
	"  position INTEGER NOT NULL,"
	"  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	"  UNIQUE (touchpoint_id, lane, position)"
	");"
	"CREATE INDEX lane_item_journey ON lane_item (journey_id);"
	"CREATE TABLE kpi ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  value REAL NOT NULL,"
	"  target REAL,"
	"  unit TEXT,"
	"  lower_better INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (touchpoint_id, position),"
	"  UNIQUE (touchpoint_id, name)"
	");"
	"CREATE INDEX kpi_journey ON kpi (journey_id);"
	"CREATE TABLE generation ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  value INTEGER NOT NULL"
	");"
	"INSERT INTO generation (id, value) SELECT 1, max("
	"  (SELECT coalesce(max(version), 0) FROM journey),"
	"  (SELECT coalesce(max(version), 0) FROM touchpoint),"
	"  (SELECT coalesce(max(version), 0) FROM transition),"
	"  (SELECT coalesce(max(version), 0) FROM persona));";

static const char v4_data[] =
	"INSERT INTO journey VALUES (1, 'old', 'Old journey', NULL, 1000, 2000, 7);"
	"INSERT INTO touchpoint (id, journey_id, key, name, stage, position)"
	"  VALUES (1, 1, 't0', 'Advert', 0, 0);"
	"INSERT INTO touchpoint (id, journey_id, key, name, stage, conversion,"
	"  position) VALUES (2, 1, 't1', 'Buy', 3, 1, 0);"
	"INSERT INTO transition VALUES (1, 1, 1, 2, 2.5, 'go', 0, 4);"
	"INSERT INTO entry VALUES (1, 1, 1, 1.5, 0);"
	"INSERT INTO scenario (journey_id, name, created, customers, seed,"
	"  report) VALUES (1, 'what if', 3000, 100, 1, '{}');"
	"INSERT INTO lane_item (journey_id, touchpoint_id, lane, position, text)"
	"  VALUES (1, 1, 'pains', 0, 'Too loud');"
	"UPDATE generation SET value = 9;"
	"PRAGMA application_id = 1836020769;"
	"PRAGMA user_version = 4;";

static void make_v4(const char *path, const char *extra)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v4_schema, NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v4_data, NULL, NULL, NULL), SQLITE_OK);
	if (extra)
		assert_int_equal(sqlite3_exec(db, extra, NULL, NULL, NULL),
				 SQLITE_OK);
	sqlite3_close(db);
}

static void test_upgrade_from_v4(void **state)
{
	struct sfx *f = *state;
	struct store_scenario *sc;
	struct mot_journey j;
	bool created = true;
	char err[256];
	size_t n;

	make_v4(f->path, NULL);
	assert_int_equal(store_open(f->path, &f->s, &created, err, sizeof err),
			 STORE_OK);
	assert_false(created);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(store_journey_load(f->s, "old", &j), STORE_OK);
	assert_int_equal(j.version, 7);
	assert_int_equal(j.n_touchpoints, 2);
	assert_true(j.touchpoints[0].next[0].weight == 2.5);
	assert_int_equal(j.touchpoints[0].pains.n, 1);
	model_journey_free(&j);
	assert_int_equal(store_scenario_list(f->s, "old", &sc, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(sc[0].name, "what if");
	store_scenario_free(sc, n);
	/* the new tables work, with their cascade */
	save(f->s, "old", "first", 3, false, STORE_OK);
	assert_int_equal(count_logs(f->s, "old"), 1);
	assert_int_equal(store_journey_delete(f->s, "old"), STORE_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM log_part"), 0);
}

/* A migration that fails leaves version 4 whole. */
static void test_failed_upgrade_changes_nothing(void **state)
{
	struct sfx *f = *state;
	struct store *s = NULL;
	char err[256];

	make_v4(f->path, "CREATE TABLE log_part (mine TEXT);"
		"INSERT INTO log_part VALUES ('keep me')");
	assert_int_equal(store_open(f->path, &s, NULL, err, sizeof err),
			 STORE_ERROR);
	assert_null(s);
	assert_non_null(strstr(err, "log_part"));
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 4);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM scenario"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM lane_item"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM sqlite_master "
				   "WHERE name = 'log'"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM log_part "
				   "WHERE mine = 'keep me'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_refused, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_names, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_list_load_delete, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_follows_journey, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_damaged, sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_copied_with_journey, sfx_setup_open, sfx_teardown),
	};
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_from_v4, sfx_setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_failed_upgrade_changes_nothing, sfx_setup, sfx_teardown),
	};

	return sfx_run("store_log", tests, sizeof tests / sizeof tests[0],
		       sqlite_only, sizeof sqlite_only / sizeof sqlite_only[0]);
}
