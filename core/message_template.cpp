#include "core/message_template.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <atomic>
#include <mutex>

#include "core/embedded.h"

namespace rekindle::core {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_known_channel(std::string_view c) {
  return std::find(std::begin(kComposeChannels), std::end(kComposeChannels), c) != std::end(kComposeChannels);
}

}  // namespace

Result<MessageTemplate> parse_message_template(std::string_view name, std::string_view text) {
  MessageTemplate t;
  t.name = std::string(name);
  t.label = t.name;
  std::vector<std::string> section_channels;  // the channels of the section being read
  std::vector<TemplateVariant> variants;
  bool in_sections = false;
  int line_number = 0;
  size_t pos = 0;
  auto where = [&] { return std::string(name) + ".txt:" + std::to_string(line_number) + ": "; };
  // Stores the section just read under each of its channels.
  auto close_section = [&] {
    for (auto& v : variants) {
      while (!v.body.empty() && (v.body.back() == '\n' || v.body.back() == ' ')) v.body.pop_back();
      size_t i = 0;
      while (i < v.body.size() && (v.body[i] == '\n' || v.body[i] == ' ')) ++i;
      v.body.erase(0, i);
    }
    // A variant with nothing in it (a "--" line at the top of a section) is not a variant.
    variants.erase(std::remove_if(variants.begin(), variants.end(),
                                  [](const TemplateVariant& v) { return v.body.empty() && v.subject.empty(); }),
                   variants.end());
    if (variants.empty()) variants.emplace_back();
    for (const auto& c : section_channels) {
      ChannelText& section = t.channels[c];
      section.variants = variants;
      section.subject = variants.front().subject;
      section.body = variants.front().body;
    }
    variants.clear();
  };
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!in_sections) {
      const std::string_view line = trim(raw);
      if (line.empty() || line.front() == '#') continue;
      if (line.rfind("==", 0) != 0) {
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) return make_error(where() + "expected 'key: value' or '== channel'");
        const std::string_view key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
        if (key == "label") t.label = std::string(value);
        else if (key == "kind") {
          if (value != "give" && value != "ask" && value != "neutral")
            return make_error(where() + "kind must be give, ask or neutral");
          t.kind = std::string(value);
        } else return make_error(where() + "unknown key '" + std::string(key) + "'");
        continue;
      }
    }
    if (raw.rfind("==", 0) == 0) {
      if (in_sections) close_section();
      in_sections = true;
      section_channels.clear();
      std::string_view list = raw.substr(2);
      while (!list.empty()) {
        const size_t comma = list.find(',');
        const std::string channel(trim(list.substr(0, comma)));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (!is_known_channel(channel))
          return make_error(where() + "unknown channel '" + channel + "' (linkedin, linkedin-note, email, phone, meeting)");
        if (t.channels.count(channel)) return make_error(where() + "channel '" + channel + "' appears twice");
        t.channels[channel];
        section_channels.push_back(channel);
      }
      if (section_channels.empty()) return make_error(where() + "'==' needs a channel name");
      continue;
    }
    if (!raw.empty() && raw.front() == '#') continue;
    if (raw.rfind("--", 0) == 0) {
      const std::string family(trim(raw.substr(2)));
      if (family.find(' ') != std::string::npos) return make_error(where() + "a variant's family is one word");
      variants.push_back({family, "", ""});
      continue;
    }
    if (variants.empty()) variants.emplace_back();
    TemplateVariant& v = variants.back();
    if (v.body.empty() && v.subject.empty() && raw.rfind("subject:", 0) == 0) {
      v.subject = std::string(trim(raw.substr(8)));
      continue;
    }
    if (v.body.empty() && trim(raw).empty()) continue;
    v.body += std::string(raw) + "\n";
  }
  if (!in_sections) return make_error(std::string(name) + ".txt: no '== channel' section");
  close_section();
  return t;
}

const MessageTemplate* TemplateSet::find(std::string_view name) const {
  for (const auto& t : templates)
    if (t.name == name) return &t;
  return nullptr;
}

namespace {

std::atomic<uint64_t> g_user_bytes_read{0};

// A user file already parsed, valid while its size and modification time stay the same.
struct CachedTemplate {
  int64_t size = 0;
  int64_t mtime_ns = 0;
  Result<MessageTemplate> parsed = make_error("");
};

std::mutex g_cache_mutex;
std::map<std::string, CachedTemplate>& template_cache() {
  static std::map<std::string, CachedTemplate> cache;
  return cache;
}

std::string size_words(int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  return std::to_string(bytes / 1024) + " KB";
}

// One user template file, read only when it is a regular file within the limit: a FIFO would
// block the window, a device or a huge file would fill memory. The result is cached by path,
// size and modification time, so a draft re-reads only a file that changed.
Result<MessageTemplate> read_user_template(const std::filesystem::path& path) {
  const std::string shown = path.string();
  struct stat st {};
  if (::stat(shown.c_str(), &st) != 0)  // follows a symlink to what it names
    return make_error(shown + ": could not be read (" + std::strerror(errno) + "); left out");
  if (!S_ISREG(st.st_mode))
    return make_error(shown + ": not a regular file (a folder, device or pipe); left out");
  if (st.st_size > static_cast<off_t>(kMaxUserTemplateBytes))
    return make_error(shown + ": " + size_words(st.st_size) + " is more than a template's limit of " +
                      size_words(static_cast<int64_t>(kMaxUserTemplateBytes)) + "; left out");
  const int64_t mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  {
    std::lock_guard lock(g_cache_mutex);
    auto it = template_cache().find(shown);
    if (it != template_cache().end() && it->second.size == st.st_size && it->second.mtime_ns == mtime_ns)
      return it->second.parsed;
  }
  // Non-blocking, and checked again on the open file: it may have been swapped since stat.
  const int fd = ::open(shown.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return make_error(shown + ": could not be read (" + std::strerror(errno) + "); left out");
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    ::close(fd);
    return make_error(shown + ": not a regular file (a folder, device or pipe); left out");
  }
  std::string text;
  char buffer[16384];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0 && text.size() <= kMaxUserTemplateBytes) {
    text.append(buffer, static_cast<size_t>(n));
    g_user_bytes_read += static_cast<uint64_t>(n);
  }
  ::close(fd);
  if (text.size() > kMaxUserTemplateBytes)
    return make_error(shown + ": more than a template's limit of " +
                      size_words(static_cast<int64_t>(kMaxUserTemplateBytes)) + "; left out");
  auto parsed = parse_message_template(path.stem().string(), text);
  if (!parsed) parsed = make_error(path.parent_path().string() + "/" + parsed.error());
  std::lock_guard lock(g_cache_mutex);
  template_cache()[shown] = CachedTemplate{st.st_size, mtime_ns, parsed};
  return parsed;
}

}  // namespace

uint64_t user_template_bytes_read() { return g_user_bytes_read; }

TemplateSet load_templates(const std::string& user_folder) {
  TemplateSet set;
  size_t count = 0;
  const EmbeddedFile* files = rekindle_core_assets(&count);
  for (size_t i = 0; i < count; ++i) {
    std::string_view file = files[i].name;
    if (file.size() < 5 || file.substr(file.size() - 4) != ".txt") continue;
    auto t = parse_message_template(file.substr(0, file.size() - 4),
                                    std::string_view(reinterpret_cast<const char*>(files[i].data), files[i].size));
    if (t) set.templates.push_back(std::move(*t));
    else set.problems.push_back(t.error());  // a broken built-in is a bug the tests catch
  }
  std::error_code ec;
  if (user_folder.empty() || !std::filesystem::is_directory(user_folder, ec)) return set;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(user_folder, ec))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    auto t = read_user_template(path);
    if (!t) {
      set.problems.push_back(t.error());
      continue;
    }
    t->built_in = false;
    auto same = std::find_if(set.templates.begin(), set.templates.end(), [&](const auto& x) { return x.name == t->name; });
    if (same != set.templates.end()) *same = std::move(*t);
    else set.templates.push_back(std::move(*t));
  }
  return set;
}

}  // namespace rekindle::core
