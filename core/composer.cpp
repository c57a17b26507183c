#include "core/composer.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/ask_guard.h"
#include "core/model.h"
#include "core/phrase.h"
#include "core/url_encoding.h"

namespace rekindle::core {
namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_linkedin(const LabeledValue& url) {
  return url.label == "linkedin" || lower(url.value).find("linkedin.com") != std::string::npos;
}

// A note Rekindle logged for a sent draft without a subject is the template's name
// ("reconnect", "coffee-chat"): not a topic.
bool is_template_stem(const std::string& note) {
  if (note == "custom") return true;
  for (std::string_view s : kSituations)
    if (note == s) return true;
  return note.find(' ') == std::string::npos && note.find('-') != std::string::npos && lower(note) == note;
}

// The topic of the conversation: the one the user entered for the contact, else the newest
// interaction note that reads as a noun phrase, else a "talked about X" / "follow up about X"
// line of the contact's notes. Notes logged from a sent draft (its subject, "Coffee soon,
// Ada?") name no topic.
std::optional<std::string> conversation_topic(const ComposeContext& context, const std::string& first) {
  if (topic_preview(context.contact.topic).ok) return topic_from_note(context.contact.topic);
  for (auto it = context.interactions.rbegin(); it != context.interactions.rend(); ++it) {
    if (it->note.empty() || is_template_stem(it->note)) continue;
    auto topic = topic_from_note(it->note);
    if (topic && (first.empty() || lower(*topic).find(lower(first)) == std::string::npos)) return topic;
  }
  size_t pos = 0;
  const std::string& notes = context.contact.notes;
  while (pos < notes.size()) {
    size_t end = notes.find('\n', pos);
    if (end == std::string::npos) end = notes.size();
    const std::string line = lower(notes.substr(pos, end - pos));
    const std::string original = notes.substr(pos, end - pos);
    pos = end + 1;
    for (const char* lead : {"talked about", "we talked about", "discussed", "follow up about", "follow up on",
                             "follow-up about", "follow-up on", "spoke about", "chatted about"})
      if (line.rfind(lead, 0) == 0)
        if (auto topic = topic_from_note(original)) return topic;
  }
  return std::nullopt;
}

// The user's own company the contact shares: their current or previous company, or "worked
// together at X" in the notes.
std::optional<std::string> worked_together(const ComposeContext& context) {
  auto mine = [&](const std::string& company) {
    return !company.empty() && std::any_of(context.my_companies.begin(), context.my_companies.end(),
                                           [&](const std::string& m) { return lower(m) == lower(company); });
  };
  if (mine(context.contact.company)) return context.contact.company;
  if (context.job_change && mine(context.job_change->old_company)) return context.job_change->old_company;
  return worked_together_from_notes(context.contact.notes);
}

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h * 0xBF58476D1CE4E5B9ull;
}

// A contact's link as the draft offers it; a mailto: link keeps only subject, body, cc, bcc.
std::string offered_link(const std::string& url) {
  if (auto mail = safe_mailto_link(url)) return *mail;
  return url;
}

std::string profile_link(const Contact& c) {
  for (const auto& u : c.urls)
    if (is_linkedin(u) && is_openable_link(u.value)) return offered_link(u.value);
  for (const auto& u : c.urls)
    if (is_openable_link(u.value)) return offered_link(u.value);
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

std::string closeness(const ComposeContext& context) {
  const std::string& tier = context.contact.tier;
  if (tier == "inner" || tier == "close") return "close";
  int warm = 0;
  for (const auto& x : context.interactions) warm += x.kind == "inbound" || (x.grade && *x.grade >= 3);
  if (warm >= 3) return "close";
  if (worked_together(context) && warm >= 1) return "close";
  if (tier == "regular" || warm >= 2 || worked_together(context)) return "medium";
  return "weak";
}

std::optional<JobChange> known_job_change(const ComposeContext& context) {
  if (!context.job_change) return std::nullopt;
  const JobChange& change = *context.job_change;
  const Contact& c = context.contact;
  if (context.today - change.day > 365 || change.day > context.today) return std::nullopt;
  // A touch since the change: the news was already there to talk about.
  for (const auto& x : context.interactions)
    if (x.date > change.day) return std::nullopt;
  const bool current = (!change.new_company.empty() && lower(change.new_company) == lower(c.company)) ||
                       (!change.new_title.empty() && lower(change.new_title) == lower(c.title));
  if (!current) return std::nullopt;
  return change;
}

std::string variant_family(const ComposeContext& context, std::string_view situation) {
  const Interaction* last = context.interactions.empty() ? nullptr : &context.interactions.back();
  const bool inbound_last = last && last->kind == "inbound";
  if (situation == "reconnect") {
    if (inbound_last) return "owed";
    const std::string tie = closeness(context);
    // A connection (LinkedIn's "Connected on") never in touch since: no history to recall.
    if (context.interactions.empty() && context.contact.connected_on && tie != "close") return "new";
    return tie == "close" ? "close" : tie == "weak" ? "light" : "standard";
  }
  if (situation == "thank-you") return inbound_last ? "inbound" : "help";
  if (situation == "congratulate") return known_job_change(context) ? "change" : "news";
  if (situation == "ask-advice") return closeness(context) == "close" ? "close" : "standard";
  if (situation == "follow-up") return "nudge";
  if (situation == "share") return "share";
  return {};
}

DefaultChoice default_choice(const ComposeContext& context) {
  DefaultChoice choice;
  const auto silent = days_silent(context);
  const Interaction* last = context.interactions.empty() ? nullptr : &context.interactions.back();
  if (known_job_change(context)) choice.situation = "congratulate";
  else if (!silent || *silent > kLongSilenceDays) choice.situation = "reconnect";
  // They wrote last: the draft is a reply that thanks them for their message.
  else if (last && last->kind == "inbound" && *silent <= 60) choice.situation = "thank-you";
  else if (last && last->kind != "inbound" && last->grade == 1 && *silent <= 45) choice.situation = "follow-up";
  else if (last && last->grade == 4 && *silent <= 21) choice.situation = "thank-you";
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
  put("name", clean_name_text(c.name));
  const std::string first = greeting_name(c);
  put("first", first);
  put("first_name", first.empty() ? "there" : first);
  put("company", c.company);
  put("title", c.title);
  put("role", role_phrase(c.title, c.company));
  const auto silent = days_silent(context);
  if (silent && *silent >= 30) put("months_since", std::to_string(static_cast<int>(std::lround(*silent / 30.44))));
  put("since_phrase", since_phrase(silent));
  put("since", since_phrase(silent));
  if (auto topic = conversation_topic(context, first)) {
    put("last_topic", *topic);
    put("topic", *topic);
  }
  // The topic of their own message, when they wrote last.
  if (!context.interactions.empty() && context.interactions.back().kind == "inbound")
    if (auto topic = topic_from_note(context.interactions.back().note)) put("their_topic", *topic);
  if (auto shared = worked_together(context)) {
    put("worked_at", *shared);
    put("shared_past", "since we worked together at " + *shared);
  } else if (c.connected_on) {
    int y, m, d;
    split_day(*c.connected_on, &y, &m, &d);
    put("shared_past", "since we connected in " + std::to_string(y));
  }
  if (auto met = how_met_from_notes(c.notes)) put("met", *met);
  if (c.connected_on && context.interactions.empty()) {
    int y, m, d;
    split_day(*c.connected_on, &y, &m, &d);
    put("connected_year", std::to_string(y));
  }
  if (context.goal_link) {
    const OfferCheck offer = offer_preview(context.goal_link->offer);
    if (offer.ok) {
      put("my_offer", offer.phrase);
      put("offer", offer.phrase);
    }
  }
  if (context.current_goal) put("my_goal", context.current_goal->text);
  if (auto change = known_job_change(context)) {
    const std::string company = change->new_company.empty() ? c.company : change->new_company;
    const bool moved = !change->new_company.empty() && lower(change->new_company) != lower(change->old_company);
    const std::string role = role_phrase(change->new_title.empty() ? c.title : change->new_title, company);
    if (!role.empty()) put("job_news", "your new role as " + role);
    else if (moved) put("job_news", "your move to " + company);
    else put("job_news", "your new role");
    if (moved) put("new_company", company);
  }
  put("link", std::string(kLinkPlaceholder));
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
    // The wording written for this contact's history; among several, one picked by the
    // history itself, so the same contact keeps its draft and neighbours differ.
    const std::string family = variant_family(context, draft.template_name);
    std::vector<const TemplateVariant*> fitting;
    for (const auto& variant : section->second.variants)
      if (variant.family == family) fitting.push_back(&variant);
    if (fitting.empty())
      for (const auto& variant : section->second.variants)
        if (variant.family.empty()) fitting.push_back(&variant);
    if (fitting.empty())
      for (const auto& variant : section->second.variants) fitting.push_back(&variant);
    static const TemplateVariant kEmpty;
    if (fitting.empty()) fitting.push_back(&kEmpty);
    uint64_t seed = mix(mix(static_cast<uint64_t>(context.contact.id), context.interactions.size()),
                        std::hash<std::string>{}(draft.template_name));
    if (context.variant) seed = static_cast<uint64_t>(std::max(0, *context.variant));
    draft.variant = static_cast<int>(seed % fitting.size());
    const TemplateVariant& chosen = *fitting[draft.variant];
    draft.family = chosen.family.empty() ? family : chosen.family;
    if (draft.channel == "email" || draft.channel == "meeting") draft.subject = fill_template(chosen.subject, values);
    draft.body = fill_template(chosen.body, values);
    // A call script is a list of lines: a dropped optional line leaves no gap.
    if (draft.channel == "phone")
      for (size_t at; (at = draft.body.find("\n\n")) != std::string::npos;) draft.body.erase(at, 1);
    // Over the channel's limit: drop optional sentences from the end until it fits.
    for (int keep = 64; draft.limit && character_count(draft.body) > draft.limit && keep >= 0; --keep)
      draft.body = fill_template(chosen.body, values, keep);
    // The sender's name under the sign-off of a letter; a connection note and a call script
    // are not signed.
    if (!context.sender_name.empty() && draft.channel != "linkedin-note" && draft.channel != "phone") {
      const std::string sender = clean_name_text(context.sender_name);
      const size_t line = draft.body.rfind('\n');
      const std::string last = draft.body.substr(line == std::string::npos ? 0 : line + 1);
      const bool sign_off = !last.empty() && character_count(last) <= 30 &&
                            std::string(".!?:").find(last.back()) == std::string::npos;
      if (!sender.empty()) draft.body += (sign_off ? ",\n" : "\n\n") + sender;
    }
    if (t->kind == "ask" && long_silence)
      draft.warnings.push_back("Asking " + (values.count("first") ? values.at("first") : std::string("them")) +
                               " for advice " + silence_words(silent) +
                               " is a big first step. Reconnect first: try the reconnect template.");
    // What the composer kept out of the sentences, for the user to see beside the draft.
    if (context.goal_link && !context.goal_link->offer.empty()) {
      const OfferCheck offer = offer_preview(context.goal_link->offer);
      if (!offer.ok)
        draft.notes.push_back("Your offer \"" + context.goal_link->offer + "\" is not in the draft. " + offer.hint +
                              (offer.suggestion.empty() ? "" : " For example: \"" + offer.suggestion + "\"."));
    }
    if (!context.contact.topic.empty()) {
      const OfferCheck topic = topic_preview(context.contact.topic);
      if (!topic.ok)
        draft.notes.push_back("Your topic \"" + context.contact.topic + "\" is not in the draft. " + topic.hint +
                              (topic.suggestion.empty() ? "" : " For example: \"" + topic.suggestion + "\"."));
    }
    if (draft.template_name == "congratulate" && draft.family == "news")
      draft.notes.push_back("Rekindle knows of no new role for " + context.contact.name +
                            ": say in a few words what you are congratulating them on.");
    if (!context.interactions.empty()) {
      const Interaction& last = context.interactions.back();
      if (!last.note.empty() && !topic_from_note(last.note) && !is_template_stem(last.note) &&
          last.note.size() <= 200)
        draft.notes.push_back("Your note from " + format_iso_day(last.date) + ": \"" + last.note + "\"");
    }
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
  if (auto reason = unsendable_reason(draft)) draft.warnings.push_back(*reason);
  if (draft.channel == "email" || draft.channel == "meeting") {
    draft.link = email_link(context.contact, draft.subject, draft.body);
    if (draft.link.empty()) draft.link = profile_link(context.contact);
  } else if (draft.channel != "phone") {
    draft.link = profile_link(context.contact);
    if (draft.link.empty()) draft.link = email_link(context.contact, draft.subject, draft.body);
  }
  return draft;
}

std::optional<std::string> unfilled_placeholder(std::string_view text) {
  const std::string low = lower(std::string(text));
  if (low.find(kLinkPlaceholder) != std::string::npos) return std::string(kLinkPlaceholder);
  // A {placeholder} a user's template left: letters, digits and _ between braces.
  for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    size_t k = open + 1;
    while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_')) ++k;
    if (k > open + 1 && k < text.size() && text[k] == '}') return std::string(text.substr(open, k - open + 1));
  }
  return std::nullopt;
}

std::optional<std::string> unsendable_reason(const Draft& draft) {
  auto left = unfilled_placeholder(draft.subject + "\n" + draft.body);
  if (!left) return std::nullopt;
  if (*left == kLinkPlaceholder)
    return "Replace " + *left + " with the link you are sharing before you send (and before Log as sent).";
  return "Fill in " + *left + " before you send (and before Log as sent).";
}

}  // namespace rekindle::core
