/*
 * store_open.c - open a database: identify it (a mot database, a new file
 * or someone else's), configure the connection, migrate the schema; and
 * the transactions every change runs in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store_int.h"
#include "util.h"

/* --- transactions ---------------------------------------------------- */

/*
 * Nesting lets one user action made of several store calls (an undo that
 * restores a touchpoint and its transitions, an import of many files) be a
 * single transaction: only the outermost level talks to SQLite.
 */
int store_tx_begin(struct store *s)
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
int store_tx_end(struct store *s, int status)
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

int store_read_begin(struct store *s)
{
	return store_exec(s, s->tx_depth ? "SAVEPOINT snapshot" : "BEGIN");
}

void store_read_end(struct store *s)
{
	sqlite3_exec(s->db, s->tx_depth ? "RELEASE snapshot" : "COMMIT", NULL,
		     NULL, NULL);
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
		sqlite3_finalize((sqlite3_stmt *)s->stmt[i]);
	sqlite3_close(s->db);
	free(s);
}
