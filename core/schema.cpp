#include "core/schema.h"

namespace rekindle::core {
namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE contacts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (name <> ''),
  given_name    TEXT NOT NULL DEFAULT '',
  family_name   TEXT NOT NULL DEFAULT '',
  middle_name   TEXT NOT NULL DEFAULT '',
  name_prefix   TEXT NOT NULL DEFAULT '',
  name_suffix   TEXT NOT NULL DEFAULT '',
  nickname      TEXT NOT NULL DEFAULT '',
  company       TEXT NOT NULL DEFAULT '',
  department    TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL DEFAULT '',
  birthday      TEXT NOT NULL DEFAULT '',
  anniversary   TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  tier          TEXT NOT NULL DEFAULT 'dormant'
                CHECK (tier IN ('inner', 'close', 'regular', 'wider', 'dormant')),
  cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  trust         REAL CHECK (trust IS NULL OR (trust >= 0 AND trust <= 1)),
  connected_on  TEXT,
  source        TEXT NOT NULL DEFAULT 'manual',
  due           TEXT,
  starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  snooze_streak INTEGER NOT NULL DEFAULT 0
) STRICT;

-- e-mails, phones, URLs and addresses, in the order the user sees them.
CREATE TABLE contact_fields (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'url', 'address')),
  position   INTEGER NOT NULL,
  value      TEXT NOT NULL,
  label      TEXT NOT NULL DEFAULT '',
  preferred  INTEGER NOT NULL DEFAULT 0,
  grp        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, kind, position)
) STRICT;
CREATE INDEX contact_fields_value ON contact_fields(kind, value);

CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  tag        TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) STRICT;

CREATE TABLE contact_photos (
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  mime       TEXT NOT NULL,
  bytes      BLOB NOT NULL
) STRICT;

-- vCard properties we do not model, verbatim, so export loses nothing.
CREATE TABLE contact_extra_properties (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  line       TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) STRICT;

CREATE TABLE interactions (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  channel    TEXT NOT NULL CHECK (channel IN ('linkedin', 'email', 'phone', 'meeting', 'other')),
  kind       TEXT NOT NULL CHECK (kind IN ('give', 'ask', 'neutral', 'inbound')),
  grade      INTEGER CHECK (grade IS NULL OR grade BETWEEN 1 AND 4),
  note       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX interactions_contact ON interactions(contact_id, date);

-- Review decisions: the undo stack. before_state holds the contact's scheduling fields as
-- they were, interaction_id the touchpoint the decision created (if any).
CREATE TABLE decisions (
  id             INTEGER PRIMARY KEY,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  day            TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('right', 'left', 'up', 'down', 'skip')),
  before_state   TEXT NOT NULL,
  interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX decisions_day ON decisions(day);

CREATE TABLE goals (
  id       INTEGER PRIMARY KEY,
  text     TEXT NOT NULL CHECK (text <> ''),
  target   TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  current  INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1))
) STRICT;

CREATE TABLE contact_goals (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  relevance  TEXT NOT NULL DEFAULT 'none' CHECK (relevance IN ('none', 'some', 'high')),
  can_help   TEXT NOT NULL DEFAULT '',
  offer      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, goal_id)
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
)sql";

// Job changes (issue 11): a title or company that changed, with the day it was noticed, so a
// draft congratulates only on a change it knows about, never on a title held for years.
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE job_changes (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  day         TEXT NOT NULL,
  old_title   TEXT NOT NULL DEFAULT '',
  old_company TEXT NOT NULL DEFAULT '',
  new_title   TEXT NOT NULL DEFAULT '',
  new_company TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX job_changes_contact ON job_changes(contact_id, day);
)sql";

// Migration 3 (words): the day a contact left the dormant pool for a tier, so warmth reads
// the layer's cadence from then on and a tie given a tier after years of silence is "back on
// your list", not overdue by years. Existing rows keep NULL: "not known".
constexpr std::string_view kMigration3 = R"sql(
ALTER TABLE contacts ADD COLUMN listed_since TEXT;
)sql";


// Migration 4, "Sort your network" (owner: triage): one row per contact the first-run triage answered,
// with the state the answer replaced, so the triage resumes and undo restores exactly.
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE sort_answers (
  contact_id       INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL UNIQUE,
  answer           TEXT NOT NULL CHECK (answer IN ('close', 'keep', 'acquaintance', 'unknown')),
  day              TEXT NOT NULL,
  before_tier      TEXT NOT NULL,
  before_due       TEXT,
  before_starred   INTEGER NOT NULL DEFAULT 0,
  before_archived  INTEGER NOT NULL DEFAULT 0,
  before_snooze    INTEGER NOT NULL DEFAULT 0,
  before_listed    TEXT,
  goal_id          INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  before_link      INTEGER NOT NULL DEFAULT 0 CHECK (before_link IN (0, 1)),
  before_relevance TEXT NOT NULL DEFAULT 'none',
  before_can_help  TEXT NOT NULL DEFAULT '',
  before_offer     TEXT NOT NULL DEFAULT ''
) STRICT;
)sql";

// Migration 5 (issue 11): what the user and the contact talked about, stored as the noun
// phrase drafts use ("our conversation about orbital mechanics"). Existing rows: not known.
constexpr std::string_view kMigration5 = R"sql(
ALTER TABLE contacts ADD COLUMN topic TEXT NOT NULL DEFAULT '';
)sql";

// Migration 6 (issue 16, history): touches imported from mail, LinkedIn messages and calendars
// carry the id of what they came from (Message-ID, LinkedIn conversation and date, event UID
// and start), so importing the same file again adds nothing. One message to three contacts is
// three touches with the same id: unique per contact.
constexpr std::string_view kMigration6 = R"sql(
ALTER TABLE interactions ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX interactions_external ON interactions(contact_id, external_id)
  WHERE external_id IS NOT NULL;
)sql";

// Migration 7 (issue 13, deck): the deck from SQL, not from the whole network in memory.
// - contacts_due: contacts on the list (a tier or a cadence), by archived and due day, so
//   the day's due cards are one index range and the list's size one index count.
// - contacts_archived_tier: the start-up counts from an index, not from every row.
// - pool_rank: one row per contact in the dormant pool (no tier, no cadence, not archived)
//   with what orders reactivation candidates and does not change from day to day: the value
//   the contact has at full novelty (bound), the seniority of its title, the last touch
//   (its latest interaction or connection day), whether it has a logged touch at all, and
//   the seeded tie-break. The deck reads its top rows by pool_rank_order.
// - pool_stale: contacts whose inputs changed since their row was computed, kept by the
//   triggers below; the deck recomputes them (and only them) before it reads the pool.
// - pool_state: the seed and current goal the rows were computed for (NULL: never), so a
//   new seed rebuilds every row and a new goal the rows of its linked contacts.
// Inside a trigger, INSERT OR IGNORE would take the outer statement's conflict policy, so
// the triggers insert WHERE NOT EXISTS.
constexpr std::string_view kMigration7 = R"sql(
CREATE INDEX contacts_due ON contacts(archived, due)
  WHERE tier <> 'dormant' OR cadence_days > 0;
-- The counts the first frame needs (contacts, those not archived, those without a tier) read
-- this small index instead of every contact's row.
CREATE INDEX contacts_archived_tier ON contacts(archived, tier);

CREATE TABLE pool_rank (
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  bound      REAL NOT NULL,
  seniority  INTEGER NOT NULL,
  touched    TEXT,
  logged     INTEGER NOT NULL,
  hash       REAL NOT NULL
) STRICT;
CREATE INDEX pool_rank_order ON pool_rank(bound DESC, seniority DESC, touched DESC, hash, contact_id);

CREATE TABLE pool_stale (
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE pool_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  seed    TEXT,
  goal_id INTEGER
) STRICT;
INSERT INTO pool_state (id, seed, goal_id) VALUES (1, NULL, NULL);

CREATE TRIGGER pool_contact_added AFTER INSERT ON contacts BEGIN
  INSERT INTO pool_stale (contact_id) SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.id);
END;
CREATE TRIGGER pool_contact_changed AFTER UPDATE ON contacts
  WHEN OLD.tier IS NOT NEW.tier OR OLD.cadence_days IS NOT NEW.cadence_days OR OLD.trust IS NOT NEW.trust
    OR OLD.archived IS NOT NEW.archived OR OLD.connected_on IS NOT NEW.connected_on OR OLD.title IS NOT NEW.title
BEGIN
  INSERT INTO pool_stale (contact_id) SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.id);
END;
CREATE TRIGGER pool_touch_added AFTER INSERT ON interactions BEGIN
  INSERT INTO pool_stale (contact_id) SELECT NEW.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER pool_touch_removed AFTER DELETE ON interactions BEGIN
  INSERT INTO pool_stale (contact_id) SELECT OLD.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = OLD.contact_id)
      AND EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id);
END;
CREATE TRIGGER pool_touch_changed AFTER UPDATE OF contact_id, date ON interactions BEGIN
  INSERT INTO pool_stale (contact_id) SELECT OLD.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = OLD.contact_id);
  INSERT INTO pool_stale (contact_id) SELECT NEW.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER pool_link_added AFTER INSERT ON contact_goals BEGIN
  INSERT INTO pool_stale (contact_id) SELECT NEW.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER pool_link_changed AFTER UPDATE ON contact_goals BEGIN
  INSERT INTO pool_stale (contact_id) SELECT OLD.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = OLD.contact_id);
  INSERT INTO pool_stale (contact_id) SELECT NEW.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER pool_link_removed AFTER DELETE ON contact_goals BEGIN
  INSERT INTO pool_stale (contact_id) SELECT OLD.contact_id
    WHERE NOT EXISTS (SELECT 1 FROM pool_stale WHERE contact_id = OLD.contact_id)
      AND EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id);
END;
)sql";

// Migration 8 (issue 15, CardDAV sync): each card of the chosen address book that a contact
// is synced with, and the card as both sides last agreed on it (so a later sync tells an edit
// here from one on the server); and the values a concurrent edit left for the user to choose.
// sync_cards has no foreign key: a contact deleted here must still be deleted on the server.
constexpr std::string_view kMigration8 = R"sql(
CREATE TABLE sync_cards (
  book           TEXT NOT NULL,
  href           TEXT NOT NULL,
  contact_id     INTEGER NOT NULL,
  etag           TEXT NOT NULL DEFAULT '',
  base           TEXT NOT NULL DEFAULT '',
  server_deleted INTEGER NOT NULL DEFAULT 0 CHECK (server_deleted IN (0, 1)),
  PRIMARY KEY (book, href)
) STRICT;
CREATE INDEX sync_cards_contact ON sync_cards(contact_id);
CREATE TABLE sync_conflicts (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  field      TEXT NOT NULL,
  here       TEXT NOT NULL,
  server     TEXT NOT NULL,
  PRIMARY KEY (contact_id, field)
) STRICT;
)sql";

constexpr std::string_view kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4, kMigration5,
                                            kMigration6, kMigration7, kMigration8};

}  // namespace

std::span<const std::string_view> schema_migrations() { return kMigrations; }

}  // namespace rekindle::core
