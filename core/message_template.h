#pragma once
// Message templates: one text file per situation with a section per channel.
//
//   # comment
//   label: Reconnect after a long silence
//   kind: neutral              (give | ask | neutral: the touchpoint's direction when sent)
//   == linkedin
//   Hi {first_name}, ... [an optional sentence with {company}] ...
//   == email
//   subject: It's been a while
//   ...
//
// Text in [brackets] is dropped when a placeholder inside it has no value.
//
// Several channels may share a section ("== linkedin, email"; the subject is used only where
// the channel has one), and a section may hold variants, each started by "-- family" (a word
// naming the history it is written for: "close", "light", "inbound"...; "--" alone: any).
// The composer picks a variant of the family that fits the contact, by the contact's
// history, so neighbours in the deck do not read alike. Text before the first "--" is one
// variant of any family, so a file without variants works as before.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace rekindle::core {

inline constexpr std::string_view kSituations[] = {"reconnect", "congratulate", "share",
                                                    "ask-advice", "follow-up", "thank-you"};
inline constexpr std::string_view kComposeChannels[] = {"linkedin", "linkedin-note", "email", "phone", "meeting"};

struct TemplateVariant {
  std::string family;   // empty: fits any history
  std::string subject;  // e-mail and meeting invitations
  std::string body;
};

struct ChannelText {
  std::string subject;  // the first variant's, e-mail and meeting invitations
  std::string body;     // the first variant's
  std::vector<TemplateVariant> variants;  // at least one
};

struct MessageTemplate {
  std::string name;   // file stem: "reconnect", or a user's own "coffee-chat"
  std::string label;  // shown in the window
  std::string kind = "neutral";
  bool built_in = true;
  std::map<std::string, ChannelText, std::less<>> channels;
};

// Parses one template file; the error names the file and line.
Result<MessageTemplate> parse_message_template(std::string_view name, std::string_view text);

struct TemplateSet {
  std::vector<MessageTemplate> templates;  // built-in first, then the user's (sorted by name)
  std::vector<std::string> problems;       // user files that could not be read, one line each
  const MessageTemplate* find(std::string_view name) const;
};

// A user template file larger than this is left out (with a line in problems).
inline constexpr size_t kMaxUserTemplateBytes = 64 * 1024;

// The built-in templates (embedded) plus *.txt files in user_folder when it exists; a user file
// with a built-in's name replaces it. Only regular files (after symlinks) up to
// kMaxUserTemplateBytes are read, never a FIFO or device; each other file gets one line in
// problems naming it. A file is read again only when its size or modification time changed.
TemplateSet load_templates(const std::string& user_folder);
// Bytes read from user template files by this process so far (for tests).
uint64_t user_template_bytes_read();

}  // namespace rekindle::core
