// Store: the contacts table and its child tables (fields, tags, photo, extra properties).
#include <iterator>
#include <unordered_map>

#include "core/store.h"

namespace rekindle::core {
namespace {

// Every contact column after id, in the order insert/update bind them.
constexpr const char* kContactColumnNames[] = {
    "name",     "given_name", "family_name",  "middle_name",  "name_prefix",  "name_suffix",
    "nickname", "company",    "department",   "title",        "birthday",     "anniversary",
    "notes",    "tier",       "cadence_days", "trust",        "connected_on", "source",
    "due",      "starred",    "archived",     "snooze_streak", "listed_since",
    "topic"};
constexpr int kContactColumnCount = static_cast<int>(std::size(kContactColumnNames));

// "name, given_name, ..." or, for an UPDATE, "name = ?1, given_name = ?2, ...".
std::string contact_column_list(bool numbered_assignments) {
  std::string out;
  for (int i = 0; i < kContactColumnCount; ++i) {
    out += (i ? ", " : "") + std::string(kContactColumnNames[i]);
    if (numbered_assignments) out += " = ?" + std::to_string(i + 1);
  }
  return out;
}

void bind_contact_columns(Statement& s, const Contact& c) {
  s.bind(1, c.name).bind(2, c.given_name).bind(3, c.family_name).bind(4, c.middle_name);
  s.bind(5, c.name_prefix).bind(6, c.name_suffix).bind(7, c.nickname).bind(8, c.company);
  s.bind(9, c.department).bind(10, c.title).bind(11, c.birthday).bind(12, c.anniversary);
  s.bind(13, c.notes).bind(14, c.tier).bind(15, c.cadence_days).bind(16, c.trust);
  s.bind(17, c.connected_on).bind(18, c.source).bind(19, c.due).bind(20, c.starred);
  s.bind(21, c.archived).bind(22, c.snooze_streak).bind(23, c.listed_since);
  s.bind(24, c.topic);
}

Contact read_contact_columns(const Statement& s) {
  Contact c;
  int i = 0;
  c.id = s.int64(i++);
  c.name = s.text(i++);
  c.given_name = s.text(i++);
  c.family_name = s.text(i++);
  c.middle_name = s.text(i++);
  c.name_prefix = s.text(i++);
  c.name_suffix = s.text(i++);
  c.nickname = s.text(i++);
  c.company = s.text(i++);
  c.department = s.text(i++);
  c.title = s.text(i++);
  c.birthday = s.text(i++);
  c.anniversary = s.text(i++);
  c.notes = s.text(i++);
  c.tier = s.text(i++);
  if (auto v = s.optional_int64(i++)) c.cadence_days = static_cast<int>(*v);
  c.trust = s.optional_real(i++);
  c.connected_on = parse_optional_day(s.optional_text(i++));
  c.source = s.text(i++);
  c.due = parse_optional_day(s.optional_text(i++));
  c.starred = s.int64(i++) != 0;
  c.archived = s.int64(i++) != 0;
  c.snooze_streak = static_cast<int>(s.int64(i++));
  c.listed_since = parse_optional_day(s.optional_text(i++));
  c.topic = s.text(i++);
  return c;
}

std::vector<LabeledValue>* field_list(Contact& c, const std::string& kind) {
  if (kind == "email") return &c.emails;
  if (kind == "phone") return &c.phones;
  if (kind == "url") return &c.urls;
  if (kind == "address") return &c.addresses;
  return nullptr;
}

// Loads the children of the given contacts (all of them when only_id is 0); photos as their
// type only (empty bytes) unless photo_bytes.
Status load_children(Database& db, std::vector<Contact>& contacts, int64_t only_id, bool photo_bytes = true) {
  std::unordered_map<int64_t, Contact*> by_id;
  for (Contact& c : contacts) by_id[c.id] = &c;
  const std::string where = only_id ? " WHERE contact_id = ?" : "";
  auto each_row = [&](const std::string& sql, auto&& fn) -> Status {
    auto s = db.prepare(sql);
    if (!s) return make_error(s.error());
    if (only_id) s->bind(1, only_id);
    return s->each_row([&](const Statement& row) {
      if (auto it = by_id.find(row.int64(0)); it != by_id.end()) fn(*it->second, row);
    });
  };
  if (Status st = each_row("SELECT contact_id, kind, value, label, preferred, grp FROM contact_fields" + where +
                               " ORDER BY contact_id, kind, position",
                           [](Contact& c, const Statement& s) {
                             if (auto* list = field_list(c, s.text(1)))
                               list->push_back({s.text(2), s.text(3), s.int64(4) != 0, s.text(5)});
                           });
      !st)
    return st;
  if (Status st = each_row("SELECT contact_id, tag FROM contact_tags" + where + " ORDER BY contact_id, position",
                           [](Contact& c, const Statement& s) { c.tags.push_back(s.text(1)); });
      !st)
    return st;
  if (Status st =
          each_row("SELECT contact_id, line FROM contact_extra_properties" + where + " ORDER BY contact_id, position",
                   [](Contact& c, const Statement& s) { c.extra_properties.push_back(s.text(1)); });
      !st)
    return st;
  return each_row(std::string(photo_bytes ? "SELECT contact_id, mime, bytes" : "SELECT contact_id, mime, ''") +
                      " FROM contact_photos" + where,
                  [](Contact& c, const Statement& s) { c.photo = Photo{s.text(1), s.blob(2)}; });
}

}  // namespace

Result<int64_t> Store::insert_contact(const Contact& contact) {
  std::string placeholders;
  for (int i = 0; i < kContactColumnCount; ++i) placeholders += i ? ", ?" : "?";
  auto s = db_->prepare("INSERT INTO contacts (" + contact_column_list(false) + ") VALUES (" + placeholders + ")");
  if (!s) return make_error(s.error());
  bind_contact_columns(*s, contact);
  if (Status st = s->run(); !st) return make_error(st.error());
  Contact stored = contact;
  stored.id = db_->last_insert_rowid();
  if (Status st = write_contact_children(stored); !st) return make_error(st.error());
  return stored.id;
}

Status Store::update_contact(const Contact& contact) {
  auto s = db_->prepare("UPDATE contacts SET " + contact_column_list(true) + " WHERE id = ?" +
                        std::to_string(kContactColumnCount + 1));
  if (!s) return make_error(s.error());
  bind_contact_columns(*s, contact);
  s->bind(kContactColumnCount + 1, contact.id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(contact.id));
  for (const char* table : {"contact_fields", "contact_tags", "contact_photos", "contact_extra_properties"}) {
    auto del = db_->prepare(std::string("DELETE FROM ") + table + " WHERE contact_id = ?");
    if (!del) return make_error(del.error());
    del->bind(1, contact.id);
    if (Status st = del->run(); !st) return st;
  }
  return write_contact_children(contact);
}

Status Store::write_contact_children(const Contact& c) {
  const std::pair<const char*, const std::vector<LabeledValue>*> lists[] = {
      {"email", &c.emails}, {"phone", &c.phones}, {"url", &c.urls}, {"address", &c.addresses}};
  for (const auto& [kind, list] : lists) {
    for (size_t i = 0; i < list->size(); ++i) {
      const LabeledValue& v = (*list)[i];
      auto s = db_->prepare(
          "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred, grp) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!s) return make_error(s.error());
      s->bind(1, c.id).bind(2, kind).bind(3, static_cast<int64_t>(i)).bind(4, v.value).bind(5, v.label);
      s->bind(6, v.preferred).bind(7, v.group);
      if (Status st = s->run(); !st) return st;
    }
  }
  for (size_t i = 0; i < c.tags.size(); ++i) {
    auto s = db_->prepare("INSERT INTO contact_tags (contact_id, position, tag) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, c.tags[i]);
    if (Status st = s->run(); !st) return st;
  }
  if (c.photo) {
    auto s = db_->prepare("INSERT INTO contact_photos (contact_id, mime, bytes) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, c.photo->mime).bind_blob(3, c.photo->bytes);
    if (Status st = s->run(); !st) return st;
  }
  for (size_t i = 0; i < c.extra_properties.size(); ++i) {
    auto s = db_->prepare("INSERT INTO contact_extra_properties (contact_id, position, line) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, c.extra_properties[i]);
    if (Status st = s->run(); !st) return st;
  }
  return Status::success();
}

Status Store::update_contact_changes(const Contact& before, const Contact& after) {
  const Contact& b = before;
  const Contact& a = after;
  // The columns that differ, by their number in kContactColumnNames (1-based, as bound).
  const bool differs[kContactColumnCount] = {
      a.name != b.name,         a.given_name != b.given_name,     a.family_name != b.family_name,
      a.middle_name != b.middle_name, a.name_prefix != b.name_prefix, a.name_suffix != b.name_suffix,
      a.nickname != b.nickname, a.company != b.company,           a.department != b.department,
      a.title != b.title,       a.birthday != b.birthday,         a.anniversary != b.anniversary,
      a.notes != b.notes,       a.tier != b.tier,                 a.cadence_days != b.cadence_days,
      a.trust != b.trust,       a.connected_on != b.connected_on, a.source != b.source,
      a.due != b.due,           a.starred != b.starred,           a.archived != b.archived,
      a.snooze_streak != b.snooze_streak, a.listed_since != b.listed_since, a.topic != b.topic};
  std::string set;
  for (int i = 0; i < kContactColumnCount; ++i)
    if (differs[i]) set += (set.empty() ? "" : ", ") + std::string(kContactColumnNames[i]) + " = ?" + std::to_string(i + 1);
  if (!set.empty()) {
    auto s = db_->prepare("UPDATE contacts SET " + set + " WHERE id = ?" + std::to_string(kContactColumnCount + 1));
    if (!s) return make_error(s.error());
    // Every column is bound; the statement reads only those it names.
    bind_contact_columns(*s, a);
    s->bind(kContactColumnCount + 1, a.id);
    if (Status st = s->run(); !st) return st;
    if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(a.id));
  }
  // Lists: rows changed in place, appended, or dropped from the end, by position.
  const std::pair<const char*, std::pair<const std::vector<LabeledValue>*, const std::vector<LabeledValue>*>> lists[] = {
      {"email", {&b.emails, &a.emails}}, {"phone", {&b.phones, &a.phones}},
      {"url", {&b.urls, &a.urls}},       {"address", {&b.addresses, &a.addresses}}};
  for (const auto& [kind, pair] : lists) {
    const auto& [old_list, new_list] = pair;
    for (size_t i = 0; i < new_list->size(); ++i) {
      const LabeledValue& v = (*new_list)[i];
      if (i < old_list->size() && (*old_list)[i] == v) continue;
      auto s = db_->prepare(i < old_list->size()
          ? "UPDATE contact_fields SET value = ?4, label = ?5, preferred = ?6, grp = ?7 "
            "WHERE contact_id = ?1 AND kind = ?2 AND position = ?3"
          : "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred, grp) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (!s) return make_error(s.error());
      s->bind(1, a.id).bind(2, kind).bind(3, static_cast<int64_t>(i)).bind(4, v.value).bind(5, v.label);
      s->bind(6, v.preferred).bind(7, v.group);
      if (Status st = s->run(); !st) return st;
    }
    if (new_list->size() < old_list->size()) {
      auto s = db_->prepare("DELETE FROM contact_fields WHERE contact_id = ? AND kind = ? AND position >= ?");
      if (!s) return make_error(s.error());
      s->bind(1, a.id).bind(2, kind).bind(3, static_cast<int64_t>(new_list->size()));
      if (Status st = s->run(); !st) return st;
    }
  }
  const std::pair<const char*, std::pair<const std::vector<std::string>*, const std::vector<std::string>*>> texts[] = {
      {"contact_tags|tag", {&b.tags, &a.tags}}, {"contact_extra_properties|line", {&b.extra_properties, &a.extra_properties}}};
  for (const auto& [spec, pair] : texts) {
    const auto& [old_list, new_list] = pair;
    const std::string_view both(spec);
    const std::string table(both.substr(0, both.find('|'))), column(both.substr(both.find('|') + 1));
    for (size_t i = 0; i < new_list->size(); ++i) {
      if (i < old_list->size() && (*old_list)[i] == (*new_list)[i]) continue;
      auto s = db_->prepare(i < old_list->size()
          ? "UPDATE " + table + " SET " + column + " = ?3 WHERE contact_id = ?1 AND position = ?2"
          : "INSERT INTO " + table + " (contact_id, position, " + column + ") VALUES (?1, ?2, ?3)");
      if (!s) return make_error(s.error());
      s->bind(1, a.id).bind(2, static_cast<int64_t>(i)).bind(3, (*new_list)[i]);
      if (Status st = s->run(); !st) return st;
    }
    if (new_list->size() < old_list->size()) {
      auto s = db_->prepare("DELETE FROM " + table + " WHERE contact_id = ? AND position >= ?");
      if (!s) return make_error(s.error());
      s->bind(1, a.id).bind(2, static_cast<int64_t>(new_list->size()));
      if (Status st = s->run(); !st) return st;
    }
  }
  if (a.photo != b.photo) {
    auto del = db_->prepare("DELETE FROM contact_photos WHERE contact_id = ?");
    if (!del) return make_error(del.error());
    del->bind(1, a.id);
    if (Status st = del->run(); !st) return st;
    if (a.photo) {
      auto s = db_->prepare("INSERT INTO contact_photos (contact_id, mime, bytes) VALUES (?, ?, ?)");
      if (!s) return make_error(s.error());
      s->bind(1, a.id).bind(2, a.photo->mime).bind_blob(3, a.photo->bytes);
      if (Status st = s->run(); !st) return st;
    }
  }
  return Status::success();
}

Result<std::vector<Contact>> Store::contacts_for_import() {
  // In contacts()' order: when two stored contacts share a key, the first indexed matches.
  auto s = db_->prepare("SELECT id, " + contact_column_list(false) + " FROM contacts ORDER BY name COLLATE NOCASE, id");
  if (!s) return make_error(s.error());
  std::vector<Contact> out;
  if (Status st = s->each_row([&](const Statement& row) { out.push_back(read_contact_columns(row)); }); !st)
    return make_error(st.error());
  if (Status st = load_children(*db_, out, 0, false); !st) return make_error(st.error());
  return out;
}

Result<std::optional<Contact>> Store::contact(int64_t id) {
  auto s = db_->prepare("SELECT id, " + contact_column_list(false) + " FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<Contact>();
  std::vector<Contact> one{read_contact_columns(*s)};
  if (Status st = load_children(*db_, one, id); !st) return make_error(st.error());
  return std::optional<Contact>(std::move(one.front()));
}

Result<std::vector<Contact>> Store::contacts(const std::string& search) {
  std::string sql = "SELECT id, " + contact_column_list(false) + " FROM contacts";
  if (!search.empty()) {
    sql +=
        " WHERE name LIKE ?1 ESCAPE '\\' OR company LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'"
        " OR notes LIKE ?1 ESCAPE '\\'"
        " OR EXISTS (SELECT 1 FROM contact_fields f WHERE f.contact_id = contacts.id AND f.value LIKE ?1 ESCAPE '\\')"
        " OR EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = contacts.id AND t.tag LIKE ?1 ESCAPE '\\')";
  }
  sql += " ORDER BY name COLLATE NOCASE, id";
  auto s = db_->prepare(sql);
  if (!s) return make_error(s.error());
  if (!search.empty()) {
    std::string pattern = "%";
    for (char ch : search) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    s->bind(1, pattern + "%");
  }
  std::vector<Contact> out;
  if (Status st = s->each_row([&](const Statement& row) { out.push_back(read_contact_columns(row)); }); !st)
    return make_error(st.error());
  if (Status st = load_children(*db_, out, 0); !st) return make_error(st.error());
  return out;
}

Result<int64_t> Store::contact_count() { return db_->query_int("SELECT count(*) FROM contacts"); }

Status Store::delete_contact(int64_t id) {
  auto s = db_->prepare("DELETE FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  return s->run();
}

Status Store::move_history(int64_t from_id, int64_t to_id) {
  for (const char* sql : {"UPDATE interactions SET contact_id = ?2 WHERE contact_id = ?1",
                          "UPDATE decisions SET contact_id = ?2 WHERE contact_id = ?1"}) {
    auto s = db_->prepare(sql);
    if (!s) return make_error(s.error());
    s->bind(1, from_id).bind(2, to_id);
    if (Status r = s->run(); !r) return r;
  }
  return Status::success();
}

Result<std::optional<std::string>> Store::contact_name(int64_t id) {
  auto s = db_->prepare("SELECT name FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(s->text(0));
}

Result<std::vector<Contact>> Store::schedule_contacts(std::optional<int64_t> only_id) {
  auto s = db_->prepare(
      "SELECT id, name, company, title, tier, cadence_days, trust, connected_on, due, starred, archived, "
      "snooze_streak, listed_since FROM contacts" +
      std::string(only_id ? " WHERE id = ?" : "") + " ORDER BY id");
  if (!s) return make_error(s.error());
  if (only_id) s->bind(1, *only_id);
  std::vector<Contact> out;
  Status st = s->each_row([&](const Statement& row) {
    Contact& c = out.emplace_back();
    c.id = row.int64(0);
    c.name = row.text(1);
    c.company = row.text(2);
    c.title = row.text(3);
    c.tier = row.text(4);
    if (auto v = row.optional_int64(5)) c.cadence_days = static_cast<int>(*v);
    c.trust = row.optional_real(6);
    c.connected_on = parse_optional_day(row.optional_text(7));
    c.due = parse_optional_day(row.optional_text(8));
    c.starred = row.int64(9) != 0;
    c.archived = row.int64(10) != 0;
    c.snooze_streak = static_cast<int>(row.int64(11));
    c.listed_since = parse_optional_day(row.optional_text(12));
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::optional<SchedulingFields>> Store::scheduling_fields(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT due, starred, archived, snooze_streak, "
      "(SELECT coalesce(max(id), 0) FROM interactions WHERE contact_id = contacts.id) "
      "FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<SchedulingFields>();
  SchedulingFields f;
  f.due = parse_optional_day(s->optional_text(0));
  f.starred = s->int64(1) != 0;
  f.archived = s->int64(2) != 0;
  f.snooze_streak = static_cast<int>(s->int64(3));
  f.last_interaction_id = s->int64(4);
  return std::optional<SchedulingFields>(f);
}

Status Store::set_scheduling_fields(int64_t contact_id, const SchedulingFields& f) {
  auto s = db_->prepare("UPDATE contacts SET due = ?, starred = ?, archived = ?, snooze_streak = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, f.due).bind(2, f.starred).bind(3, f.archived).bind(4, f.snooze_streak).bind(5, contact_id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(contact_id));
  return Status::success();
}

Status Store::set_due(int64_t contact_id, std::optional<Day> due) {
  auto s = db_->prepare("UPDATE contacts SET due = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, due).bind(2, contact_id);
  return s->run();
}

Status Store::reset_snooze_streak(int64_t contact_id) {
  auto s = db_->prepare("UPDATE contacts SET snooze_streak = 0 WHERE id = ? AND snooze_streak <> 0");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  return s->run();
}

}  // namespace rekindle::core
