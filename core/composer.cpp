#include "core/composer.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/ask_guard.h"
#include "core/model.h"
#include "core/url_encoding.h"

namespace rekindle::core {
namespace {

std::string first_word(std::string_view s) {
  const size_t start = s.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  const size_t end = s.find(' ', start);
  return std::string(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_linkedin(const LabeledValue& url) {
  return url.label == "linkedin" || lower(url.value).find("linkedin.com") != std::string::npos;
}

// The note of the latest interaction, shortened to a topic-sized phrase.
std::string last_topic(const std::vector<Interaction>& interactions) {
  for (auto it = interactions.rbegin(); it != interactions.rend(); ++it) {
    std::string note = it->note;
    if (note.empty()) continue;
    const size_t stop = note.find_first_of(".!?\n");
    if (stop != std::string::npos) note.resize(stop);
    while (!note.empty() && note.back() == ' ') note.pop_back();
    if (character_count(note) > 60) continue;  // a long note is not a topic
    // "Talked about X" in a note is the topic X in "our conversation about X".
    for (const char* verb : {"we talked about ", "talked about ", "we discussed ", "discussed ", "spoke about ",
                             "chatted about ", "conversation about ", "call about ", "about "}) {
      const std::string v = verb;
      if (note.size() > v.size() && lower(note.substr(0, v.size())) == v) {
        note.erase(0, v.size());
        break;
      }
    }
    // "Product launch" reads better mid-sentence as "product launch"; leave "API design" alone.
    if (note.size() > 1 && std::isupper(static_cast<unsigned char>(note[0])) &&
        std::islower(static_cast<unsigned char>(note[1])))
      note[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(note[0])));
    return note;
  }
  return {};
}

std::string profile_link(const Contact& c) {
  for (const auto& u : c.urls)
    if (is_linkedin(u) && is_openable_link(u.value)) return u.value;
  for (const auto& u : c.urls)
    if (is_openable_link(u.value)) return u.value;
  return {};
}

std::string email_link(const Contact& c, const std::string& subject, const std::string& body) {
  for (const auto& e : c.emails)
    if (e.value.find('@') != std::string::npos) return mailto_link(e.value, subject, body);
  return {};
}

// Tidies what template filling leaves behind: doubled spaces, spaces before punctuation,
// trailing spaces and runs of blank lines.
std::string tidy(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    if ((c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')' || c == '\n') &&
        !out.empty() && out.back() == ' ')
      out.pop_back();
    if (c == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
    // "Widget, Inc." + "." and a comma left before the end of a sentence by a dropped part.
    if ((c == '.' || c == '!' || c == '?' || c == ',') && !out.empty() && out.back() == ',') out.pop_back();
    if (c == '.' && !out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == '?')) continue;
    if (c == ',' && !out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == '?')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == '\n') ++lead;
  return out.substr(lead);
}

// "after 14 months of silence", or words for a contact never touched.
std::string silence_words(std::optional<int> days) {
  if (!days) return "to someone you have not talked to in a long time";
  return "after " + since_phrase(days) + " of silence";
}

std::string ask_warning(const std::string& phrase, std::optional<int> days) {
  return "Asking for \"" + phrase + "\" " + silence_words(days) +
         " reads as transactional. Reconnect first and give before you ask: try the reconnect template.";
}

}  // namespace

int character_count(std::string_view utf8) {
  int n = 0;
  for (unsigned char ch : utf8) n += (ch & 0xC0) != 0x80;
  return n;
}

std::optional<int> days_silent(const ComposeContext& context) {
  const auto touched = last_touch(context.contact, context.interactions);
  if (!touched) return std::nullopt;
  return std::max(0, context.today - *touched);
}

std::string since_phrase(std::optional<int> days) {
  if (!days) return "a while";
  const int d = *days;
  if (d < 21) return "a little while";
  if (d < 60) return "a few weeks";
  if (d < 150) return "a few months";
  if (d < 330) return "several months";
  if (d < 400) return "about a year";
  if (d < 700) return "over a year";
  const int years = static_cast<int>(d / 365.25);
  const double rest = d / 365.25 - years;
  return (rest < 0.5 ? "about " : "over ") + std::to_string(years) + " years";
}

DefaultChoice default_choice(const ComposeContext& context) {
  DefaultChoice choice;
  const auto silent = days_silent(context);
  const Interaction* last = context.interactions.empty() ? nullptr : &context.interactions.back();
  if (!silent || *silent > kLongSilenceDays) choice.situation = "reconnect";
  else if (last && last->kind != "inbound" && last->grade == 1 && *silent <= 45) choice.situation = "follow-up";
  else if (last && (last->kind == "inbound" || last->grade == 4) && *silent <= 21) choice.situation = "thank-you";
  else choice.situation = "share";

  // The channel last used, else the one the contact's data allows.
  if (last && (last->channel == "linkedin" || last->channel == "email" || last->channel == "phone" ||
               last->channel == "meeting")) {
    choice.channel = last->channel;
    if (choice.channel == "email" && context.contact.emails.empty()) choice.channel.clear();
  }
  if (choice.channel.empty()) {
    const Contact& c = context.contact;
    if (std::any_of(c.urls.begin(), c.urls.end(), is_linkedin)) choice.channel = "linkedin";
    else if (!c.emails.empty()) choice.channel = "email";
    else if (!c.phones.empty()) choice.channel = "phone";
    else choice.channel = "linkedin";
  }
  return choice;
}

std::map<std::string, std::string> placeholder_values(const ComposeContext& context) {
  const Contact& c = context.contact;
  std::map<std::string, std::string> v;
  auto put = [&](const char* key, std::string value) {
    if (!value.empty()) v[key] = std::move(value);
  };
  put("name", c.name);
  std::string first = !c.nickname.empty() && c.nickname.find(' ') == std::string::npos ? c.nickname : c.given_name;
  if (first.empty()) first = first_word(c.name);
  if (first.find('@') != std::string::npos) first.clear();  // a name derived from an e-mail address
  put("first_name", first.empty() ? "there" : first);
  put("company", c.company);
  put("title", c.title);
  const auto silent = days_silent(context);
  if (silent && *silent >= 30) put("months_since", std::to_string(static_cast<int>(std::lround(*silent / 30.44))));
  put("since_phrase", since_phrase(silent));
  put("last_topic", last_topic(context.interactions));
  const bool worked_together =
      !c.company.empty() && std::any_of(context.my_companies.begin(), context.my_companies.end(),
                                        [&](const std::string& mine) { return lower(mine) == lower(c.company); });
  if (worked_together) put("shared_past", "since we worked together at " + c.company);
  else if (c.connected_on) {
    int y, m, d;
    split_day(*c.connected_on, &y, &m, &d);
    put("shared_past", "since we connected in " + std::to_string(y));
  }
  if (context.goal_link) put("my_offer", context.goal_link->offer);
  if (context.current_goal) put("my_goal", context.current_goal->text);
  return v;
}

std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values, int keep_optional) {
  std::string out;
  int optional_index = 0;
  // Fills one span without brackets; returns false when a placeholder has no value.
  auto fill_span = [&](std::string_view span, std::string& into) {
    for (size_t i = 0; i < span.size(); ++i) {
      if (span[i] == '{') {
        const size_t close = span.find('}', i);
        if (close != std::string_view::npos) {
          auto it = values.find(std::string(span.substr(i + 1, close - i - 1)));
          if (it == values.end()) return false;
          into += it->second;
          i = close;
          continue;
        }
      }
      into += span[i];
    }
    return true;
  };
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('[', i);
    const std::string_view plain = text.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i);
    std::string filled;
    // A missing required value would leave a hole: such sentences are marked optional in our
    // templates; in a user's template we drop just the placeholder.
    if (!fill_span(plain, filled)) {
      filled.clear();
      for (size_t k = 0; k < plain.size(); ++k) {
        if (plain[k] == '{') {
          const size_t close = plain.find('}', k);
          if (close != std::string_view::npos) {
            auto it = values.find(std::string(plain.substr(k + 1, close - k - 1)));
            if (it != values.end()) filled += it->second;
            k = close;
            continue;
          }
        }
        filled += plain[k];
      }
    }
    out += filled;
    if (open == std::string_view::npos) break;
    const size_t close = text.find(']', open);
    if (close == std::string_view::npos) {
      out += text.substr(open);
      break;
    }
    std::string optional;
    if (optional_index < keep_optional && fill_span(text.substr(open + 1, close - open - 1), optional)) out += optional;
    ++optional_index;
    i = close + 1;
  }
  return tidy(out);
}

Result<Draft> compose(const TemplateSet& templates, const ComposeContext& context, const DraftRequest& request) {
  const DefaultChoice defaults = default_choice(context);
  Draft draft;
  draft.channel = request.channel.empty() ? defaults.channel : request.channel;
  if (std::find(std::begin(kComposeChannels), std::end(kComposeChannels), draft.channel) == std::end(kComposeChannels))
    return make_error("unknown channel '" + draft.channel + "' (linkedin, linkedin-note, email, phone, meeting)");
  draft.limit = draft.channel == "linkedin-note" ? kLinkedInNoteLimit : 0;
  const auto values = placeholder_values(context);
  const auto silent = days_silent(context);
  const bool long_silence = !silent || *silent > kLongSilenceDays;

  if (request.user_text) {
    draft.template_name = "custom";
    draft.kind = "neutral";
    draft.body = *request.user_text;
  } else {
    draft.template_name = request.template_name.empty() ? defaults.situation : request.template_name;
    const MessageTemplate* t = templates.find(draft.template_name);
    if (!t) {
      std::string names;
      for (const auto& x : templates.templates) names += (names.empty() ? "" : ", ") + x.name;
      return make_error("unknown template '" + draft.template_name + "' (" + names + ")");
    }
    draft.kind = t->kind;
    auto section = t->channels.find(draft.channel);
    if (section == t->channels.end()) section = t->channels.begin();
    draft.subject = fill_template(section->second.subject, values);
    draft.body = fill_template(section->second.body, values);
    // Over the channel's limit: drop optional sentences from the end until it fits.
    for (int keep = 64; draft.limit && character_count(draft.body) > draft.limit && keep >= 0; --keep)
      draft.body = fill_template(section->second.body, values, keep);
    if (t->kind == "ask" && long_silence)
      draft.warnings.push_back("Asking " + values.at("first_name") + " for advice " + silence_words(silent) +
                               " is a big first step. Reconnect first: try the reconnect template.");
  }
  if (draft.limit && character_count(draft.body) > draft.limit) {
    if (request.user_text) {
      draft.warnings.push_back("A LinkedIn connection note holds " + std::to_string(draft.limit) +
                               " characters; this one has " + std::to_string(character_count(draft.body)) + ".");
    } else {
      // Still too long (a very long name): cut at a word boundary, on a UTF-8 boundary.
      std::string cut;
      int n = 0;
      for (size_t i = 0; i < draft.body.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(draft.body[i]);
        if ((ch & 0xC0) != 0x80 && ++n > draft.limit - 1) break;
        cut += draft.body[i];
      }
      const size_t space = cut.find_last_of(" \n");
      if (space != std::string::npos && space > cut.size() / 2) cut.resize(space);
      draft.body = tidy(cut) + "\xE2\x80\xA6";
    }
  }
  draft.length = character_count(draft.body);
  if (long_silence) {
    const auto ask = find_transactional_ask(draft.subject + "\n" + draft.body);
    if (ask) draft.warnings.push_back(ask_warning(*ask, silent));
  }
  if (draft.channel == "email" || draft.channel == "meeting") {
    draft.link = email_link(context.contact, draft.subject, draft.body);
    if (draft.link.empty()) draft.link = profile_link(context.contact);
  } else if (draft.channel != "phone") {
    draft.link = profile_link(context.contact);
    if (draft.link.empty()) draft.link = email_link(context.contact, draft.subject, draft.body);
  }
  return draft;
}

}  // namespace rekindle::core
