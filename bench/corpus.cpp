// Synthetic contact files for the benchmark (see corpus.h).
#include "bench/corpus.h"
#include "core/text_encoding.h"

#include <stb_image_write.h>

#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

namespace rekindle::bench {
namespace {

// splitmix64: small, fast and the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool percent(int p) { return below(100) < static_cast<size_t>(p); }
  template <typename T, size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  uint64_t state_;
};

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Anna",  "José",    "Zoë",     "Łukasz",   "Søren",     "Chloé",   "Ngọc",     "Владимир",
    "Анна",  "Μαρία",   "Jürgen",  "François", "Ayşe",      "Björn",   "Ioana",    "Mohammed",
    "Priya", "Wei",     "Yuki",    "Oluwaseun", "Siobhán",  "Mateus",  "Émilie",   "Nikolai",
    "Sarah", "David",   "Laura",   "Michael",  "Fatima",    "Tomás",   "Ingrid",   "Raj",
    "Elena", "Kwame",   "Hannah",  "Lars",     "Mei",       "Carlos",  "Aoife",    "Dmitri"};
constexpr std::array<std::string_view, 40> kLastNames = {
    "García",   "Müller",   "Kowalski",   "Nguyễn",   "Иванов",  "Papadopoulos", "O'Brien",  "Smith",
    "Johansson", "Rossi",   "Yılmaz",     "Dubois",   "Silva",   "Kim",          "Tanaka",   "Okafor",
    "van der Berg", "Novák", "Schröder",  "Haddad",   "Patel",   "Chen",         "Ferreira", "Murphy",
    "Lindqvist", "李",      "Petrov",     "Nowak",    "Jensen",  "Costa",        "Mensah",   "Fischer",
    "Popescu",  "Horváth",  "Sato",       "Brown",    "Martin",  "Ahmed",        "Wójcik",   "Ó Súilleabháin"};
constexpr std::array<std::string_view, 16> kCompanies = {
    "Acme Corp",       "Woodward, Inc.",          "Globex",        "Initech",
    "Umbrella GmbH",   "Société Générale",        "Tata Consultancy Services", "The \"Good\" Agency",
    "Self-employed",   "Яндекс",                  "Stark Industries", "Wayne Enterprises",
    "Nordic Data AB",  "Universidad de São Paulo", "Hooli",         ""};
constexpr std::array<std::string_view, 14> kPositions = {
    "Software Engineer", "Senior Product Manager", "Head of Sales, EMEA", "Data Scientist",
    "CTO",               "Technical Recruiter",    "Директор по развитию", "Ingénieure logicielle",
    "UX Designer",       "Engineering Manager",    "Founder & CEO",        "Consultant",
    "PhD candidate",     ""};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 8> kCities = {"London", "München", "São Paulo", "Kraków",
                                                      "Lyon",   "Toronto", "Osaka",     "Lagos"};
constexpr std::array<std::string_view, 6> kNoteBits = {
    "Met at the Berlin product conference; talked about hiring junior engineers and remote onboarding.",
    "Worked together on the payments migration in 2019. Très bon contact, always replies within a day.",
    "Introduced by Zoë — interested in climate tech, mentors people moving from consulting to product.",
    "Former manager. Knows everyone in the data-platform space; prefers a call to e-mail. Дружелюбный.",
    "Alumni network, class of 2012. Organises the yearly meetup in Lisbon; ask about the speaker slots.",
    "Shared an article on pricing strategy; we disagreed about freemium but it was a good discussion."};

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The URL slug of a name: ASCII letters kept, other bytes percent-encoded or dropped.
std::string slug(std::string_view first, std::string_view last, bool percent_encode) {
  std::string out;
  auto add = [&](std::string_view part) {
    for (unsigned char c : part) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if (c == ' ' || c == '\'') out += '-';
      else if (c >= 0x80 && percent_encode) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
  };
  add(first);
  out += '-';
  add(last);
  return out;
}

std::string hex_id(uint64_t value) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(value & 0xFFFFFFFFull));
  return buf;
}

std::string date_text(Rng& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d %s %d", static_cast<int>(1 + rng.below(28)),
                std::string(kMonths[rng.below(12)]).c_str(), static_cast<int>(2008 + rng.below(19)));
  return buf;
}

std::string vcard_escape(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == ',' || c == ';') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Folds a content line at 75 octets (never inside a UTF-8 sequence), CRLF + space.
void append_folded(std::string& out, std::string_view line) {
  size_t limit = 75;
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

// Quoted-printable (vCard 2.1 style, soft line breaks "=" CRLF) of a UTF-8 value.
void append_quoted_printable(std::string& out, std::string_view prefix, std::string_view value) {
  std::string line(prefix);
  for (unsigned char c : value) {
    char piece[4];
    if (c == '=' || c >= 0x80 || c < 0x20) std::snprintf(piece, sizeof piece, "=%02X", c);
    else {
      piece[0] = static_cast<char>(c);
      piece[1] = '\0';
    }
    if (line.size() + std::string_view(piece).size() > 73) {
      out += line;
      out += "=\r\n";
      line.clear();
    }
    line += piece;
  }
  out += line;
  out += "\r\n";
}


void append_to_string(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

// A 32×32 PNG portrait stand-in: a colour gradient with noise (a few kilobytes).
std::string small_png(Rng& rng) {
  constexpr int kSide = 32;
  std::vector<unsigned char> pixels(kSide * kSide * 3);
  const int r0 = static_cast<int>(rng.below(128)), g0 = static_cast<int>(rng.below(128));
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      unsigned char* p = &pixels[(y * kSide + x) * 3];
      p[0] = static_cast<unsigned char>(r0 + x * 3 + static_cast<int>(rng.below(24)));
      p[1] = static_cast<unsigned char>(g0 + y * 3 + static_cast<int>(rng.below(24)));
      p[2] = static_cast<unsigned char>(96 + static_cast<int>(rng.below(64)));
    }
  std::string png;
  stbi_write_png_to_func(append_to_string, &png, kSide, kSide, 3, pixels.data(), kSide * 3);
  return png;
}

}  // namespace

std::string make_linkedin_csv(int rows, uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(static_cast<size_t>(rows) * 140 + 512);
  out +=
      "Notes:\n"
      "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
      "You will only see email addresses for connections who have allowed their connections to see or download "
      "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
      "more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
      "\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < rows; ++i) {
    std::string first(rng.pick(kFirstNames));
    const std::string_view last = rng.pick(kLastNames);
    const bool emoji = rng.percent(2);
    const std::string url = "https://www.linkedin.com/in/" + slug(first, last, rng.percent(50)) + "-" +
                            hex_id(static_cast<uint64_t>(i) * 2654435761ull + seed);
    const std::string email =
        rng.percent(8) ? slug(first, last, false) + "." + std::to_string(i) + "@example.com" : std::string();
    if (emoji) first += " 🚀";
    if (rng.percent(2)) first += " ";  // trailing spaces happen in real exports
    out += csv_field(first);
    out += ',';
    out += csv_field(last);
    out += ',';
    out += url;
    out += ',';
    out += email;
    out += ',';
    out += csv_field(rng.pick(kCompanies));
    out += ',';
    out += csv_field(rng.pick(kPositions));
    out += ',';
    out += date_text(rng);
    out += '\n';
  }
  return out;
}

std::string make_vcard_file(int cards, uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(static_cast<size_t>(cards) * 620);
  for (int i = 0; i < cards; ++i) {
    const std::string_view first = rng.pick(kFirstNames);
    const std::string_view last = rng.pick(kLastNames);
    const std::string_view company = rng.pick(kCompanies);
    const std::string_view position = rng.pick(kPositions);
    const std::string mail_local = slug(first, last, false) + "." + std::to_string(i);
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    append_folded(out, "N:" + vcard_escape(last) + ";" + vcard_escape(first) + ";;;");
    append_folded(out, "FN:" + vcard_escape(first) + " " + vcard_escape(last));
    if (!company.empty()) append_folded(out, "ORG:" + vcard_escape(company) + ";Engineering");
    if (!position.empty()) append_folded(out, "TITLE:" + vcard_escape(position));
    append_folded(out, "EMAIL;TYPE=INTERNET,WORK,PREF:" + mail_local + "@example.com");
    if (rng.percent(30)) append_folded(out, "EMAIL;TYPE=INTERNET,HOME:" + mail_local + "@mail.example.org");
    char phone[40];
    std::snprintf(phone, sizeof phone, "+44 7700 %06d", i % 1000000);
    append_folded(out, std::string("TEL;TYPE=CELL,VOICE:") + phone);
    append_folded(out, "URL;TYPE=WORK:https://www.linkedin.com/in/" + slug(first, last, false) + "-" +
                           hex_id(static_cast<uint64_t>(i) * 40503ull + seed));
    if (rng.percent(5)) {
      out += "item1.URL:https://portfolio.example.net/" + std::to_string(i) + "\r\n";
      out += "item1.X-ABLabel:Portfolio\r\n";
    }
    append_folded(out, "ADR;TYPE=WORK:;;" + std::to_string(1 + rng.below(200)) + " High Street;" +
                           std::string(rng.pick(kCities)) + ";;" + std::to_string(10000 + rng.below(89999)) +
                           ";United Kingdom");
    if (rng.percent(30)) {
      char bday[16];
      std::snprintf(bday, sizeof bday, "%d-%02d-%02d", static_cast<int>(1960 + rng.below(40)),
                    static_cast<int>(1 + rng.below(12)), static_cast<int>(1 + rng.below(28)));
      out += std::string("BDAY:") + bday + "\r\n";
    }
    if (rng.percent(20)) out += "CATEGORIES:Conference 2024,Alumni\r\n";
    const std::string note = std::string(rng.pick(kNoteBits)) + " " + std::string(rng.pick(kNoteBits));
    if (i % 7 == 3) append_quoted_printable(out, "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:", note);
    else append_folded(out, "NOTE:" + vcard_escape(note));
    if (i % 500 == 250) append_folded(out, "PHOTO;ENCODING=b;TYPE=PNG:" + core::base64_encode(small_png(rng)));
    out += "END:VCARD\r\n";
  }
  return out;
}

}  // namespace rekindle::bench
