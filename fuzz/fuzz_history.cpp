// libFuzzer target: the history readers (mbox, LinkedIn messages.csv, .ics calendars). The
// same bytes go to all three; each must answer with items, problems or an error, never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "core/history_ics.h"
#include "core/history_linkedin.h"
#include "core/history_mail.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rekindle::core;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const HistorySink sink = [](HistoryItem&&) { return true; };
  const HistoryProblem problem = [](int, const std::string&) {};
  const ProgressFn progress = [](size_t, size_t) { return true; };
  (void)read_ics(bytes, Day{20000}, sink, problem, progress);
  (void)read_linkedin_messages(bytes, sink, problem, progress);
  std::istringstream in{std::string(bytes)};
  (void)read_mbox(in, size, sink, problem, progress);
  return 0;
}
