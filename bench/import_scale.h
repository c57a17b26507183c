#pragma once
// Section 7 of rekindle_bench: import at scale (issue 13). Three generated inputs at several
// sizes, each imported by `rekindle import` as a process (this build, and optionally an
// older build for a before/after in the same run) beside peer parsers measured in the same run:
//   merge    vCards that repeat people with small changes (the merge path)
//   photos   distinct vCards, each with a base64 PNG photo
//   linkedin LinkedIn Connections.csv with the "Notes:" preamble, non-ASCII names and
//            percent-encoded URLs
// Each figure: median wall and CPU time, CPU µs per contact (the scaling column: flat when
// the import is linear), peak RSS, and ratios against the other programs of the same run.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rekindle::bench {

struct ImportScaleOptions {
  std::vector<int> sizes = {1000, 10000, 100000};
  std::vector<std::string> kinds = {"merge", "photos", "linkedin"};
  int runs = 3;              // per figure below 100k; 1 at 100k and above
  std::string exe;           // this build's rekindle
  std::string before_exe;    // an older rekindle for before/after (optional)
  std::string eds_peer;      // bench/peers programs (optional; built when their libraries are found)
  std::string kcontacts_peer;
  std::string python;        // python3 for the CSV peer (optional)
  std::filesystem::path dir;  // work dir
};

void section_import_scale(const ImportScaleOptions& options);

// The generators (deterministic for a seed).
// cards vCards of about cards/5 people, each repeated with small changes: another case of
// the e-mail, another way to write the phone, a new tag, a note or title that changed.
std::string make_vcard_repeats(int cards, uint64_t seed);
// cards distinct vCard 3.0 cards, each with a base64 PNG photo.
std::string make_vcard_photos(int cards, uint64_t seed);

}  // namespace rekindle::bench
