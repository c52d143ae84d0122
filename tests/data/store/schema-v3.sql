-- A mot database at schema version 3, exactly as mot wrote it (the
-- statements of migrations 1 to 3), with one journey that has a row in
-- every table, lanes included, edited a few times (the highest version
-- is 12).  Frozen: it stands for the databases out there; never change
-- it.  tests/unit/test_store_open.c upgrades it.
CREATE TABLE journey (  id INTEGER PRIMARY KEY,  key TEXT NOT NULL UNIQUE,  title TEXT NOT NULL CHECK (length(trim(title)) > 0),  description TEXT,  created INTEGER NOT NULL,  updated INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE touchpoint (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  key TEXT NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 4),  phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 4),  channel TEXT,  owner TEXT,  controlled INTEGER NOT NULL DEFAULT 1,  emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -3 AND 3),  critical INTEGER NOT NULL DEFAULT 0,  human INTEGER NOT NULL DEFAULT 0,  dwell REAL NOT NULL DEFAULT 0 CHECK (dwell >= 0),  conversion INTEGER NOT NULL DEFAULT 0,  drop_rate REAL NOT NULL DEFAULT 0 CHECK (drop_rate BETWEEN 0 AND 1),  notes TEXT,  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1,  UNIQUE (journey_id, key));
CREATE INDEX touchpoint_order ON touchpoint (journey_id, stage, position);
CREATE TABLE transition (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  from_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,  to_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,  weight REAL NOT NULL CHECK (weight > 0),  label TEXT,  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1,  UNIQUE (from_id, to_id));
CREATE INDEX transition_journey ON transition (journey_id);
CREATE INDEX transition_to ON transition (to_id);
CREATE TABLE entry (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL UNIQUE    REFERENCES touchpoint (id) ON DELETE CASCADE,  weight REAL NOT NULL CHECK (weight > 0),  position INTEGER NOT NULL);
CREATE INDEX entry_journey ON entry (journey_id);
CREATE TABLE persona (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  key TEXT NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  description TEXT,  share REAL NOT NULL CHECK (share BETWEEN 0 AND 1),  patience INTEGER NOT NULL CHECK (patience >= 1),  explore_bias REAL NOT NULL CHECK (explore_bias > 0),  emotion_sensitivity REAL NOT NULL CHECK (emotion_sensitivity >= 0),  position INTEGER NOT NULL,  version INTEGER NOT NULL DEFAULT 1,  UNIQUE (journey_id, key));
CREATE TABLE scenario (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  created INTEGER NOT NULL,  customers INTEGER NOT NULL,  seed INTEGER NOT NULL,  persona TEXT,  plain INTEGER NOT NULL DEFAULT 0,  changes TEXT NOT NULL DEFAULT '',  base_conv REAL, base_lo REAL, base_hi REAL,  conv REAL, conv_lo REAL, conv_hi REAL,  diff REAL, diff_lo REAL, diff_hi REAL,  significant INTEGER NOT NULL DEFAULT 0,  base_nps REAL, nps REAL,  report TEXT NOT NULL,  UNIQUE (journey_id, name));
ALTER TABLE touchpoint ADD COLUMN thinking TEXT;
ALTER TABLE touchpoint ADD COLUMN backstage TEXT;
CREATE TABLE lane_item (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL    REFERENCES touchpoint (id) ON DELETE CASCADE,  lane TEXT NOT NULL CHECK (lane IN ('pains', 'opportunities',    'evidence')),  position INTEGER NOT NULL,  text TEXT NOT NULL CHECK (length(trim(text)) > 0),  UNIQUE (touchpoint_id, lane, position));
CREATE INDEX lane_item_journey ON lane_item (journey_id);
CREATE TABLE kpi (  id INTEGER PRIMARY KEY,  journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,  touchpoint_id INTEGER NOT NULL    REFERENCES touchpoint (id) ON DELETE CASCADE,  position INTEGER NOT NULL,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  value REAL NOT NULL,  target REAL,  unit TEXT,  lower_better INTEGER NOT NULL DEFAULT 0,  UNIQUE (touchpoint_id, position),  UNIQUE (touchpoint_id, name));
CREATE INDEX kpi_journey ON kpi (journey_id);
INSERT INTO journey VALUES (1, 'claim', 'Car claim', 'Schade melden, één keer', 1000, 2000, 9);
INSERT INTO touchpoint (id, journey_id, key, name, stage, phase, channel, emotion, drop_rate, notes, position, version) VALUES (1, 1, 'call', 'Emergency line', 2, 0, 'phone', -2, 0.1, 'Night shift: two agents', 0, 4);
INSERT INTO touchpoint (id, journey_id, key, name, stage, conversion, position) VALUES (2, 1, 'paid', 'Claim paid', 3, 1, 0);
INSERT INTO transition VALUES (1, 1, 1, 2, 2.5, 'approved', 0, 3);
INSERT INTO entry VALUES (1, 1, 1, 1, 0);
INSERT INTO persona VALUES (1, 1, 'driver', 'Stressed driver', NULL, 1, 30, 1, 1.5, 0, 2);
INSERT INTO scenario (journey_id, name, created, customers, seed, changes, report) VALUES (1, 'faster call', 3000, 1000, 7, 'call.drop=0.05', 'report text');
UPDATE touchpoint SET thinking = 'Is everyone all right?', backstage = 'Dispatch system', version = 11 WHERE id = 1;
UPDATE journey SET version = 12 WHERE id = 1;
INSERT INTO lane_item VALUES (1, 1, 1, 'pains', 0, 'Long wait at night');
INSERT INTO kpi VALUES (1, 1, 1, 0, 'Wait', 40, 5, 'min', 1);
PRAGMA application_id = 1836020769;
PRAGMA user_version = 3;
