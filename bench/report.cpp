#include "bench/report.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace rekindle::bench {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) die("write " + path.string(), std::strerror(errno));
}

void remove_db(const fs::path& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix, ec);
}

void die(const std::string& what, const std::string& why) {
  std::fprintf(stderr, "rekindle_bench: %s: %s\n", what.c_str(), why.c_str());
  std::exit(1);
}

void must(const core::Status& status, const std::string& what) {
  if (!status) die(what, status.error());
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

Stats stats_of(std::vector<double> values) {
  Stats s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.n = values.size();
  s.min = values.front();
  s.max = values.back();
  const size_t mid = values.size() / 2;
  s.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return s;
}

std::string fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

std::string ms_text(double ms) {
  if (ms < 1) return fmt("%.3f", ms);
  if (ms < 100) return fmt("%.2f", ms);
  return fmt("%.0f", ms);
}

std::string rate_text(double per_second) {
  if (per_second >= 1e6) return fmt("%.2f M", per_second / 1e6);
  if (per_second >= 1e3) return fmt("%.1f k", per_second / 1e3);
  return fmt("%.0f", per_second);
}

std::string count_text(int n) {
  if (n >= 1000 && n % 1000 == 0) return std::to_string(n / 1000) + "k";
  return std::to_string(n);
}

std::string ratio_text(double a, double b) { return b > 0 ? fmt("%.2f x", a / b) : "-"; }

std::vector<std::string> time_cells(const Samples& samples) {
  const Stats w = stats_of(samples.wall), c = stats_of(samples.cpu);
  return {ms_text(w.median), ms_text(w.min), ms_text(w.max), ms_text(c.median)};
}

std::string ratio_cells(const Samples& a, const Samples& b) {
  return ratio_text(stats_of(a.wall).median, stats_of(b.wall).median) + " (" +
         ratio_text(stats_of(a.cpu).median, stats_of(b.cpu).median) + ")";
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void Table::print() const {
  std::vector<size_t> width(header_.size());
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (size_t i = 0; i < row.size(); ++i) {
      const size_t pad = width[i] - row[i].size();
      out += ' ';
      if (i == 0)
        out += row[i] + std::string(pad, ' ');
      else
        out += std::string(pad, ' ') + row[i];
      out += " |";
    }
    std::printf("%s\n", out.c_str());
  };
  line(header_);
  std::string rule = "|";
  for (size_t i = 0; i < width.size(); ++i)
    rule += (i == 0 ? ":" : "-") + std::string(width[i], '-') + (i == 0 ? "-|" : ":|");
  std::printf("%s\n", rule.c_str());
  for (const auto& r : rows_) line(r);
  std::printf("\n");
  std::fflush(stdout);
}

void heading(const std::string& text) {
  std::printf("### %s\n\n", text.c_str());
  std::fflush(stdout);
}

}  // namespace rekindle::bench
