/*
 * store_open.c - open a database: identify it (a mot database, a file mot
 * has just created, or anything else), configure the connection, migrate
 * the schema; and the transactions every change runs in.
 *
 * Nothing is written to a file before it is known to be mot's: not the
 * WAL switch (it changes the header), not a migration.  Commands that only
 * read open the file read-only and write nothing at all, unless its schema
 * is older than this mot's (then it is migrated once, as any open would).
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

/* --- transactions ---------------------------------------------------- */

/*
 * Nesting lets one user action made of several store calls (an undo that
 * restores a touchpoint and its transitions, an import of many files) be a
 * single transaction: only the outermost level talks to SQLite.
 */
int store_tx_begin(struct store *s)
{
	struct store_stmt *st;

	if (s->tx_depth++ > 0)
		return STORE_OK;
	s->tx_failed = false;
	if (store_exec(s, "BEGIN IMMEDIATE") != STORE_OK) {
		s->tx_depth = 0;
		return STORE_ERROR;
	}
	/* One step of the generation per write transaction: the version of
	 * every row it writes, above every version ever stored before. */
	if (!(st = store_prepare(s, SQL_GEN_NEXT)) ||
	    store_query_int(s, st, &s->gen) != STORE_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
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
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

bool store_bulk_begin(struct store *s)
{
	return s->tx_depth == 0 &&
		store_exec(s, "PRAGMA foreign_keys = OFF") == STORE_OK;
}

void store_bulk_end(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
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

/* --- identify -------------------------------------------------------- */

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

/* Why the first read of a file failed, in words a designer can act on. */
static int store_unreadable(struct store *s)
{
	int code = sqlite3_errcode(s->db);

	if (code == SQLITE_CORRUPT)
		return store_fail(s, STORE_ERROR, "%s: the database is damaged "
				  "(%s); restore it from a backup", s->name,
				  sqlite3_errmsg(s->db));
	if (code == SQLITE_NOTADB)
		return store_fail(s, STORE_ERROR, "%s: not a mot database (not "
				  "an SQLite file); left as it was", s->name);
	return store_fail(s, STORE_ERROR, "%s: cannot read the database (%s)",
			  s->name, sqlite3_errmsg(s->db));
}

/*
 * Decide, reading only, whether this is a mot database whose schema this
 * mot knows, a file mot has just created (`ours`: the only one it may
 * seed), or something else, which is refused and left as it was.
 */
static int store_identify(struct store *s, bool ours, bool *fresh,
			  int64_t *version)
{
	int64_t app = 0, objects = 0;

	if (store_pragma_int(s, "PRAGMA application_id", &app) != STORE_OK ||
	    store_pragma_int(s, "SELECT count(*) FROM sqlite_schema",
			     &objects) != STORE_OK ||
	    store_pragma_int(s, "PRAGMA user_version", version) != STORE_OK)
		return store_unreadable(s);
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
static int store_migrate(struct store *s)
{
	int64_t ver = 0;
	char sql[64];
	int rc;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE")) != STORE_OK)
		return rc;
	/* Read again inside the write lock: another mot may have migrated. */
	if (store_pragma_int(s, "PRAGMA user_version", &ver) != STORE_OK)
		rc = store_unreadable(s);
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
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int store_configure(struct store *s, bool read_only)
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
static int store_check_path(const char *path, bool *ours, char *err,
			    size_t errlen)
{
	struct stat sb;
	int fd;

	*ours = false;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			snprintf(err, errlen, "%s: is a directory", path);
		else if (!S_ISREG(sb.st_mode))
			snprintf(err, errlen, "%s: not a regular file (a device, "
				 "FIFO or socket): a mot database is a file",
				 path);
		return S_ISREG(sb.st_mode) ? STORE_OK : STORE_ERROR;
	}
	if (errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return STORE_ERROR;
	}
	if (util_mkdir_parents(path) != 0) {
		snprintf(err, errlen, "%s: cannot create its directory: %s",
			 path, strerror(errno));
		return STORE_ERROR;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0 && errno == EEXIST)	/* another mot was quicker */
		return store_check_path(path, ours, err, errlen);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create it: %s", path,
			 strerror(errno));
		return STORE_ERROR;
	}
	close(fd);
	*ours = true;
	return STORE_OK;
}

/* "file:" URI of path for SQLite, with a query (or none); % ? and #
 * escaped. */
static char *store_uri(const char *path, const char *query)
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
static int store_connect(struct store *s, bool read_only)
{
	int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI |
		(read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
	char *uri = store_uri(s->name, NULL);
	char *wal = xasprintf("%s-wal", s->name);
	int64_t app;
	int rc;

	rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
	if (rc == SQLITE_OK && read_only &&
	    store_pragma_int(s, "PRAGMA application_id", &app) != STORE_OK &&
	    ((sqlite3_errcode(s->db) & 0xff) == SQLITE_READONLY ||
	     (sqlite3_errcode(s->db) & 0xff) == SQLITE_CANTOPEN) &&
	    access(wal, F_OK) != 0) {
		sqlite3_close(s->db);
		free(uri);
		uri = store_uri(s->name, "immutable=1");
		rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
	}
	free(uri);
	free(wal);
	if (rc != SQLITE_OK)
		return store_fail(s, STORE_ERROR, "%s: %s", s->name,
				  s->db ? sqlite3_errmsg(s->db) :
				  sqlite3_errstr(rc));
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(s->db, 1);
	return STORE_OK;
}

static void store_disconnect(struct store *s)
{
	for (int i = 0; i < SQL_COUNT; i++) {
		sqlite3_finalize((sqlite3_stmt *)s->stmt[i]);
		s->stmt[i] = NULL;
	}
	sqlite3_close(s->db);
	s->db = NULL;
}

/* Connect, identify, configure, migrate when the schema is old. */
static int store_start(struct store *s, bool read_only, bool ours,
		       bool *fresh)
{
	int64_t version = 0;
	int rc = store_connect(s, read_only);

	if (rc == STORE_OK)
		rc = store_identify(s, ours, fresh, &version);
	if (rc == STORE_OK && read_only && version < STORE_SCHEMA_VERSION) {
		/* An old schema: migrate it once, as a writer would. */
		store_disconnect(s);
		return store_start(s, false, ours, fresh);
	}
	if (rc == STORE_OK)
		rc = store_configure(s, read_only);
	if (rc == STORE_OK && version < STORE_SCHEMA_VERSION)
		rc = store_migrate(s);
	return rc;
}

/* Remove a database this open created and could not set up. */
static void store_remove_files(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

int store_open_mode(const char *path, enum store_mode mode,
		    struct store **out, bool *created, char *err, size_t errlen)
{
	struct store *s;
	bool ours = false, fresh = false;
	int rc;

	*out = NULL;
	if (created)
		*created = false;
	if (store_check_path(path, &ours, err, errlen) != STORE_OK)
		return STORE_ERROR;
	s = xcalloc(1, sizeof *s);
	s->name = xstrdup(path);
	/* A file this open created gets its schema: not read-only. */
	rc = store_start(s, mode == STORE_READ_ONLY && !ours, ours, &fresh);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "%s", s->err);
		store_close(s);
		if (ours)	/* never leave an empty file that is refused later */
			store_remove_files(path);
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
	return store_open_mode(path, STORE_READ_WRITE, out, created, err,
			       errlen);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_disconnect(s);
	free(s->name);
	free(s);
}
