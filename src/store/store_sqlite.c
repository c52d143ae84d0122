/*
 * store_sqlite.c - the SQLite driver: a database in a file.
 *
 * Nothing is written to a file before it is known to be mot's: not the
 * WAL switch (it changes the header), not a migration.  PRAGMA
 * application_id marks a mot database and PRAGMA user_version is its
 * schema version.  Commands that only read open the file read-only and
 * write nothing at all, unless its schema is older than this mot's (then
 * it is migrated once, as any open would).  foreign_keys=ON on every
 * connection (deleting a touchpoint deletes its transitions and entries),
 * WAL, a busy timeout; every change is one BEGIN IMMEDIATE transaction.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_int.h"
#include "util.h"

/* Page cache of a connection: a journey of 10,000 touchpoints fits, so a
 * big import never spills half-written pages to the WAL. */
#define STORE_CACHE_KIB 32768

struct store_sq_stmt {
	struct store_stmt base;
	sqlite3_stmt *st;
};

static sqlite3 *sq_db(const struct store *s)
{
	return s->conn;
}

static sqlite3_stmt *store_sq(struct store_stmt *st)
{
	return ((struct store_sq_stmt *)st)->st;
}

/* --- errors and statements ------------------------------------------- */

/* Map a failure to a status; constraint failures are the caller's fault
 * (a taken key, a bad value), everything else is an error. */
static int store_sq_fail(struct store *s)
{
	int ext = sqlite3_extended_errcode(sq_db(s));

	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return store_fail(s, STORE_EXISTS, "%s",
				  sqlite3_errmsg(sq_db(s)));
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return store_fail(s, STORE_INVALID, "%s",
				  sqlite3_errmsg(sq_db(s)));
	if ((ext & 0xff) == SQLITE_CORRUPT || (ext & 0xff) == SQLITE_NOTADB)
		return store_fail(s, STORE_ERROR, "%s: the database is damaged "
				  "(%s); restore it from a backup", s->name,
				  sqlite3_errmsg(sq_db(s)));
	return store_fail(s, STORE_ERROR, "%s: %s", s->name,
			  sqlite3_errmsg(sq_db(s)));
}

static struct store_stmt *store_sq_prepare(struct store *s,
					   enum store_sql_id id)
{
	struct store_sq_stmt *q = xcalloc(1, sizeof *q);

	if (sqlite3_prepare_v3(sq_db(s), store_sql[id], -1,
			       SQLITE_PREPARE_PERSISTENT, &q->st,
			       NULL) != SQLITE_OK) {
		store_sq_fail(s);
		free(q);
		return NULL;
	}
	q->base.drv = &store_sqlite_driver;
	return &q->base;
}

static void store_sq_finalize(struct store_stmt *st)
{
	sqlite3_finalize(store_sq(st));
	free(st);
}

static void store_sq_clear(struct store_stmt *st)
{
	sqlite3_reset(store_sq(st));
	sqlite3_clear_bindings(store_sq(st));
}

static void store_sq_bind_int(struct store_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(store_sq(st), i, v);
}

static void store_sq_bind_double(struct store_stmt *st, int i, double v)
{
	sqlite3_bind_double(store_sq(st), i, v);
}

static void store_sq_bind_text(struct store_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(store_sq(st), i, v, -1, SQLITE_TRANSIENT);
}

static void store_sq_bind_null(struct store_stmt *st, int i)
{
	sqlite3_bind_null(store_sq(st), i);
}

static void store_sq_bind_blob(struct store_stmt *st, int i, const void *v,
			       size_t n)
{
	sqlite3_bind_blob64(store_sq(st), i, v, n, SQLITE_TRANSIENT);
}

static int store_sq_step(struct store *s, struct store_stmt *st)
{
	int rc = sqlite3_step(store_sq(st));

	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_OK;
	return store_sq_fail(s);
}

static void store_sq_reset(struct store_stmt *st)
{
	sqlite3_reset(store_sq(st));
}

static int64_t store_sq_col_int(struct store_stmt *st, int i)
{
	return sqlite3_column_int64(store_sq(st), i);
}

static double store_sq_col_double(struct store_stmt *st, int i)
{
	return sqlite3_column_double(store_sq(st), i);
}

static const char *store_sq_col_text(struct store_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(store_sq(st), i);
}

static bool store_sq_col_null(struct store_stmt *st, int i)
{
	return sqlite3_column_type(store_sq(st), i) == SQLITE_NULL;
}

static const void *store_sq_col_blob(struct store_stmt *st, int i,
				     size_t *n)
{
	const void *v = sqlite3_column_blob(store_sq(st), i);

	*n = v ? (size_t)sqlite3_column_bytes(store_sq(st), i) : 0;
	return v;
}

static int64_t store_sq_changes(struct store *s)
{
	return sqlite3_changes(sq_db(s));
}

static int store_sq_exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(sq_db(s), sql, NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_sq_fail(s);

		return rc == STORE_ERROR ? rc : STORE_ERROR;
	}
	return STORE_OK;
}

static void store_sq_exec_quiet(struct store *s, const char *sql)
{
	sqlite3_exec(sq_db(s), sql, NULL, NULL, NULL);
}

/* The store inserts whole journeys with the row ids it has just made:
 * checking each foreign key row by row would halve the speed.  The
 * setting is only taken outside a transaction. */
static bool store_sq_bulk_begin(struct store *s)
{
	return store_sq_exec(s, "PRAGMA foreign_keys = OFF") == STORE_OK;
}

static void store_sq_bulk_end(struct store *s)
{
	store_sq_exec_quiet(s, "PRAGMA foreign_keys = ON");
}

/* --- identify -------------------------------------------------------- */

static int store_sq_pragma_int(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(sq_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return STORE_ERROR;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

/* Why the first read of a file failed, in words a designer can act on. */
static int store_sq_unreadable(struct store *s)
{
	int code = sqlite3_errcode(sq_db(s));

	if (code == SQLITE_CORRUPT)
		return store_fail(s, STORE_ERROR, "%s: the database is damaged "
				  "(%s); restore it from a backup", s->name,
				  sqlite3_errmsg(sq_db(s)));
	if (code == SQLITE_NOTADB)
		return store_fail(s, STORE_ERROR, "%s: not a mot database (not "
				  "an SQLite file); left as it was", s->name);
	return store_fail(s, STORE_ERROR, "%s: cannot read the database (%s)",
			  s->name, sqlite3_errmsg(sq_db(s)));
}

/*
 * Decide, reading only, whether this is a mot database whose schema this
 * mot knows, a file mot has just created (`ours`: the only one it may
 * seed), or something else, which is refused and left as it was.
 */
static int store_sq_identify(struct store *s, bool ours, bool *fresh,
			  int64_t *version)
{
	int64_t app = 0, objects = 0;

	if (store_sq_pragma_int(s, "PRAGMA application_id", &app) != STORE_OK ||
	    store_sq_pragma_int(s, "SELECT count(*) FROM sqlite_schema",
			     &objects) != STORE_OK ||
	    store_sq_pragma_int(s, "PRAGMA user_version", version) != STORE_OK)
		return store_sq_unreadable(s);
	*fresh = app == 0 && objects == 0 && *version == 0;
	if (*fresh && ours)
		return STORE_OK;
	if (*fresh)
		return store_fail(s, STORE_ERROR, "%s: an empty file, not a mot "
				  "database; left as it was (give a new file "
				  "name, or remove it)", s->name);
	if (app != STORE_APPLICATION_ID)
		return store_fail(s, STORE_ERROR, "%s: not a mot database (an "
				  "SQLite file of another program); left as it "
				  "was", s->name);
	if (*version > STORE_SCHEMA_VERSION)
		return store_fail(s, STORE_ERROR, "%s: written by a newer mot "
				  "(schema %lld; this mot knows up to %d): "
				  "upgrade mot to open it", s->name,
				  (long long)*version, STORE_SCHEMA_VERSION);
	if (*version < 1)
		return store_fail(s, STORE_ERROR, "%s: damaged: schema version "
				  "%lld is not one mot ever wrote (1 to %d); left "
				  "as it was", s->name, (long long)*version,
				  STORE_SCHEMA_VERSION);
	return STORE_OK;
}

/* --- migrate --------------------------------------------------------- */

/* Its own transaction, not store_tx_begin()'s: the generation that every
 * write transaction steps may not exist yet. */
static int store_sq_migrate(struct store *s)
{
	int64_t ver = 0;
	char sql[64];
	int rc;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE")) != STORE_OK)
		return rc;
	/* Read again inside the write lock: another mot may have migrated. */
	if (store_sq_pragma_int(s, "PRAGMA user_version", &ver) != STORE_OK)
		rc = store_sq_unreadable(s);
	else if (ver < 0 || ver > STORE_SCHEMA_VERSION)
		rc = store_fail(s, STORE_ERROR, "%s: schema version %lld "
				"changed while opening; left as it was",
				s->name, (long long)ver);
	for (; rc == STORE_OK && ver < STORE_SCHEMA_VERSION; ver++)
		rc = store_exec(s, store_migrations[ver]);
	if (rc == STORE_OK) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; "
			 "PRAGMA application_id = %d", STORE_SCHEMA_VERSION,
			 STORE_APPLICATION_ID);
		rc = store_exec(s, sql);
	}
	if (rc == STORE_OK)
		rc = store_exec(s, "COMMIT");
	if (rc != STORE_OK)
		store_sq_exec_quiet(s, "ROLLBACK");
	return rc;
}

static int store_sq_configure(struct store *s, bool read_only)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", STORE_CACHE_KIB);
	if (store_exec(s, "PRAGMA foreign_keys = ON") != STORE_OK ||
	    store_exec(s, sql) != STORE_OK)
		return STORE_ERROR;
	if (read_only)
		return STORE_OK;
	/* WAL lets the UI read while another mot writes; NORMAL sync is
	 * durable across application crashes, which is what we promise. */
	return store_exec(s, "PRAGMA journal_mode = WAL; "
			  "PRAGMA synchronous = NORMAL");
}

/* --- open ------------------------------------------------------------ */

/*
 * Look at the path before SQLite does: a directory, a device, a FIFO or a
 * socket is refused (SQLite would put a -journal beside /dev/null); a path
 * that does not exist is created here, empty, so that this open knows the
 * file is its own (*ours) and may seed it.
 */
static int store_sq_check_path(struct store *s, const char *path,
			       bool must_exist, bool *ours)
{
	struct stat sb;
	int fd;

	*ours = false;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			store_fail(s, STORE_ERROR, "%s: is a directory", path);
		else if (!S_ISREG(sb.st_mode))
			store_fail(s, STORE_ERROR, "%s: not a regular file (a "
				   "device, FIFO or socket): a mot database "
				   "is a file", path);
		return S_ISREG(sb.st_mode) ? STORE_OK : STORE_ERROR;
	}
	if (errno != ENOENT || must_exist) {
		store_fail(s, STORE_ERROR, "%s: %s", path, strerror(errno));
		return STORE_ERROR;
	}
	if (util_mkdir_parents(path) != 0) {
		store_fail(s, STORE_ERROR, "%s: cannot create its directory: "
			   "%s", path, strerror(errno));
		return STORE_ERROR;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0 && errno == EEXIST)	/* another mot was quicker */
		return store_sq_check_path(s, path, must_exist, ours);
	if (fd < 0) {
		store_fail(s, STORE_ERROR, "%s: cannot create it: %s", path,
			   strerror(errno));
		return STORE_ERROR;
	}
	close(fd);
	*ours = true;
	return STORE_OK;
}

/* "file:" URI of path for SQLite, with a query (or none); % ? and #
 * escaped. */
static char *store_sq_uri(const char *path, const char *query)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_puts(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			strbuf_add(&b, p, 1);
	}
	if (query)
		strbuf_printf(&b, "?%s", query);
	return strbuf_detach(&b);
}

/*
 * Open the SQLite connection.  A reader of a WAL database needs its -shm
 * file; where it cannot be created (a read-only directory) and there is no
 * -wal (so no writer is at work), the file is opened as immutable.
 */
static int store_sq_connect(struct store *s, bool read_only)
{
	int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI |
		(read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
	char *uri = store_sq_uri(s->name, NULL);
	char *wal = xasprintf("%s-wal", s->name);
	sqlite3 *db = NULL;
	int64_t app;
	int rc, code;

	rc = sqlite3_open_v2(uri, &db, flags, NULL);
	s->conn = db;
	if (rc == SQLITE_OK && read_only &&
	    store_sq_pragma_int(s, "PRAGMA application_id", &app) != STORE_OK &&
	    ((code = sqlite3_errcode(db) & 0xff) == SQLITE_READONLY ||
	     code == SQLITE_CANTOPEN) && access(wal, F_OK) != 0) {
		sqlite3_close(db);
		free(uri);
		uri = store_sq_uri(s->name, "immutable=1");
		rc = sqlite3_open_v2(uri, &db, flags, NULL);
		s->conn = db;
	}
	free(uri);
	free(wal);
	if (rc != SQLITE_OK)
		return store_fail(s, STORE_ERROR, "%s: %s", s->name,
				  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_busy_timeout(db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(db, 1);
	return STORE_OK;
}

static void store_sq_disconnect(struct store *s)
{
	for (int i = 0; i < SQL_COUNT; i++) {
		if (s->stmt[i])
			store_sq_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	sqlite3_close(sq_db(s));
	s->conn = NULL;
}

/* Connect, identify, configure, migrate when the schema is old. */
static int store_sq_start(struct store *s, bool read_only, bool ours,
		       bool *fresh)
{
	int64_t version = 0;
	int rc = store_sq_connect(s, read_only);

	if (rc == STORE_OK)
		rc = store_sq_identify(s, ours, fresh, &version);
	if (rc == STORE_OK && read_only && version < STORE_SCHEMA_VERSION) {
		/* An old schema: migrate it once, as a writer would. */
		store_sq_disconnect(s);
		return store_sq_start(s, false, ours, fresh);
	}
	if (rc == STORE_OK)
		rc = store_sq_configure(s, read_only);
	if (rc == STORE_OK && version < STORE_SCHEMA_VERSION)
		rc = store_sq_migrate(s);
	return rc;
}

/* Remove a database this open created and could not set up. */
static void store_sq_remove_files(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}


static int store_sq_open(struct store *s, const char *path, const char *schema,
			 enum store_mode mode, bool *fresh)
{
	bool ours = false;
	int rc;

	(void)schema;	/* refused before: a file has no schemas */
	s->name = xstrdup(path);
	if (store_sq_check_path(s, path, mode == STORE_READ_EXISTING,
				&ours) != STORE_OK)
		return STORE_ERROR;
	/* A file this open created gets its schema: not read-only. */
	rc = store_sq_start(s, mode != STORE_READ_WRITE && !ours, ours, fresh);
	if (rc != STORE_OK && ours) {
		/* never leave an empty file that is refused later */
		store_sq_disconnect(s);
		store_sq_remove_files(path);
	}
	return rc;
}

static void store_sq_close(struct store *s)
{
	sqlite3_close(sq_db(s));
	s->conn = NULL;
}

const struct store_driver store_sqlite_driver = {
	.kind = "SQLite",
	.open = store_sq_open,
	.close = store_sq_close,
	.prepare = store_sq_prepare,
	.finalize = store_sq_finalize,
	.clear = store_sq_clear,
	.bind_int = store_sq_bind_int,
	.bind_double = store_sq_bind_double,
	.bind_text = store_sq_bind_text,
	.bind_null = store_sq_bind_null,
	.bind_blob = store_sq_bind_blob,
	.step = store_sq_step,
	.reset = store_sq_reset,
	.col_int = store_sq_col_int,
	.col_double = store_sq_col_double,
	.col_text = store_sq_col_text,
	.col_null = store_sq_col_null,
	.col_blob = store_sq_col_blob,
	.changes = store_sq_changes,
	.exec = store_sq_exec,
	.exec_quiet = store_sq_exec_quiet,
	.begin_write = "BEGIN IMMEDIATE",
	.begin_read = "BEGIN",
	.bulk_begin = store_sq_bulk_begin,
	.bulk_end = store_sq_bulk_end,
};
