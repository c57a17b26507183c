#include "app/import_job.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <utility>

#include "core/import_detect.h"

namespace rekindle::app {
namespace {

// Progress wakes the window at most this often: a frame per wake-up is plenty for a bar.
constexpr double kWakeEverySeconds = 0.03;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string file_name(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

std::string trimmed(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "file:///home/a%20b.csv" -> "/home/a b.csv", as file managers put paths on the clipboard.
std::string decoded_file_uri(std::string_view uri) {
  std::string_view rest = uri.substr(7);  // after "file://"
  if (rest.substr(0, 9) == "localhost") rest.remove_prefix(9);
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::string sentence_end(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

}  // namespace

ImportJob::ImportJob(core::Rekindle& api, std::vector<std::string> paths, core::Day today, ImportHooks hooks)
    : hooks_(std::move(hooks)) {
  snapshot_.paths = std::move(paths);
  auto own = api.open_another();
  if (!own) {
    // In memory: nothing else could reach this database, so it is imported here and now.
    run(api, today);
    return;
  }
  worker_ = std::thread([this, today, connection = std::move(*own)] { run(*connection, today); });
}

ImportJob::~ImportJob() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

ImportSnapshot ImportJob::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshot_;
}

bool ImportJob::finished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshot_.phase != ImportPhase::kRunning;
}

void ImportJob::publish(const std::function<void(ImportSnapshot&)>& change, bool force_wake) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    change(snapshot_);
  }
  if (!hooks_.wake) return;
  const double now = now_seconds();
  if (!force_wake && now - last_wake_ < kWakeEverySeconds) return;
  last_wake_ = now;
  hooks_.wake();
}

void ImportJob::run(core::Rekindle& api, core::Day today) {
  const std::vector<std::string> paths = snapshot().paths;
  auto finish = [&](ImportPhase phase, std::string error, std::optional<core::ImportReport> report) {
    publish(
        [&](ImportSnapshot& s) {
          s.phase = phase;
          s.error = std::move(error);
          s.report = std::move(report);
          if (phase == ImportPhase::kDone) s.permille = core::kImportProgressTotal;
        },
        true);
  };

  // Read and recognise every file first: the screen names each file's format before the
  // import stores anything, and a file that is not contacts stops it here.
  std::vector<core::ImportSource> sources;
  for (const std::string& path : paths) {
    if (cancel_requested()) return finish(ImportPhase::kCancelled, "", std::nullopt);
    auto read = core::read_import_sources({path});
    if (!read) return finish(ImportPhase::kFailed, import_error_sentence(read.error(), paths), std::nullopt);
    core::ImportSource& source = read->front();
    // Files are only recognised here, by their first bytes (read as streams when imported).
    auto format = core::detect_source_format(source);
    if (!format)
      return finish(ImportPhase::kFailed, import_error_sentence(path + ": " + format.error(), paths), std::nullopt);
    ImportFileInfo info{path, file_name(path), core::source_size(source), *format};
    publish([&](ImportSnapshot& s) { s.files.push_back(std::move(info)); });
    sources.push_back(std::move(source));
  }

  size_t permille = 0;
  core::ImportOptions options;
  options.today = today;
  options.cancel = &cancel_;
  options.progress = [&](size_t done, size_t) {
    permille = done;
    return true;
  };
  options.on_progress = [&](const core::ImportProgress& where) {
    publish([&](ImportSnapshot& s) {
      s.progress = where;
      s.permille = permille;
    });
    if (hooks_.step) hooks_.step(where);
  };
  auto report = api.import_sources(sources, options);
  if (report) return finish(ImportPhase::kDone, "", std::move(*report));
  if (report.error() == core::kImportCancelled) return finish(ImportPhase::kCancelled, "", std::nullopt);
  finish(ImportPhase::kFailed, import_error_sentence(report.error(), paths), std::nullopt);
}

std::vector<std::string> parse_path_list(std::string_view text, std::string_view home) {
  std::vector<std::string> paths;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trimmed(text.substr(start, end - start));
    start = end + 1;
    // A path copied with its quotes, as shells and some file managers write it.
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front())
      line = line.substr(1, line.size() - 2);
    if (line.empty()) continue;
    if (line.rfind("file://", 0) == 0) line = decoded_file_uri(line);
    if (!home.empty() && (line == "~" || line.rfind("~/", 0) == 0)) line = std::string(home) + line.substr(1);
    paths.push_back(std::move(line));
  }
  return paths;
}

std::string import_error_sentence(const std::string& error, const std::vector<std::string>& paths) {
  // The error starts with the file it is about (core names files by the path it was given);
  // the longest match wins when one path is the start of another.
  const std::string* file = nullptr;
  for (const std::string& path : paths)
    if (error.size() > path.size() && error.compare(0, path.size(), path) == 0 && error[path.size()] == ':' &&
        (!file || path.size() > file->size()))
      file = &path;
  if (!file) return sentence_end("The import stopped: " + error);
  std::string rest = error.substr(file->size() + 1);
  std::string where = file_name(*file);
  // "FILE:12: reason": the record on line 12.
  size_t digits = 0;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  if (digits > 0 && digits < rest.size() && rest[digits] == ':') {
    where += ", line " + rest.substr(0, digits);
    rest = rest.substr(digits + 1);
  }
  rest = trimmed(rest);
  constexpr std::string_view kCannotRead = "cannot read: ";
  if (rest.rfind(kCannotRead, 0) == 0) {
    std::string reason = rest.substr(kCannotRead.size());
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return sentence_end(where + " could not be read: " + reason);
  }
  return sentence_end(where + ": " + rest);
}

const char* format_label(std::string_view format) {
  if (format == "vcard") return "vCard";
  if (format == "linkedin") return "LinkedIn connections";
  if (format == "linkedin-messages") return "LinkedIn messages";
  if (format == "mbox") return "Mailbox";
  if (format == "maildir") return "Mail folder";
  if (format == "ics") return "Calendar";
  if (format == "google") return "Google Contacts CSV";
  if (format == "outlook") return "Outlook CSV";
  if (format == "thunderbird") return "Thunderbird CSV";
  if (format == "csv") return "Contact CSV";
  return "Contact file";
}

}  // namespace rekindle::app
