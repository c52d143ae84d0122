-- A mot database (SQLite) at schema version 5, written by mot's own
-- commands as they were at that version (a journey with a persona, a lane
-- item and an event log), then .dump.  Frozen: it stands for the
-- databases out there; never change it.  tests/unit/test_store_watch.c
-- upgrades it to version 6 (presence).
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE journey (  id INTEGER PRIMARY KEY,  key TEXT NOT NULL UNIQUE,  title TEXT NOT NULL CHECK (length(trim(title)) > 0),  description TEXT,  created INTEGER NOT NULL,  updated INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1);
INSERT INTO journey VALUES(1,'claim','Car claim','Schade melden, één keer',1796419029,1796419029,11);
CREATE TABLE touchpoint (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  key TEXT NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 4),  phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 4),  channel TEXT,  owner TEXT,  controlled INTEGER NOT NULL DEFAULT 1,  emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -3 AND 3),  critical INTEGER NOT NULL DEFAULT 0,  human INTEGER NOT NULL DEFAULT 0,  dwell REAL NOT NULL DEFAULT 0 CHECK (dwell >= 0),  conversion INTEGER NOT NULL DEFAULT 0,  drop_rate REAL NOT NULL DEFAULT 0 CHECK (drop_rate BETWEEN 0 AND 1),  notes TEXT,  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1, thinking TEXT, backstage TEXT,  UNIQUE (journey_id, key));
INSERT INTO touchpoint VALUES(1,1,'call','Emergency line',2,0,NULL,NULL,1,-2,0,0,0.0,0,0.0,NULL,0,11,NULL,NULL);
INSERT INTO touchpoint VALUES(2,1,'paid','Claim paid',3,0,NULL,NULL,1,0,0,0,0.0,1,0.0,NULL,0,11,NULL,NULL);
CREATE TABLE transition (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  from_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,  to_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,  weight REAL NOT NULL CHECK (weight > 0),  label TEXT,  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1,  UNIQUE (from_id, to_id));
INSERT INTO transition VALUES(1,1,1,2,2.5,NULL,0,11);
CREATE TABLE entry (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL UNIQUE    REFERENCES touchpoint (id) ON DELETE CASCADE,  weight REAL NOT NULL CHECK (weight > 0),  position INTEGER NOT NULL);
INSERT INTO entry VALUES(1,1,1,1.0,0);
CREATE TABLE persona (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  key TEXT NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  description TEXT,  share REAL NOT NULL CHECK (share BETWEEN 0 AND 1),  patience INTEGER NOT NULL CHECK (patience >= 1),  explore_bias REAL NOT NULL CHECK (explore_bias > 0),  emotion_sensitivity REAL NOT NULL CHECK (emotion_sensitivity >= 0),  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1,  UNIQUE (journey_id, key));
INSERT INTO persona VALUES(1,1,'driver','Stressed driver',NULL,1.0,50,1.0,1.0,0,11);
CREATE TABLE scenario (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  created INTEGER NOT NULL,  customers INTEGER NOT NULL,  seed INTEGER NOT NULL,  persona TEXT,  plain INTEGER NOT NULL DEFAULT 0,  changes TEXT NOT NULL DEFAULT '',  base_conv REAL, base_lo REAL, base_hi REAL,  conv REAL, conv_lo REAL, conv_hi REAL,  diff REAL, diff_lo REAL, diff_hi REAL,  significant INTEGER NOT NULL DEFAULT 0,  base_nps REAL, nps REAL,  report TEXT NOT NULL,  UNIQUE (journey_id, name));
CREATE TABLE lane_item (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL    REFERENCES touchpoint (id) ON DELETE CASCADE,  lane TEXT NOT NULL CHECK (lane IN ('pains', 'opportunities',    'evidence')),  position INTEGER NOT NULL,  text TEXT NOT NULL CHECK (length(trim(text)) > 0),  UNIQUE (touchpoint_id, lane, position));
INSERT INTO lane_item VALUES(1,1,1,'pains',0,'Long wait at night');
CREATE TABLE kpi (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL    REFERENCES touchpoint (id) ON DELETE CASCADE,  position INTEGER NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  value REAL NOT NULL,  target REAL,  unit TEXT,  lower_better INTEGER NOT NULL DEFAULT 0,  UNIQUE (touchpoint_id, position),  UNIQUE (touchpoint_id, name));
CREATE TABLE generation (  id INTEGER PRIMARY KEY CHECK (id = 1),  value INTEGER NOT NULL);
INSERT INTO generation VALUES(1,12);
CREATE TABLE log (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  source TEXT NOT NULL,  imported INTEGER NOT NULL,  cases INTEGER NOT NULL CHECK (cases >= 0),  events INTEGER NOT NULL CHECK (events >= 0),  UNIQUE (journey_id, name));
INSERT INTO log VALUES(1,1,'night','t.csv',1796419029,20,40);
CREATE TABLE log_activity (  id INTEGER PRIMARY KEY,  log_id INTEGER NOT NULL REFERENCES log (id) ON DELETE CASCADE,  position INTEGER NOT NULL,  name TEXT NOT NULL,  touchpoint TEXT NOT NULL,  events INTEGER NOT NULL CHECK (events >= 0),  UNIQUE (log_id, position));
INSERT INTO log_activity VALUES(1,1,0,'call','call',20);
INSERT INTO log_activity VALUES(2,1,1,'paid','paid',20);
CREATE TABLE log_part (  id INTEGER PRIMARY KEY,  log_id INTEGER NOT NULL REFERENCES log (id) ON DELETE CASCADE,  position INTEGER NOT NULL,  data BLOB NOT NULL,  UNIQUE (log_id, position));
INSERT INTO log_part VALUES(1,1,0,X'0130020080a0d5edee6601d00f01310200c0c9dcedee6601d00f0132020080f3e3edee6601d00f01330200c09cebedee6601d00f0134020080c6f2edee6601d00f01350200c0eff9edee6601d00f01360200809981eeee6601d00f01370200c0c288eeee6601d00f0138020080ec8feeee6601d00f01390200c09597eeee6601d00f023130020080bf9eeeee6601d00f0231310200c0e8a5eeee6601d00f02313202008092adeeee6601d00f0231330200c0bbb4eeee6601d00f023134020080e5bbeeee6601d00f0231350200c08ec3eeee6601d00f023136020080b8caeeee6601d00f0231370200c0e1d1eeee6601d00f0231380200808bd9eeee6601d00f0231390200c0b4e0eeee6601d00f');
CREATE INDEX touchpoint_order ON touchpoint (journey_id, stage, position);
CREATE INDEX transition_journey ON transition (journey_id);
CREATE INDEX transition_to ON transition (to_id);
CREATE INDEX entry_journey ON entry (journey_id);
CREATE INDEX lane_item_journey ON lane_item (journey_id);
CREATE INDEX kpi_journey ON kpi (journey_id);
COMMIT;
PRAGMA application_id = 1836020769;
PRAGMA user_version = 5;
