/*
 * store_stmt.c - errors, and the statements of store_sql[] run through the
 * connection's driver: the store's logic calls these and never a
 * database library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "store_int.h"
#include "util.h"

int store_fail(struct store *s, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return status;
}

const char *store_errmsg(const struct store *s)
{
	return s->err;
}

struct store_stmt *store_prepare(struct store *s, enum store_sql_id id)
{
	if (s->stmt[id]) {
		s->drv->clear(s->stmt[id]);
		return s->stmt[id];
	}
	return s->stmt[id] = s->drv->prepare(s, id);
}

void store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	st->drv->bind_int(st, i, v);
}

void store_bind_double(struct store_stmt *st, int i, double v)
{
	st->drv->bind_double(st, i, v);
}

void store_bind_text(struct store_stmt *st, int i, const char *v)
{
	if (v)
		st->drv->bind_text(st, i, v);
	else
		st->drv->bind_null(st, i);
}

void store_bind_null(struct store_stmt *st, int i)
{
	st->drv->bind_null(st, i);
}

void store_bind_blob(struct store_stmt *st, int i, const void *v, size_t n)
{
	st->drv->bind_blob(st, i, n ? v : "", n);
}

int store_step(struct store *s, struct store_stmt *st)
{
	return st->drv->step(s, st);
}

void store_reset(struct store_stmt *st)
{
	st->drv->reset(st);
}

int64_t store_col_int(struct store_stmt *st, int i)
{
	return st->drv->col_int(st, i);
}

double store_col_double(struct store_stmt *st, int i)
{
	return st->drv->col_double(st, i);
}

bool store_col_null(struct store_stmt *st, int i)
{
	return st->drv->col_null(st, i);
}

char *store_col_text(struct store_stmt *st, int i)
{
	return xstrdup(st->drv->col_text(st, i));
}

const void *store_col_blob(struct store_stmt *st, int i, size_t *n)
{
	return st->drv->col_blob(st, i, n);
}

int64_t store_changes(struct store *s)
{
	return s->drv->changes(s);
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

int store_exec_later(struct store *s, struct store_stmt *st)
{
	return s->drv->send ? s->drv->send(s, st) : store_exec_stmt(s, st);
}

int store_query_int(struct store *s, struct store_stmt *st, int64_t *out)
{
	int rc = store_step(s, st);

	if (rc == STORE_ROW) {
		*out = store_col_int(st, 0);
		/* an INSERT ... RETURNING is done when its rows are read */
		while ((rc = store_step(s, st)) == STORE_ROW)
			;
		store_reset(st);
		return rc;
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
	return s->drv->exec(s, sql);
}
