#include "core/history_linkedin.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/csv_reader.h"
#include "core/history_mail.h"
#include "core/text_encoding.h"

namespace rekindle::core {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;
constexpr size_t kProgressEveryRows = 256;

std::string column_key(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_') c = ' ';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const size_t a = out.find_first_not_of(" \t\"\xEF\xBB\xBF");
  const size_t b = out.find_last_not_of(" \t\"");
  return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

// Column positions by key, from the header row.
std::map<std::string, size_t> columns_of(const CsvRecord& header) {
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < header.fields.size(); ++i) columns.emplace(column_key(header.fields[i]), i);
  return columns;
}

bool is_messages_header(const std::map<std::string, size_t>& columns) {
  return columns.count("conversation id") && columns.count("from") && columns.count("date");
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&]() {
    const size_t a = item.find_first_not_of(" \t");
    const size_t b = item.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(item.substr(a, b - a + 1));
    item.clear();
  };
  for (char c : text) {
    if (separators.find(c) != std::string_view::npos) flush();
    else item += c;
  }
  flush();
  return out;
}

}  // namespace

bool looks_like_linkedin_messages(std::string_view head) {
  const std::string text = decode_text(head.substr(0, std::min(head.size(), kSniffBytes)));
  const auto records = read_csv(text);
  return !records.empty() && is_messages_header(columns_of(records.front()));
}

Status read_linkedin_messages(std::string_view bytes, const HistorySink& sink, const HistoryProblem& problem,
                              const ProgressFn& progress) {
  const auto records = read_csv(decode_text(bytes));
  if (records.empty() || !is_messages_header(columns_of(records.front())))
    return make_error("no messages.csv header (CONVERSATION ID, FROM, DATE) on the first line");
  const auto columns = columns_of(records.front());
  auto get = [&](const CsvRecord& r, const char* key) -> std::string {
    auto it = columns.find(key);
    return it != columns.end() && it->second < r.fields.size() ? r.fields[it->second] : std::string();
  };
  for (size_t i = 1; i < records.size(); ++i) {
    if (progress && i % kProgressEveryRows == 0 && !progress(i, records.size())) return make_error("cancelled");
    const CsvRecord& r = records[i];
    const std::string date = get(r, "date");
    auto when = parse_mail_date(date);
    if (!when) {
      if (problem) problem(r.line, date.empty() ? "no DATE" : "the DATE '" + date + "' is not one we can read");
      continue;
    }
    HistoryItem item;
    item.channel = "linkedin";
    item.line = r.line;
    item.day = when->day;
    item.seconds = when->seconds;
    item.from.name = get(r, "from");
    item.from.address = get(r, "sender profile url");
    item.subject = get(r, "subject");
    // Names in TO pair with the URLs when the counts agree; otherwise the URLs alone.
    const auto urls = split_list(get(r, "recipient profile urls"), ";, \n");
    const std::string to = get(r, "to");
    const auto names = urls.size() > 1 ? split_list(to, ",;") : std::vector<std::string>{to};
    if (urls.empty()) {
      for (const std::string& name : names)
        if (!name.empty()) item.to.push_back({"", name});
    }
    for (size_t u = 0; u < urls.size(); ++u)
      item.to.push_back({urls[u], names.size() == urls.size() ? names[u] : std::string()});
    item.external_id = "linkedin:" + get(r, "conversation id") + "|" + date + "|" + item.from.address;
    if (!sink(std::move(item))) return Status::success();
  }
  if (progress && !progress(records.size(), records.size())) return make_error("cancelled");
  return Status::success();
}

}  // namespace rekindle::core
