#include "core/message_template.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

void trim_blank_edges(std::string& body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
  size_t i = 0;
  while (i < body.size() && (body[i] == '\n' || body[i] == ' ')) ++i;
  body.erase(0, i);
}

}  // namespace

Result<MessageTemplate> parse_message_template(std::string_view name, std::string_view text) {
  MessageTemplate t;
  t.name = std::string(name);
  t.label = t.name;
  std::string channel;
  int line_number = 0;
  size_t pos = 0;
  auto where = [&] { return std::string(name) + ".txt:" + std::to_string(line_number) + ": "; };
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (channel.empty()) {
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
      channel = std::string(trim(raw.substr(2)));
      if (!is_known_channel(channel))
        return make_error(where() + "unknown channel '" + channel + "' (linkedin, linkedin-note, email, phone, meeting)");
      if (t.channels.count(channel)) return make_error(where() + "channel '" + channel + "' appears twice");
      t.channels[channel];
      continue;
    }
    if (!raw.empty() && raw.front() == '#') continue;
    ChannelText& section = t.channels[channel];
    if (section.body.empty() && section.subject.empty() && raw.rfind("subject:", 0) == 0) {
      section.subject = std::string(trim(raw.substr(8)));
      continue;
    }
    section.body += std::string(raw) + "\n";
  }
  if (t.channels.empty()) return make_error(std::string(name) + ".txt: no '== channel' section");
  for (auto& [c, section] : t.channels) trim_blank_edges(section.body);
  return t;
}

const MessageTemplate* TemplateSet::find(std::string_view name) const {
  for (const auto& t : templates)
    if (t.name == name) return &t;
  return nullptr;
}

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
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto t = parse_message_template(path.stem().string(), ss.str());
    if (!t) {
      set.problems.push_back(path.parent_path().string() + "/" + t.error());
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
