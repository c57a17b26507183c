#include "core/import_detect.h"

#include <algorithm>
#include <cctype>

#include "core/csv_contacts.h"
#include "core/history_import.h"
#include "core/text_encoding.h"
#include "core/vcard_reader.h"

namespace rekindle::core {
namespace {

// Detection looks at the start of a file only.
constexpr size_t kSniffBytes = 64 * 1024;

constexpr const char* kNotContacts =
    "not a contact file we can read (we read vCard .vcf files and the CSV exports of LinkedIn "
    "Connections, Google Contacts, Outlook and Thunderbird; for history, LinkedIn messages.csv, "
    "mbox, Maildir folders and .ics calendars)";

// True when a line of the text starts with BEGIN:VCARD (any case, leading blanks allowed).
bool has_vcard_begin(std::string_view bytes) {
  const std::string text = lower_ascii(decode_unicode_bytes(bytes.substr(0, std::min(bytes.size(), kSniffBytes))));
  size_t at = 0;
  while ((at = text.find("begin:vcard", at)) != std::string::npos) {
    size_t before = at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    if (before == 0 || text[before - 1] == '\n' || text[before - 1] == '\r') return true;
    at += 11;
  }
  return false;
}

bool is_blank(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

}  // namespace

bool is_import_format(std::string_view format) {
  if (format == "auto") return true;
  return std::any_of(std::begin(kImportFormats), std::end(kImportFormats), [&](const char* f) { return format == f; });
}

Result<std::string> detect_import_format(std::string_view bytes) {
  if (is_blank(bytes)) return make_error("empty file, no contacts in it");
  if (has_vcard_begin(bytes)) return std::string("vcard");
  // History: a mailbox, LinkedIn's messages.csv or a calendar (read by core/history_import.h).
  if (std::string history = detect_history_format(bytes); !history.empty()) return history;
  // "csv": another app's contact CSV, read by its column names.
  if (std::string dialect = detect_contact_csv(bytes); !dialect.empty()) return dialect;
  return make_error(kNotContacts);
}

Result<ParseOutput> parse_contact_file(std::string_view bytes, std::string_view format, const ProgressFn& progress) {
  std::string chosen(format);
  if (chosen.empty() || chosen == "auto") {
    auto detected = detect_import_format(bytes);
    if (!detected) return make_error(detected.error());
    chosen = *detected;
    if (!detect_history_format(bytes).empty())
      return make_error("a history file (" + chosen + "), not contacts: import_sources reads it");
  } else if (!is_import_format(chosen)) {
    return make_error("unknown format '" + chosen + "' (use auto, vcard, linkedin, google, outlook or thunderbird)");
  }
  if (chosen == "vcard") {
    if (!has_vcard_begin(bytes)) return make_error("no BEGIN:VCARD in this file: not a vCard file");
    bool cancelled = false;
    ProgressFn watch;
    if (progress)
      watch = [&](size_t done, size_t total) { return !(cancelled = !progress(done, total)); };
    ParseOutput out = parse_vcard(bytes, watch);
    if (cancelled) return make_error("cancelled");
    return out;
  }
  return parse_contact_csv(bytes, chosen, progress);
}

}  // namespace rekindle::core
