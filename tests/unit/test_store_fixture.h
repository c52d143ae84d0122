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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "model.h"
#include "store.h"
#include "util.h"

struct sfx {
	char dir[64];
	char *path;        /* DIR/mot.db */
	struct store *s;
};

/* A fresh temporary directory; nothing opened. */
static inline int sfx_setup(void **state)
{
	struct sfx *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/mot-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->path = xasprintf("%s/mot.db", f->dir);
	*state = f;
	return 0;
}

/* ... and a new database in it, open. */
static inline int sfx_setup_open(void **state)
{
	struct sfx *f;
	bool created = false;
	char err[512];

	if (sfx_setup(state) != 0)
		return -1;
	f = *state;
	if (store_open(f->path, &f->s, &created, err, sizeof err) != STORE_OK ||
	    !created)
		return -1;
	return 0;
}

/* Everything under dir (files and one level of directories), then dir. */
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
	sfx_remove_tree(f->dir);
	free(f->path);
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

/* Run SQL on the file behind the store's back. */
static inline void sfx_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The first column of the first row of a query, read behind the store's
 * back. */
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
	char *sql, *file, err[256];
	size_t len;

	if (version == 1) {
		sql = xasprintf("%sPRAGMA user_version = 1;", sfx_v1_data);
		sfx_exec(path, sfx_v1_schema);
		sfx_exec(path, sql);
		free(sql);
	} else {
		file = xasprintf("%s/tests/data/store/schema-v%d.sql",
				 getenv("MOT_TOP") ? getenv("MOT_TOP") : ".",
				 version);
		if (util_read_file(file, 1u << 20, &sql, &len, err,
				   sizeof err) != 0)
			fail_msg("%s", err);
		sfx_exec(path, sql);
		free(sql);
		free(file);
	}
	if (extra)
		sfx_exec(path, extra);
}

#endif
