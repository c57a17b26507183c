#include "core/exporter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <span>

#include "core/contact_json.h"
#include "core/csv_reader.h"
#include "core/model.h"
#include "core/text_encoding.h"
#include "core/url_encoding.h"
#include "core/vcard_reader.h"
#include "core/vcard_writer.h"

namespace rekindle::core {
namespace {

constexpr int kJsonExportVersion = 1;
constexpr std::string_view kListSeparator = " ::: ";
constexpr const char* kCalendarProductId = "-//Rekindle//Follow-ups 1.0//EN";

// Everything the exports need, loaded once.
struct Snapshot {
  std::vector<Contact> contacts;  // by id
  std::map<int64_t, std::vector<Interaction>> interactions;
  std::map<int64_t, std::vector<GoalLink>> links;
  std::vector<Goal> goals;
  std::map<int64_t, std::vector<DayDecision>> decisions;  // the newest, as cards carry them
};

Result<Snapshot> load_snapshot(Store& store) {
  Snapshot snap;
  auto contacts = store.contacts();
  if (!contacts) return make_error(contacts.error());
  snap.contacts = std::move(*contacts);
  // By id, so that importing an export into an empty database recreates the same ids.
  std::sort(snap.contacts.begin(), snap.contacts.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; });
  auto xs = store.all_interactions();
  if (!xs) return make_error(xs.error());
  for (Interaction& x : *xs) snap.interactions[x.contact_id].push_back(std::move(x));
  auto links = store.all_goal_links();
  if (!links) return make_error(links.error());
  for (GoalLink& l : *links) snap.links[l.contact_id].push_back(std::move(l));
  auto goals = store.goals(true);
  if (!goals) return make_error(goals.error());
  snap.goals = std::move(*goals);
  auto decided = store.card_decisions(std::nullopt);
  if (!decided) return make_error(decided.error());
  for (const auto& [id, d] : *decided) snap.decisions[id].push_back(d);
  return snap;
}

const std::vector<Interaction>& history_of(const Snapshot& snap, int64_t id) {
  static const std::vector<Interaction> kNone;
  auto it = snap.interactions.find(id);
  return it == snap.interactions.end() ? kNone : it->second;
}

const std::vector<GoalLink>& links_of(const Snapshot& snap, int64_t id) {
  static const std::vector<GoalLink> kNone;
  auto it = snap.links.find(id);
  return it == snap.links.end() ? kNone : it->second;
}

std::string optional_day_text(const std::optional<Day>& d) { return d ? format_iso_day(*d) : std::string(); }

std::string joined_values(const std::vector<LabeledValue>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : std::string(kListSeparator)) + v.value;
  return out;
}

std::string export_vcard(const Snapshot& snap) {
  std::string out;
  for (const Contact& c : snap.contacts) {
    const auto decided = snap.decisions.find(c.id);
    out += write_vcard(c, history_of(snap, c.id), links_of(snap, c.id), snap.goals,
                       decided == snap.decisions.end() ? std::vector<DayDecision>{} : decided->second);
  }
  return out;
}

std::string export_csv(const Snapshot& snap, Day today) {
  std::string out;
  auto row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  row(std::vector<std::string>(std::begin(kCsvExportColumns), std::end(kCsvExportColumns)));
  for (const Contact& c : snap.contacts) {
    const auto& xs = history_of(snap, c.id);
    char warmth[16];
    std::snprintf(warmth, sizeof warmth, "%.3f", warmth_on(c, xs, today));
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : std::string(kListSeparator)) + t;
    std::string trust;
    if (c.trust) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%g", *c.trust);
      trust = buf;
    }
    row({std::to_string(c.id), c.name, c.given_name, c.middle_name, c.family_name, c.name_prefix, c.name_suffix,
         c.nickname, c.company, c.department, c.title, joined_values(c.emails), joined_values(c.phones),
         joined_values(c.urls), joined_values(c.addresses), tags, c.birthday, c.anniversary, c.notes, c.tier,
         c.cadence_days ? std::to_string(*c.cadence_days) : "", trust, optional_day_text(c.connected_on),
         optional_day_text(last_touch(c, xs)), optional_day_text(c.due), warmth, c.starred ? "1" : "0",
         c.archived ? "1" : "0", c.source, c.topic});
  }
  return out;
}

std::string export_json(const Snapshot& snap, Day today) {
  using nlohmann::json;
  json goals = json::array();
  for (const Goal& g : snap.goals)
    goals.push_back({{"id", g.id}, {"text", g.text}, {"target", g.target}, {"deadline", day_json(g.deadline)},
                     {"archived", g.archived}, {"current", g.current}});
  json contacts = json::array();
  for (const Contact& c : snap.contacts) {
    const auto& xs = history_of(snap, c.id);
    json item = contact_detail_json(c, warmth_on(c, xs, today), last_touch(c, xs), xs, links_of(snap, c.id));
    // "Every field": the photo itself too, not only its presence.
    if (c.photo) item["photo"] = {{"mime", c.photo->mime}, {"base64", base64_encode(c.photo->bytes)}};
    if (const std::string uri = photo_uri(c); !uri.empty()) item["photo_uri"] = uri;
    // Addresses read from files keep their components apart, as ADR has them.
    for (size_t i = 0; i < c.addresses.size(); ++i) {
      if (const auto parts = address_structure(c, c.addresses[i].value)) {
        item["addresses"][i]["parts"] = {{"po_box", (*parts)[0]},   {"extended", (*parts)[1]},
                                         {"street", (*parts)[2]},   {"locality", (*parts)[3]},
                                         {"region", (*parts)[4]},   {"postal_code", (*parts)[5]},
                                         {"country", (*parts)[6]}};
      }
    }
    contacts.push_back(std::move(item));
  }
  json doc = {{"format", "rekindle"},
              {"version", kJsonExportVersion},
              {"exported_on", format_iso_day(today)},
              {"goals", std::move(goals)},
              {"contacts", std::move(contacts)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// TEXT escaping of RFC 5545 §3.3.11.
std::string ics_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string ics_date(Day day) {
  std::string iso = format_iso_day(day);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

std::string export_ics(const Snapshot& snap, Day today) {
  std::string out;
  // fold_vcard_line applies RFC 5545's identical rule: 75 octets, CRLF + space, UTF-8 safe.
  auto emit = [&](const std::string& line) { out += fold_vcard_line(line); };
  emit("BEGIN:VCALENDAR");
  emit("VERSION:2.0");
  emit(std::string("PRODID:") + kCalendarProductId);
  emit("CALSCALE:GREGORIAN");
  emit("METHOD:PUBLISH");
  emit("X-WR-CALNAME:Rekindle follow-ups");
  for (const Contact& c : snap.contacts) {
    if (!c.due || c.archived) continue;
    const auto& xs = history_of(snap, c.id);
    emit("BEGIN:VEVENT");
    // One UID per contact: a re-exported calendar moves the event instead of adding one.
    emit("UID:rekindle-contact-" + std::to_string(c.id) + "@rekindle.invalid");
    emit("DTSTAMP:" + ics_date(today) + "T000000Z");
    emit("DTSTART;VALUE=DATE:" + ics_date(*c.due));
    emit("DTEND;VALUE=DATE:" + ics_date(*c.due + 1));
    emit("SUMMARY:" + ics_text("Reach out to " + c.name));
    std::string description;
    if (!c.title.empty() || !c.company.empty())
      description += c.title + (!c.title.empty() && !c.company.empty() ? " at " : "") + c.company + "\n";
    const auto touched = last_touch(c, xs);
    description += "Last touch: " + (touched ? format_iso_day(*touched) : std::string("never")) + "\n";
    description += "Tier: " + c.tier;
    if (!xs.empty() && !xs.back().note.empty()) description += "\nLast topic: " + xs.back().note;
    emit("DESCRIPTION:" + ics_text(description));
    for (const auto& u : c.urls)
      if (is_openable_link(u.value) && u.value.find_first_of(" \t\r\n\"") == std::string::npos) {
        emit("URL:" + u.value);
        break;
      }
    emit("CATEGORIES:Rekindle");
    emit("TRANSP:TRANSPARENT");
    emit("END:VEVENT");
  }
  emit("END:VCALENDAR");
  return out;
}

}  // namespace

Result<std::string> export_contacts(Store& store, std::string_view format, Day today) {
  auto snap = load_snapshot(store);
  if (!snap) return make_error(snap.error());
  if (format == "vcard") return export_vcard(*snap);
  if (format == "csv") return export_csv(*snap, today);
  if (format == "json") return export_json(*snap, today);
  if (format == "ics") return export_ics(*snap, today);
  return make_error("unknown export format '" + std::string(format) + "' (use vcard, csv, json or ics)");
}

Status write_file_atomically(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return make_error(path + ": cannot write: " + std::strerror(errno));
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return make_error(path + ": cannot write: " + why);
    }
    written += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const std::string sync_error = synced ? "" : std::strerror(errno);
  if (::close(fd) != 0 || !synced) {
    const std::string why = synced ? std::strerror(errno) : sync_error;
    ::unlink(temp.c_str());
    return make_error(path + ": cannot write: " + why);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return make_error(path + ": cannot write: " + why);
  }
  return Status::success();
}

}  // namespace rekindle::core
