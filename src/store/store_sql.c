/*
 * store_sql.c - every statement of the store, and the SQLite migrations.
 *
 * THE CONVENTION FOR EVERY NEW STATEMENT AND MIGRATION (see store_int.h):
 *  - a statement goes into store_sql[] below, in the SQL that SQLite and
 *    PostgreSQL both speak, with bound parameters only, numbered ?1, ?2 ...
 *    (never values pasted into the text); a row an INSERT makes comes back
 *    with "RETURNING id".  Only where PostgreSQL needs other SQL does
 *    store_sql_pg[] (store_sql_pg.c) hold its own text for the same id;
 *  - a migration goes into store_migrations[] below (SQLite) AND into
 *    store_migrations_pg[] (store_sql_pg.c, PostgreSQL types), at the same
 *    index, with a test from a frozen copy of the schema before it.
 *
 * Conventions, after FreeBSD pkg and SQLite's own shell:
 *  - every statement is prepared once per connection, on first use;
 *  - the schema is versioned (SQLite: PRAGMA user_version; PostgreSQL: the
 *    table mot_schema) and migrated forward in one transaction; a database
 *    that is not mot's is recognised and left untouched;
 *  - every change is one write transaction; each row's version is the
 *    database's generation of the transaction that wrote it, and an edit
 *    states the version it was based on, so two writers never overwrite
 *    each other.
 */
#include "store_int.h"

/* Now, in unix seconds, by the database's clock. */
#define STORE_SQL_NOW "CAST(strftime('%s', 'now') AS INTEGER)"

/* One row of SQL_TR_INSERT_MANY: its seven parameters. */
#define STORE_TR_ROW(a, b, c, d, e, f, g) \
	"(?" #a ", ?" #b ", ?" #c ", ?" #d ", ?" #e ", ?" #f ", ?" #g ")"

#if STORE_TR_BATCH != 8
#error "SQL_TR_INSERT_MANY has 8 rows"
#endif

const char *const store_sql[SQL_COUNT] = {
	[SQL_JOURNEY_ID] = "SELECT id, version FROM journey WHERE key = ?1",
	[SQL_JOURNEY_GET] =
		"SELECT id, key, title, description, created, updated, version "
		"FROM journey WHERE key = ?1",
	[SQL_JOURNEY_LIST] =
		"SELECT j.key, j.title, j.updated,"
		" (SELECT count(*) FROM touchpoint t WHERE t.journey_id = j.id),"
		" (SELECT count(*) FROM transition r WHERE r.journey_id = j.id),"
		" (SELECT count(*) FROM persona p WHERE p.journey_id = j.id) "
		"FROM journey j ORDER BY j.key",
	[SQL_JOURNEY_INSERT] =
		"INSERT INTO journey (key, title, description, created, updated,"
		" version) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[SQL_JOURNEY_DELETE] = "DELETE FROM journey WHERE id = ?1",
	[SQL_JOURNEY_RENAME] =
		"UPDATE journey SET key = ?2, version = ?4, updated = ?3"
		" WHERE id = ?1",
	[SQL_JOURNEY_META] =
		"UPDATE journey SET title = ?2, description = ?3,"
		" version = ?6, updated = ?4 WHERE id = ?1 AND version = ?5",
	[SQL_JOURNEY_TOUCH] =
		"UPDATE journey SET version = ?3, updated = ?2 WHERE id = ?1",
	[SQL_TP_LOAD] =
		"SELECT id, key, name, stage, phase, channel, owner, controlled,"
		" emotion, critical, human, dwell, conversion, drop_rate, notes,"
		" version, thinking, backstage FROM touchpoint WHERE journey_id = ?1"
		" ORDER BY stage, position, id",
	[SQL_TP_INSERT] =
		"INSERT INTO touchpoint (journey_id, key, name, stage, phase,"
		" channel, owner, controlled, emotion, critical, human, dwell,"
		" conversion, drop_rate, notes, position, thinking, backstage,"
		" version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) RETURNING id",
	/* The same for the rows of a whole journey, sent without waiting;
	 * their ids are read back at the end with SQL_TP_IDS. */
	[SQL_TP_INSERT_MANY] =
		"INSERT INTO touchpoint (journey_id, key, name, stage, phase,"
		" channel, owner, controlled, emotion, critical, human, dwell,"
		" conversion, drop_rate, notes, position, thinking, backstage,"
		" version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
	[SQL_TP_IDS] = "SELECT key, id FROM touchpoint WHERE journey_id = ?1",
	[SQL_TP_FIND] =
		"SELECT id, stage, position, version FROM touchpoint"
		" WHERE journey_id = ?1 AND key = ?2",
	[SQL_TP_UPDATE] =
		"UPDATE touchpoint SET key = ?3, name = ?4, phase = ?5, channel = ?6,"
		" owner = ?7, controlled = ?8, emotion = ?9, critical = ?10,"
		" human = ?11, dwell = ?12, conversion = ?13, drop_rate = ?14,"
		" notes = ?15, thinking = ?16, backstage = ?17, version = ?18"
		" WHERE id = ?1 AND version = ?2",
	[SQL_TP_DELETE] = "DELETE FROM touchpoint WHERE id = ?1 AND version = ?2",
	[SQL_TP_STAGE_COUNT] =
		"SELECT count(*) FROM touchpoint WHERE journey_id = ?1 AND stage = ?2"
		" AND id != ?3",
	[SQL_TP_SHIFT] =
		"UPDATE touchpoint SET position = position + 1 WHERE journey_id = ?1"
		" AND stage = ?2 AND position >= ?3 AND id != ?4",
	[SQL_TP_CLOSE_GAP] =
		"UPDATE touchpoint SET position = position - 1 WHERE journey_id = ?1"
		" AND stage = ?2 AND position > ?3",
	[SQL_TP_PLACE] =
		"UPDATE touchpoint SET stage = ?2, position = ?3, version = ?4"
		" WHERE id = ?1",
	[SQL_TR_LOAD] =
		"SELECT r.from_id, t.key, r.weight, r.label, r.version"
		" FROM transition r JOIN touchpoint t ON t.id = r.to_id"
		" WHERE r.journey_id = ?1 ORDER BY r.from_id, r.position, r.id",
	[SQL_TR_INSERT] =
		"INSERT INTO transition (journey_id, from_id, to_id, weight, label,"
		" position, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	/* STORE_TR_BATCH rows, each as SQL_TR_INSERT's seven parameters. */
	[SQL_TR_INSERT_MANY] =
		"INSERT INTO transition (journey_id, from_id, to_id, weight, label,"
		" position, version) VALUES"
		" " STORE_TR_ROW(1, 2, 3, 4, 5, 6, 7)
		", " STORE_TR_ROW(8, 9, 10, 11, 12, 13, 14)
		", " STORE_TR_ROW(15, 16, 17, 18, 19, 20, 21)
		", " STORE_TR_ROW(22, 23, 24, 25, 26, 27, 28)
		", " STORE_TR_ROW(29, 30, 31, 32, 33, 34, 35)
		", " STORE_TR_ROW(36, 37, 38, 39, 40, 41, 42)
		", " STORE_TR_ROW(43, 44, 45, 46, 47, 48, 49)
		", " STORE_TR_ROW(50, 51, 52, 53, 54, 55, 56),
	[SQL_TR_UPDATE] =
		"UPDATE transition SET weight = ?3, label = ?4, version = ?6"
		" WHERE from_id = ?1 AND to_id = ?2 AND version = ?5",
	[SQL_TR_DELETE] =
		"DELETE FROM transition WHERE from_id = ?1 AND to_id = ?2"
		" AND version = ?3",
	[SQL_TR_FIND] =
		"SELECT version FROM transition WHERE from_id = ?1 AND to_id = ?2",
	[SQL_TR_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM transition"
		" WHERE from_id = ?1",
	[SQL_EN_LOAD] =
		"SELECT t.key, e.weight FROM entry e"
		" JOIN touchpoint t ON t.id = e.touchpoint_id"
		" WHERE e.journey_id = ?1 ORDER BY e.position, e.id",
	[SQL_EN_UPSERT] =
		"INSERT INTO entry (journey_id, touchpoint_id, weight, position)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (touchpoint_id)"
		" DO UPDATE SET weight = excluded.weight",
	[SQL_EN_DELETE] = "DELETE FROM entry WHERE touchpoint_id = ?1",
	[SQL_EN_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM entry WHERE journey_id = ?1",
	[SQL_PE_LOAD] =
		"SELECT key, name, description, share, patience, explore_bias,"
		" emotion_sensitivity, version FROM persona WHERE journey_id = ?1"
		" ORDER BY position, id",
	[SQL_PE_INSERT] =
		"INSERT INTO persona (journey_id, key, name, description, share,"
		" patience, explore_bias, emotion_sensitivity, position, version)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[SQL_PE_UPDATE] =
		"UPDATE persona SET key = ?3, name = ?4, description = ?5, share = ?6,"
		" patience = ?7, explore_bias = ?8, emotion_sensitivity = ?9,"
		" version = ?10 WHERE id = ?1 AND version = ?2",
	[SQL_PE_DELETE] = "DELETE FROM persona WHERE id = ?1 AND version = ?2",
	[SQL_PE_FIND] =
		"SELECT id, version FROM persona WHERE journey_id = ?1 AND key = ?2",
	[SQL_PE_NEXT_POS] =
		"SELECT coalesce(max(position) + 1, 0) FROM persona"
		" WHERE journey_id = ?1",
	/* An import over an existing journey keeps its row (and so what
	 * hangs on it, the scenarios) and replaces its contents. */
	[SQL_JOURNEY_REPLACE] =
		"UPDATE journey SET title = ?2, description = ?3,"
		" created = coalesce(?4, created), version = ?6,"
		" updated = ?5 WHERE id = ?1",
	/* Transitions and entries first: a bulk import runs without the
	 * foreign keys' cascade (see store_import.c). */
	[SQL_JOURNEY_CLEAR_TR] = "DELETE FROM transition WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_EN] = "DELETE FROM entry WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_LANE] = "DELETE FROM lane_item WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_KPI] = "DELETE FROM kpi WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_TP] = "DELETE FROM touchpoint WHERE journey_id = ?1",
	[SQL_JOURNEY_CLEAR_PE] = "DELETE FROM persona WHERE journey_id = ?1",
	[SQL_SC_FIND] =
		"SELECT id FROM scenario WHERE journey_id = ?1 AND name = ?2",
	[SQL_SC_INSERT] =
		"INSERT INTO scenario (journey_id, name, created, customers, seed,"
		" persona, plain, changes, base_conv, base_lo, base_hi, conv,"
		" conv_lo, conv_hi, diff, diff_lo, diff_hi, significant,"
		" base_nps, nps, report) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
		" RETURNING id",
	[SQL_SC_LIST] =
		"SELECT id, name, created, customers, seed, persona, plain,"
		" changes, base_conv, base_lo, base_hi, conv, conv_lo, conv_hi,"
		" diff, diff_lo, diff_hi, significant, base_nps, nps, report"
		" FROM scenario WHERE journey_id = ?1"
		" ORDER BY created DESC, id DESC",
	[SQL_SC_DELETE] =
		"DELETE FROM scenario WHERE id = ?1 AND journey_id = ?2",
	[SQL_LOG_FIND] = "SELECT id FROM log WHERE journey_id = ?1 AND name = ?2",
	/* The log called ?2, or with ?2 NULL the newest. */
	[SQL_LOG_GET] =
		"SELECT id, name, source, imported, cases, events FROM log"
		" WHERE journey_id = ?1 AND (?2 IS NULL OR name = ?2)"
		" ORDER BY imported DESC, id DESC LIMIT 1",
	/* One journey's logs (?1 its row id), or with ?1 NULL every log. */
	[SQL_LOG_LIST] =
		"SELECT l.id, j.key, l.name, l.source, l.imported, l.cases,"
		" l.events FROM log l JOIN journey j ON j.id = l.journey_id"
		" WHERE ?1 IS NULL OR l.journey_id = ?1"
		" ORDER BY j.key, l.imported DESC, l.id DESC",
	[SQL_LOG_INSERT] =
		"INSERT INTO log (journey_id, name, source, imported, cases, events)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[SQL_LOG_DELETE] = "DELETE FROM log WHERE id = ?1",
	[SQL_LOG_ACT_INSERT] =
		"INSERT INTO log_activity (log_id, position, name, touchpoint,"
		" events) VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_LOG_ACT_LOAD] =
		"SELECT name, touchpoint, events FROM log_activity"
		" WHERE log_id = ?1 ORDER BY position",
	[SQL_LOG_PART_INSERT] =
		"INSERT INTO log_part (log_id, position, data) VALUES (?1, ?2, ?3)",
	[SQL_LOG_PART_LOAD] =
		"SELECT data FROM log_part WHERE log_id = ?1 ORDER BY position",
	[SQL_LOG_RENAME_TP] =
		"UPDATE log_activity SET touchpoint = ?3 WHERE touchpoint = ?2"
		" AND log_id IN (SELECT id FROM log WHERE journey_id = ?1)",
	[SQL_LANE_LOAD] =
		"SELECT touchpoint_id, lane, text FROM lane_item"
		" WHERE journey_id = ?1 ORDER BY touchpoint_id, lane, position",
	[SQL_LANE_INSERT] =
		"INSERT INTO lane_item (journey_id, touchpoint_id, lane, position,"
		" text) VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_LANE_CLEAR] = "DELETE FROM lane_item WHERE touchpoint_id = ?1",
	[SQL_KPI_LOAD] =
		"SELECT touchpoint_id, name, value, target, unit, lower_better"
		" FROM kpi WHERE journey_id = ?1 ORDER BY touchpoint_id, position",
	[SQL_KPI_INSERT] =
		"INSERT INTO kpi (journey_id, touchpoint_id, position, name, value,"
		" target, unit, lower_better) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8)",
	[SQL_KPI_CLEAR] = "DELETE FROM kpi WHERE touchpoint_id = ?1",
	/* The database's generation: one step per write transaction, taken
	 * as the version of every row that transaction writes. */
	[SQL_GEN_NEXT] =
		"UPDATE generation SET value = value + 1 WHERE id = 1"
		" RETURNING value",
	/* Live updates (store_watch.c): the generation moves with every
	 * write transaction, and with nothing else (presence rows do not). */
	[SQL_GEN_GET] = "SELECT value FROM generation WHERE id = 1",
	/* SQL_NOTIFY is PostgreSQL's only (store_sql_pg.c): SQLite's readers
	 * see a commit by PRAGMA data_version. */
	/* Presence: one row per process (host, pid), the time from the
	 * database's clock, so that the clocks of the designers' machines do
	 * not matter on a shared server. */
	[SQL_PRESENCE_SET] =
		"INSERT INTO presence (host, pid, user_name, journey, seen)"
		" VALUES (?1, ?2, ?3, ?4, " STORE_SQL_NOW ")"
		" ON CONFLICT (host, pid) DO UPDATE SET"
		" user_name = excluded.user_name, journey = excluded.journey,"
		" seen = excluded.seen",
	[SQL_PRESENCE_CLEAR] = "DELETE FROM presence WHERE host = ?1 AND pid = ?2",
	[SQL_PRESENCE_PRUNE] =
		"DELETE FROM presence WHERE seen < " STORE_SQL_NOW " - ?1",
	[SQL_PRESENCE_LIST] =
		"SELECT user_name, host, pid FROM presence"
		" WHERE journey = ?1 AND NOT (host = ?2 AND pid = ?3)"
		" AND seen >= " STORE_SQL_NOW " - ?4"
		" ORDER BY user_name, host, pid",
};

/* Migrations (SQLite): store_migrations[v] takes a database from
 * user_version v to v + 1.  Never edit one that has shipped; add the
 * next, here and in store_migrations_pg[]. */
const char *const store_migrations[STORE_SCHEMA_VERSION] = {
	"CREATE TABLE journey ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  description TEXT,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE touchpoint ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 4),"
	"  phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 4),"
	"  channel TEXT,"
	"  owner TEXT,"
	"  controlled INTEGER NOT NULL DEFAULT 1,"
	"  emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -3 AND 3),"
	"  critical INTEGER NOT NULL DEFAULT 0,"
	"  human INTEGER NOT NULL DEFAULT 0,"
	"  dwell REAL NOT NULL DEFAULT 0 CHECK (dwell >= 0),"
	"  conversion INTEGER NOT NULL DEFAULT 0,"
	"  drop_rate REAL NOT NULL DEFAULT 0 CHECK (drop_rate BETWEEN 0 AND 1),"
	"  notes TEXT,"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (journey_id, key)"
	");"
	"CREATE INDEX touchpoint_order ON touchpoint (journey_id, stage, position);"
	"CREATE TABLE transition ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  from_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  to_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  label TEXT,"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (from_id, to_id)"
	");"
	"CREATE INDEX transition_journey ON transition (journey_id);"
	"CREATE INDEX transition_to ON transition (to_id);"
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL UNIQUE"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  position INTEGER NOT NULL"
	");"
	"CREATE INDEX entry_journey ON entry (journey_id);"
	"CREATE TABLE persona ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  description TEXT,"
	"  share REAL NOT NULL CHECK (share BETWEEN 0 AND 1),"
	"  patience INTEGER NOT NULL CHECK (patience >= 1),"
	"  explore_bias REAL NOT NULL CHECK (explore_bias > 0),"
	"  emotion_sensitivity REAL NOT NULL CHECK (emotion_sensitivity >= 0),"
	"  position INTEGER NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (journey_id, key)"
	");",
	/* 2: what-if scenarios kept with their journey (workshop mode).
	 * Rates and scores are NULL where there was nothing to measure (no
	 * baseline).  UNIQUE (journey_id, name) also serves the cascade. */
	"CREATE TABLE scenario ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  created INTEGER NOT NULL,"
	"  customers INTEGER NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  persona TEXT,"
	"  plain INTEGER NOT NULL DEFAULT 0,"
	"  changes TEXT NOT NULL DEFAULT '',"
	"  base_conv REAL, base_lo REAL, base_hi REAL,"
	"  conv REAL, conv_lo REAL, conv_hi REAL,"
	"  diff REAL, diff_lo REAL, diff_hi REAL,"
	"  significant INTEGER NOT NULL DEFAULT 0,"
	"  base_nps REAL, nps REAL,"
	"  report TEXT NOT NULL,"
	"  UNIQUE (journey_id, name)"
	");",
	/* 3: the lanes of the journey map.  Thinking and backstage are text
	 * of the touchpoint; the lists (by lane key, in order) and the KPIs
	 * are rows of their own, deleted with their touchpoint.  The UNIQUE
	 * constraints lead with touchpoint_id, so they serve the cascade. */
	"ALTER TABLE touchpoint ADD COLUMN thinking TEXT;"
	"ALTER TABLE touchpoint ADD COLUMN backstage TEXT;"
	"CREATE TABLE lane_item ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  lane TEXT NOT NULL CHECK (lane IN ('pains', 'opportunities',"
	"    'evidence')),"
	"  position INTEGER NOT NULL,"
	"  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	"  UNIQUE (touchpoint_id, lane, position)"
	");"
	"CREATE INDEX lane_item_journey ON lane_item (journey_id);"
	"CREATE TABLE kpi ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER NOT NULL"
	"    REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  value REAL NOT NULL,"
	"  target REAL,"
	"  unit TEXT,"
	"  lower_better INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (touchpoint_id, position),"
	"  UNIQUE (touchpoint_id, name)"
	");"
	"CREATE INDEX kpi_journey ON kpi (journey_id);",
	/* 4: the generation, so that a row version never repeats for a key
	 * (a journey replaced by an import, a touchpoint deleted and added
	 * again): it starts above every version stored so far. */
	"CREATE TABLE generation ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  value INTEGER NOT NULL"
	");"
	"INSERT INTO generation (id, value) SELECT 1, max("
	"  (SELECT coalesce(max(version), 0) FROM journey),"
	"  (SELECT coalesce(max(version), 0) FROM touchpoint),"
	"  (SELECT coalesce(max(version), 0) FROM transition),"
	"  (SELECT coalesce(max(version), 0) FROM persona));",
	/* 5: event logs kept with their journey (`mot log import`).  The
	 * activities map to touchpoints by key, so that a log outlives an
	 * import that replaces its journey's touchpoints; the cases are kept
	 * in parts of model_log_encode(), a few hundred rows for a million
	 * events.  The UNIQUE constraints also serve the cascades. */
	"CREATE TABLE log ("
	"  id INTEGER PRIMARY KEY,"
	"  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  source TEXT NOT NULL,"
	"  imported INTEGER NOT NULL,"
	"  cases INTEGER NOT NULL CHECK (cases >= 0),"
	"  events INTEGER NOT NULL CHECK (events >= 0),"
	"  UNIQUE (journey_id, name)"
	");"
	"CREATE TABLE log_activity ("
	"  id INTEGER PRIMARY KEY,"
	"  log_id INTEGER NOT NULL REFERENCES log (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  touchpoint TEXT NOT NULL,"
	"  events INTEGER NOT NULL CHECK (events >= 0),"
	"  UNIQUE (log_id, position)"
	");"
	"CREATE TABLE log_part ("
	"  id INTEGER PRIMARY KEY,"
	"  log_id INTEGER NOT NULL REFERENCES log (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  data BLOB NOT NULL,"
	"  UNIQUE (log_id, position)"
	");",
	/* 6: presence, who has which journey open (store_presence_set): one
	 * row per process, refreshed every few seconds; a row not refreshed
	 * for STORE_PRESENCE_GONE_S counts as gone.  The journey by key, as
	 * the designer has it open; no foreign key, so that nothing of an
	 * edit waits on it. */
	"CREATE TABLE presence ("
	"  host TEXT NOT NULL,"
	"  pid INTEGER NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  journey TEXT NOT NULL,"
	"  seen INTEGER NOT NULL,"
	"  PRIMARY KEY (host, pid)"
	");"
	"CREATE INDEX presence_journey ON presence (journey);",
};
