/*
 * store_pg_open.c - connect to PostgreSQL, find the schema the mot
 * database lives in, identify it, and create or migrate it when due.
 *
 * One PostgreSQL database holds any number of mot databases, one per
 * schema: --schema NAME, or the connection's search_path
 * (options=-csearch_path=NAME), else the user's default schema.  The
 * table mot_schema marks a mot database and holds its schema version.  An
 * empty schema (or one that does not exist yet, with --schema) is made a
 * mot database; a schema with tables but no mot_schema, or one written by
 * a newer mot, is refused and not touched.  Creating and migrating run in
 * one transaction under an advisory lock, so that two mots starting at
 * once do it once.  Passwords come from libpq's own places (~/.pgpass,
 * PGPASSFILE, PGPASSWORD), never from the connection string: that would
 * show in ps.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store_int.h"
#include "store_pg_int.h"
#include "util.h"

/* How long a write waits for another writer's transaction, as SQLite's
 * busy timeout does. */
#define STORE_PG_LOCK_TIMEOUT "SET lock_timeout = '5s'"

static struct store_pg *store_pg_of(struct store *s)
{
	return s->conn;
}

/* libpq prints the server's notices on stderr: the store has none to
 * show (CREATE ... IF NOT EXISTS and the like). */
static void store_pg_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The first column of the first row of a query with text parameters, as
 * a copy (NULL for SQL NULL); STORE_NOT_FOUND without a row. */
static int store_pg_value(struct store *s, const char *sql, int n,
			  const char *const *params, char **out)
{
	PGresult *res = PQexecParams(store_pg_of(s)->conn, sql, n, NULL, params,
				     NULL, NULL, 0);
	int rc = STORE_OK;

	*out = NULL;
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = store_pg_fail(s, res);
	else if (PQntuples(res) < 1)
		rc = STORE_NOT_FOUND;
	else if (!PQgetisnull(res, 0, 0))
		*out = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	return rc;
}

/* --- connecting ---------------------------------------------------------- */

/* Refuse a password written into the connection string. */
static int store_pg_check_target(struct store *s, const char *target)
{
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(target, &msg);
	int rc = STORE_OK;

	if (!opts) {
		rc = store_fail(s, STORE_ERROR, "the PostgreSQL connection "
				"string is not valid: %s", msg ? msg : "?");
		s->err[strcspn(s->err, "\n")] = '\0';
		PQfreemem(msg);
		return rc;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val)
			rc = store_fail(s, STORE_ERROR, "a password in the "
					"connection string would show in ps: "
					"put it in ~/.pgpass (or PGPASSFILE) "
					"instead");
	PQconninfoFree(opts);
	return rc;
}

/* "postgresql://user@host:port/dbname", and the schema once known. */
static void store_pg_set_name(struct store *s, const char *schema)
{
	PGconn *c = store_pg_of(s)->conn;

	free(s->name);
	s->name = xasprintf("postgresql://%s@%s:%s/%s%s%s%s", PQuser(c),
			    PQhost(c), PQport(c), PQdb(c),
			    schema ? " (schema " : "", schema ? schema : "",
			    schema ? ")" : "");
}

static int store_pg_connect(struct store *s, const char *target,
			    const char *schema)
{
	struct store_pg *pg = xcalloc(1, sizeof *pg);
	char *msg;

	s->conn = pg;
	s->name = xstrdup("PostgreSQL");
	pg->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!pg->c_locale)
		return store_fail(s, STORE_ERROR, "no C locale for numbers");
	if (store_pg_check_target(s, target) != STORE_OK)
		return STORE_ERROR;
	pg->conn = PQconnectdb(target);
	if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
		msg = xstrdup(pg->conn ? PQerrorMessage(pg->conn) : "no memory");
		msg[strcspn(msg, "\n")] = '\0';
		store_fail(s, STORE_ERROR, "PostgreSQL: cannot connect: %s", msg);
		free(msg);
		return STORE_ERROR;
	}
	PQsetNoticeProcessor(pg->conn, store_pg_notice, NULL);
	store_pg_set_name(s, schema);
	if (PQsetClientEncoding(pg->conn, "UTF8") != 0)
		return store_fail(s, STORE_ERROR, "%s: the server does not "
				  "speak UTF-8", s->name);
	return store_pg_exec(s, STORE_PG_LOCK_TIMEOUT);
}

/* --schema NAME: the only schema of the search_path (so that no table of
 * another schema, public above all, is ever found by mistake). */
static int store_pg_use_schema(struct store *s, const char *schema)
{
	const char *params[1] = { schema };
	char *v = NULL;
	int rc;

	if (!*schema || strlen(schema) > 63)
		return store_fail(s, STORE_ERROR, "%s: a schema name is 1 to 63 "
				  "bytes", s->name);
	rc = store_pg_value(s, "SELECT set_config('search_path', "
			    "quote_ident($1::text), false)", 1, params, &v);
	free(v);
	return rc;
}

/* --- identify ------------------------------------------------------------ */

struct store_pg_state {
	char *schema;        /* current_schema(); NULL: it does not exist */
	bool empty;          /* no tables at all: may become mot's */
	int64_t version;     /* of mot_schema; 0 when empty */
};

static int store_pg_count(struct store *s, const char *sql,
			  const char *schema, int64_t *n)
{
	const char *params[1] = { schema };
	char *v = NULL;
	int rc = store_pg_value(s, sql, 1, params, &v);

	*n = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return rc;
}

/* Read only: what the schema holds. */
static int store_pg_inspect(struct store *s, struct store_pg_state *st)
{
	int64_t objects = 0, marked = 0;
	char *app = NULL, *ver = NULL;
	int rc;

	memset(st, 0, sizeof *st);
	rc = store_pg_value(s, "SELECT current_schema()", 0, NULL, &st->schema);
	if (rc != STORE_OK || !st->schema) {
		st->empty = true;
		return rc;
	}
	rc = store_pg_count(s, "SELECT count(*) FROM pg_catalog.pg_class c "
			    "JOIN pg_catalog.pg_namespace n ON n.oid = "
			    "c.relnamespace WHERE n.nspname = $1::text AND c.relkind "
			    "IN ('r', 'p', 'v', 'm', 'f')", st->schema, &objects);
	if (rc == STORE_OK)
		rc = store_pg_count(s, "SELECT count(*) FROM pg_catalog.pg_class "
				    "c JOIN pg_catalog.pg_namespace n ON n.oid = "
				    "c.relnamespace WHERE n.nspname = $1::text AND "
				    "c.relname = 'mot_schema'", st->schema,
				    &marked);
	st->empty = objects == 0;
	if (rc == STORE_OK && marked)
		rc = store_pg_value(s, "SELECT application FROM mot_schema",
				    0, NULL, &app);
	if (rc == STORE_OK && marked)
		rc = store_pg_value(s, "SELECT version FROM mot_schema", 0,
				    NULL, &ver);
	if (rc == STORE_OK && !st->empty && (!app || strcmp(app, "mot") != 0))
		rc = store_fail(s, STORE_ERROR, "%s: not a mot database (schema "
				"%s holds tables of another program); left as "
				"it was", s->name, st->schema);
	st->version = ver ? strtoll(ver, NULL, 10) : 0;
	free(app);
	free(ver);
	return rc == STORE_NOT_FOUND ? store_fail(s, STORE_ERROR, "%s: damaged: "
						  "mot_schema has no row",
						  s->name) : rc;
}

static int store_pg_check_version(struct store *s,
				  const struct store_pg_state *st)
{
	if (st->empty)
		return STORE_OK;
	if (st->version > STORE_SCHEMA_VERSION)
		return store_fail(s, STORE_ERROR, "%s: written by a newer mot "
				  "(schema %lld; this mot knows up to %d): "
				  "upgrade mot to open it", s->name,
				  (long long)st->version, STORE_SCHEMA_VERSION);
	if (st->version < 1)
		return store_fail(s, STORE_ERROR, "%s: damaged: schema version "
				  "%lld is not one mot ever wrote (1 to %d); left "
				  "as it was", s->name, (long long)st->version,
				  STORE_SCHEMA_VERSION);
	return STORE_OK;
}

/* --- create and migrate -------------------------------------------------- */

/* CREATE SCHEMA for a name, quoted by the server. */
static int store_pg_create_schema(struct store *s, const char *schema)
{
	const char *params[1] = { schema };
	char *sql = NULL;
	int rc = store_pg_value(s, "SELECT format('CREATE SCHEMA %I', $1::text)", 1,
				params, &sql);

	if (rc == STORE_OK)
		rc = store_pg_exec(s, sql);
	free(sql);
	return rc;
}

static int store_pg_migrate_locked(struct store *s, const char *schema)
{
	struct store_pg_state st;
	const char *params[1] = { schema };
	char *v = NULL, sql[64];
	int rc = store_pg_value(s, "SELECT pg_advisory_xact_lock(1836020769, "
				"hashtext($1::text))::text", 1, params, &v);

	free(v);
	/* Again inside the lock: another mot may have done it meanwhile. */
	if (rc == STORE_OK)
		rc = store_pg_inspect(s, &st);
	if (rc != STORE_OK)
		return rc;
	if (!st.schema)
		rc = store_pg_create_schema(s, schema);
	if (rc == STORE_OK)
		rc = store_pg_check_version(s, &st);
	if (rc == STORE_OK && st.empty)
		rc = store_pg_exec(s, "CREATE TABLE mot_schema ("
				   "  application TEXT NOT NULL"
				   "    CHECK (application = 'mot'),"
				   "  version INTEGER NOT NULL);"
				   "INSERT INTO mot_schema VALUES ('mot', 0)");
	for (int64_t v2 = st.version; rc == STORE_OK &&
	     v2 < STORE_SCHEMA_VERSION; v2++)
		rc = store_pg_exec(s, store_migrations_pg[v2]);
	snprintf(sql, sizeof sql, "UPDATE mot_schema SET version = %d",
		 STORE_SCHEMA_VERSION);
	if (rc == STORE_OK)
		rc = store_pg_exec(s, sql);
	free(st.schema);
	return rc;
}

/* All or nothing: create the schema's tables, or take them to this
 * mot's version. */
static int store_pg_migrate(struct store *s, const char *schema)
{
	int rc = store_pg_exec(s, "BEGIN");

	if (rc == STORE_OK)
		rc = store_pg_migrate_locked(s, schema);
	if (rc == STORE_OK)
		rc = store_pg_exec(s, "COMMIT");
	if (rc != STORE_OK)
		PQclear(PQexec(store_pg_of(s)->conn, "ROLLBACK"));
	return rc;
}

/* The first schema of the search_path ("$user": the user's own), for a
 * search_path naming a schema that does not exist yet. */
static char *store_pg_path_schema(struct store *s)
{
	char *path = NULL, *first, *end;

	if (store_pg_value(s, "SHOW search_path", 0, NULL, &path) != STORE_OK ||
	    !path)
		return NULL;
	first = path + strspn(path, " ");
	first[strcspn(first, ",")] = '\0';
	if (*first == '"' && (end = strrchr(first + 1, '"')) != NULL) {
		first++;
		*end = '\0';
	}
	first = strcmp(first, "$user") == 0 ? xstrdup(PQuser(store_pg_of(s)->conn)) :
		*first ? xstrdup(first) : NULL;
	free(path);
	return first;
}

int store_pg_open(struct store *s, const char *target, const char *schema,
		  enum store_mode mode, bool *created)
{
	struct store_pg_state st = { 0 };
	char *path_schema = NULL;
	int rc = store_pg_connect(s, target, schema);

	if (rc == STORE_OK && schema)
		rc = store_pg_use_schema(s, schema);
	if (rc == STORE_OK)
		rc = store_pg_inspect(s, &st);
	if (rc != STORE_OK) {
		free(st.schema);
		return rc;
	}
	/* A search_path naming a schema to come: it is made, as --schema's */
	if (!st.schema && !schema && !(schema = path_schema =
				       store_pg_path_schema(s)))
		rc = store_fail(s, STORE_ERROR, "%s: the search_path names no "
				"schema: give --schema NAME", s->name);
	if (rc == STORE_OK)
		rc = store_pg_check_version(s, &st);
	if (rc == STORE_OK)
		store_pg_set_name(s, schema ? schema : st.schema);
	if (rc == STORE_OK && st.empty && mode == STORE_READ_EXISTING)
		rc = store_fail(s, STORE_ERROR, "%s: no mot database there",
				s->name);
	*created = rc == STORE_OK && st.empty;
	if (rc == STORE_OK && (st.empty || st.version < STORE_SCHEMA_VERSION))
		rc = store_pg_migrate(s, schema ? schema : st.schema);
	/* A command that only reads cannot write by mistake. */
	if (rc == STORE_OK && mode != STORE_READ_WRITE && !*created)
		rc = store_pg_exec(s, "SET default_transaction_read_only = on");
	free(st.schema);
	free(path_schema);
	return rc;
}

void store_pg_close(struct store *s)
{
	struct store_pg *pg = s->conn;

	PQfinish(pg->conn);
	if (pg->c_locale)
		freelocale(pg->c_locale);
	free(pg);
	s->conn = NULL;
}
