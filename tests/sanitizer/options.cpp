// Linked only into the sanitizer build (cmake/sanitize.cmake): the defaults that the ASan,
// LSan and UBSan runtimes read at start, so that ctest, a fuzzer or a hand run of the program
// behave the same without any *SAN_OPTIONS in the environment (which, when set, add to these).

// Stacks with function names and lines (llvm-14's symbolizer is not on PATH by that name).
#define REKINDLE_SYMBOLIZER "external_symbolizer_path=/usr/lib/llvm-14/bin/llvm-symbolizer"

extern "C" {

// strlen and the like on a buffer without its terminating zero are errors too.
const char* __asan_default_options() { return "strict_string_checks=1:check_initialization_order=1:" REKINDLE_SYMBOLIZER; }

// The leaks of graphics drivers and fontconfig that happen outside our code (each line of the
// file says why it is there).
const char* __lsan_default_options() { return "suppressions=" REKINDLE_LSAN_SUPPRESSIONS ":print_suppressions=0"; }

const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1:" REKINDLE_SYMBOLIZER; }
}
