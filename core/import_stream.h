#pragma once
// Reading a contact file in pieces of whole records, so that an import's memory is bounded by
// its largest record rather than by the file (issue 13), and refusing what is not a file or
// has absurd lines or records (issue 14): a FIFO, a device (/dev/zero) or a folder is refused
// at once; a line longer than kMaxImportLineBytes or a record (vCard card, CSV row) longer
// than kMaxImportRecordBytes stops the import with "FILE:LINE: reason".
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rekindle::core {

inline constexpr size_t kMaxImportLineBytes = size_t{4} << 20;     // 4 MiB
inline constexpr size_t kMaxImportRecordBytes = size_t{16} << 20;  // 16 MiB
// A piece holds whole records and ends at the first record boundary after this many bytes.
inline constexpr size_t kImportPieceBytes = size_t{1} << 20;
// The bytes format detection looks at.
inline constexpr size_t kImportHeadBytes = 64 * 1024;

// Opens path for reading when it is a regular file (a FIFO is opened without blocking, then
// refused); returns the descriptor, or "PATH: reason" for a folder, a pipe, a device or an
// unreadable file. The caller closes the descriptor.
Result<int> open_regular_file(const std::string& path);

// How records are delimited: vCard cards (a piece ends after an END:VCARD line followed by a
// BEGIN:VCARD one) or CSV rows (a piece ends at a line break outside quotes, as read_csv
// reads them, with the given delimiter).
enum class RecordSyntax { kVcard, kCsv };

// Text cut into pieces of whole records, from a file (read as it goes) or from memory.
// UTF-16 files are decoded whole into UTF-8 first (their pieces then come from memory).
class RecordStream {
 public:
  struct Piece {
    std::string_view text;  // whole records; valid until the next call of next()
    int first_line = 1;     // the 1-based line of the file where text starts
  };

  // name is used in error messages ("NAME:LINE: ...").
  static Result<std::unique_ptr<RecordStream>> open_file(const std::string& path);
  // Over text that the caller keeps alive while the stream is used.
  static std::unique_ptr<RecordStream> over_text(std::string name, std::string_view text);
  ~RecordStream();

  // The first kImportHeadBytes of the text (or all of it), for detecting its format.
  std::string_view head() const { return head_; }
  // The size in bytes of the file or text, and how much has been handed out so far.
  uint64_t size() const { return size_; }
  uint64_t bytes_done() const;

  void set_syntax(RecordSyntax syntax, char csv_delimiter = ',');
  // The next piece; false at the end. Fails ("NAME:LINE: ...") on a read error, a line longer
  // than kMaxImportLineBytes or a record longer than kMaxImportRecordBytes.
  Result<bool> next(Piece& piece);

 private:
  RecordStream() = default;
  Result<bool> fill();  // reads more of the file into buffer_; false at its end
  // Scans buffer_ from scan_ for record boundaries; returns the end of the piece to hand out,
  // or 0 when more bytes are needed.
  Result<size_t> scan(bool at_eof);

  std::string name_;
  int fd_ = -1;
  std::string owned_;     // a decoded UTF-16 file
  std::string_view text_;  // memory mode: all of the text
  std::string buffer_;     // file mode: bytes read and not yet handed out
  std::string head_;
  uint64_t size_ = 0, done_ = 0;
  bool eof_ = false;
  bool memory_ = false;   // pieces come from text_, not from the file
  size_t pending_ = 0;    // the bytes of the piece handed out last, dropped on the next call
  int pending_lines_ = 0;
  RecordSyntax syntax_ = RecordSyntax::kVcard;
  char delimiter_ = ',';

  // Scanner state over buffer_ (file mode) or text_ (memory mode), from the piece start.
  size_t scan_ = 0;           // where scanning resumes
  size_t boundary_ = 0;       // the last record boundary found (0: none yet)
  int boundary_line_ = 0;     // lines before boundary_, counted from the piece start
  size_t record_start_ = 0;   // where the current record began
  int record_line_ = 0;       // its line, counted from the piece start
  size_t line_start_ = 0;     // where the current line began
  int lines_ = 0;             // line breaks seen since the piece start
  int first_line_ = 1;        // the file line of the piece start
  // CSV: inside a quoted field; the field so far is only blanks. vCard: the last non-blank
  // line ended a card.
  bool in_quotes_ = false, field_blank_ = true, after_end_ = false;
};

}  // namespace rekindle::core
