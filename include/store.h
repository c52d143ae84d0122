/*
 * store.h - journeys in a database: an SQLite file, or PostgreSQL for a
 * team (store_open_mode picks the backend by the database's name).
 *
 * Every function that changes data is one transaction, so a crash loses
 * at most the edit in flight.  Edits of single
 * rows carry the row version they were based on (the `version` fields of
 * the model); when another process changed the row since, the edit is
 * refused with STORE_CONFLICT and nothing is written: the caller reloads.
 * The store knows SQL and the model, nothing of curses or YAML.
 */
#ifndef MOT_STORE_H
#define MOT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "model_log.h"

struct store;

enum store_status {
	STORE_OK = 0,
	STORE_ERROR = -1,     /* database or I/O error; see store_errmsg() */
	STORE_CONFLICT = -2,  /* row changed by someone else since it was read */
	STORE_NOT_FOUND = -3, /* no such journey / touchpoint / ... */
	STORE_EXISTS = -4,    /* the key is taken */
	STORE_INVALID = -5,   /* refused by a check (bad key, range ...) */
};

/* Current schema version (SQLite: PRAGMA user_version; PostgreSQL: the
 * table mot_schema). */
#define STORE_SCHEMA_VERSION 6

enum store_mode {
	STORE_READ_WRITE = 0,
	/* For commands that only read (list, show, export, simulate ...):
	 * nothing is written, not even a lock, so a read-only file or
	 * directory works and a writer at work does not block; only a schema
	 * older than this mot's is migrated (once, as any open would). */
	STORE_READ_ONLY = 1,
	/* Read-only, and a database that is not there yet (a new path, an
	 * empty schema) is an error rather than made (the source of a
	 * copy). */
	STORE_READ_EXISTING = 3,
};

/*
 * Open or create a database.  A file that is not a mot database, an empty
 * one that this open did not create, a damaged one, one whose schema
 * version is not one mot wrote (a newer mot's included), and anything but
 * a regular file are refused (STORE_ERROR, a message naming the file in
 * err) and left as they were.  *created is set when this open created the
 * file (the caller seeds it).  Every error message of the connection names
 * the file.  A connection is used by one thread at a time.
 */
int store_open_mode(const char *db, const char *schema, enum store_mode mode,
		    struct store **out, bool *created, char *err,
		    size_t errlen);
/* store_open_mode(path, STORE_READ_WRITE, ...). */
int store_open(const char *path, struct store **out, bool *created,
	       char *err, size_t errlen);
void store_close(struct store *s);
/* The database as messages name it: the file, or for PostgreSQL
 * "postgresql://user@host:port/dbname (schema S)", never a password. */
const char *store_name(const struct store *s);
/* "SQLite" or "PostgreSQL". */
const char *store_kind(const struct store *s);
/* Message of the last failure on this connection. */
const char *store_errmsg(const struct store *s);

/*
 * Group several calls into one transaction (one user action, such as an
 * undo that restores a touchpoint with its transitions).  Calls nest; the
 * outermost store_batch_end() commits when status is STORE_OK and no call
 * inside failed, and rolls everything back otherwise.  Returns the status.
 */
int store_batch_begin(struct store *s);
int store_batch_end(struct store *s, int status);

/* --- live updates (schema version 6) ----------------------------------- */

/*
 * 1 when another connection committed a change since the last call, 0
 * when not, -1 on error (store_errmsg).  Never blocks.  The first call
 * only takes note of where the database is (0).  A change is any write
 * transaction (an edit, an import, a scenario or log saved ...) of this
 * database (on PostgreSQL: this schema), never this connection's own and
 * never presence.  SQLite: PRAGMA data_version; PostgreSQL: LISTEN
 * mot_change, each writing transaction does NOTIFY mot_change (payload:
 * the journey key, "" when none is left), consumed with
 * PQconsumeInput/PQnotifies.  Call it outside store_batch_begin/end.
 */
int store_watch_changed(struct store *s);
/*
 * A descriptor to poll() for changes, or -1 when the backend has none
 * (SQLite: the caller calls store_watch_changed on a timer).  Readable
 * does not always mean changed (store_watch_changed says), and a
 * notification read while another store call ran leaves it quiet: poll()
 * it with a timeout and call store_watch_changed after the timeout too.
 */
int store_watch_fd(const struct store *s);

/* A row not refreshed for this long counts as gone (a killed mot). */
#define STORE_PRESENCE_GONE_S 15

/*
 * Presence: this process has JOURNEY open (NULL: none).  Called again at
 * least every 5 s as a heartbeat; a row not refreshed for
 * STORE_PRESENCE_GONE_S counts as gone (and is deleted by the next
 * heartbeat of anyone).  user from USER, LOGNAME or getpwuid(), host from
 * gethostname(), pid.  Presence is not a change for store_watch_changed.
 * On a read-only open (STORE_READ_ONLY, STORE_READ_EXISTING) nothing can
 * be written: this process is not shown to others, and the call returns
 * STORE_OK, so that the designer works the same.  store_close() removes
 * the row.
 */
int store_presence_set(struct store *s, const char *journey_key);
struct store_presence {
	char user[64];
	char host[256];
	long pid;
};
/* Everyone else (not this process) with JOURNEY open, live rows only,
 * by user, host and pid; *out is NULL when there is nobody.  Works on a
 * read-only open too. */
int store_presence_list(struct store *s, const char *journey_key,
			struct store_presence **out, size_t *n);
void store_presence_free(struct store_presence *list, size_t n);

/* --- journeys ----------------------------------------------------------- */

struct store_journey_info {
	char *key;
	char *title;
	int64_t updated;
	size_t n_touchpoints;
	size_t n_transitions;
	size_t n_personas;
};

int store_journey_list(struct store *s, struct store_journey_info **out,
		       size_t *n);
void store_journey_list_free(struct store_journey_info *list, size_t n);

/* Load a whole journey with every row's version. */
int store_journey_load(struct store *s, const char *key,
		       struct mot_journey *out);
/* The journey's version: bumps on every change to it or its rows. */
int store_journey_version(struct store *s, const char *key, int64_t *version);

/*
 * Import journeys, all in one transaction: either all are written or none.
 * A key that exists is STORE_EXISTS unless `replace`; replacing keeps the
 * journey's row (its scenarios and creation time stay, its version goes
 * up) and puts the new touchpoints, transitions, entries and personas in
 * place of the old.  On failure *failed (if not NULL) is the index of the
 * journey at fault.
 */
int store_journey_import(struct store *s, const struct mot_journey *js,
			 size_t n, bool replace, size_t *failed);
int store_journey_create(struct store *s, const char *key, const char *title);
int store_journey_delete(struct store *s, const char *key);
/* A copy of the design only: the scenarios stay with the original. */
int store_journey_copy(struct store *s, const char *key, const char *new_key);
int store_journey_rename(struct store *s, const char *key,
			 const char *new_key);
/* Title and description; base_version is the journey's version. */
int store_journey_set_meta(struct store *s, const char *key,
			   const char *title, const char *description,
			   int64_t base_version);

/*
 * Copy every journey of `from` into `to`, databases of either kind, with
 * everything stored with it (personas, lanes, scenarios, event logs), in
 * one transaction of `to`: all or nothing.  A key `to` has already is
 * STORE_EXISTS and nothing is copied.  *n_journeys, *n_scenarios and
 * *n_logs (each may be NULL) get what was copied.  The message is in
 * store_errmsg(to).
 */
int store_copy_all(struct store *from, struct store *to, size_t *n_journeys,
		   size_t *n_scenarios, size_t *n_logs);

/* --- touchpoints -------------------------------------------------------- */

/*
 * Insert tp (its next[] is ignored) at `position` within its stage (clamped
 * to the end).  tp->version is set to the new row's version.
 */
int store_touchpoint_add(struct store *s, const char *journey,
			 struct mot_touchpoint *tp, size_t position);
/*
 * Change every field of the touchpoint `key` (which may be renamed to
 * tp->key) from tp; tp->version is the base version and becomes the new one.
 * Transitions are kept.  A change of stage puts it at the end of that stage.
 */
int store_touchpoint_update(struct store *s, const char *journey,
			    const char *key, struct mot_touchpoint *tp);
/* Delete it and, by cascade, its transitions and entries. */
int store_touchpoint_delete(struct store *s, const char *journey,
			    const char *key, int64_t base_version);
/* Put it in `stage` at `position` (clamped); *version gets the new one. */
int store_touchpoint_move(struct store *s, const char *journey,
			  const char *key, enum mot_stage stage,
			  size_t position, int64_t *version);

/* A transition into a touchpoint being restored. */
struct store_link {
	const char *from;
	double weight;
	const char *label;
};

/*
 * Put a deleted touchpoint back (the UI's undo), in one transaction: tp
 * with its fields and outgoing transitions (tp->next; their targets must
 * exist, tp itself included), at `position` in its stage, the transitions
 * `in` from other touchpoints into it (each goes to the end of its
 * source's list), and its entry weight (0: not an entry).  All or nothing.
 * tp->version and the versions in tp->next[] are set.
 */
int store_touchpoint_restore(struct store *s, const char *journey,
			     struct mot_touchpoint *tp, size_t position,
			     const struct store_link *in, size_t n_in,
			     double entry);

/* --- transitions and entries ------------------------------------------- */

/*
 * Add the transition from -> to, or change its weight and label.  For a
 * change, *version is the base version (0 to add); it receives the new one.
 */
int store_transition_set(struct store *s, const char *journey,
			 const char *from, const char *to, double weight,
			 const char *label, int64_t *version);
int store_transition_delete(struct store *s, const char *journey,
			    const char *from, const char *to,
			    int64_t base_version);
/* Make `to` an entry with this weight, or stop it being one (weight 0). */
int store_entry_set(struct store *s, const char *journey, const char *to,
		    double weight);

/* --- personas ----------------------------------------------------------- */

int store_persona_add(struct store *s, const char *journey,
		      struct mot_persona *p);
/* Change persona `key` (may rename); p->version is the base version. */
int store_persona_update(struct store *s, const char *journey,
			 const char *key, struct mot_persona *p);
int store_persona_delete(struct store *s, const char *journey,
			 const char *key, int64_t base_version);

/* --- what-if scenarios (workshop mode; schema version 2) --------------- */

/*
 * A named what-if kept with the journey: the settings it ran with, what
 * was changed against the baseline, the key figures for the list, and the
 * whole report (`mot simulate --compare --format json`, or the plain
 * results when there was no baseline) for export.  Scenarios go with
 * their journey: deleting the journey deletes them, renaming keeps them,
 * an import that replaces it keeps them, a copy does not take them.
 * Keeping or deleting one is not an edit of the journey: its version
 * stays.  Rates are shares 0..1; any rate or score may be NAN (NULL in
 * SQL), as all the base_ and diff_ ones are when there is no baseline.
 */
struct store_scenario {
	int64_t id;
	char *name;                /* unique within the journey */
	int64_t created;           /* unix seconds */
	uint64_t customers, seed;  /* all 64 bits kept */
	char *persona;             /* NULL: all */
	bool plain;
	char *changes;             /* one change per line; "" for none */
	double base_conv, base_lo, base_hi;
	double conv, conv_lo, conv_hi;
	double diff, diff_lo, diff_hi;
	bool significant;
	double base_nps, nps;      /* points, -100 .. 100 */
	char *report;              /* JSON */
};

/*
 * Save sc under sc->name (not blank, UTF-8) in one transaction; report
 * must not be NULL, changes may be (stored as "").  A name the journey
 * has already: STORE_EXISTS, unless `replace`, which deletes that one.
 * An unknown journey: STORE_NOT_FOUND.  Sets sc->id, and sc->created
 * when it was 0 (now); on failure sc is left as it was.
 */
int store_scenario_save(struct store *s, const char *journey,
			struct store_scenario *sc, bool replace);
/* The journey's scenarios, newest first (by created, then the later
 * saved); *out is NULL when there are none.  Free with
 * store_scenario_free.  An unknown journey: STORE_NOT_FOUND. */
int store_scenario_list(struct store *s, const char *journey,
			struct store_scenario **out, size_t *n);
/* Delete scenario `id` of the journey; STORE_NOT_FOUND when it is not
 * there (deleted already, or another journey's). */
int store_scenario_delete(struct store *s, const char *journey, int64_t id);
/* Free a list from store_scenario_list (the strings and the array). */
void store_scenario_free(struct store_scenario *list, size_t n);

/* --- event logs (`mot log`; schema version 5) --------------------------- */

/*
 * Event logs go with their journey like scenarios: deleting the journey
 * deletes them, renaming keeps them, an import that replaces it keeps
 * them, a copy does not take them, and keeping or deleting one is not an
 * edit of the journey.  A log's activities name touchpoints by key; a
 * touchpoint renamed with store_touchpoint_update() is renamed in them.
 */
struct store_log_info {
	int64_t id;
	char *journey;             /* the journey's key */
	char *name, *source;
	int64_t imported;          /* unix seconds */
	uint64_t cases, events;
};

/*
 * Save l (every activity mapped, name not blank, UTF-8) with journey
 * `journey`, in one transaction.  A name the journey has already:
 * STORE_EXISTS, unless `replace`, which deletes that log.  Sets l->id,
 * and l->imported when it was 0 (now).
 */
int store_log_save(struct store *s, const char *journey, struct mot_log *l,
		   bool replace);
/* The logs of a journey (NULL: of every journey, by journey key), newest
 * first; free with store_log_list_free. */
int store_log_list(struct store *s, const char *journey,
		   struct store_log_info **out, size_t *n);
void store_log_list_free(struct store_log_info *list, size_t n);
/* Load the journey's log `name` (NULL: the newest) whole.  No such log:
 * STORE_NOT_FOUND; a damaged one: STORE_ERROR. */
int store_log_load(struct store *s, const char *journey, const char *name,
		   struct mot_log *out);
int store_log_delete(struct store *s, const char *journey, const char *name);

#endif
