/*
 * test_store_fixture.h - what the store's tests share: a temporary
 * directory for database files, raw SQLite access to look at (or damage)
 * a file behind the store's back, and the schemas exactly as older mots
 * wrote them, to test every migration from a frozen copy.
 * Include after cmocka.h.
 */
#ifndef TEST_STORE_FIXTURE_H
#define TEST_STORE_FIXTURE_H

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "model.h"
#include "store.h"
#include "util.h"

/*
 * The store's tests run against both backends: each test binary runs its
 * backend-neutral tests on an SQLite file, then again on PostgreSQL when
 * tests/pg.sh gave it a server ($MOT_TEST_PG), each test in a schema of
 * its own, dropped afterwards; without one they print "ok - NAME # SKIP
 * reason", which never counts as passed.  Tests about files (damage,
 * devices, frozen SQLite schemas) run on SQLite only.
 */
enum sfx_backend { SFX_SQLITE, SFX_PG };
static enum sfx_backend sfx_backend = SFX_SQLITE;

struct sfx {
	char dir[64];
	char *path;        /* DIR/mot.db: the SQLite file */
	char *target;      /* the database as store_open_mode gets it */
	char *schema;      /* PostgreSQL: this test's own schema */
	char *other;       /* a second database (sfx_open_other) */
	struct store *s;
};

/* A raw connection to the test's PostgreSQL schema. */
static inline PGconn *sfx_pg(const struct sfx *f)
{
	PGconn *c = PQconnectdb(f->target);
	char *sql = xasprintf("SET search_path TO \"%s\"", f->schema);

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("PostgreSQL: %s", PQerrorMessage(c));
	PQclear(PQexec(c, sql));
	free(sql);
	return c;
}

/* SQL on the test server outside any schema of the test (making and
 * dropping schemas), notices kept quiet. */
static inline void sfx_pg_admin(const struct sfx *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline void sfx_pg_admin(const struct sfx *f, const char *fmt, ...)
{
	PGconn *c = PQconnectdb(f->target);
	struct strbuf sql;
	va_list ap;
	char *text;
	int n;

	strbuf_init(&sql);
	strbuf_puts(&sql, "SET client_min_messages = warning; ");
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	strbuf_puts(&sql, text);
	PQclear(PQexec(c, sql.s));
	PQfinish(c);
	free(text);
	strbuf_free(&sql);
}

/* A fresh temporary directory, and on PostgreSQL a fresh schema name;
 * nothing opened. */
static inline int sfx_setup(void **state)
{
	static unsigned serial;
	struct sfx *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/mot-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->path = xasprintf("%s/mot.db", f->dir);
	if (sfx_backend == SFX_PG) {
		f->target = xstrdup(getenv("MOT_TEST_PG"));
		f->schema = xasprintf("mot_test_%ld_%u", (long)getpid(),
				      ++serial);
	} else {
		f->target = xstrdup(f->path);
	}
	*state = f;
	return 0;
}

/* Open the test's database (read-write). */
static inline int sfx_open(const struct sfx *f, struct store **s,
			   bool *created)
{
	char err[512];
	int rc = store_open_mode(f->target, f->schema, STORE_READ_WRITE, s,
				 created, err, sizeof err);

	if (rc != STORE_OK)
		print_message("# open: %s\n", err);
	return rc;
}

/* A second database of the same backend, new: a file beside the first,
 * or a schema beside the test's. */
static inline int sfx_open_other(struct sfx *f, struct store **s)
{
	bool created = false;
	char err[512];
	int rc;

	if (!f->other)
		f->other = sfx_backend == SFX_PG ? xasprintf("%s_2", f->schema) :
			xasprintf("%s/other.db", f->dir);
	rc = store_open_mode(sfx_backend == SFX_PG ? f->target : f->other,
			     sfx_backend == SFX_PG ? f->other : NULL,
			     STORE_READ_WRITE, s, &created, err, sizeof err);
	if (rc != STORE_OK)
		print_message("# open: %s\n", err);
	return rc;
}

/* ... and a new database in it, open. */
static inline int sfx_setup_open(void **state)
{
	struct sfx *f;
	bool created = false;

	if (sfx_setup(state) != 0)
		return -1;
	f = *state;
	if (sfx_open(f, &f->s, &created) != STORE_OK || !created)
		return -1;
	return 0;
}

/* Everything under dir (files and directories), then dir. */
static inline void sfx_remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		char *p;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			sfx_remove_tree(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static inline int sfx_teardown(void **state)
{
	struct sfx *f = *state;

	store_close(f->s);
	if (f->schema)
		sfx_pg_admin(f, "DROP SCHEMA IF EXISTS \"%s\" CASCADE; DROP "
			     "SCHEMA IF EXISTS \"%s_2\" CASCADE", f->schema,
			     f->schema);
	sfx_remove_tree(f->dir);
	free(f->path);
	free(f->target);
	free(f->schema);
	free(f->other);
	free(f);
	return 0;
}

/* The whole file (up to 64 MB). */
static inline char *sfx_file_bytes(const char *path, size_t *len)
{
	char *data = NULL, err[256];

	assert_int_equal(util_read_file(path, (size_t)64 << 20, &data, len,
					err, sizeof err), 0);
	return data;
}

/* Whether the file is byte for byte what it was. */
static inline void sfx_assert_same_file(const char *path, const char *before,
					size_t n)
{
	size_t n2;
	char *after = sfx_file_bytes(path, &n2);

	assert_int_equal(n, n2);
	assert_memory_equal(before, after, n);
	free(after);
}

/* Run SQL on an SQLite file behind the store's back. */
static inline void sfx_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The first column of the first row of a query on an SQLite file, read
 * behind the store's back; -1 without a row. */
static inline int64_t sfx_query_int(const char *path, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3 *db;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The same on the test's database, whichever the backend. */
static inline void sfx_sql(const struct sfx *f, const char *sql)
{
	PGconn *c;
	PGresult *r;

	if (sfx_backend == SFX_SQLITE) {
		sfx_exec(f->path, sql);
		return;
	}
	c = sfx_pg(f);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
}

static inline int64_t sfx_int(const struct sfx *f, const char *sql)
{
	PGconn *c;
	PGresult *r;
	int64_t v = -1;

	if (sfx_backend == SFX_SQLITE)
		return sfx_query_int(f->path, sql);
	c = sfx_pg(f);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	PQfinish(c);
	return v;
}

/* The test's schema version, whichever the backend. */
static inline int64_t sfx_schema_version(const struct sfx *f)
{
	return sfx_int(f, sfx_backend == SFX_SQLITE ? "PRAGMA user_version" :
		       "SELECT version FROM mot_schema");
}

/* Tests that only make sense on PostgreSQL: run them there, or print a
 * SKIP line for each without a server. */
static inline int sfx_run_pg(const char *name, const struct CMUnitTest *tests,
			     size_t n)
{
	const char *skip = getenv("MOT_TEST_PG_SKIP");
	int failed = 0;

	if (getenv("MOT_TEST_PG") && *getenv("MOT_TEST_PG")) {
		sfx_backend = SFX_PG;
		failed = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
		sfx_backend = SFX_SQLITE;
	} else {
		for (size_t i = 0; i < n; i++)
			printf("ok - %s # SKIP %s\n", tests[i].name, skip ? skip :
			       "no PostgreSQL server (run the tests through "
			       "tests/pg.sh, as make test does)");
	}
	return failed;
}

/*
 * Run `common` on SQLite, then on PostgreSQL (named "... (PostgreSQL)")
 * or, without a server, print a SKIP line for each; and `sqlite_only`
 * (may be NULL) on SQLite.  Returns the failures.
 */
static inline int sfx_run(const char *name, const struct CMUnitTest *common,
			  size_t n, const struct CMUnitTest *sqlite_only,
			  size_t n_sqlite)
{
	struct CMUnitTest *pg = xcalloc(n + 1, sizeof *pg);
	int failed;

	sfx_backend = SFX_SQLITE;
	failed = _cmocka_run_group_tests(name, common, n, NULL, NULL);
	if (sqlite_only)
		failed += _cmocka_run_group_tests(name, sqlite_only, n_sqlite,
						  NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		pg[i] = common[i];
		pg[i].name = xasprintf("%s (PostgreSQL)", common[i].name);
	}
	failed += sfx_run_pg(name, pg, n);
	for (size_t i = 0; i < n; i++)
		free((char *)pg[i].name);
	free(pg);
	return failed;
}

/* A file of tests/data (relative to $MOT_TOP), whole. */
static inline char *sfx_data(const char *rel)
{
	char *path = xasprintf("%s/tests/data/%s", getenv("MOT_TOP") ?
			       getenv("MOT_TOP") : ".", rel), *text, err[256];
	size_t len;

	if (util_read_file(path, 1u << 20, &text, &len, err, sizeof err) != 0)
		fail_msg("%s", err);
	free(path);
	return text;
}

/* --- journeys --------------------------------------------------------- */

/* A journey of n touchpoints t0 -> t1 -> ..., t0 the entry, the last one
 * converts, with one persona. */
static inline void sfx_journey(struct mot_journey *j, const char *key,
			       const char *title, size_t n)
{
	model_journey_init(j);
	j->key = xstrdup(key);
	j->title = xstrdup(title);
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];

		model_touchpoint_init(tp);
		tp->key = xasprintf("t%zu", i);
		tp->name = xasprintf("Touchpoint %zu", i);
		tp->stage = (enum mot_stage)(i % MOT_STAGE_COUNT);
		if (i + 1 < n) {
			tp->next = xcalloc(1, sizeof *tp->next);
			tp->next[0].to = xasprintf("t%zu", i + 1);
			tp->next[0].weight = 1;
			tp->n_next = 1;
		}
	}
	j->touchpoints[n - 1].conversion = true;
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("t0");
	j->entries[0].weight = 1;
	j->n_entries = 1;
	j->personas = xcalloc(1, sizeof *j->personas);
	model_persona_init(&j->personas[0]);
	j->personas[0].key = xstrdup("p1");
	j->personas[0].name = xstrdup("Persona one");
	j->personas[0].share = 1;
	j->n_personas = 1;
}

/* --- frozen schemas --------------------------------------------------- */

/* The schema exactly as mot wrote it at version 1 (never change this:
 * it stands for the databases out there). */
static const char sfx_v1_schema[] =
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
	");";

/* One journey with a row of every table, edited a few times (versions
 * above 1: the highest is 7), as a version-1 mot left it. */
static const char sfx_v1_data[] =
	"INSERT INTO journey VALUES (1, 'old', 'Old journey', 'Über café',"
	"  1000, 2000, 7);"
	"INSERT INTO touchpoint (id, journey_id, key, name, stage, phase,"
	"  channel, emotion, drop_rate, notes, position, version)"
	"  VALUES (1, 1, 'ad', 'Advert', 0, 1, 'tv', -2, 0.1, 'note', 0, 3);"
	"INSERT INTO touchpoint (id, journey_id, key, name, stage, conversion,"
	"  position) VALUES (2, 1, 'buy', 'Buy', 3, 1, 0);"
	"INSERT INTO transition VALUES (1, 1, 1, 2, 2.5, 'go', 0, 4);"
	"INSERT INTO entry VALUES (1, 1, 1, 1.5, 0);"
	"INSERT INTO persona VALUES (1, 1, 'p1', 'Persona', NULL, 1, 3, 1.5,"
	"  0.5, 0, 2);"
	"PRAGMA application_id = 1836020769;";	/* 0x6d6f7421, "mot!" */

/* A database as mot left it at `version`, then `extra` SQL: version 1
 * from the text above, later ones from tests/data/store/schema-vN.sql. */
static inline void sfx_make_old(const char *path, int version,
				const char *extra)
{
	char *sql, *file;

	if (version == 1) {
		sql = xasprintf("%sPRAGMA user_version = 1;", sfx_v1_data);
		sfx_exec(path, sfx_v1_schema);
		sfx_exec(path, sql);
		free(sql);
	} else {
		file = xasprintf("store/schema-v%d.sql", version);
		sql = sfx_data(file);
		sfx_exec(path, sql);
		free(sql);
		free(file);
	}
	if (extra)
		sfx_exec(path, extra);
}

#endif
