/*
 * store_stmt.c - errors, prepared statements, parameters and columns: the
 * only place besides store_open.c that calls SQLite, so that the rest of
 * the store is its logic alone.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "store_int.h"
#include "util.h"

static sqlite3_stmt *store_sq(struct store_stmt *st)
{
	return (sqlite3_stmt *)st;
}

/* --- errors ------------------------------------------------------------ */

int store_fail(struct store *s, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return status;
}

/* Map a failed step to a status; constraint failures are the caller's
 * fault (a taken key, a bad value), everything else is an error. */
static int store_sqlite_fail(struct store *s)
{
	int ext = sqlite3_extended_errcode(s->db);

	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return store_fail(s, STORE_EXISTS, "%s", sqlite3_errmsg(s->db));
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return store_fail(s, STORE_INVALID, "%s", sqlite3_errmsg(s->db));
	if ((ext & 0xff) == SQLITE_CORRUPT || (ext & 0xff) == SQLITE_NOTADB)
		return store_fail(s, STORE_ERROR, "%s: the database is damaged "
				  "(%s); restore it from a backup", s->name,
				  sqlite3_errmsg(s->db));
	return store_fail(s, STORE_ERROR, "%s: %s", s->name,
			  sqlite3_errmsg(s->db));
}

const char *store_errmsg(const struct store *s)
{
	return s->err;
}

/* --- statements -------------------------------------------------------- */

struct store_stmt *store_prepare(struct store *s, enum store_sql_id id)
{
	sqlite3_stmt *st = store_sq(s->stmt[id]);

	if (!st) {
		if (sqlite3_prepare_v3(s->db, store_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &st,
				       NULL) != SQLITE_OK) {
			store_sqlite_fail(s);
			return NULL;
		}
		s->stmt[id] = (struct store_stmt *)st;
		return s->stmt[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return s->stmt[id];
}

void store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(store_sq(st), i, v);
}

void store_bind_double(struct store_stmt *st, int i, double v)
{
	sqlite3_bind_double(store_sq(st), i, v);
}

void store_bind_text(struct store_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(store_sq(st), i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(store_sq(st), i);
}

void store_bind_null(struct store_stmt *st, int i)
{
	sqlite3_bind_null(store_sq(st), i);
}

void store_bind_blob(struct store_stmt *st, int i, const void *v, size_t n)
{
	sqlite3_bind_blob64(store_sq(st), i, n ? v : "", n, SQLITE_TRANSIENT);
}

int store_step(struct store *s, struct store_stmt *st)
{
	int rc = sqlite3_step(store_sq(st));

	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_OK;
	return store_sqlite_fail(s);
}

void store_reset(struct store_stmt *st)
{
	sqlite3_reset(store_sq(st));
}

int64_t store_col_int(struct store_stmt *st, int i)
{
	return sqlite3_column_int64(store_sq(st), i);
}

double store_col_double(struct store_stmt *st, int i)
{
	return sqlite3_column_double(store_sq(st), i);
}

bool store_col_null(struct store_stmt *st, int i)
{
	return sqlite3_column_type(store_sq(st), i) == SQLITE_NULL;
}

char *store_col_text(struct store_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(store_sq(st), i);
	return t ? xstrdup((const char *)t) : NULL;
}

const void *store_col_blob(struct store_stmt *st, int i, size_t *n)
{
	const void *v = sqlite3_column_blob(store_sq(st), i);

	*n = v ? (size_t)sqlite3_column_bytes(store_sq(st), i) : 0;
	return v;
}

int64_t store_changes(struct store *s)
{
	return sqlite3_changes(s->db);
}

int64_t store_last_id(struct store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

/* --- running them ------------------------------------------------------ */

int store_exec_stmt(struct store *s, struct store_stmt *st)
{
	int rc = store_step(s, st);

	while (rc == STORE_ROW)
		rc = store_step(s, st);
	store_reset(st);
	return rc;
}

int store_query_int(struct store *s, struct store_stmt *st, int64_t *out)
{
	int rc = store_step(s, st);

	if (rc == STORE_ROW) {
		*out = store_col_int(st, 0);
		store_reset(st);
		return STORE_OK;
	}
	store_reset(st);
	return rc == STORE_OK ? STORE_NOT_FOUND : rc;
}

int store_exec_id(struct store *s, enum store_sql_id id, int64_t rowid)
{
	struct store_stmt *st = store_prepare(s, id);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, rowid);
	return store_exec_stmt(s, st);
}

int store_exec(struct store *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = store_sqlite_fail(s);

		sqlite3_free(msg);
		return rc == STORE_ERROR ? rc : STORE_ERROR;
	}
	return STORE_OK;
}
