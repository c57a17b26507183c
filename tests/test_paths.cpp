#include "test_paths.h"

namespace rekindle::test {
const char* test_data_dir() { return REKINDLE_TEST_DATA_DIR; }
const char* rekindle_exe() { return REKINDLE_EXE_PATH; }
}  // namespace rekindle::test
