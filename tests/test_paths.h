#pragma once
// Where the tests find their data and the rekindle executable. The paths are compiled into
// test_paths.cpp alone, so the other test objects do not depend on where the checkout lives.
namespace rekindle::test {
const char* test_data_dir();  // tests/data of this checkout
const char* rekindle_exe();   // the rekindle executable built beside the tests
}  // namespace rekindle::test

#define REKINDLE_TEST_DATA (::rekindle::test::test_data_dir())
#define REKINDLE_EXE (::rekindle::test::rekindle_exe())
