#include "core/phrase.h"

#include <algorithm>
#include <vector>

#include "core/ask_guard.h"
#include "core/text_encoding.h"

namespace rekindle::core {
namespace {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) --b;
  return std::string(s.substr(a, b - a));
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string join_words(const std::vector<std::string>& words, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Decodes one UTF-8 code point at s[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Letters of the scripts people's names are written in (and combining marks); everything
// else (emoji, dingbats, symbols, private use, U+FFFD) is not part of a name.
bool is_name_letter(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;  // multiplication and division signs
  return (cp <= 0x24F) ||                      // Latin-1 and Latin Extended A/B
         (cp >= 0x300 && cp <= 0x36F) ||       // combining marks
         (cp >= 0x370 && cp <= 0x52F) ||       // Greek, Cyrillic
         (cp >= 0x531 && cp <= 0x6FF) ||       // Armenian, Hebrew, Arabic
         (cp >= 0x900 && cp <= 0xDFF) ||       // Indic scripts
         (cp >= 0xE00 && cp <= 0xEFF) ||       // Thai, Lao
         (cp >= 0x10A0 && cp <= 0x10FF) ||     // Georgian
         (cp >= 0x1100 && cp <= 0x11FF) ||     // Hangul Jamo
         (cp >= 0x1E00 && cp <= 0x1FFF) ||     // Latin Extended Additional, Greek Extended
         (cp >= 0x3040 && cp <= 0x30FF) ||     // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||     // CJK Extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||     // CJK Unified Ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF);       // Hangul syllables
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF);
}

bool has_letter(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (is_name_letter(next_code_point(s, i))) return true;
  return false;
}

bool has_cjk(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (is_cjk(next_code_point(s, i))) return true;
  return false;
}

bool is_honorific(std::string_view word) {
  std::string w = lower_ascii(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  return in_list(w, {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "lord", "lady",
                     "rev", "fr", "herr", "frau", "mme", "mlle", "m", "dott", "ing", "mag", "sr", "sra", "srta",
                     "don", "doña", "capt", "col", "gen", "hon", "jr", "phd", "md", "mba", "esq"});
}

// "JOHN" -> "John", "ada" -> "Ada": a name as it is written in a greeting (ASCII only; other
// scripts are left as they are).
std::string name_case(std::string word) {
  bool all_upper = word.size() >= 2, any_upper = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') all_upper = false;
    if (c >= 'A' && c <= 'Z') any_upper = true;
    if (static_cast<unsigned char>(c) >= 0x80) return word;
  }
  if (all_upper && any_upper)
    for (size_t i = 1; i < word.size(); ++i)
      if (word[i] >= 'A' && word[i] <= 'Z' && word[i - 1] != '-' && word[i - 1] != '\'')
        word[i] = static_cast<char>(word[i] - 'A' + 'a');
  if (!any_upper)  // "mary-jane" -> "Mary-Jane"
    for (size_t i = 1; i < word.size(); ++i)
      if (word[i - 1] == '-' && word[i] >= 'a' && word[i] <= 'z') word[i] = static_cast<char>(word[i] - 'a' + 'A');
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// One usable greeting name from a candidate field, or empty.
std::string usable_name(std::string_view field, bool whole) {
  if (field.find('@') != std::string_view::npos) return {};  // a name made from an e-mail address
  std::string text = clean_name_text(field);
  // "Lovelace, Ada" lists the family name first.
  if (const size_t comma = std::string(field).find(','); comma != std::string::npos && !whole) {
    const std::string after = clean_name_text(field.substr(comma + 1));
    if (has_letter(after)) text = after;
  }
  std::vector<std::string> words = split_words(text);
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const std::string& w) { return is_honorific(w) || !has_letter(w); }),
              words.end());
  // An initial ("J.") is not something to greet someone with.
  while (!words.empty()) {
    std::string w = words.front();
    while (!w.empty() && w.back() == '.') w.pop_back();
    if (w.size() > 1 || has_cjk(w)) break;
    words.erase(words.begin());
  }
  if (words.empty()) return {};
  for (auto& w : words) {
    while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) w.pop_back();
    while (!w.empty() && (w.front() == '.' || w.front() == '-' || w.front() == '\'')) w.erase(0, 1);
  }
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return w.empty(); }),
              words.end());
  if (words.empty()) return {};
  // East Asian names are greeted whole ("王伟", "山田 太郎"); others by the first word, or the
  // whole given name when asked (a double given name such as "Mary Ann").
  std::string out;
  if (has_cjk(words.front())) out = join_words(words);
  else if (whole && words.size() <= 2) {
    for (auto& w : words) w = name_case(w);
    out = join_words(words);
  } else out = name_case(words.front());
  return out;
}

// Verbs an offer can start with ("share my notes", "introduce you to...").
constexpr std::string_view kOfferVerbs[] = {
    "share", "send", "introduce", "connect", "review", "give", "help", "read", "proofread", "look", "walk",
    "show", "host", "invite", "buy", "lend", "mentor", "coach", "advise", "answer", "pass", "put", "forward",
    "make", "offer", "provide", "run", "do", "set", "take", "test", "try", "demo", "write", "edit", "draft",
    "bring", "meet", "chat", "explain", "tell", "point", "recommend", "suggest", "sponsor", "speak", "present",
    "teach", "train", "pair", "brainstorm", "sanity-check", "check", "cover", "support", "promote", "amplify",
    "feature", "interview", "organise", "organize", "plan", "map", "sketch", "co-write", "collaborate", "join",
    "grab", "treat", "return", "vouch", "endorse", "fund", "invest", "guide", "onboard", "debug", "fix",
    "build", "prototype", "design", "translate", "summarise", "summarize", "compile", "collect", "find", "dig",
    "swap", "trade", "talk", "listen", "be", "keep", "catch", "let", "get", "ask", "cheer", "volunteer",
    "mock", "practise", "practice", "prep", "prepare", "rehearse", "lead", "moderate", "record", "publish",
    "post", "repost", "signal-boost", "flag", "add", "include", "loop", "copy", "email", "call", "open"};

bool is_offer_verb(std::string_view w) {
  return std::find(std::begin(kOfferVerbs), std::end(kOfferVerbs), w) != std::end(kOfferVerbs);
}

// Words that start a sentence fragment rather than a noun phrase: verbs in the base form (a
// to-do: "send the deck"), subject pronouns ("she asked..."), and question words.
bool starts_clause(std::string_view w) {
  if (is_offer_verb(w) && !in_list(w, {"design", "record", "plan", "map", "post", "call", "trade", "support",
                                       "feature", "interview", "demo", "test", "draft", "fix", "review"}))
    return true;
  return in_list(w, {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "she", "she's", "he", "he's",
                     "they", "they're", "you", "you're", "it's", "it", "there", "there's", "this", "that's",
                     "what", "why", "how", "when", "where", "who", "will", "would", "should", "could", "can",
                     "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "must", "need",
                     "needs", "wants", "want", "said", "says", "told", "asked", "met", "sent", "went", "got",
                     "made", "saw", "thought", "felt", "left", "took", "gave", "came", "not", "no", "yes",
                     "please", "thanks", "thank", "congrats", "congratulations", "hi", "hello", "dear", "re",
                     "fyi", "todo", "ping", "remind", "reminder", "follow", "followed", "check", "ask", "reply",
                     "replied", "call", "email", "schedule", "book", "see", "and", "but", "or", "so", "because",
                     "if", "to", "about", "with", "for", "on", "at", "of", "from", "by"});
}

// A past-tense verb ("congratulated", "asked"), as opposed to an adjective such as
// "distributed systems" or "embedded software".
bool is_past_tense(std::string_view w) {
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed") return false;
  return !in_list(w, {"embedded", "distributed", "advanced", "automated", "applied", "managed", "connected",
                      "shared", "hosted", "based", "detailed", "unified", "federated", "accelerated",
                      "integrated", "augmented", "extended", "supervised", "unsupervised", "animated",
                      "sponsored", "featured", "curated", "seed", "speed", "breed", "need", "feed", "weed",
                      "united", "limited", "red", "bed", "united", "red-teamed", "regulated", "interested"});
}

std::string strip_end_punctuation(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ' ' || s.back() == ';' ||
                        s.back() == ':' || s.back() == ','))
    s.pop_back();
  return s;
}

// The first line of notes that starts (case-insensitively) with one of the lead-ins, with the
// text after it up to the end of the sentence; empty when none does.
std::string after_lead_in(std::string_view notes, std::initializer_list<std::string_view> lead_ins) {
  size_t pos = 0;
  while (pos <= notes.size()) {
    size_t end = notes.find('\n', pos);
    if (end == std::string_view::npos) end = notes.size();
    // Each sentence of the line may start a lead-in.
    std::string line = std::string(notes.substr(pos, end - pos));
    pos = end + 1;
    size_t start = 0;
    while (start < line.size()) {
      size_t stop = line.find_first_of(".;!?", start);
      // "Inc." and "St." end no sentence, but we cannot tell; a sentence ends at ". ".
      while (stop != std::string::npos && line[stop] == '.' && stop + 1 < line.size() && line[stop + 1] != ' ')
        stop = line.find_first_of(".;!?", stop + 1);
      std::string sentence = trim(line.substr(start, stop == std::string::npos ? std::string::npos : stop - start));
      start = stop == std::string::npos ? line.size() : stop + 1;
      const std::string low = lower_ascii(sentence);
      for (std::string_view lead : lead_ins) {
        if (low.size() > lead.size() && low.compare(0, lead.size(), lead) == 0 && low[lead.size()] == ' ')
          return strip_end_punctuation(trim(sentence.substr(lead.size())));
      }
    }
  }
  return {};
}

// Cuts a place or company at the first word that starts a new clause: "Klarna in 2015" ->
// "Klarna in 2015" stays, "Klarna and then Spotify" -> "Klarna".
std::string proper_place(std::string text) {
  const size_t comma = text.find_first_of(",(");
  if (comma != std::string::npos) text.resize(comma);
  std::vector<std::string> words = split_words(text);
  for (size_t i = 0; i < words.size(); ++i)
    if (in_list(lower_ascii(words[i]), {"and", "but", "where", "when", "who", "which", "then", "while"})) {
      words.resize(i);
      break;
    }
  text = strip_end_punctuation(join_words(words));
  if (text.empty() || !has_letter(text) || text.size() > 60) return {};
  return text;
}

// Role words written lower-case inside a sentence ("a senior software engineer"); words not
// listed (names, products, acronyms) keep their capitals ("head of Google Cloud").
bool is_role_word(std::string_view w) {
  return in_list(w, {"senior", "junior", "staff", "principal", "lead", "chief", "head", "director", "manager",
                     "engineer", "engineering", "software", "developer", "designer", "design", "product",
                     "products", "program", "programme", "project", "research", "researcher", "scientist",
                     "science", "data", "analyst", "analytics", "architect", "consultant", "associate",
                     "assistant", "officer", "executive", "vice", "president", "partner", "founder",
                     "co-founder", "cofounder", "owner", "specialist", "coordinator", "administrator",
                     "advisor", "adviser", "strategist", "strategy", "operations", "marketing", "sales",
                     "account", "business", "development", "technical", "technology", "information",
                     "security", "infrastructure", "platform", "platforms", "mobile", "frontend", "backend",
                     "front-end", "back-end", "full-stack", "fullstack", "machine", "learning", "mathematician",
                     "physicist", "economist", "statistician", "professor", "lecturer", "teacher", "fellow",
                     "postdoc", "postdoctoral", "student", "intern", "recruiter", "recruiting", "talent",
                     "acquisition", "people", "human", "resources", "finance", "financial", "legal", "counsel",
                     "general", "editor", "writer", "journalist", "reporter", "producer", "author", "nurse",
                     "doctor", "physician", "surgeon", "lawyer", "attorney", "accountant", "controller",
                     "treasurer", "secretary", "chair", "chairman", "chairwoman", "chairperson", "board",
                     "member", "team", "group", "and", "of", "for", "the", "in", "at", "a", "an", "customer",
                     "success", "support", "quality", "assurance", "test", "testing", "reliability", "site",
                     "solutions", "systems", "system", "network", "cloud", "growth", "content", "communications",
                     "public", "relations", "policy", "affairs", "community", "developer", "relations",
                     "evangelist", "advocate", "ux", "ui", "user", "experience", "visual", "graphic", "creative",
                     "art", "brand", "digital", "web", "principal", "distinguished", "emeritus", "visiting",
                     "adjunct", "assistant", "associate", "deputy", "interim", "acting", "global", "regional",
                     "country", "area", "district", "national", "international", "managing", "executive",
                     "independent", "freelance", "self-employed", "investor", "angel", "venture", "capital",
                     "investment", "banker", "trader", "portfolio", "fund", "risk", "compliance", "audit",
                     "auditor", "supply", "chain", "logistics", "procurement", "purchasing", "manufacturing",
                     "hardware", "electrical", "mechanical", "civil", "chemical", "biomedical", "clinical",
                     "medical", "health", "care", "education", "training", "learning", "instructor", "coach",
                     "mentor", "volunteer", "ambassador", "specialist", "technician", "operator", "agent",
                     "representative", "rep", "representative", "scrum", "master", "owner", "agile", "delivery",
                     "release", "devops", "office", "studio", "creative", "copywriter", "photographer",
                     "illustrator", "animator", "planner", "buyer", "merchandiser", "pharmacist", "therapist",
                     "psychologist", "counselor", "counsellor", "social", "worker", "pilot", "captain"});
}

// Ordinary words a topic often starts with; a capital on any other first word may be a name.
bool is_common_topic_word(std::string_view w) {
  return in_list(w, {"the", "a", "an", "our", "your", "their", "his", "her", "my", "new", "next", "first",
                     "last", "product", "launch", "hiring", "scaling", "career", "job", "team", "conference",
                     "talk", "book", "idea", "ideas", "plans", "plan", "project", "startup", "pricing", "funding",
                     "fundraising", "migration", "strategy", "roadmap", "interview", "interviews", "orbital",
                     "open", "source", "remote", "work", "working", "moving", "move", "relocation", "podcast",
                     "article", "paper", "research", "user", "users", "customer", "customers", "market",
                     "marketing", "sales", "growth", "onboarding", "on-call", "incident", "incidents", "api",
                     "apis", "design", "architecture", "platform", "mobile", "web", "data", "machine", "side",
                     "weekend", "panel", "meetup", "workshop", "course", "class", "thesis", "phd", "kids",
                     "parenting", "travel", "running", "cycling", "climbing", "leadership", "management",
                     "mentoring", "coaching", "writing", "reading", "public", "speaking", "engineering", "quarterly",
                     "annual", "board", "investor", "investors", "seed", "series", "acquisition", "reorg",
                     "layoffs", "promotion", "salary", "negotiation", "equity", "options", "benefits", "offsite",
                     "retreat", "hackathon", "demo", "launch", "release", "beta", "pilot", "distributed",
                     "embedded", "applied", "advanced", "sustainability", "climate", "energy", "health", "ai",
                     "llm", "llms", "security", "privacy", "compliance", "regulation", "policy", "accessibility",
                     "checkout", "payments", "payment", "billing", "search", "recommendations", "analytics"});
}

// "orbital mechanics talk" -> "the orbital mechanics talk": a singular countable noun at the
// head of a topic needs an article; "user research", "hiring plans", "their launch" do not.
std::string with_topic_article(const std::string& topic) {
  std::vector<std::string> words = split_words(topic);
  if (words.empty()) return topic;
  const std::string first = lower_ascii(words.front());
  if (in_list(first, {"the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "this", "that",
                      "these", "those", "some", "any", "each", "every", "one", "two", "three", "another"}))
    return topic;
  // "Klarna's checkout redesign": the possessive is its determiner.
  if (first.size() > 2 && (first.ends_with("'s") || first.ends_with("\u2019s"))) return topic;
  size_t head = words.size() - 1;
  for (size_t i = 1; i < words.size(); ++i)
    if (in_list(lower_ascii(words[i]), {"at", "of", "for", "on", "in", "with", "from", "about", "to", "by"})) {
      head = i - 1;
      break;
    }
  const std::string noun = lower_ascii(words[head]);
  // "Long call", "Coffee chat": a meeting, not what it was about.
  // "Coffee at Blue Bottle", "Lunch with Sarah" too: only "about"/"on" names a subject.
  const bool subject_follows = head + 1 < words.size() && in_list(lower_ascii(words[head + 1]), {"about", "on"});
  if (!subject_follows && in_list(noun, {"call", "meeting", "chat", "coffee", "lunch", "dinner", "breakfast",
                                         "catch-up", "catchup", "conversation", "sync", "zoom", "intro",
                                         "touchpoint", "check-in", "drinks", "email", "message", "note"}))
    return {};
  if (in_list(noun, {"talk", "deck", "launch", "project", "paper", "book", "idea", "role", "meeting", "call",
                     "conference", "workshop", "panel", "podcast", "article", "post", "plan", "migration",
                     "redesign", "review", "interview", "offsite", "hackathon", "pitch", "proposal", "demo",
                     "event", "course", "thesis", "startup", "job", "offer", "promotion", "reorg", "rewrite",
                     "refactor", "release", "roadmap", "report", "study", "survey", "experiment", "prototype",
                     "app", "feature", "website", "blog", "newsletter", "keynote", "presentation", "session",
                     "lecture", "meetup", "trip", "move", "acquisition", "merger", "round", "raise", "hire",
                     "contract", "deal", "partnership", "initiative", "campaign", "audit", "incident", "outage",
                     "postmortem", "retro", "retrospective", "summit", "dinner", "lunch", "breakfast",
                     "question", "problem", "challenge", "decision", "transition", "opportunity", "grant",
                     "award", "competition", "class", "module", "chapter", "manuscript", "framework", "library",
                     "tool", "service", "dashboard", "pipeline", "rollout", "relaunch", "rebrand", "bootcamp",
                     "course", "program", "programme", "fellowship", "sabbatical", "residency", "internship"}))
    return "the " + topic;
  return topic;
}

bool is_acronym(std::string_view w) {
  int upper = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

}  // namespace

std::string clean_name_text(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    const bool keep = is_name_letter(cp) || (cp >= '0' && cp <= '9') || cp == '-' || cp == '\'' || cp == '.' ||
                      cp == 0x2019 || cp == ',';
    if (keep) {
      append_utf8(out, cp == 0x2019 ? U'\'' : cp);
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return trim(out);
}

std::string greeting_name(const Contact& c) {
  // A one-word nickname is what they go by; a nickname with spaces is more likely a note.
  const std::string nick = usable_name(c.nickname, false);
  if (!nick.empty() && split_words(clean_name_text(c.nickname)).size() == 1) return nick;
  if (std::string given = usable_name(c.given_name, true); !given.empty()) return given;
  return usable_name(c.name, false);
}

bool is_noun_phrase(std::string_view raw) {
  const std::string text = trim(raw);
  if (text.empty() || text.size() > 70) return false;
  if (text.find_first_of(".!?;:\"()[]{}\n,") != std::string::npos) return false;
  if (text.find("://") != std::string::npos || text.find('@') != std::string::npos) return false;
  const std::vector<std::string> words = split_words(text);
  if (words.empty() || words.size() > 9) return false;
  std::string first = lower_ascii(words.front());
  if (starts_clause(first) || is_past_tense(first)) return false;
  // A subject pronoun anywhere makes it a clause ("the deck she asked about").
  for (const auto& w : words)
    if (in_list(lower_ascii(w), {"i", "i'm", "we", "she", "he", "they", "you", "i've", "we're", "they're", "you're"}))
      return false;
  if (!has_letter(text)) return false;
  return true;
}

namespace {

// A note's first sentence as a topic's words: lead-ins such as "Talked about" removed, a
// capitalised ordinary first word lowered. Not checked as a noun phrase yet.
std::string topic_words(std::string_view note) {
  std::string text = trim(note);
  // The first sentence only ("Product launch at Widget. We also talked kids.").
  size_t stop = text.find_first_of("!?\n");
  for (size_t dot = text.find('.'); dot != std::string::npos; dot = text.find('.', dot + 1))
    if (dot + 1 == text.size() || text[dot + 1] == ' ') {
      stop = std::min(stop, dot);
      break;
    }
  if (stop != std::string::npos) text.resize(stop);
  text = trim(text);
  const std::string low = lower_ascii(text);
  for (std::string_view lead :
       {"we talked about", "talked about", "we discussed", "discussed", "spoke about", "we spoke about",
        "chatted about", "we chatted about", "conversation about", "call about", "chat about", "follow up about",
        "follow up on", "follow-up about", "follow-up on", "followup on", "re:", "re", "topic:", "about",
        "lunch about", "coffee about", "meeting about", "discussion about", "discussion of", "discussion:"}) {
    if (low.size() > lead.size() + 1 && low.compare(0, lead.size(), lead) == 0 &&
        (lead.back() == ':' || low[lead.size()] == ' ')) {
      text = trim(text.substr(lead.size()));
      break;
    }
  }
  // "Product launch" reads better mid-sentence as "product launch"; leave "API design" alone.
  if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z') {
    // Only words that are not names: "Klarna launch" keeps its capital.
    const std::string first = lower_ascii(split_words(text).front());
    if (is_role_word(first) || is_common_topic_word(first)) text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::optional<std::string> topic_from_note(std::string_view note) {
  std::string text = topic_words(note);
  if (!is_noun_phrase(text)) return std::nullopt;
  // The note speaks of the contact ("her move to Lisbon"); the draft speaks to them.
  for (std::string_view possessive : {"her ", "his ", "their "})
    if (lower_ascii(text).rfind(possessive, 0) == 0) {
      text = "your " + text.substr(possessive.size());
      break;
    }
  text = with_topic_article(text);
  if (text.empty()) return std::nullopt;
  return text;
}

OfferCheck topic_preview(std::string_view raw) {
  OfferCheck check;
  const std::string text = strip_end_punctuation(trim(raw));
  if (text.empty()) return check;
  check.phrase = topic_words(text);
  const bool one_phrase = text.find_first_of(".!?;\n") == std::string::npos;
  if (one_phrase)
    if (auto slot = topic_from_note(check.phrase)) {
      check.ok = true;
      check.sentence = "I still remember our conversation about " + *slot + ".";
      return check;
    }
  // A rewrite: the first sentence alone, or what a clause was about ("she asked about our
  // on-call setup" -> "our on-call setup", "congratulated on new role" -> "new role").
  std::string suggestion;
  if (!one_phrase && topic_from_note(check.phrase)) suggestion = check.phrase;
  const std::string low = lower_ascii(text);
  for (std::string_view joint : {" about ", " regarding ", " on ", " re "}) {
    if (!suggestion.empty()) break;
    if (const size_t at = low.rfind(joint); at != std::string::npos) {
      const std::string rest = topic_words(text.substr(at + joint.size()));
      if (topic_from_note(rest)) suggestion = rest;
    }
  }
  if (!one_phrase) {
    check.hint = "A topic is a few words, not a sentence.";
  } else if (text.size() > 70 || split_words(text).size() > 9) {
    check.hint = "Keep a topic to a few words (at most 70 characters), as in \"orbital mechanics\".";
  } else if (is_noun_phrase(check.phrase)) {
    // "Coffee chat", "long call": the meeting, not what it was about.
    check.hint = "\"" + check.phrase + "\" names the meeting, not what it was about: say what you talked about, "
                 "as in \"pricing for the EU launch\".";
  } else {
    check.hint = "A topic reads as what you talked about, a few words that follow \"our conversation about\": "
                 "\"orbital mechanics\", \"your move to Lisbon\".";
  }
  if (suggestion.size() <= 70) check.suggestion = suggestion;
  return check;
}

std::optional<std::string> worked_together_from_notes(std::string_view notes) {
  std::string at = after_lead_in(notes, {"worked together at", "we worked together at", "worked with me at",
                                         "worked together in", "colleagues at", "colleague at",
                                         "ex-colleague from", "ex-colleague at", "former colleague at",
                                         "former colleague from", "colleague from", "colleagues from"});
  at = proper_place(at);
  if (at.empty()) return std::nullopt;
  return at;
}

std::optional<std::string> how_met_from_notes(std::string_view notes) {
  struct Lead {
    std::string_view text, word;
  };
  for (const Lead& lead : {Lead{"met at", "at"}, Lead{"we met at", "at"}, Lead{"met through", "through"},
                           Lead{"we met through", "through"}, Lead{"met via", "through"},
                           Lead{"introduced by", "through"}, Lead{"met in", "in"}, Lead{"we met in", "in"}}) {
    std::string place = proper_place(after_lead_in(notes, {lead.text}));
    if (!place.empty() && is_noun_phrase(place)) return std::string(lead.word) + " " + place;
  }
  return std::nullopt;
}

OfferCheck offer_preview(std::string_view raw) {
  OfferCheck check;
  std::string text = strip_end_punctuation(trim(raw));
  if (text.empty()) return check;
  // What people type before the verb: "I can share...", "Happy to review...", "Offer to...".
  for (std::string_view lead : {"i can", "i could", "i'd be glad to", "i'd be happy to", "i'd", "i would",
                                "i'll", "i will", "happy to", "glad to", "offer to", "can", "could", "to"}) {
    const std::string low = lower_ascii(text);
    if (low.size() > lead.size() + 1 && low.compare(0, lead.size(), lead) == 0 && low[lead.size()] == ' ') {
      text = trim(text.substr(lead.size()));
      break;
    }
  }
  std::vector<std::string> words = split_words(text);
  if (words.empty()) return check;
  std::string first = lower_ascii(words.front());
  if (!is_acronym(words.front())) words.front() = first;
  check.phrase = join_words(words);

  // Third person about the very person the draft is written to reads wrong in their inbox.
  bool third_person = false;
  std::vector<std::string> second = words;
  for (auto& w : second) {
    const std::string l = lower_ascii(w);
    if (l == "their" || l == "his") w = "your", third_person = true;
    else if (l == "them" || l == "him") w = "you", third_person = true;
    else if (l == "theirs") w = "yours", third_person = true;
  }

  std::string suggestion;
  bool verb = is_offer_verb(first);
  if (!verb) {
    const std::string rest = join_words(second, 1);
    std::string stem = first;
    if (first.size() > 5 && first.substr(first.size() - 3) == "ing") {
      stem = first.substr(0, first.size() - 3);
      if (!is_offer_verb(stem) && is_offer_verb(stem + "e")) stem += "e";
      if (!is_offer_verb(stem) && stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2])
        stem.pop_back();  // "mapping" -> "map"
    }
    if (is_offer_verb(stem) && stem != first) suggestion = stem + (rest.empty() ? "" : " " + rest);
    else if (first == "feedback" || first == "advice" || first == "input" || first == "thoughts" ||
             first == "a" || first == "an")
      suggestion = "give " + join_words(second);
    else if (first == "intro" || first == "introduction" || first == "introductions" || first == "intros")
      suggestion = "introduce you" + (words.size() > 1 && lower_ascii(words[1]) == "to" ? " " + join_words(second, 1)
                                                                               : " to " + rest);
    else if (first == "coffee" || first == "lunch" || first == "a coffee")
      suggestion = "buy you " + join_words(second);
    else
      suggestion = "share " + join_words(second);
    check.hint = "An offer reads as something you will do: start with a verb, as in \"share my notes on user "
                 "research\" or \"introduce you to our payments lead\".";
  } else if (third_person) {
    suggestion = join_words(second);
    check.hint = "The draft is written to them: say \"your\" and \"you\", not \"their\" and \"them\".";
  }
  if (const auto ask = find_transactional_ask(text)) {
    check.hint = "\"" + *ask + "\" is something you would ask for; an offer is what you can do for them.";
    check.suggestion.clear();
    return check;
  }
  if (text.size() > 120) {
    check.hint = "Keep an offer short enough for one sentence (at most 120 characters).";
    return check;
  }
  if (!check.hint.empty()) {
    if (!suggestion.empty() && suggestion.size() <= 120) check.suggestion = suggestion;
    return check;
  }
  check.ok = true;
  check.sentence = "If it's useful, I'd be glad to " + check.phrase + ".";
  return check;
}

std::string indefinite_article(std::string_view word) {
  if (word.empty()) return "a";
  const std::string w = lower_ascii(word);
  if (is_acronym(word)) {
    // Letters whose names start with a vowel sound: "an SRE", "an MBA", "an HR lead".
    return std::string("AEFHILMNORSX").find(word[0]) != std::string::npos ? "an" : "a";
  }
  for (std::string_view a : {"uni", "use", "usu", "eu", "one", "once", "ubiq", "uro"})
    if (w.rfind(a, 0) == 0) return "a";
  for (std::string_view an : {"hour", "honest", "honor", "honour", "heir"})
    if (w.rfind(an, 0) == 0) return "an";
  return std::string("aeiou").find(w[0]) != std::string::npos ? "an" : "a";
}

std::string role_phrase(std::string_view raw_title, std::string_view raw_company) {
  std::string title = trim(raw_title), company = trim(raw_company);
  // A LinkedIn headline ("Engineer | Speaker | Author"): the first part is the role.
  for (std::string_view sep : {" | ", " · ", " / ", " - ", " – ", " — "})
    if (const size_t at = title.find(sep); at != std::string::npos) title = trim(title.substr(0, at));
  // "Engineer at Acme" typed into the title: the company is already there.
  if (const size_t at = lower_ascii(title).find(" at "); at != std::string::npos && company.empty()) {
    company = trim(title.substr(at + 4));
    title = trim(title.substr(0, at));
  }
  if (title.empty() || title.size() > 70 || !has_letter(title)) return {};
  const std::string low = lower_ascii(title);
  for (std::string_view not_role : {"open to work", "looking for", "retired", "unemployed", "between roles",
                                    "seeking", "available", "n/a", "none", "-", "self-employed", "student at",
                                    "aspiring"})
    if (low.rfind(not_role, 0) == 0) return {};
  if (title.find_first_of("!?@#:;\"") != std::string::npos) return {};
  std::vector<std::string> words = split_words(title);
  bool in_name = false;  // inside a name such as "Google Cloud": its words keep their capitals
  for (auto& w : words) {
    if (w == "&") w = "and";
    const std::string l = lower_ascii(w);
    // "Senior Engineer" -> "senior engineer"; "CTO", "iOS", "Google" stay as written.
    const bool capital = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    if (!is_acronym(w) && is_role_word(l) && !(in_name && capital)) w = l;
    else in_name = capital;
    if (w == l && l != "of" && l != "and" && l != "for") in_name = false;
  }
  title = join_words(words);
  const std::string first = lower_ascii(words.front());
  const bool top_job = in_list(first, {"ceo", "cto", "cfo", "coo", "cmo", "cpo", "cio", "ciso", "cro", "cso",
                                       "founder", "chief", "president", "chair", "chairman", "chairwoman",
                                       "chairperson", "owner", "dean", "mayor"}) ||
                       low.rfind("managing director", 0) == 0 || low.rfind("general manager", 0) == 0 ||
                       low.rfind("executive director", 0) == 0;
  // Titles that read well without an article: "head of product at Widget", "VP of Sales".
  const bool bare = in_list(first, {"head", "vp", "svp", "evp", "avp", "vice", "director", "lead"}) &&
                    low.find(" of ") != std::string::npos;
  if (top_job) return "the " + title + (company.empty() ? "" : " of " + company);
  const std::string at = company.empty() ? "" : " at " + company;
  if (bare) return title + at;
  return indefinite_article(words.front()) + " " + title + at;
}

}  // namespace rekindle::core
