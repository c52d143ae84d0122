/*
 * store_open.c - open a database with the driver its name calls for (a
 * PostgreSQL URL or connection string, else an SQLite file), and the
 * transactions every change runs in, the same on both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

/* --- transactions ---------------------------------------------------- */

/*
 * Nesting lets one user action made of several store calls (an undo that
 * restores a touchpoint and its transitions, an import of many files) be a
 * single transaction: only the outermost level talks to the database.
 */
int store_tx_begin(struct store *s)
{
	struct store_stmt *st;

	if (s->tx_depth++ > 0)
		return STORE_OK;
	s->tx_failed = false;
	if (store_exec(s, s->drv->begin_write) != STORE_OK) {
		s->tx_depth = 0;
		return STORE_ERROR;
	}
	/* One step of the generation per write transaction: the version of
	 * every row it writes, above every version ever stored before.  Its
	 * row lock also makes writers take turns, on PostgreSQL as SQLite's
	 * write lock does. */
	if (!(st = store_prepare(s, SQL_GEN_NEXT)) ||
	    store_query_int(s, st, &s->gen) != STORE_OK) {
		s->drv->exec_quiet(s, "ROLLBACK");
		s->tx_depth = 0;
		s->gen = 0;
		return STORE_ERROR;
	}
	return STORE_OK;
}

int store_tx_end(struct store *s, int status)
{
	if (status != STORE_OK)
		s->tx_failed = true;
	if (--s->tx_depth > 0)
		return status;
	s->gen = 0;
	if (!s->tx_failed) {
		if (store_exec(s, "COMMIT") == STORE_OK)
			return status;
		status = STORE_ERROR;
	}
	/* Keep the message of the failure, not of the rollback. */
	s->drv->exec_quiet(s, "ROLLBACK");
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

bool store_bulk_begin(struct store *s)
{
	return s->tx_depth == 0 && s->drv->bulk_begin(s);
}

void store_bulk_end(struct store *s)
{
	s->drv->bulk_end(s);
}

/* Snapshots nest in each other and in a write transaction: only the
 * outermost begins one. */
int store_read_begin(struct store *s)
{
	int rc = store_exec(s, s->tx_depth || s->read_depth ?
			    "SAVEPOINT snapshot" : s->drv->begin_read);

	if (rc == STORE_OK)
		s->read_depth++;
	return rc;
}

void store_read_end(struct store *s)
{
	s->read_depth--;
	s->drv->exec_quiet(s, s->tx_depth || s->read_depth ?
			   "RELEASE snapshot" : "COMMIT");
}

/* --- open and close -------------------------------------------------- */

int store_open_mode(const char *db, const char *schema, enum store_mode mode,
		    struct store **out, bool *created, char *err, size_t errlen)
{
	struct store *s = xcalloc(1, sizeof *s);
	bool fresh = false;
	int rc;

	*out = NULL;
	if (created)
		*created = false;
	s->drv = store_pg_target(db) ? &store_pg_driver : &store_sqlite_driver;
	if (schema && s->drv != &store_pg_driver) {
		snprintf(err, errlen, "%s: --schema is for a PostgreSQL "
			 "database, not an SQLite file", db);
		free(s);
		return STORE_ERROR;
	}
	rc = s->drv->open(s, db, schema, mode, &fresh);
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

int store_open(const char *path, struct store **out, bool *created,
	       char *err, size_t errlen)
{
	return store_open_mode(path, NULL, STORE_READ_WRITE, out, created, err,
			       errlen);
}

const char *store_name(const struct store *s)
{
	return s->name;
}

const char *store_kind(const struct store *s)
{
	return s->drv->kind;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < SQL_COUNT; i++) {
		if (s->stmt[i])
			s->drv->finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	if (s->conn)
		s->drv->close(s);
	free(s->name);
	free(s);
}
