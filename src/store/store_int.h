/*
 * store_int.h - what the files of the store share, and nothing above it.
 *
 * The store is split by responsibility, as FreeBSD pkg splits its
 * database code:
 *   store_sql.c         the one statement table and the migrations
 *   store_stmt.c        errors, prepared statements, binding and columns
 *   store_open.c        open, identify, migrate, pragmas, transactions
 *   store_journey.c     journey rows: list, create, rename, delete, meta
 *   store_load.c        a whole journey read in one snapshot
 *   store_import.c      a whole journey written: import, replace, copy
 *   store_touchpoint.c  touchpoints, transitions and entries
 *   store_persona.c     personas
 *   store_scenario.c    what-if scenarios
 *   store_log.c         event logs
 *   store_lanes.c       a touchpoint's lane lists and KPIs
 *
 * Code outside store_stmt.c and store_open.c runs statements only through
 * the store_prepare / store_bind_* / store_step / store_col_* helpers
 * below, never through the database library's own API: one place knows
 * the library, the rest is the store's logic, checks and conflict rules.
 */
#ifndef MOT_STORE_INT_H
#define MOT_STORE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

/* "mot!" */
#define STORE_APPLICATION_ID 0x6d6f7421
#define STORE_BUSY_MS 5000

/* store_step(): a row is ready (the other results are STORE_OK at the
 * end, or a failure status with its message set). */
#define STORE_ROW 1

/* The statements of store_sql[] (store_sql.c), one id each. */
enum store_sql_id {
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
	SQL_JOURNEY_CLEAR_TR,
	SQL_JOURNEY_CLEAR_EN,
	SQL_JOURNEY_CLEAR_LANE,
	SQL_JOURNEY_CLEAR_KPI,
	SQL_JOURNEY_CLEAR_TP,
	SQL_JOURNEY_CLEAR_PE,
	SQL_SC_FIND,
	SQL_SC_INSERT,
	SQL_SC_LIST,
	SQL_SC_DELETE,
	SQL_LOG_FIND,
	SQL_LOG_GET,
	SQL_LOG_LIST,
	SQL_LOG_INSERT,
	SQL_LOG_DELETE,
	SQL_LOG_ACT_INSERT,
	SQL_LOG_ACT_LOAD,
	SQL_LOG_PART_INSERT,
	SQL_LOG_PART_LOAD,
	SQL_LOG_RENAME_TP,
	SQL_LANE_LOAD,
	SQL_LANE_INSERT,
	SQL_LANE_CLEAR,
	SQL_KPI_LOAD,
	SQL_KPI_INSERT,
	SQL_KPI_CLEAR,
	SQL_GEN_NEXT,
	SQL_COUNT
};

extern const char *const store_sql[SQL_COUNT];
/* store_migrations[v] takes a database from schema version v to v + 1. */
extern const char *const store_migrations[STORE_SCHEMA_VERSION];

/* A prepared statement of store_sql[]; opaque outside store_stmt.c. */
struct store_stmt;

struct store {
	struct sqlite3 *db;
	struct store_stmt *stmt[SQL_COUNT];
	char *name;        /* the file, as every error message names it */
	int tx_depth;      /* nesting of store_tx_begin() */
	bool tx_failed;    /* an inner step failed: the outer end rolls back */
	int64_t gen;       /* the write transaction's generation: the version
			    * of every row it writes (store_tx_begin) */
	char err[512];
};

/* --- errors and statements (store_stmt.c) ----------------------------- */

/* Set the connection's message; returns status. */
int store_fail(struct store *s, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The statement `id`, prepared once and cached, reset and unbound, ready
 * for new parameters; NULL (message set) when it cannot be prepared. */
struct store_stmt *store_prepare(struct store *s, enum store_sql_id id);
/* Parameters count from 1, as in the SQL text (?1, ?2 ...). */
void store_bind_int(struct store_stmt *st, int i, int64_t v);
void store_bind_double(struct store_stmt *st, int i, double v);
void store_bind_text(struct store_stmt *st, int i, const char *v); /* NULL */
void store_bind_null(struct store_stmt *st, int i);
/* Bytes (copied at once); n == 0 binds an empty blob, not NULL. */
void store_bind_blob(struct store_stmt *st, int i, const void *v, size_t n);
/* Next row: STORE_ROW, STORE_OK when there is none left, or a failure
 * status (constraint failures as STORE_EXISTS / STORE_INVALID). */
int store_step(struct store *s, struct store_stmt *st);
void store_reset(struct store_stmt *st);
/* Columns of the current row count from 0. */
int64_t store_col_int(struct store_stmt *st, int i);
double store_col_double(struct store_stmt *st, int i);
bool store_col_null(struct store_stmt *st, int i);
/* A copy (free it), or NULL for NULL. */
char *store_col_text(struct store_stmt *st, int i);
/* The column's bytes, valid until the next step or reset; *n their
 * count (NULL and an empty blob are both 0 bytes). */
const void *store_col_blob(struct store_stmt *st, int i, size_t *n);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int64_t store_changes(struct store *s);
/* Row id of the last INSERT. */
int64_t store_last_id(struct store *s);

/* Run a statement that returns no rows (or whose rows do not matter). */
int store_exec_stmt(struct store *s, struct store_stmt *st);
/* Run a query whose first row's first column is an integer;
 * STORE_NOT_FOUND when there is no row. */
int store_query_int(struct store *s, struct store_stmt *st, int64_t *out);
/* Run a statement whose one parameter is a row id. */
int store_exec_id(struct store *s, enum store_sql_id id, int64_t rowid);
/* Run SQL text without parameters (transactions, migrations). */
int store_exec(struct store *s, const char *sql);

/* --- transactions (store_open.c) -------------------------------------- */

/* A write transaction; nests (only the outermost level commits).  It
 * steps the database's generation into s->gen. */
int store_tx_begin(struct store *s);
/* End a level: commit when status is STORE_OK and nothing inside failed,
 * else roll back.  Returns the status to give the caller. */
int store_tx_end(struct store *s, int status);
/*
 * Around a transaction that writes whole journeys (an import), whose row
 * ids the store itself has just made: the foreign keys are not checked
 * row by row, which halves the time of a big import.  Only outside any
 * transaction (false: nothing was changed, store_bulk_end is not due).
 * The cascades are off too: delete children first.
 */
bool store_bulk_begin(struct store *s);
void store_bulk_end(struct store *s);
/* One consistent snapshot for several reads (inside a write transaction
 * as well as outside). */
int store_read_begin(struct store *s);
void store_read_end(struct store *s);

/* --- shared logic ------------------------------------------------------ */

/* store_journey.c */
int64_t store_now(void);
/* Id and version (may be NULL) of a journey; STORE_NOT_FOUND with a
 * message. */
int store_journey_id(struct store *s, const char *key, int64_t *id,
		     int64_t *version);
/* Every change to a journey's rows bumps its version and time. */
int store_journey_touch(struct store *s, int64_t jid);
/* Whether the last UPDATE/DELETE (status rc) hit its row; when not, tell a
 * vanished row (NOT_FOUND) from one changed by someone else (CONFLICT). */
int store_check_hit(struct store *s, int rc, bool still_there,
		    const char *what);
/* A key read from the database (`what`: "journey", "touchpoint" ...) must
 * be a valid key before anything uses it, a file name above all: else
 * STORE_ERROR, naming the database and the key. */
int store_check_key(struct store *s, const char *what, const char *key);
/* The model's field checks: the first finding as STORE_INVALID. */
int store_check_fields(struct store *s, const struct mot_journey *j);

/* store_import.c: rows written by the import and by single edits alike. */
int store_insert_touchpoint(struct store *s, int64_t jid,
			    const struct mot_touchpoint *tp, int64_t position,
			    int64_t *id);
int store_insert_transition(struct store *s, int64_t jid, int64_t from,
			    int64_t to, double weight, const char *label,
			    int64_t position);
int store_insert_persona(struct store *s, int64_t jid,
			 const struct mot_persona *p, int64_t position);
int store_insert_entry(struct store *s, int64_t jid, int64_t tpid,
		       double weight, int64_t position);
/* Insert a whole journey (no row has its key yet). */
int store_insert_journey(struct store *s, const struct mot_journey *j);
/* Insert j, or with `replace` put it in place of the journey with its key. */
int store_import_one(struct store *s, const struct mot_journey *j,
		     bool replace);

/* store_log.c: a touchpoint's new key in the logs of journey row jid. */
int store_log_rename_touchpoint(struct store *s, int64_t jid,
				const char *key, const char *new_key);
/* store_load.c: touchpoint row ids of a loaded journey, sorted by id. */
struct store_idmap {
	int64_t id;
	size_t index;
};
/* The index in the journey of the touchpoint with row id `id`, or -1. */
long store_idmap_find(const struct store_idmap *map, size_t n, int64_t id);

/* store_lanes.c: the lane lists and KPIs of a touchpoint (thinking and
 * backstage are touchpoint columns).  Insert them for a new row; replace
 * them on an update (the row version check covers them); load all of a
 * journey's into touchpoints already loaded. */
int store_lanes_insert(struct store *s, int64_t jid, int64_t tpid,
		       const struct mot_touchpoint *tp);
int store_lanes_replace(struct store *s, int64_t jid, int64_t tpid,
			const struct mot_touchpoint *tp);
int store_lanes_load(struct store *s, int64_t jid, struct mot_journey *j,
		     const struct store_idmap *map);

#endif
