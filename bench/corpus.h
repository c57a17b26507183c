#pragma once
// Synthetic but realistic contact files for the benchmark: a LinkedIn Connections.csv with
// its "Notes:" preamble and UTF-8 names, and a vCard 3.0 file with folding, some
// quoted-printable values and a few small base64 PNG photos. Deterministic for a seed.
#include <cstdint>
#include <string>

namespace rekindle::bench {

// Lines before the header row of the LinkedIn file (the "Notes:" preamble and a blank line).
inline constexpr int kLinkedInPreambleLines = 3;

// A LinkedIn Connections.csv (current export layout) with `rows` connections.
std::string make_linkedin_csv(int rows, uint64_t seed);

// A vCard 3.0 file (CRLF) with `cards` cards: about one in seven carries a quoted-printable
// NOTE, every card a NOTE long enough to be folded, one in 500 a small base64 PNG PHOTO.
std::string make_vcard_file(int cards, uint64_t seed);

}  // namespace rekindle::bench
