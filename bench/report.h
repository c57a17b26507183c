#pragma once
// The bench's measuring and printing: samples of wall and CPU time, their median/min/max, and
// pipe tables that read on a terminal and paste into BENCHMARKS.md.
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace rekindle::bench {

using Clock = std::chrono::steady_clock;

// Prints "rekindle_bench: what: why" and exits 1: a bench that cannot measure stops.
[[noreturn]] void die(const std::string& what, const std::string& why);

// The value of a result, or die(what, its error).
template <typename T>
T must(core::Result<T> result, const std::string& what) {
  if (!result) die(what, result.error());
  return std::move(*result);
}
void must(const core::Status& status, const std::string& what);

// Writes bytes to path, or dies.
void write_file(const std::filesystem::path& path, const std::string& bytes);
// Removes a database file and its -wal, -shm and -journal companions, if there.
void remove_db(const std::filesystem::path& db);

double ms_since(Clock::time_point start);
// CPU time of this process (one thread does all the work): steadier than wall time on a
// machine shared with other jobs.
double cpu_ms();

struct Samples {
  std::vector<double> wall, cpu;
  void add(double wall_ms, double cpu_time_ms) {
    wall.push_back(wall_ms);
    cpu.push_back(cpu_time_ms);
  }
  bool empty() const { return wall.empty(); }
};

// Wall and CPU time of one region.
class Timer {
 public:
  Timer() : wall_(Clock::now()), cpu_(cpu_ms()) {}
  void stop(Samples& samples) const { samples.add(ms_since(wall_), cpu_ms() - cpu_); }

 private:
  Clock::time_point wall_;
  double cpu_;
};

struct Stats {
  double median = 0, min = 0, max = 0;
  size_t n = 0;
};
Stats stats_of(std::vector<double> values);

// printf of one number.
std::string fmt(const char* format, double value);
// Milliseconds with a precision that suits their size.
std::string ms_text(double ms);
// "7.7 k", "1.20 M" per second.
std::string rate_text(double per_second);
// 10000 -> "10k".
std::string count_text(int n);
// "a/b x", or "-" when b is not positive.
std::string ratio_text(double a, double b);

// The cells "median ms | min ms | max ms | CPU ms" of a set of samples.
std::vector<std::string> time_cells(const Samples& samples);
// "wall ratio (CPU ratio)" of two sets of samples, by their medians.
std::string ratio_cells(const Samples& a, const Samples& b);
std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b);

// A pipe table: readable on a terminal and pasteable into Markdown.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) {
    row.resize(header_.size());
    rows_.push_back(std::move(row));
  }
  void print() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// "### text" and a blank line, flushed (a long run shows its progress).
void heading(const std::string& text);

}  // namespace rekindle::bench
