#include "core/import_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text_encoding.h"
#include "core/vcard_reader.h"

namespace rekindle::core {
namespace {

constexpr size_t kReadBytes = size_t{1} << 20;

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

bool is_utf16(std::string_view head) { return detect_utf16(head) != Utf16Order::kNone; }

}  // namespace

Result<int> open_regular_file(const std::string& path) {
  // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return make_error(path + ": cannot read: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    return make_error(path + ": cannot read: " + std::strerror(error));
  }
  if (S_ISREG(st.st_mode)) {
    // Back to blocking reads for the file itself.
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
  }
  ::close(fd);
  if (S_ISDIR(st.st_mode)) return make_error(path + ": is a directory, not a contact file");
  const char* what = S_ISFIFO(st.st_mode) ? "a pipe (FIFO)" : S_ISSOCK(st.st_mode) ? "a socket" : "a device";
  return make_error(path + ": is " + std::string(what) + ", not a file; only regular files are imported");
}

Result<std::unique_ptr<RecordStream>> RecordStream::open_file(const std::string& path) {
  auto fd = open_regular_file(path);
  if (!fd) return make_error(fd.error());
  std::unique_ptr<RecordStream> stream(new RecordStream());
  stream->name_ = path;
  stream->fd_ = *fd;
  struct stat st {};
  if (::fstat(*fd, &st) == 0) stream->size_ = static_cast<uint64_t>(st.st_size);
  while (stream->buffer_.size() < kImportHeadBytes) {
    auto more = stream->fill();
    if (!more) return make_error(more.error());
    if (!*more) break;
  }
  stream->head_ = stream->buffer_.substr(0, kImportHeadBytes);
  if (is_utf16(stream->head_)) {
    // UTF-16 is decoded whole: its line breaks are two bytes wide and rare files use it.
    while (true) {
      auto more = stream->fill();
      if (!more) return make_error(more.error());
      if (!*more) break;
    }
    stream->owned_ = decode_unicode_bytes(stream->buffer_);
    stream->buffer_.clear();
    stream->buffer_.shrink_to_fit();
    stream->text_ = stream->owned_;
    stream->memory_ = true;
    stream->head_ = stream->owned_.substr(0, kImportHeadBytes);
    ::close(stream->fd_);
    stream->fd_ = -1;
  }
  return stream;
}

std::unique_ptr<RecordStream> RecordStream::over_text(std::string name, std::string_view text) {
  std::unique_ptr<RecordStream> stream(new RecordStream());
  stream->name_ = std::move(name);
  stream->size_ = text.size();
  stream->eof_ = true;
  stream->memory_ = true;
  if (is_utf16(text.substr(0, kImportHeadBytes))) {
    stream->owned_ = decode_unicode_bytes(text);
    stream->text_ = stream->owned_;
  } else {
    stream->text_ = text;
  }
  stream->head_ = std::string(stream->text_.substr(0, kImportHeadBytes));
  return stream;
}

RecordStream::~RecordStream() {
  if (fd_ >= 0) ::close(fd_);
}

void RecordStream::set_syntax(RecordSyntax syntax, char csv_delimiter) {
  syntax_ = syntax;
  delimiter_ = csv_delimiter;
}

Result<bool> RecordStream::fill() {
  if (fd_ < 0 || eof_) return false;
  const size_t old = buffer_.size();
  buffer_.resize(old + kReadBytes);
  for (;;) {
    const ssize_t got = ::read(fd_, buffer_.data() + old, kReadBytes);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      buffer_.resize(old);
      return make_error(name_ + ": cannot read: " + std::strerror(error));
    }
    buffer_.resize(old + static_cast<size_t>(got));
    if (got == 0) eof_ = true;
    return got > 0;
  }
}

Result<size_t> RecordStream::scan(bool at_eof) {
  const std::string_view w = memory_ ? text_ : std::string_view(buffer_);
  size_t i = scan_;
  auto too_long_line = [&]() {
    return make_error(name_ + ":" + std::to_string(first_line_ + lines_) + ": a line longer than " +
                      mib(kMaxImportLineBytes) + "; nothing was imported");
  };
  auto too_long_record = [&]() {
    return make_error(name_ + ":" + std::to_string(first_line_ + record_line_) + ": a " +
                      (syntax_ == RecordSyntax::kVcard ? "card" : "row") + " longer than " +
                      mib(kMaxImportRecordBytes) + " starts here" +
                      (syntax_ == RecordSyntax::kCsv ? " (a quote never closed?)" : "") + "; nothing was imported");
  };
  if (syntax_ == RecordSyntax::kVcard) {
    while (i < w.size()) {
      size_t end = i;
      while (end < w.size() && w[end] != '\r' && w[end] != '\n') ++end;
      if (end - line_start_ > kMaxImportLineBytes) return too_long_line();
      if (end == w.size() && !at_eof) break;                            // the line goes on
      if (end + 1 == w.size() && w[end] == '\r' && !at_eof) break;      // CR, maybe CRLF
      const std::string_view line = w.substr(line_start_, end - line_start_);
      if (is_vcard_begin_line(line)) {
        if (after_end_ && line_start_ > 0) {
          boundary_ = line_start_;
          boundary_line_ = lines_;
          record_start_ = line_start_;
          record_line_ = lines_;
          if (boundary_ >= kImportPieceBytes) {
            scan_ = line_start_;
            return boundary_;
          }
        }
        after_end_ = false;
      } else if (is_vcard_end_line(line)) {
        after_end_ = true;
      } else if (line.find_first_not_of(" \t") != std::string_view::npos) {
        after_end_ = false;
      }
      size_t next = end;
      if (next < w.size()) next += (w[next] == '\r' && next + 1 < w.size() && w[next + 1] == '\n') ? 2 : 1;
      if (end < w.size()) ++lines_;
      line_start_ = next;
      i = next;
      if (i - record_start_ > kMaxImportRecordBytes) return too_long_record();
    }
  } else {
    const char delimiter = delimiter_;
    while (i < w.size()) {
      const char c = w[i];
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 == w.size() && !at_eof) break;  // CR, maybe CRLF
        i += (c == '\r' && i + 1 < w.size() && w[i + 1] == '\n') ? 2 : 1;
        ++lines_;
        line_start_ = i;
        if (in_quotes_) {
          field_blank_ = false;
        } else {
          field_blank_ = true;
          boundary_ = i;
          boundary_line_ = lines_;
          record_start_ = i;
          record_line_ = lines_;
          if (boundary_ >= kImportPieceBytes) {
            scan_ = i;
            return boundary_;
          }
        }
        continue;
      }
      if (in_quotes_) {
        if (c == '"') {
          if (i + 1 == w.size() && !at_eof) break;  // "" or a closing quote: look ahead
          if (i + 1 < w.size() && w[i + 1] == '"') {
            field_blank_ = false;
            i += 2;
          } else {
            in_quotes_ = false;
            ++i;
          }
        } else {
          if (c != ' ' && c != '\t') field_blank_ = false;
          ++i;
        }
      } else if (c == delimiter) {
        field_blank_ = true;
        ++i;
      } else if (c == '"' && field_blank_) {
        in_quotes_ = true;
        ++i;
      } else {
        if (c != ' ' && c != '\t') field_blank_ = false;
        ++i;
      }
      if (i - line_start_ > kMaxImportLineBytes) return too_long_line();
      if (i - record_start_ > kMaxImportRecordBytes) return too_long_record();
    }
  }
  scan_ = i;
  if (at_eof && i >= w.size()) return w.size();
  return size_t{0};
}

Result<bool> RecordStream::next(Piece& piece) {
  // Drop the piece handed out last time and start scanning the next one afresh.
  if (pending_) {
    if (!memory_) buffer_.erase(0, pending_);
    else text_.remove_prefix(pending_);
    first_line_ += pending_lines_;
    pending_ = 0;
    scan_ = boundary_ = record_start_ = line_start_ = 0;
    boundary_line_ = record_line_ = lines_ = 0;
    in_quotes_ = false;
    field_blank_ = true;
    after_end_ = false;
  }
  for (;;) {
    const bool memory = memory_;
    const size_t available = memory ? text_.size() : buffer_.size();
    auto end = scan(eof_ || memory);
    if (!end) return make_error(end.error());
    if (*end > 0) {
      const std::string_view w = memory ? text_ : std::string_view(buffer_);
      piece.text = w.substr(0, *end);
      piece.first_line = first_line_;
      pending_ = *end;
      pending_lines_ = *end == available ? lines_ : boundary_line_;
      done_ += *end;
      return true;
    }
    if (available == 0 && (eof_ || memory)) return false;
    auto more = fill();
    if (!more) return make_error(more.error());
    if (!*more && !eof_) return false;
  }
}

uint64_t RecordStream::bytes_done() const {
  // A decoded UTF-16 text is longer or shorter than the file: scale to the file's bytes.
  if (owned_.empty()) return done_;
  return static_cast<uint64_t>(static_cast<double>(done_) / static_cast<double>(owned_.size()) *
                               static_cast<double>(size_));
}

}  // namespace rekindle::core
