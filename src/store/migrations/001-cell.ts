/**
 * Migration step 1: released, so never edit this file (a test holds its
 * hash); change the schema with a new step. See ../migrations.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 1,
  name: 'cell: unit, questionnaires, members, rounds, responses',
  up: (db) => {
    db.exec(`
        CREATE TABLE unit (
          id          INTEGER PRIMARY KEY CHECK (id = 1),
          code        TEXT NOT NULL,
          name        TEXT NOT NULL,
          level       TEXT NOT NULL,
          parent_code TEXT,
          created_on  TEXT NOT NULL
        ) STRICT;

        -- A round pins its questionnaire: the YAML as read and its parsed form,
        -- so later edits of the file never change what a round means.
        CREATE TABLE questionnaire (
          sha256      TEXT PRIMARY KEY,
          qid         TEXT NOT NULL,
          version     TEXT NOT NULL,
          source_text TEXT NOT NULL,
          model_json  TEXT NOT NULL
        ) STRICT;

        CREATE TABLE member (
          id         INTEGER PRIMARY KEY,
          code       TEXT NOT NULL,
          name       TEXT NOT NULL,
          search_key TEXT NOT NULL,
          active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
          added_on   TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX member_code ON member (code COLLATE NOCASE);

        CREATE TABLE round (
          id                   INTEGER PRIMARY KEY,
          label                TEXT NOT NULL UNIQUE,
          questionnaire_sha256 TEXT NOT NULL REFERENCES questionnaire (sha256),
          anonymous            INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
          kind                 TEXT NOT NULL CHECK (kind IN ('collect', 'merge')),
          opened_on            TEXT NOT NULL,
          closed_on            TEXT
        ) STRICT;
        -- At most one open round.
        CREATE UNIQUE INDEX round_one_open ON round ((closed_on IS NULL)) WHERE closed_on IS NULL;

        -- Who has started or submitted: kept in every round (participation),
        -- WITHOUT ROWID so its physical order is the member's, not the time's.
        CREATE TABLE participation (
          round_id  INTEGER NOT NULL REFERENCES round (id),
          member_id INTEGER NOT NULL REFERENCES member (id),
          status    TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
          PRIMARY KEY (round_id, member_id)
        ) STRICT, WITHOUT ROWID;

        -- Response ids are random, never sequential. In an anonymous round
        -- member_id is NULL, the only date is the day, and resume_hash (the
        -- hash of a one-time code shown to the member) lives only while the
        -- response is in progress.
        CREATE TABLE response (
          id           INTEGER PRIMARY KEY,
          round_id     INTEGER NOT NULL REFERENCES round (id),
          member_id    INTEGER REFERENCES member (id),
          resume_hash  TEXT,
          status       TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
          cursor       TEXT,
          source       TEXT NOT NULL CHECK (source IN ('terminal', 'paper')),
          submitted_on TEXT
        ) STRICT;
        CREATE UNIQUE INDEX response_member ON response (round_id, member_id) WHERE member_id IS NOT NULL;
        CREATE INDEX response_round ON response (round_id, status);

        CREATE TABLE answer (
          response_id  INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
          behaviour_id TEXT NOT NULL,
          level        TEXT NOT NULL,
          PRIMARY KEY (response_id, behaviour_id)
        ) STRICT, WITHOUT ROWID;
      `);
  },
};
