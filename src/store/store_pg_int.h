/*
 * store_pg_int.h - what the two files of the PostgreSQL driver share.
 */
#ifndef MOT_STORE_PG_INT_H
#define MOT_STORE_PG_INT_H

#include <locale.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "store_int.h"

/* s->conn of a PostgreSQL store. */
struct store_pg {
	PGconn *conn;
	locale_t c_locale;   /* numbers to and from text */
	int64_t changes;     /* rows changed by the last statement */
	int queued;          /* statements sent in pipeline mode, unread */
};

/* store_pg_open.c */
int store_pg_open(struct store *s, const char *target, const char *schema,
		  enum store_mode mode, bool *created);
void store_pg_close(struct store *s);

/* store_pg.c: a failed result (NULL: none) as a status, message set;
 * plain SQL. */
int store_pg_fail(struct store *s, PGresult *res);
int store_pg_exec(struct store *s, const char *sql);

#endif
