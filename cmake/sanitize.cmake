# The sanitizer build (-DREKINDLE_SANITIZE=ON, included by CMakeLists.txt): every target is
# compiled by clang with AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer;
# the first error ends the process (-fno-sanitize-recover=all), so a test or a fuzzer run that
# meets one fails. -O1 -g: fast enough to run the whole suite, with readable stacks.
# RELIABILITY.md says what runs in CI and how to run the long fuzzing.

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "REKINDLE_SANITIZE needs clang (libFuzzer): configure a new build folder "
                      "with -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14")
endif()

set(REKINDLE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all)
add_compile_options(-O1 -g -fno-omit-frame-pointer ${REKINDLE_SANITIZER_FLAGS})
add_link_options(${REKINDLE_SANITIZER_FLAGS})
# platform/window.cpp keeps the GL driver loaded at exit so its leaks can be named.
set_source_files_properties(${CMAKE_SOURCE_DIR}/platform/window.cpp PROPERTIES COMPILE_DEFINITIONS REKINDLE_SANITIZE)
# core/ also gets libFuzzer's coverage instrumentation, so the fuzzers of fuzz/ link the same
# library as the tests (no second build of core/); outside a fuzzer the hooks do nothing.
set(REKINDLE_CORE_EXTRA_FLAGS -fsanitize=fuzzer-no-link)

# rekindle_sanitizer_runtime(target): links tests/sanitizer/options.cpp into target, the
# defaults the sanitizer runtimes read at start (stack traces; LeakSanitizer's suppressions
# in tests/lsan-driver.supp). ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS still add to them.
function(rekindle_sanitizer_runtime target)
  target_sources(${target} PRIVATE ${CMAKE_SOURCE_DIR}/tests/sanitizer/options.cpp)
  set_source_files_properties(${CMAKE_SOURCE_DIR}/tests/sanitizer/options.cpp TARGET_DIRECTORY ${target}
    PROPERTIES SKIP_PRECOMPILE_HEADERS ON
    COMPILE_DEFINITIONS "REKINDLE_LSAN_SUPPRESSIONS=\"${CMAKE_SOURCE_DIR}/tests/lsan-driver.supp\"")
endfunction()

# rekindle_sanitizer_tests(target): the test sources themselves (Catch2's large expansions)
# compile at -O0, about twice as fast; the code they test stays at -O1.
function(rekindle_sanitizer_tests target)
  target_compile_options(${target} PRIVATE -O0)
endfunction()

# rekindle_fuzz_targets(): one libFuzzer executable per reader (fuzz/*.cpp), linked with core/
# only; the contact CSV target is built once per dialect. scripts/fuzz.sh runs them.
function(rekindle_fuzz_targets)
  target_compile_options(rekindle_core PRIVATE ${REKINDLE_CORE_EXTRA_FLAGS})
  set(targets "")
  foreach(name vcard template date history)
    add_executable(fuzz_${name} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_${name}.cpp)
    list(APPEND targets fuzz_${name})
  endforeach()
  foreach(dialect linkedin google outlook thunderbird csv)
    add_executable(fuzz_csv_${dialect} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_csv.cpp)
    target_compile_definitions(fuzz_csv_${dialect} PRIVATE REKINDLE_FUZZ_DIALECT="${dialect}")
    list(APPEND targets fuzz_csv_${dialect})
  endforeach()
  foreach(target IN LISTS targets)
    target_compile_options(${target} PRIVATE ${REKINDLE_WARNINGS} -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${target} PRIVATE rekindle_core)
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
    rekindle_sanitizer_runtime(${target})
  endforeach()
  add_custom_target(rekindle_fuzzers DEPENDS ${targets})
endfunction()
