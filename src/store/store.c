/*
 * store.c - journeys in SQLite.
 *
 * Conventions, after FreeBSD pkg and SQLite's own shell:
 *  - every statement lives in one table (store_sql[]) and is prepared once,
 *    on first use, with bound parameters only;
 *  - the schema is versioned with PRAGMA user_version and migrated forward
 *    in one transaction; PRAGMA application_id marks a mot database, so a
 *    foreign file is recognised and left untouched;
 *  - foreign_keys=ON on every connection (deleting a touchpoint deletes its
 *    transitions and entries), WAL, a busy timeout;
 *  - every change is one BEGIN IMMEDIATE transaction; the journey's version
 *    and each row's version go up with every change, and an edit states
 *    the version it was based on, so two writers never overwrite each other.
 */
#include "store.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "util.h"

/* "mot!" */
#define STORE_APPLICATION_ID 0x6d6f7421
#define STORE_BUSY_MS 5000

enum store_stmt {
	SQL_JOURNEY_ID,
	SQL_JOURNEY_GET,
	SQL_JOURNEY_LIST,
	SQL_JOURNEY_INSERT,
	SQL_JOURNEY_DELETE,
	SQL_JOURNEY_RENAME,
	SQL_JOURNEY_META,
	SQL_JOURNEY_TOUCH,
	SQL_TP_LOAD,
	SQL_TP_INSERT,
	SQL_TP_FIND,
	SQL_TP_UPDATE,
	SQL_TP_DELETE,
	SQL_TP_STAGE_COUNT,
	SQL_TP_SHIFT,
	SQL_TP_CLOSE_GAP,
	SQL_TP_PLACE,
	SQL_TR_LOAD,
	SQL_TR_INSERT,
	SQL_TR_UPDATE,
	SQL_TR_DELETE,
	SQL_TR_FIND,
	SQL_TR_NEXT_POS,
	SQL_EN_LOAD,
	SQL_EN_UPSERT,
	SQL_EN_DELETE,
	SQL_EN_NEXT_POS,
	SQL_PE_LOAD,
	SQL_PE_INSERT,
	SQL_PE_UPDATE,
	SQL_PE_DELETE,
	SQL_PE_FIND,
	SQL_PE_NEXT_POS,
	SQL_JOURNEY_REPLACE,
	SQL_JOURNEY_CLEAR_TP,
	SQL_JOURNEY_CLEAR_PE,
	SQL_SC_FIND,
	SQL_SC_INSERT,
	SQL_SC_LIST,
	SQL_SC_DELETE,
	SQL_COUNT
};

static const char *const store_sql[SQL_COUNT] = {
	[SQL_JOURNEY_ID] = "SELECT id, version FROM journey WHERE key = ?1",
	[SQL_JOURNEY_GET] =
		"SELECT id, key, title, description, created, updated, version "
		"FROM journey WHERE key = ?1",
	[SQL_JOURNEY_LIST] =
		"SELECT j.key, j.title, j.updated,"
		" (SELECT count(*) FROM touchpoint t WHERE t.journey_id = j.id),"
		" (SELECT count(*) FROM transition r WHERE r.journey_id = j.id),"
		" (SELECT count(*) FROM persona p WHERE p.journey_id = j.id) "
		"FROM journey j ORDER BY j.key",
	[SQL_JOURNEY_INSERT] =
		"INSERT INTO journey (key, title, description, created, updated)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_JOURNEY_DELETE] = "DELETE FROM journey WHERE id = ?1",
	[SQL_JOURNEY_RENAME] =
		"UPDATE journey SET key = ?2, version = version + 1, updated = ?3"
		" WHERE id = ?1",
	[SQL_JOURNEY_META] =
		"UPDATE journey SET title = ?2, description = ?3,"
		" version = version + 1, updated = ?4 WHERE id = ?1 AND version = ?5",
	[SQL_JOURNEY_TOUCH] =
		"UPDATE journey SET version = version + 1, updated = ?2 WHERE id = ?1",
	[SQL_TP_LOAD] =
		"SELECT id, key, name, stage, phase, channel, owner, controlled,"
		" emotion, critical, human, dwell, conversion, drop_rate, notes,"
		" version FROM touchpoint WHERE journey_id = ?1"
		" ORDER BY stage, position, id",
	[SQL_TP_INSERT] =
		"INSERT INTO touchpoint (journey_id, key, name, stage, phase,"
		" channel, owner, controlled, emotion, critical, human, dwell,"
		" conversion, drop_rate, notes, position)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" ?14, ?15, ?16)",
	[SQL_TP_FIND] =
		"SELECT id, stage, position, version FROM touchpoint"
		" WHERE journey_id = ?1 AND key = ?2",
	[SQL_TP_UPDATE] =
		"UPDATE touchpoint SET key = ?3, name = ?4, phase = ?5, channel = ?6,"
		" owner = ?7, controlled = ?8, emotion = ?9, critical = ?10,"
		" human = ?11, dwell = ?12, conversion = ?13, drop_rate = ?14,"
		" notes = ?15, version = version + 1"
		" WHERE id = ?1 AND version = ?2",
	[SQL_TP_DELETE] = "DELETE FROM touchpoint WHERE id = ?1 AND version = ?2",
	[SQL_TP_STAGE_COUNT] =
		"SELECT count(*) FROM touchpoint WHERE journey_id = ?1 AND stage = ?2"
		" AND id != ?3",
	[SQL_TP_SHIFT] =
		"UPDATE touchpoint SET position = position + 1 WHERE journey_id = ?1"
		" AND stage = ?2 AND position >= ?3 AND id != ?4",
	[SQL_TP_CLOSE_GAP] =
		"UPDATE touchpoint SET position = position - 1 WHERE journey_id = ?1"
		" AND stage = ?2 AND position > ?3",
	[SQL_TP_PLACE] =
		"UPDATE touchpoint SET stage = ?2, position = ?3, version = version + 1"
		" WHERE id = ?1",
	[SQL_TR_LOAD] =
		"SELECT r.from_id, t.key, r.weight, r.label, r.version"
		" FROM transition r JOIN touchpoint t ON t.id = r.to_id"
		" WHERE r.journey_id = ?1 ORDER BY r.from_id, r.position, r.id",
	[SQL_TR_INSERT] =
		"INSERT INTO transition (journey_id, from_id, to_id, weight, label,"
		" position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQL_TR_UPDATE] =
		"UPDATE transition SET weight = ?3, label = ?4, version = version + 1"
		" WHERE from_id = ?1 AND to_id = ?2 AND version = ?5",
	[SQL_TR_DELETE] =
		"DELETE FROM transition WHERE from_id = ?1 AND to_id = ?2"
		" AND version = ?3",
	[SQL_TR_FIND] =
		"SELECT version FROM transition WHERE from_id = ?1 AND to_id = ?2",
	[SQL_TR_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM transition"
		" WHERE from_id = ?1",
	[SQL_EN_LOAD] =
		"SELECT t.key, e.weight FROM entry e"
		" JOIN touchpoint t ON t.id = e.touchpoint_id"
		" WHERE e.journey_id = ?1 ORDER BY e.position, e.id",
	[SQL_EN_UPSERT] =
		"INSERT INTO entry (journey_id, touchpoint_id, weight, position)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (touchpoint_id)"
		" DO UPDATE SET weight = excluded.weight",
	[SQL_EN_DELETE] = "DELETE FROM entry WHERE touchpoint_id = ?1",
	[SQL_EN_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM entry WHERE journey_id = ?1",
	[SQL_PE_LOAD] =
		"SELECT key, name, description, share, patience, explore_bias,"
		" emotion_sensitivity, version FROM persona WHERE journey_id = ?1"
		" ORDER BY position, id",
	[SQL_PE_INSERT] =
		"INSERT INTO persona (journey_id, key, name, description, share,"
		" patience, explore_bias, emotion_sensitivity, position)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[SQL_PE_UPDATE] =
		"UPDATE persona SET key = ?3, name = ?4, description = ?5, share = ?6,"
		" patience = ?7, explore_bias = ?8, emotion_sensitivity = ?9,"
		" version = version + 1 WHERE id = ?1 AND version = ?2",
	[SQL_PE_DELETE] = "DELETE FROM persona WHERE id = ?1 AND version = ?2",
	[SQL_PE_FIND] =
		"SELECT id, version FROM persona WHERE journey_id = ?1 AND key = ?2",
	[SQL_PE_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM persona"
		" WHERE journey_id = ?1",
	/* An import over an existing journey keeps its row (and so what
	 * hangs on it, the scenarios) and replaces its contents. */
	[SQL_JOURNEY_REPLACE] =
		"UPDATE journey SET title = ?2, description = ?3,"
		" created = coalesce(?4, created), version = version + 1,"
		" updated = ?5 WHERE id = ?1",
	/* Transitions and entries go with their touchpoints (cascade). */
	[SQL_JOURNEY_CLEAR_TP] = "DELETE FROM touchpoint WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_PE] = "DELETE FROM persona WHERE journey_id = ?1",
	[SQL_SC_FIND] =
		"SELECT id FROM scenario WHERE journey_id = ?1 AND name = ?2",
	[SQL_SC_INSERT] =
		"INSERT INTO scenario (journey_id, name, created, customers, seed,"
		" persona, plain, changes, base_conv, base_lo, base_hi, conv,"
		" conv_lo, conv_hi, diff, diff_lo, diff_hi, significant,"
		" base_nps, nps, report) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
	[SQL_SC_LIST] =
		"SELECT id, name, created, customers, seed, persona, plain,"
		" changes, base_conv, base_lo, base_hi, conv, conv_lo, conv_hi,"
		" diff, diff_lo, diff_hi, significant, base_nps, nps, report"
		" FROM scenario WHERE journey_id = ?1"
		" ORDER BY created DESC, id DESC",
	[SQL_SC_DELETE] =
		"DELETE FROM scenario WHERE id = ?1 AND journey_id = ?2",
};

/* Migrations: store_migrations[v] takes a database from user_version v to
 * v + 1.  Never edit one that has shipped; add the next. */
static const char *const store_migrations[STORE_SCHEMA_VERSION] = {
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
	");",
	/* 2: what-if scenarios kept with their journey (workshop mode).
	 * Rates and scores are NULL where there was nothing to measure (no
	 * baseline).  UNIQUE (journey_id, name) also serves the cascade. */
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
	");",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[SQL_COUNT];
	int tx_depth;      /* nesting of store_tx_begin() */
	bool tx_failed;    /* an inner step failed: the outer end rolls back */
	char err[512];
};

/* --- errors and statements ------------------------------------------- */

static int store_fail(struct store *s, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int store_fail(struct store *s, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return status;
}

/* Map a failed step to a status; constraint failures are the caller's
 * fault (a taken key, a bad value), everything else is an error. */
static int store_sqlite_fail(struct store *s, int rc)
{
	int ext = sqlite3_extended_errcode(s->db);

	(void)rc;
	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return store_fail(s, STORE_EXISTS, "%s", sqlite3_errmsg(s->db));
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return store_fail(s, STORE_INVALID, "%s", sqlite3_errmsg(s->db));
	return store_fail(s, STORE_ERROR, "database: %s", sqlite3_errmsg(s->db));
}

const char *store_errmsg(const struct store *s)
{
	return s->err;
}

/* The cached statement, reset and unbound, ready for new parameters. */
static sqlite3_stmt *store_stmt(struct store *s, enum store_stmt id)
{
	sqlite3_stmt *st = s->stmt[id];

	if (!st) {
		if (sqlite3_prepare_v3(s->db, store_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &s->stmt[id],
				       NULL) != SQLITE_OK) {
			store_fail(s, STORE_ERROR, "database: %s",
				   sqlite3_errmsg(s->db));
			return NULL;
		}
		return s->stmt[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static char *store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Run a statement that returns no rows (or whose rows do not matter). */
static int store_exec_stmt(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_sqlite_fail(s, rc);
}

/* Run a query whose first row's first column is an integer. */
static int store_query_int(struct store *s, sqlite3_stmt *st, int64_t *out)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return STORE_OK;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_NOT_FOUND : store_sqlite_fail(s, rc);
}

static int store_exec(struct store *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		store_fail(s, STORE_ERROR, "database: %s",
			   msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* --- transactions ---------------------------------------------------- */

/*
 * Nesting lets one user action made of several store calls (an undo that
 * restores a touchpoint and its transitions, an import of many files) be a
 * single transaction: only the outermost level talks to SQLite.
 */
static int store_tx_begin(struct store *s)
{
	if (s->tx_depth++ > 0)
		return STORE_OK;
	s->tx_failed = false;
	if (store_exec(s, "BEGIN IMMEDIATE") != STORE_OK) {
		s->tx_depth = 0;
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* End a level: commit when status is STORE_OK and nothing inside failed,
 * otherwise roll back.  Returns the status to give the caller. */
static int store_tx_end(struct store *s, int status)
{
	if (status != STORE_OK)
		s->tx_failed = true;
	if (--s->tx_depth > 0)
		return status;
	if (!s->tx_failed) {
		if (store_exec(s, "COMMIT") == STORE_OK)
			return status;
		status = STORE_ERROR;
	}
	/* Keep the message of the failure, not of the rollback. */
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

int store_batch_begin(struct store *s)
{
	return store_tx_begin(s);
}

int store_batch_end(struct store *s, int status)
{
	return store_tx_end(s, status);
}

/* --- open, check and migrate ----------------------------------------- */

static int store_pragma_int(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return STORE_ERROR;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

/*
 * Decide, reading only, whether this is a mot database, a new empty file,
 * or something else.  Nothing may be written before this says yes: not
 * even journal_mode=WAL, which changes the file header.
 */
static int store_identify(struct store *s, const char *path, bool *fresh)
{
	int64_t app = 0, ver = 0, objects = 0;

	if (store_pragma_int(s, "PRAGMA application_id", &app) != STORE_OK ||
	    store_pragma_int(s, "SELECT count(*) FROM sqlite_schema",
			     &objects) != STORE_OK ||
	    store_pragma_int(s, "PRAGMA user_version", &ver) != STORE_OK)
		return store_fail(s, STORE_ERROR, "%s: not a mot database (%s)",
				  path, sqlite3_errmsg(s->db));
	*fresh = app == 0 && objects == 0 && ver == 0;
	if (*fresh)
		return STORE_OK;
	if (app != STORE_APPLICATION_ID)
		return store_fail(s, STORE_ERROR, "%s: not a mot database (an "
				  "SQLite file of another program); left as it "
				  "was", path);
	if (ver > STORE_SCHEMA_VERSION)
		return store_fail(s, STORE_ERROR, "%s: written by a newer mot "
				  "(schema %lld; this mot knows up to %d): "
				  "upgrade mot to open it", path, (long long)ver,
				  STORE_SCHEMA_VERSION);
	return STORE_OK;
}

static int store_migrate(struct store *s)
{
	int64_t ver = 0;
	char sql[64];
	int rc;

	if ((rc = store_tx_begin(s)) != STORE_OK)
		return rc;
	/* Read again inside the write lock: another mot may have migrated. */
	rc = store_pragma_int(s, "PRAGMA user_version", &ver);
	for (; rc == STORE_OK && ver < STORE_SCHEMA_VERSION; ver++)
		rc = store_exec(s, store_migrations[ver]);
	if (rc == STORE_OK) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; "
			 "PRAGMA application_id = %d", STORE_SCHEMA_VERSION,
			 STORE_APPLICATION_ID);
		rc = store_exec(s, sql);
	}
	return store_tx_end(s, rc);
}

static int store_configure(struct store *s)
{
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(s->db, 1);
	if (store_exec(s, "PRAGMA foreign_keys = ON") != STORE_OK)
		return STORE_ERROR;
	/* WAL lets the UI read while another mot writes; NORMAL sync is
	 * durable across application crashes, which is what we promise. */
	return store_exec(s, "PRAGMA journal_mode = WAL; "
			  "PRAGMA synchronous = NORMAL");
}

int store_open(const char *path, struct store **out, bool *created,
	       char *err, size_t errlen)
{
	struct store *s = xcalloc(1, sizeof *s);
	struct stat sb;
	bool fresh = false;
	int rc;

	*out = NULL;
	if (created)
		*created = false;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", path);
		free(s);
		return STORE_ERROR;
	}
	if (util_mkdir_parents(path) != 0) {
		snprintf(err, errlen, "%s: cannot create its directory: %s",
			 path, strerror(errno));
		free(s);
		return STORE_ERROR;
	}
	rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		free(s);
		return STORE_ERROR;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	rc = store_identify(s, path, &fresh);
	if (rc == STORE_OK)
		rc = store_configure(s);
	if (rc == STORE_OK)
		rc = store_migrate(s);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "%s", s->err);
		store_close(s);
		return rc;
	}
	if (created)
		*created = fresh;
	*out = s;
	return STORE_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s);
}

/* --- journeys -------------------------------------------------------- */

static int64_t store_now(void)
{
	return (int64_t)time(NULL);
}

/* Id and version of a journey; STORE_NOT_FOUND with a message. */
static int store_journey_id(struct store *s, const char *key, int64_t *id,
			    int64_t *version)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_ID);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (version)
			*version = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
		return STORE_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sqlite_fail(s, rc);
	return store_fail(s, STORE_NOT_FOUND, "no journey '%s'", key);
}

/* Every change to a journey's rows bumps its version and time. */
static int store_journey_touch(struct store *s, int64_t jid)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_TOUCH);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int64(st, 2, store_now());
	return store_exec_stmt(s, st);
}

int store_journey_version(struct store *s, const char *key, int64_t *version)
{
	int64_t id;

	return store_journey_id(s, key, &id, version);
}

void store_journey_list_free(struct store_journey_info *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].key);
		free(list[i].title);
	}
	free(list);
}

int store_journey_list(struct store *s, struct store_journey_info **out,
		       size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_LIST);
	struct store_journey_info *list = NULL;
	size_t cap = 0, count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_journey_info *ji;

		util_reserve((void **)&list, &cap, count + 1, sizeof *list);
		ji = &list[count++];
		ji->key = store_col_text(st, 0);
		ji->title = store_col_text(st, 1);
		ji->updated = sqlite3_column_int64(st, 2);
		ji->n_touchpoints = (size_t)sqlite3_column_int64(st, 3);
		ji->n_transitions = (size_t)sqlite3_column_int64(st, 4);
		ji->n_personas = (size_t)sqlite3_column_int64(st, 5);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_journey_list_free(list, count);
		return store_sqlite_fail(s, rc);
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

/* Touchpoint row ids of a loaded journey, sorted, to place transitions. */
struct store_idmap {
	int64_t id;
	size_t index;
};

static int store_idmap_cmp(const void *a, const void *b)
{
	const struct store_idmap *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int store_load_touchpoints(struct store *s, int64_t jid,
				  struct mot_journey *j,
				  struct store_idmap **map)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TP_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mot_touchpoint *tp;

		util_reserve((void **)&j->touchpoints, &cap, j->n_touchpoints + 1,
			     sizeof *j->touchpoints);
		tp = &j->touchpoints[j->n_touchpoints];
		model_touchpoint_init(tp);
		tp->key = store_col_text(st, 1);
		tp->name = store_col_text(st, 2);
		tp->stage = sqlite3_column_int(st, 3);
		tp->phase = sqlite3_column_int(st, 4);
		tp->channel = store_col_text(st, 5);
		tp->owner = store_col_text(st, 6);
		tp->controlled = sqlite3_column_int(st, 7) != 0;
		tp->emotion = sqlite3_column_int(st, 8);
		tp->critical = sqlite3_column_int(st, 9) != 0;
		tp->human = sqlite3_column_int(st, 10) != 0;
		tp->dwell = sqlite3_column_double(st, 11);
		tp->conversion = sqlite3_column_int(st, 12) != 0;
		tp->drop = sqlite3_column_double(st, 13);
		tp->notes = store_col_text(st, 14);
		tp->version = sqlite3_column_int64(st, 15);
		*map = xrealloc(*map, (j->n_touchpoints + 1) * sizeof **map);
		(*map)[j->n_touchpoints].id = sqlite3_column_int64(st, 0);
		(*map)[j->n_touchpoints].index = j->n_touchpoints;
		j->n_touchpoints++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sqlite_fail(s, rc);
	if (j->n_touchpoints > 0)
		qsort(*map, j->n_touchpoints, sizeof **map, store_idmap_cmp);
	return STORE_OK;
}

static int store_load_transitions(struct store *s, int64_t jid,
				  struct mot_journey *j,
				  const struct store_idmap *map)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TR_LOAD);
	size_t *cap = xcalloc(j->n_touchpoints + 1, sizeof *cap);
	int rc;

	if (!st) {
		free(cap);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(st, 1, jid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_idmap key = { sqlite3_column_int64(st, 0), 0 };
		const struct store_idmap *m = bsearch(&key, map, j->n_touchpoints,
						      sizeof *map, store_idmap_cmp);
		struct mot_touchpoint *tp;
		struct mot_transition *t;

		if (!m)
			continue;	/* impossible with foreign keys on */
		tp = &j->touchpoints[m->index];
		util_reserve((void **)&tp->next, &cap[m->index], tp->n_next + 1,
			     sizeof *tp->next);
		t = &tp->next[tp->n_next++];
		t->to = store_col_text(st, 1);
		t->weight = sqlite3_column_double(st, 2);
		t->label = store_col_text(st, 3);
		t->version = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	free(cap);
	return rc == SQLITE_DONE ? STORE_OK : store_sqlite_fail(s, rc);
}

static int store_load_entries(struct store *s, int64_t jid,
			      struct mot_journey *j)
{
	sqlite3_stmt *st = store_stmt(s, SQL_EN_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		util_reserve((void **)&j->entries, &cap, j->n_entries + 1,
			     sizeof *j->entries);
		j->entries[j->n_entries].to = store_col_text(st, 0);
		j->entries[j->n_entries].weight = sqlite3_column_double(st, 1);
		j->n_entries++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_sqlite_fail(s, rc);
}

static int store_load_personas(struct store *s, int64_t jid,
			       struct mot_journey *j)
{
	sqlite3_stmt *st = store_stmt(s, SQL_PE_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mot_persona *p;

		util_reserve((void **)&j->personas, &cap, j->n_personas + 1,
			     sizeof *j->personas);
		p = &j->personas[j->n_personas++];
		model_persona_init(p);
		p->key = store_col_text(st, 0);
		p->name = store_col_text(st, 1);
		p->description = store_col_text(st, 2);
		p->share = sqlite3_column_double(st, 3);
		p->patience = sqlite3_column_int(st, 4);
		p->explore_bias = sqlite3_column_double(st, 5);
		p->emotion_sensitivity = sqlite3_column_double(st, 6);
		p->version = sqlite3_column_int64(st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_sqlite_fail(s, rc);
}

static int store_load_header(struct store *s, const char *key,
			     struct mot_journey *j, int64_t *jid)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_GET);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_sqlite_fail(s, rc);
		return store_fail(s, STORE_NOT_FOUND, "no journey '%s'", key);
	}
	*jid = sqlite3_column_int64(st, 0);
	j->key = store_col_text(st, 1);
	j->title = store_col_text(st, 2);
	j->description = store_col_text(st, 3);
	j->created = sqlite3_column_int64(st, 4);
	j->updated = sqlite3_column_int64(st, 5);
	j->version = sqlite3_column_int64(st, 6);
	sqlite3_reset(st);
	return STORE_OK;
}

int store_journey_load(struct store *s, const char *key,
		       struct mot_journey *out)
{
	struct store_idmap *map = NULL;
	int64_t jid = 0;
	int rc;

	model_journey_init(out);
	/* A read transaction gives one consistent snapshot of all rows. */
	if (store_exec(s, s->tx_depth ? "SAVEPOINT load" : "BEGIN") != STORE_OK)
		return STORE_ERROR;
	rc = store_load_header(s, key, out, &jid);
	if (rc == STORE_OK)
		rc = store_load_touchpoints(s, jid, out, &map);
	if (rc == STORE_OK)
		rc = store_load_transitions(s, jid, out, map);
	if (rc == STORE_OK)
		rc = store_load_entries(s, jid, out);
	if (rc == STORE_OK)
		rc = store_load_personas(s, jid, out);
	sqlite3_exec(s->db, s->tx_depth ? "RELEASE load" : "COMMIT", NULL,
		     NULL, NULL);
	free(map);
	if (rc != STORE_OK)
		model_journey_free(out);
	return rc;
}

/* --- import ---------------------------------------------------------- */

/* Sorted (key, row id) pairs of the touchpoints just inserted. */
struct store_keyid {
	const char *key;
	int64_t id;
};

static int store_keyid_cmp(const void *a, const void *b)
{
	return strcmp(((const struct store_keyid *)a)->key,
		      ((const struct store_keyid *)b)->key);
}

static int64_t store_keyid_find(const struct store_keyid *ids, size_t n,
				const char *key)
{
	struct store_keyid k = { key, 0 };
	const struct store_keyid *m;

	if (!key)
		return -1;
	m = bsearch(&k, ids, n, sizeof *ids, store_keyid_cmp);
	return m ? m->id : -1;
}

static int store_insert_touchpoint(struct store *s, int64_t jid,
				   const struct mot_touchpoint *tp,
				   int64_t position, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TP_INSERT);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, tp->key);
	store_bind_text(st, 3, tp->name);
	sqlite3_bind_int(st, 4, tp->stage);
	sqlite3_bind_int(st, 5, tp->phase);
	store_bind_text(st, 6, tp->channel);
	store_bind_text(st, 7, tp->owner);
	sqlite3_bind_int(st, 8, tp->controlled);
	sqlite3_bind_int(st, 9, tp->emotion);
	sqlite3_bind_int(st, 10, tp->critical);
	sqlite3_bind_int(st, 11, tp->human);
	sqlite3_bind_double(st, 12, tp->dwell);
	sqlite3_bind_int(st, 13, tp->conversion);
	sqlite3_bind_double(st, 14, tp->drop);
	store_bind_text(st, 15, tp->notes);
	sqlite3_bind_int64(st, 16, position);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "touchpoint '%s' exists already",
				  tp->key);
	if (rc == STORE_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int store_insert_transition(struct store *s, int64_t jid, int64_t from,
				   int64_t to, double weight, const char *label,
				   int64_t position)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TR_INSERT);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	sqlite3_bind_double(st, 4, weight);
	store_bind_text(st, 5, label);
	sqlite3_bind_int64(st, 6, position);
	return store_exec_stmt(s, st);
}

static int store_insert_persona(struct store *s, int64_t jid,
				const struct mot_persona *p, int64_t position)
{
	sqlite3_stmt *st = store_stmt(s, SQL_PE_INSERT);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, p->key);
	store_bind_text(st, 3, p->name);
	store_bind_text(st, 4, p->description);
	sqlite3_bind_double(st, 5, p->share);
	sqlite3_bind_int(st, 6, p->patience);
	sqlite3_bind_double(st, 7, p->explore_bias);
	sqlite3_bind_double(st, 8, p->emotion_sensitivity);
	sqlite3_bind_int64(st, 9, position);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "persona '%s' exists already", p->key);
	return rc;
}

static int store_insert_entry(struct store *s, int64_t jid, int64_t tpid,
			      double weight, int64_t position)
{
	sqlite3_stmt *st = store_stmt(s, SQL_EN_UPSERT);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int64(st, 2, tpid);
	sqlite3_bind_double(st, 3, weight);
	sqlite3_bind_int64(st, 4, position);
	return store_exec_stmt(s, st);
}

static int store_insert_journey_row(struct store *s, const struct mot_journey *j,
				    int64_t *jid)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_INSERT);
	int64_t now = store_now();
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, j->key);
	store_bind_text(st, 2, j->title);
	store_bind_text(st, 3, j->description);
	sqlite3_bind_int64(st, 4, j->created ? j->created : now);
	sqlite3_bind_int64(st, 5, now);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "journey '%s' exists already", j->key);
	if (rc == STORE_OK)
		*jid = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int store_insert_links(struct store *s, int64_t jid,
			      const struct mot_journey *j,
			      const struct store_keyid *ids, const int64_t *rowid)
{
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];

		for (size_t k = 0; rc == STORE_OK && k < tp->n_next; k++) {
			int64_t to = store_keyid_find(ids, j->n_touchpoints,
						      tp->next[k].to);
			if (to < 0)
				return store_fail(s, STORE_INVALID, "touchpoint "
						  "'%s': transition to unknown "
						  "touchpoint '%s'", tp->key,
						  tp->next[k].to);
			rc = store_insert_transition(s, jid, rowid[i], to,
						     tp->next[k].weight,
						     tp->next[k].label,
						     (int64_t)k);
		}
	}
	for (size_t i = 0; rc == STORE_OK && i < j->n_entries; i++) {
		int64_t to = store_keyid_find(ids, j->n_touchpoints,
					      j->entries[i].to);
		if (to < 0)
			return store_fail(s, STORE_INVALID, "entry to unknown "
					  "touchpoint '%s'", j->entries[i].to);
		rc = store_insert_entry(s, jid, to, j->entries[i].weight,
					(int64_t)i);
	}
	return rc;
}

/* Insert the touchpoints, transitions, entries and personas of j under
 * journey row jid (which has none yet). */
static int store_insert_contents(struct store *s, int64_t jid,
				 const struct mot_journey *j)
{
	struct store_keyid *ids = xcalloc(j->n_touchpoints + 1, sizeof *ids);
	int64_t *rowid = xcalloc(j->n_touchpoints + 1, sizeof *rowid);
	int64_t pos[MOT_STAGE_COUNT] = { 0 };
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		int64_t p = (unsigned)tp->stage < MOT_STAGE_COUNT ?
			pos[tp->stage]++ : 0;

		rc = store_insert_touchpoint(s, jid, tp, p, &rowid[i]);
		ids[i].key = tp->key;
		ids[i].id = rowid[i];
	}
	if (rc == STORE_OK) {
		qsort(ids, j->n_touchpoints, sizeof *ids, store_keyid_cmp);
		rc = store_insert_links(s, jid, j, ids, rowid);
	}
	for (size_t i = 0; rc == STORE_OK && i < j->n_personas; i++)
		rc = store_insert_persona(s, jid, &j->personas[i], (int64_t)i);
	free(ids);
	free(rowid);
	return rc;
}

/* Insert a whole journey (no existing row with its key). */
static int store_insert_journey(struct store *s, const struct mot_journey *j)
{
	int64_t jid = 0;
	int rc;

	if (!model_key_valid(j->key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s'",
				  j->key ? j->key : "");
	rc = store_insert_journey_row(s, j, &jid);
	return rc == STORE_OK ? store_insert_contents(s, jid, j) : rc;
}

/* Run a statement whose one parameter is a row id. */
static int store_exec_id(struct store *s, enum store_stmt id, int64_t rowid)
{
	sqlite3_stmt *st = store_stmt(s, id);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, rowid);
	return store_exec_stmt(s, st);
}

/* Put j's contents into the existing journey row jid in place of what it
 * held.  The row stays, so the scenarios of the journey stay with it, and
 * its version goes up, so an open designer sees the change. */
static int store_replace_journey(struct store *s, int64_t jid,
				 const struct mot_journey *j)
{
	sqlite3_stmt *st = store_stmt(s, SQL_JOURNEY_REPLACE);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, j->title);
	store_bind_text(st, 3, j->description);
	if (j->created)	/* else NULL: the row keeps its own */
		sqlite3_bind_int64(st, 4, j->created);
	sqlite3_bind_int64(st, 5, store_now());
	rc = store_exec_stmt(s, st);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_TP, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_PE, jid);
	return rc == STORE_OK ? store_insert_contents(s, jid, j) : rc;
}

static int store_delete_journey_id(struct store *s, int64_t jid)
{
	return store_exec_id(s, SQL_JOURNEY_DELETE, jid);
}

static int store_import_one(struct store *s, const struct mot_journey *j,
			    bool replace)
{
	int64_t jid;
	int rc = store_journey_id(s, j->key, &jid, NULL);

	if (rc == STORE_OK && !replace)
		return store_fail(s, STORE_EXISTS, "journey '%s' exists "
				  "already (use --replace)", j->key);
	if (rc == STORE_OK)
		return store_replace_journey(s, jid, j);
	return rc == STORE_NOT_FOUND ? store_insert_journey(s, j) : rc;
}

int store_journey_import(struct store *s, const struct mot_journey *js,
			 size_t n, bool replace, size_t *failed)
{
	int rc = store_tx_begin(s);

	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		rc = store_import_one(s, &js[i], replace);
		if (rc != STORE_OK && failed)
			*failed = i;
	}
	return store_tx_end(s, rc);
}

int store_journey_create(struct store *s, const char *key, const char *title)
{
	struct mot_journey j;
	int rc;

	if (!model_key_valid(key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'", key);
	if (util_str_empty(title))
		return store_fail(s, STORE_INVALID, "the title must not be empty");
	model_journey_init(&j);
	j.key = (char *)key;
	j.title = (char *)title;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_insert_journey(s, &j);
	return store_tx_end(s, rc);
}

int store_journey_delete(struct store *s, const char *key)
{
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_delete_journey_id(s, jid);
	return store_tx_end(s, rc);
}

int store_journey_copy(struct store *s, const char *key, const char *new_key)
{
	struct mot_journey j;
	char *old_key;
	int rc;

	if (!model_key_valid(new_key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'",
				  new_key);
	rc = store_tx_begin(s);
	if (rc != STORE_OK)
		return rc;
	rc = store_journey_load(s, key, &j);
	if (rc == STORE_OK) {
		old_key = j.key;
		j.key = (char *)new_key;
		j.created = 0;
		rc = store_import_one(s, &j, false);
		if (rc == STORE_EXISTS)
			store_fail(s, rc, "journey '%s' exists already", new_key);
		j.key = old_key;
		model_journey_free(&j);
	}
	return store_tx_end(s, rc);
}

int store_journey_rename(struct store *s, const char *key, const char *new_key)
{
	int64_t jid, other;
	sqlite3_stmt *st;
	int rc;

	if (!model_key_valid(new_key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'",
				  new_key);
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK && strcmp(key, new_key) != 0 &&
	    store_journey_id(s, new_key, &other, NULL) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "journey '%s' exists already",
				new_key);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_JOURNEY_RENAME)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, jid);
		store_bind_text(st, 2, new_key);
		sqlite3_bind_int64(st, 3, store_now());
		rc = store_exec_stmt(s, st);
	}
	return store_tx_end(s, rc);
}

/* Whether the last UPDATE/DELETE hit its row; when not, tell a vanished
 * row (NOT_FOUND) from one changed by someone else (CONFLICT). */
static int store_check_hit(struct store *s, int rc, bool still_there,
			   const char *what)
{
	if (rc != STORE_OK)
		return rc;
	if (sqlite3_changes(s->db) > 0)
		return STORE_OK;
	if (still_there)
		return store_fail(s, STORE_CONFLICT, "%s was changed by another "
				  "mot since it was read; reload and try again",
				  what);
	return store_fail(s, STORE_NOT_FOUND, "%s no longer exists", what);
}

int store_journey_set_meta(struct store *s, const char *key, const char *title,
			   const char *description, int64_t base_version)
{
	sqlite3_stmt *st;
	int64_t jid;
	int rc;

	if (util_str_empty(title))
		return store_fail(s, STORE_INVALID, "the title must not be empty");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_JOURNEY_META)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, jid);
		store_bind_text(st, 2, title);
		store_bind_text(st, 3, description);
		sqlite3_bind_int64(st, 4, store_now());
		sqlite3_bind_int64(st, 5, base_version);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the journey");
	}
	return store_tx_end(s, rc);
}

/* --- touchpoints ----------------------------------------------------- */

struct store_tprow {
	int64_t id, stage, position, version;
};

static int store_tp_find(struct store *s, int64_t jid, const char *key,
			 struct store_tprow *row)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TP_FIND);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row->id = sqlite3_column_int64(st, 0);
		row->stage = sqlite3_column_int64(st, 1);
		row->position = sqlite3_column_int64(st, 2);
		row->version = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc != SQLITE_DONE)
		return store_sqlite_fail(s, rc);
	return store_fail(s, STORE_NOT_FOUND, "no touchpoint '%s'",
			  key ? key : "");
}

/* Journey id and the touchpoint's row, in one call: most edits need both. */
static int store_tp_locate(struct store *s, const char *journey,
			   const char *key, int64_t *jid,
			   struct store_tprow *row)
{
	int rc = store_journey_id(s, journey, jid, NULL);

	return rc == STORE_OK ? store_tp_find(s, *jid, key, row) : rc;
}

/* Open a slot at `position` (clamped) in `stage`, not counting `self`. */
static int store_tp_make_room(struct store *s, int64_t jid, int stage,
			      size_t position, int64_t self, int64_t *placed)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TP_STAGE_COUNT);
	int64_t count = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int(st, 2, stage);
	sqlite3_bind_int64(st, 3, self);
	if ((rc = store_query_int(s, st, &count)) != STORE_OK)
		return rc;
	*placed = (int64_t)position < count ? (int64_t)position : count;
	if (!(st = store_stmt(s, SQL_TP_SHIFT)))
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int(st, 2, stage);
	sqlite3_bind_int64(st, 3, *placed);
	sqlite3_bind_int64(st, 4, self);
	return store_exec_stmt(s, st);
}

static int store_tp_close_gap(struct store *s, int64_t jid,
			      const struct store_tprow *row)
{
	sqlite3_stmt *st = store_stmt(s, SQL_TP_CLOSE_GAP);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int64(st, 2, row->stage);
	sqlite3_bind_int64(st, 3, row->position);
	return store_exec_stmt(s, st);
}

/* Report the first finding of the model's field checks as STORE_INVALID:
 * the store refuses what a file import would refuse. */
static int store_check_fields(struct store *s, const struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	const char *field;
	int rc = STORE_OK;

	model_validate_fields(j, &d);
	if (d.errors > 0) {
		field = strchr(d.items[0].path, '.');
		rc = store_fail(s, STORE_INVALID, "%s: %s",
				field ? field + 1 : d.items[0].path,
				d.items[0].message);
	}
	model_diags_free(&d);
	return rc;
}

/* Check one touchpoint's own fields (its transitions are not edited here,
 * so they are left out: their targets are not in the one-row journey). */
static int store_tp_check(struct store *s, const struct mot_touchpoint *tp)
{
	struct mot_touchpoint t = *tp;
	struct mot_journey j;

	t.next = NULL;
	t.n_next = 0;
	model_journey_init(&j);
	j.key = "x";
	j.title = "x";
	j.touchpoints = &t;
	j.n_touchpoints = 1;
	return store_check_fields(s, &j);
}

int store_touchpoint_add(struct store *s, const char *journey,
			 struct mot_touchpoint *tp, size_t position)
{
	struct store_tprow row;
	int64_t jid, placed = 0, id = 0;
	int rc = store_tp_check(s, tp);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK && store_tp_find(s, jid, tp->key, &row) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "touchpoint '%s' exists "
				"already", tp->key);
	if (rc == STORE_OK)
		rc = store_tp_make_room(s, jid, tp->stage, position, -1, &placed);
	if (rc == STORE_OK)
		rc = store_insert_touchpoint(s, jid, tp, placed, &id);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		tp->version = 1;
	return rc;
}

static void store_bind_tp_fields(sqlite3_stmt *st, const struct mot_touchpoint *tp)
{
	store_bind_text(st, 3, tp->key);
	store_bind_text(st, 4, tp->name);
	sqlite3_bind_int(st, 5, tp->phase);
	store_bind_text(st, 6, tp->channel);
	store_bind_text(st, 7, tp->owner);
	sqlite3_bind_int(st, 8, tp->controlled);
	sqlite3_bind_int(st, 9, tp->emotion);
	sqlite3_bind_int(st, 10, tp->critical);
	sqlite3_bind_int(st, 11, tp->human);
	sqlite3_bind_double(st, 12, tp->dwell);
	sqlite3_bind_int(st, 13, tp->conversion);
	sqlite3_bind_double(st, 14, tp->drop);
	store_bind_text(st, 15, tp->notes);
}

int store_touchpoint_update(struct store *s, const char *journey,
			    const char *key, struct mot_touchpoint *tp)
{
	struct store_tprow row, other;
	sqlite3_stmt *st = NULL;
	int64_t jid, placed;
	int rc = store_tp_check(s, tp);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && row.version != tp->version)
		rc = store_fail(s, STORE_CONFLICT, "touchpoint '%s' was changed "
				"by another mot since it was read; reload and "
				"try again", key);
	if (rc == STORE_OK && strcmp(key, tp->key) != 0 &&
	    store_tp_find(s, jid, tp->key, &other) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "touchpoint '%s' exists "
				"already", tp->key);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_TP_UPDATE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, row.id);
		sqlite3_bind_int64(st, 2, tp->version);
		store_bind_tp_fields(st, tp);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the touchpoint");
	}
	if (rc == STORE_OK && row.stage != (int64_t)tp->stage) {
		rc = store_tp_close_gap(s, jid, &row);
		if (rc == STORE_OK)
			rc = store_tp_make_room(s, jid, tp->stage, (size_t)-1,
						row.id, &placed);
		if (rc == STORE_OK && (st = store_stmt(s, SQL_TP_PLACE))) {
			sqlite3_bind_int64(st, 1, row.id);
			sqlite3_bind_int(st, 2, tp->stage);
			sqlite3_bind_int64(st, 3, placed);
			rc = store_exec_stmt(s, st);
		} else if (rc == STORE_OK) {
			rc = STORE_ERROR;
		}
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, tp->key, &row);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		tp->version = row.version;
	return rc;
}

int store_touchpoint_delete(struct store *s, const char *journey,
			    const char *key, int64_t base_version)
{
	struct store_tprow row;
	sqlite3_stmt *st = NULL;
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_TP_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, row.id);
		sqlite3_bind_int64(st, 2, base_version);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the touchpoint");
	}
	if (rc == STORE_OK)
		rc = store_tp_close_gap(s, jid, &row);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

int store_touchpoint_move(struct store *s, const char *journey,
			  const char *key, enum mot_stage stage,
			  size_t position, int64_t *version)
{
	struct store_tprow row;
	sqlite3_stmt *st = NULL;
	int64_t jid, placed = 0;
	int rc;

	if ((unsigned)stage >= MOT_STAGE_COUNT)
		return store_fail(s, STORE_INVALID, "unknown stage");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && row.version != *version)
		rc = store_fail(s, STORE_CONFLICT, "touchpoint '%s' was changed "
				"by another mot since it was read; reload and "
				"try again", key);
	if (rc == STORE_OK)
		rc = store_tp_close_gap(s, jid, &row);
	if (rc == STORE_OK)
		rc = store_tp_make_room(s, jid, stage, position, row.id, &placed);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_TP_PLACE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, row.id);
		sqlite3_bind_int(st, 2, stage);
		sqlite3_bind_int64(st, 3, placed);
		rc = store_exec_stmt(s, st);
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		*version = row.version + 1;
	return rc;
}

int store_touchpoint_restore(struct store *s, const char *journey,
			     struct mot_touchpoint *tp, size_t position,
			     const struct store_link *in, size_t n_in,
			     double entry)
{
	int rc = store_batch_begin(s);

	if (rc == STORE_OK)
		rc = store_touchpoint_add(s, journey, tp, position);
	for (size_t k = 0; rc == STORE_OK && k < tp->n_next; k++) {
		int64_t v = 0;

		rc = store_transition_set(s, journey, tp->key, tp->next[k].to,
					  tp->next[k].weight, tp->next[k].label,
					  &v);
		tp->next[k].version = v;
	}
	for (size_t i = 0; rc == STORE_OK && i < n_in; i++) {
		int64_t v = 0;

		rc = store_transition_set(s, journey, in[i].from, tp->key,
					  in[i].weight, in[i].label, &v);
	}
	if (rc == STORE_OK && entry > 0)
		rc = store_entry_set(s, journey, tp->key, entry);
	rc = store_batch_end(s, rc);
	if (rc != STORE_OK) {	/* rolled back: nothing of it is stored */
		tp->version = 0;
		for (size_t k = 0; k < tp->n_next; k++)
			tp->next[k].version = 0;
	}
	return rc;
}

/* --- transitions and entries ----------------------------------------- */

int store_transition_set(struct store *s, const char *journey,
			 const char *from, const char *to, double weight,
			 const char *label, int64_t *version)
{
	struct store_tprow a, b;
	sqlite3_stmt *st = NULL;
	int64_t jid, cur = 0, pos = 0;
	int rc, found;

	if (!(weight > 0) || weight > 1e12)
		return store_fail(s, STORE_INVALID, "weight must be greater "
				  "than 0");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, from, &jid, &a);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, to, &b);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_TR_FIND)))
		rc = STORE_ERROR;
	if (rc != STORE_OK)
		return store_tx_end(s, rc);
	sqlite3_bind_int64(st, 1, a.id);
	sqlite3_bind_int64(st, 2, b.id);
	found = store_query_int(s, st, &cur);
	if (found == STORE_OK && *version == 0)
		rc = store_fail(s, STORE_EXISTS, "there is a transition from "
				"'%s' to '%s' already", from, to);
	else if (found == STORE_OK && cur != *version)
		rc = store_fail(s, STORE_CONFLICT, "the transition from '%s' to "
				"'%s' was changed by another mot since it was "
				"read; reload and try again", from, to);
	else if (found == STORE_NOT_FOUND && *version != 0)
		rc = store_fail(s, STORE_NOT_FOUND, "the transition from '%s' "
				"to '%s' no longer exists", from, to);
	else if (found != STORE_OK && found != STORE_NOT_FOUND)
		rc = found;
	if (rc == STORE_OK && found == STORE_OK &&
	    (st = store_stmt(s, SQL_TR_UPDATE))) {
		sqlite3_bind_int64(st, 1, a.id);
		sqlite3_bind_int64(st, 2, b.id);
		sqlite3_bind_double(st, 3, weight);
		store_bind_text(st, 4, label);
		sqlite3_bind_int64(st, 5, cur);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the transition");
		cur++;
	} else if (rc == STORE_OK && (st = store_stmt(s, SQL_TR_NEXT_POS))) {
		sqlite3_bind_int64(st, 1, a.id);
		rc = store_query_int(s, st, &pos);
		if (rc == STORE_OK)
			rc = store_insert_transition(s, jid, a.id, b.id, weight,
						     label, pos);
		cur = 1;
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		*version = cur;
	return rc;
}

int store_transition_delete(struct store *s, const char *journey,
			    const char *from, const char *to,
			    int64_t base_version)
{
	struct store_tprow a, b;
	sqlite3_stmt *st = NULL;
	int64_t jid, cur;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, from, &jid, &a);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, to, &b);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_TR_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, a.id);
		sqlite3_bind_int64(st, 2, b.id);
		sqlite3_bind_int64(st, 3, base_version);
		rc = store_exec_stmt(s, st);
		if (rc == STORE_OK && sqlite3_changes(s->db) == 0) {
			st = store_stmt(s, SQL_TR_FIND);
			sqlite3_bind_int64(st, 1, a.id);
			sqlite3_bind_int64(st, 2, b.id);
			rc = store_check_hit(s, STORE_OK,
					     store_query_int(s, st, &cur) == STORE_OK,
					     "the transition");
		}
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

int store_entry_set(struct store *s, const char *journey, const char *to,
		    double weight)
{
	struct store_tprow row;
	sqlite3_stmt *st = NULL;
	int64_t jid, pos = 0;
	int rc;

	if (weight < 0 || weight != weight || weight > 1e12)
		return store_fail(s, STORE_INVALID, "weight must be greater "
				  "than 0");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, to, &jid, &row);
	if (rc == STORE_OK && weight == 0) {
		if (!(st = store_stmt(s, SQL_EN_DELETE)))
			rc = STORE_ERROR;
		else {
			sqlite3_bind_int64(st, 1, row.id);
			rc = store_exec_stmt(s, st);
		}
	} else if (rc == STORE_OK) {
		if (!(st = store_stmt(s, SQL_EN_NEXT_POS)))
			rc = STORE_ERROR;
		else {
			sqlite3_bind_int64(st, 1, jid);
			rc = store_query_int(s, st, &pos);
		}
		if (rc == STORE_OK)
			rc = store_insert_entry(s, jid, row.id, weight, pos);
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

/* --- personas -------------------------------------------------------- */

static int store_pe_find(struct store *s, int64_t jid, const char *key,
			 int64_t *id, int64_t *version)
{
	sqlite3_stmt *st = store_stmt(s, SQL_PE_FIND);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc != SQLITE_DONE)
		return store_sqlite_fail(s, rc);
	return store_fail(s, STORE_NOT_FOUND, "no persona '%s'", key ? key : "");
}

static int store_pe_check(struct store *s, const struct mot_persona *p)
{
	struct mot_journey j;

	model_journey_init(&j);
	j.key = "x";
	j.title = "x";
	j.personas = (struct mot_persona *)p;
	j.n_personas = 1;
	return store_check_fields(s, &j);
}

int store_persona_add(struct store *s, const char *journey,
		      struct mot_persona *p)
{
	sqlite3_stmt *st = NULL;
	int64_t jid, pos = 0;
	int rc = store_pe_check(s, p);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_PE_NEXT_POS)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, jid);
		rc = store_query_int(s, st, &pos);
	}
	if (rc == STORE_OK)
		rc = store_insert_persona(s, jid, p, pos);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		p->version = 1;
	return rc;
}

int store_persona_update(struct store *s, const char *journey,
			 const char *key, struct mot_persona *p)
{
	sqlite3_stmt *st = NULL;
	int64_t jid, id = 0, cur = 0, oid, over;
	int rc = store_pe_check(s, p);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_pe_find(s, jid, key, &id, &cur);
	if (rc == STORE_OK && cur != p->version)
		rc = store_fail(s, STORE_CONFLICT, "persona '%s' was changed by "
				"another mot since it was read; reload and try "
				"again", key);
	if (rc == STORE_OK && strcmp(key, p->key) != 0 &&
	    store_pe_find(s, jid, p->key, &oid, &over) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "persona '%s' exists already",
				p->key);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_PE_UPDATE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, cur);
		store_bind_text(st, 3, p->key);
		store_bind_text(st, 4, p->name);
		store_bind_text(st, 5, p->description);
		sqlite3_bind_double(st, 6, p->share);
		sqlite3_bind_int(st, 7, p->patience);
		sqlite3_bind_double(st, 8, p->explore_bias);
		sqlite3_bind_double(st, 9, p->emotion_sensitivity);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the persona");
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		p->version = cur + 1;
	return rc;
}

int store_persona_delete(struct store *s, const char *journey,
			 const char *key, int64_t base_version)
{
	sqlite3_stmt *st = NULL;
	int64_t jid, id = 0, cur = 0;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_pe_find(s, jid, key, &id, &cur);
	if (rc == STORE_OK && cur != base_version)
		rc = store_fail(s, STORE_CONFLICT, "persona '%s' was changed by "
				"another mot since it was read; reload and try "
				"again", key);
	if (rc == STORE_OK && !(st = store_stmt(s, SQL_PE_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, base_version);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the persona");
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

/* --- what-if scenarios ----------------------------------------------- */

/* A rate or score: NAN (nothing measured) is NULL in SQL, both ways. */
static void store_bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static double store_col_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN :
		sqlite3_column_double(st, i);
}

static int store_sc_check(struct store *s, const struct store_scenario *sc)
{
	if (util_str_empty(sc->name))
		return store_fail(s, STORE_INVALID, "a scenario needs a name");
	if (!util_utf8_valid(sc->name, strlen(sc->name)))
		return store_fail(s, STORE_INVALID, "the scenario's name is not "
				  "valid UTF-8");
	if (!sc->report)
		return store_fail(s, STORE_INVALID, "scenario '%s' has no "
				  "report", sc->name);
	return STORE_OK;
}

/* The row id of the journey's scenario `name`, or STORE_NOT_FOUND. */
static int store_sc_find(struct store *s, int64_t jid, const char *name,
			 int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SC_FIND);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, name);
	return store_query_int(s, st, id);
}

static int store_sc_insert(struct store *s, int64_t jid,
			   const struct store_scenario *sc, int64_t created)
{
	const double reals[] = {
		sc->base_conv, sc->base_lo, sc->base_hi,
		sc->conv, sc->conv_lo, sc->conv_hi,
		sc->diff, sc->diff_lo, sc->diff_hi,
	};
	sqlite3_stmt *st = store_stmt(s, SQL_SC_INSERT);

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	store_bind_text(st, 2, sc->name);
	sqlite3_bind_int64(st, 3, created);
	/* SQLite integers are signed 64-bit: keep the same 64 bits. */
	sqlite3_bind_int64(st, 4, (int64_t)sc->customers);
	sqlite3_bind_int64(st, 5, (int64_t)sc->seed);
	store_bind_text(st, 6, sc->persona);
	sqlite3_bind_int(st, 7, sc->plain);
	store_bind_text(st, 8, sc->changes ? sc->changes : "");
	for (int k = 0; k < 9; k++)
		store_bind_real(st, 9 + k, reals[k]);
	sqlite3_bind_int(st, 18, sc->significant);
	store_bind_real(st, 19, sc->base_nps);
	store_bind_real(st, 20, sc->nps);
	store_bind_text(st, 21, sc->report);
	return store_exec_stmt(s, st);
}

/* Delete scenario `id` of journey row jid; STORE_NOT_FOUND when gone. */
static int store_sc_remove(struct store *s, int64_t jid, int64_t id)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SC_DELETE);
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, jid);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_OK && sqlite3_changes(s->db) == 0)
		rc = store_fail(s, STORE_NOT_FOUND, "the scenario no longer "
				"exists");
	return rc;
}

/* Make way for a scenario called `name`: refuse a name in use, or, when
 * replacing, delete the scenario that has it. */
static int store_sc_make_room(struct store *s, const char *journey,
			      int64_t jid, const char *name, bool replace)
{
	int64_t old = 0;
	int rc = store_sc_find(s, jid, name, &old);

	if (rc == STORE_NOT_FOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	if (!replace)
		return store_fail(s, STORE_EXISTS, "journey '%s' has a scenario "
				  "'%s' already", journey, name);
	return store_sc_remove(s, jid, old);
}

int store_scenario_save(struct store *s, const char *journey,
			struct store_scenario *sc, bool replace)
{
	int64_t jid, id = 0, created = sc->created ? sc->created : store_now();
	int rc = store_sc_check(s, sc);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_make_room(s, journey, jid, sc->name, replace);
	/* Not an edit of the journey: its version stays, so a designer that
	 * has the journey open keeps its undo and does not reload. */
	if (rc == STORE_OK)
		rc = store_sc_insert(s, jid, sc, created);
	if (rc == STORE_OK)
		id = sqlite3_last_insert_rowid(s->db);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK) {
		sc->id = id;
		sc->created = created;
	}
	return rc;
}

void store_scenario_free(struct store_scenario *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].persona);
		free(list[i].changes);
		free(list[i].report);
	}
	free(list);
}

static void store_sc_read(sqlite3_stmt *st, struct store_scenario *sc)
{
	double *reals[] = {
		&sc->base_conv, &sc->base_lo, &sc->base_hi,
		&sc->conv, &sc->conv_lo, &sc->conv_hi,
		&sc->diff, &sc->diff_lo, &sc->diff_hi,
	};

	sc->id = sqlite3_column_int64(st, 0);
	sc->name = store_col_text(st, 1);
	sc->created = sqlite3_column_int64(st, 2);
	sc->customers = (uint64_t)sqlite3_column_int64(st, 3);
	sc->seed = (uint64_t)sqlite3_column_int64(st, 4);
	sc->persona = store_col_text(st, 5);
	sc->plain = sqlite3_column_int(st, 6) != 0;
	sc->changes = store_col_text(st, 7);
	if (!sc->changes)
		sc->changes = xstrdup("");
	for (int k = 0; k < 9; k++)
		*reals[k] = store_col_real(st, 8 + k);
	sc->significant = sqlite3_column_int(st, 17) != 0;
	sc->base_nps = store_col_real(st, 18);
	sc->nps = store_col_real(st, 19);
	sc->report = store_col_text(st, 20);
	if (!sc->report)
		sc->report = xstrdup("");
}

static int store_sc_rows(struct store *s, int64_t jid,
			 struct store_scenario **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SC_LIST);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, jid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		util_reserve((void **)out, &cap, *n + 1, sizeof **out);
		memset(&(*out)[*n], 0, sizeof **out);
		store_sc_read(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_sqlite_fail(s, rc);
}

int store_scenario_list(struct store *s, const char *journey,
			struct store_scenario **out, size_t *n)
{
	int64_t jid = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* One snapshot: the journey cannot go between its id and its rows. */
	if (store_exec(s, s->tx_depth ? "SAVEPOINT list" : "BEGIN") != STORE_OK)
		return STORE_ERROR;
	rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_rows(s, jid, out, n);
	sqlite3_exec(s->db, s->tx_depth ? "RELEASE list" : "COMMIT", NULL,
		     NULL, NULL);
	if (rc != STORE_OK) {
		store_scenario_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int store_scenario_delete(struct store *s, const char *journey, int64_t id)
{
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_remove(s, jid, id);
	return store_tx_end(s, rc);
}
