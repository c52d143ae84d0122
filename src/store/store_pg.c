/*
 * store_pg.c - the PostgreSQL driver: the statements of store_sql[] (or
 * store_sql_pg[] where PostgreSQL needs other SQL), prepared once per
 * connection with their ?N turned into $N, parameters and results in text.
 * Connecting, identifying and migrating are in store_pg_open.c.
 *
 * Numbers cross the wire as text, so both ways go through the C locale:
 * "0.5" must never become "0,5" in a German or Dutch session.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store_int.h"
#include "store_pg_int.h"
#include "util.h"

/* The most parameters a statement of the table has (a batch of
 * transitions, SQL_TR_INSERT_MANY: 7 * STORE_TR_BATCH = 56). */
#define STORE_PG_MAXP 64

#if 7 * STORE_TR_BATCH > STORE_PG_MAXP
#error "STORE_PG_MAXP is too small for SQL_TR_INSERT_MANY"
#endif

struct store_pg_stmt {
	struct store_stmt base;
	struct store_pg *pg;
	char name[16];                 /* of the prepared statement */
	int nparams;                   /* the highest ?N of its SQL */
	char *val[STORE_PG_MAXP];      /* text of each parameter; NULL: NULL */
	int len[STORE_PG_MAXP];        /* ... bytes of a binary one (a blob) */
	int fmt[STORE_PG_MAXP];        /* ... 1: binary */
	PGresult *res;                 /* the rows of the last run */
	int row, rows;
	unsigned char *blob;           /* the last bytea column read */
};

static struct store_pg_stmt *store_pg_q(struct store_stmt *st)
{
	return (struct store_pg_stmt *)st;
}

/* --- targets ------------------------------------------------------------ */

bool store_pg_target(const char *name)
{
	PQconninfoOption *opts;
	char *msg = NULL;

	if (strncmp(name, "postgresql://", 13) == 0 ||
	    strncmp(name, "postgres://", 11) == 0)
		return true;
	/* "host=... dbname=...": only what libpq parses as one */
	if (!strchr(name, '='))
		return false;
	opts = PQconninfoParse(name, &msg);
	PQfreemem(msg);
	PQconninfoFree(opts);
	return opts != NULL;
}

/* --- errors ------------------------------------------------------------- */

/* Map a failed result (or NULL: no result at all) to a status.  Inside a
 * transaction that already failed, PostgreSQL refuses every statement:
 * the message of the first failure is kept. */
int store_pg_fail(struct store *s, PGresult *res)
{
	struct store_pg *pg = s->conn;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) :
		NULL;
	char text[400];

	snprintf(text, sizeof text, "%s", msg ? msg : PQerrorMessage(pg->conn));
	text[strcspn(text, "\n")] = '\0';
	if (PQstatus(pg->conn) != CONNECTION_OK)
		return store_fail(s, STORE_ERROR, "%s: the connection to the "
				  "server is lost (%s)", s->name, text);
	if (state && strcmp(state, "25P02") == 0)
		return STORE_ERROR;
	if (state && strcmp(state, "23505") == 0)
		return store_fail(s, STORE_EXISTS, "%s", text);
	if (state && strncmp(state, "23", 2) == 0)
		return store_fail(s, STORE_INVALID, "%s", text);
	return store_fail(s, STORE_ERROR, "%s: %s", s->name, text);
}

/* --- statements --------------------------------------------------------- */

static int store_pg_drain(struct store *s);

/* The SQL with ?N as $N (outside quotes); *nparams is the highest N. */
static char *store_pg_dollars(const char *sql, int *nparams)
{
	struct strbuf b;
	bool quoted = false;

	strbuf_init(&b);
	*nparams = 0;
	for (const char *p = sql; *p; p++) {
		if (*p == '\'')
			quoted = !quoted;
		if (*p == '?' && !quoted && p[1] >= '0' && p[1] <= '9') {
			int n = atoi(p + 1);

			if (n > *nparams)
				*nparams = n;
			strbuf_add(&b, "$", 1);
			continue;
		}
		strbuf_add(&b, p, 1);
	}
	return strbuf_detach(&b);
}

static struct store_stmt *store_pg_prepare(struct store *s,
					   enum store_sql_id id)
{
	struct store_pg *pg = s->conn;
	struct store_pg_stmt *q = xcalloc(1, sizeof *q);
	const char *text = store_sql_pg[id] ? store_sql_pg[id] : store_sql[id];
	char *sql = store_pg_dollars(text, &q->nparams);
	PGresult *res;

	snprintf(q->name, sizeof q->name, "mot%d", (int)id);
	if (store_pg_drain(s) != STORE_OK) {
		free(sql);
		free(q);
		return NULL;
	}
	res = PQprepare(pg->conn, q->name, sql, 0, NULL);
	free(sql);
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK ||
	    q->nparams > STORE_PG_MAXP) {
		if (q->nparams > STORE_PG_MAXP)
			store_fail(s, STORE_ERROR, "%s: statement %d has too "
				   "many parameters", s->name, (int)id);
		else
			store_pg_fail(s, res);
		PQclear(res);
		free(q);
		return NULL;
	}
	PQclear(res);
	q->base.drv = &store_pg_driver;
	q->pg = pg;
	return &q->base;
}

static void store_pg_reset(struct store_stmt *st)
{
	struct store_pg_stmt *q = store_pg_q(st);

	PQclear(q->res);
	PQfreemem(q->blob);
	q->res = NULL;
	q->blob = NULL;
	q->row = q->rows = 0;
}

static void store_pg_clear(struct store_stmt *st)
{
	struct store_pg_stmt *q = store_pg_q(st);

	store_pg_reset(st);
	for (int i = 0; i < q->nparams; i++) {
		free(q->val[i]);
		q->val[i] = NULL;
		q->len[i] = q->fmt[i] = 0;
	}
}

static void store_pg_finalize(struct store_stmt *st)
{
	/* The prepared statement goes with its connection. */
	store_pg_clear(st);
	free(st);
}

static void store_pg_bind(struct store_stmt *st, int i, char *text)
{
	struct store_pg_stmt *q = store_pg_q(st);

	if (i < 1 || i > q->nparams) {
		free(text);
		return;
	}
	free(q->val[i - 1]);
	q->val[i - 1] = text;
	q->len[i - 1] = q->fmt[i - 1] = 0;
}

static void store_pg_bind_int(struct store_stmt *st, int i, int64_t v)
{
	store_pg_bind(st, i, xasprintf("%lld", (long long)v));
}

static void store_pg_bind_double(struct store_stmt *st, int i, double v)
{
	struct store_pg_stmt *q = store_pg_q(st);
	locale_t old = uselocale(q->pg->c_locale);
	char *text = xasprintf("%.17g", v);

	uselocale(old);
	store_pg_bind(st, i, text);
}

static void store_pg_bind_text(struct store_stmt *st, int i, const char *v)
{
	store_pg_bind(st, i, xstrdup(v));
}

static void store_pg_bind_null(struct store_stmt *st, int i)
{
	store_pg_bind(st, i, NULL);
}

/* Bytes go as they are, a binary parameter (bytea). */
static void store_pg_bind_blob(struct store_stmt *st, int i, const void *v,
			       size_t n)
{
	struct store_pg_stmt *q = store_pg_q(st);
	char *copy = xmalloc(n ? n : 1);

	memcpy(copy, v, n);
	store_pg_bind(st, i, copy);
	if (i >= 1 && i <= q->nparams) {
		q->len[i - 1] = (int)n;
		q->fmt[i - 1] = 1;
	}
}

/* --- pipelining --------------------------------------------------------- */

/* The most statements sent before their results are read: the server's
 * answers must never fill the socket while libpq still writes to it. */
#define STORE_PG_QUEUE 256

/*
 * Read the results of the statements sent in pipeline mode and leave it:
 * STORE_OK, or the status and message of the first that failed (those
 * after it were not run).  Every other statement drains first, so a
 * failure shows at the latest at the next statement or the COMMIT.
 */
static int store_pg_drain(struct store *s)
{
	struct store_pg *pg = s->conn;
	PGresult *res;
	int rc = STORE_OK;

	if (PQpipelineStatus(pg->conn) == PQ_PIPELINE_OFF)
		return STORE_OK;
	if (PQpipelineSync(pg->conn) != 1)
		rc = store_pg_fail(s, NULL);
	for (;;) {
		ExecStatusType st;

		res = PQgetResult(pg->conn);
		if (!res) {
			if (PQstatus(pg->conn) != CONNECTION_OK) {
				rc = store_pg_fail(s, NULL);
				break;
			}
			continue;	/* the end of one statement's results */
		}
		st = PQresultStatus(res);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (st == PGRES_FATAL_ERROR && rc == STORE_OK)
			rc = store_pg_fail(s, res);
		PQclear(res);
	}
	pg->queued = 0;
	PQexitPipelineMode(pg->conn);
	return rc;
}

/* Run a statement whose rows and count nobody reads, without waiting for
 * it: in pipeline mode, so that an import of thousands of rows is not
 * thousands of round trips. */
static int store_pg_send(struct store *s, struct store_stmt *st)
{
	struct store_pg_stmt *q = store_pg_q(st);
	struct store_pg *pg = s->conn;
	int rc = STORE_OK;

	if (PQpipelineStatus(pg->conn) == PQ_PIPELINE_OFF &&
	    PQenterPipelineMode(pg->conn) != 1)
		return store_pg_fail(s, NULL);
	if (PQsendQueryPrepared(pg->conn, q->name, q->nparams,
				(const char *const *)q->val, q->len, q->fmt,
				0) != 1)
		rc = store_pg_fail(s, NULL);
	if (rc != STORE_OK || ++pg->queued >= STORE_PG_QUEUE) {
		int drained = store_pg_drain(s);

		rc = rc != STORE_OK ? rc : drained;
	}
	store_pg_reset(st);
	return rc;
}

static int store_pg_step(struct store *s, struct store_stmt *st)
{
	struct store_pg_stmt *q = store_pg_q(st);
	ExecStatusType status;
	int rc;

	if (!q->res && (rc = store_pg_drain(s)) != STORE_OK)
		return rc;
	if (!q->res) {
		q->res = PQexecPrepared(q->pg->conn, q->name, q->nparams,
					(const char *const *)q->val, q->len,
					q->fmt, 0);
		status = q->res ? PQresultStatus(q->res) : PGRES_FATAL_ERROR;
		if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
			rc = store_pg_fail(s, q->res);
			store_pg_reset(st);
			return rc;
		}
		/* As SQLite's changes(): the last INSERT, UPDATE or DELETE,
		 * whatever SELECT ran since. */
		if (strncmp(PQcmdStatus(q->res), "SELECT", 6) != 0)
			q->pg->changes = atoll(PQcmdTuples(q->res));
		q->rows = status == PGRES_TUPLES_OK ? PQntuples(q->res) : 0;
		q->row = -1;
	}
	if (q->row + 1 < q->rows) {
		q->row++;
		return STORE_ROW;
	}
	q->row = q->rows;
	return STORE_OK;
}

static const char *store_pg_col_text(struct store_stmt *st, int i)
{
	struct store_pg_stmt *q = store_pg_q(st);

	if (!q->res || q->row < 0 || q->row >= q->rows ||
	    PQgetisnull(q->res, q->row, i))
		return NULL;
	return PQgetvalue(q->res, q->row, i);
}

/* A bytea column comes as text (\x and hex digits): decoded, kept until
 * the next step. */
static const void *store_pg_col_blob(struct store_stmt *st, int i, size_t *n)
{
	struct store_pg_stmt *q = store_pg_q(st);
	const char *t = store_pg_col_text(st, i);

	PQfreemem(q->blob);
	q->blob = t ? PQunescapeBytea((const unsigned char *)t, n) : NULL;
	if (!q->blob)
		*n = 0;
	return q->blob;
}

static bool store_pg_col_null(struct store_stmt *st, int i)
{
	return store_pg_col_text(st, i) == NULL;
}

static int64_t store_pg_col_int(struct store_stmt *st, int i)
{
	const char *t = store_pg_col_text(st, i);

	return t ? strtoll(t, NULL, 10) : 0;
}

static double store_pg_col_double(struct store_stmt *st, int i)
{
	struct store_pg_stmt *q = store_pg_q(st);
	const char *t = store_pg_col_text(st, i);
	locale_t old;
	double v;

	if (!t)
		return 0;
	old = uselocale(q->pg->c_locale);
	v = strtod(t, NULL);
	uselocale(old);
	return v;
}

static int64_t store_pg_changes(struct store *s)
{
	return ((struct store_pg *)s->conn)->changes;
}

int store_pg_exec(struct store *s, const char *sql)
{
	struct store_pg *pg = s->conn;
	int rc = store_pg_drain(s);
	PGresult *res;
	ExecStatusType status;

	if (rc != STORE_OK) {
		/* a COMMIT after a failed statement: roll back instead */
		if (strcmp(sql, "COMMIT") == 0)
			PQclear(PQexec(pg->conn, "ROLLBACK"));
		return STORE_ERROR;
	}
	res = PQexec(pg->conn, sql);
	status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
		rc = store_pg_fail(s, res);
	/* COMMIT of a transaction that failed rolls back, and says so */
	else if (strcmp(sql, "COMMIT") == 0 &&
		 strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
		rc = store_fail(s, STORE_ERROR, "%s: the transaction failed and "
				"was rolled back", s->name);
	PQclear(res);
	return rc == STORE_OK ? rc : STORE_ERROR;
}

static void store_pg_exec_quiet(struct store *s, const char *sql)
{
	char keep[sizeof s->err];

	/* the message of a failure before stays */
	memcpy(keep, s->err, sizeof keep);
	store_pg_drain(s);
	memcpy(s->err, keep, sizeof keep);
	PQclear(PQexec(((struct store_pg *)s->conn)->conn, sql));
}

/* --- live updates --------------------------------------------------------- */

/* What arrived on the connection, without waiting: a NOTIFY mot_change
 * from another session (LISTEN at open, store_pg_open.c).  The own
 * session's notifications come back too, and are no news. */
static int store_pg_watch_poll(struct store *s)
{
	struct store_pg *pg = s->conn;
	int self = PQbackendPID(pg->conn);
	PGnotify *n;
	int hint = 0;

	if (PQconsumeInput(pg->conn) != 1) {
		store_pg_fail(s, NULL);
		return -1;
	}
	while ((n = PQnotifies(pg->conn)) != NULL) {
		if (n->be_pid != self && strcmp(n->relname, "mot_change") == 0)
			hint = 1;
		PQfreemem(n);
	}
	return hint;
}

static int store_pg_watch_fd(const struct store *s)
{
	const struct store_pg *pg = s->conn;

	return PQsocket(pg->conn);
}

/* PostgreSQL checks every foreign key: nothing to switch off. */
static bool store_pg_bulk_begin(struct store *s)
{
	(void)s;
	return false;
}

static void store_pg_bulk_end(struct store *s)
{
	(void)s;
}

const struct store_driver store_pg_driver = {
	.kind = "PostgreSQL",
	.open = store_pg_open,
	.close = store_pg_close,
	.prepare = store_pg_prepare,
	.finalize = store_pg_finalize,
	.clear = store_pg_clear,
	.bind_int = store_pg_bind_int,
	.bind_double = store_pg_bind_double,
	.bind_text = store_pg_bind_text,
	.bind_null = store_pg_bind_null,
	.bind_blob = store_pg_bind_blob,
	.step = store_pg_step,
	.reset = store_pg_reset,
	.col_int = store_pg_col_int,
	.col_double = store_pg_col_double,
	.col_text = store_pg_col_text,
	.col_null = store_pg_col_null,
	.col_blob = store_pg_col_blob,
	.changes = store_pg_changes,
	.exec = store_pg_exec,
	.exec_quiet = store_pg_exec_quiet,
	.send = store_pg_send,
	/* The generation's row lock (store_tx_begin) makes writers take
	 * turns; each statement then sees every change committed before. */
	.begin_write = "BEGIN",
	.begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
	.bulk_begin = store_pg_bulk_begin,
	.bulk_end = store_pg_bulk_end,
	.watch_poll = store_pg_watch_poll,
	.watch_fd = store_pg_watch_fd,
	.notifies = true,
};
