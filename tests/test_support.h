#pragma once
// Helpers shared by the tests: temporary folders and running the rekindle executable.
#include "test_paths.h"
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

namespace rekindle::test {

// A fresh folder under the system temp dir, removed with its content at the end of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs REKINDLE_EXE with the arguments (no shell); env entries "NAME=value" are added to the
// environment, "NAME=" removes NAME. stdin is empty.
ProcessResult run_rekindle(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

std::string read_file(const std::string& path);
// The files in tests/data/SUBFOLDER ending in EXTENSION (".vcf"), sorted by path.
std::vector<std::string> test_data_files(const std::string& subfolder, const std::string& extension);
void write_file(const std::string& path, const std::string& bytes);

}  // namespace rekindle::test
