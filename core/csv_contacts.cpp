#include "core/csv_contacts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "core/csv_reader.h"
#include "core/text_encoding.h"
#include "core/vcard_reader.h"

namespace rekindle::core {
namespace {

// The header must appear within this many records (LinkedIn puts a short preamble first).
constexpr size_t kHeaderSearchRecords = 20;
// Detection reads only the start of a file.
constexpr size_t kDetectBytes = 64 * 1024;
// Google joins several values of one cell with this separator.
constexpr std::string_view kMultiValueSeparator = " ::: ";
// Progress is reported every this many rows.
constexpr size_t kProgressEvery = 64;
// vCard ADR components: post office box, extended, street, locality, region, postal code, country.
constexpr int kAdrParts = 7;
constexpr int kAdrPoBox = 0, kAdrStreet = 2, kAdrCity = 3, kAdrRegion = 4, kAdrCode = 5, kAdrCountry = 6;

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// Header names compare trimmed, lower-case, with runs of spaces collapsed; '_' counts as a
// space so that our own CSV export ("given_name") reads back.
std::string normalise_header(std::string_view raw) {
  std::string out;
  for (char c : trim(raw)) {
    if (c == '_') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t at = text.find(separator, start);
    parts.push_back(trim(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
    if (at == std::string_view::npos) break;
    start = at + separator.size();
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a run of digits; -1 when it has more than nine, which no day, month or year
// has (a year "4294969296" must not wrap around to 2000).
int to_int(std::string_view s) {
  if (s.size() > 9) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// ---- localised headers ---------------------------------------------------------------------

// Outlook writes its CSV header in the language of the installation. These are the German,
// French and Spanish names of the columns (as Outlook 2010 and later write them, lower case),
// with the English name each stands for; columns we keep only as notes need no entry, since
// they are kept under the name the file gives them.
const std::map<std::string, std::string, std::less<>>& localised_headers() {
  static const std::map<std::string, std::string, std::less<>> kNames = [] {
    std::map<std::string, std::string, std::less<>> names = {
        // German
        {"anrede", "title"}, {"vorname", "first name"}, {"weitere vornamen", "middle name"},
        {"zweiter vorname", "middle name"}, {"nachname", "last name"}, {"namenszusatz", "suffix"},
        {"firma", "company"}, {"abteilung", "department"}, {"position", "job title"},
        {"telefon assistent", "assistant's phone"}, {"fax geschäftlich", "business fax"},
        {"telefon geschäftlich", "business phone"}, {"telefon geschäftlich 2", "business phone 2"},
        {"rückmeldung", "callback"}, {"autotelefon", "car phone"}, {"telefon firma", "company main phone"},
        {"fax privat", "home fax"}, {"telefon privat", "home phone"}, {"telefon privat 2", "home phone 2"},
        {"mobiltelefon", "mobile phone"}, {"mobiltelefon 2", "mobile phone 2"}, {"weiteres fax", "other fax"},
        {"weiteres telefon", "other phone"}, {"haupttelefon", "primary phone"}, {"funktelefon", "radio phone"},
        {"telefon für hörbehinderte", "tty/tdd phone"},
        {"e-mail-adresse", "e-mail address"}, {"e-mail-typ", "e-mail type"},
        {"e-mail: angezeigter name", "e-mail display name"}, {"e-mail 2: adresse", "e-mail 2 address"},
        {"e-mail 2: typ", "e-mail 2 type"}, {"e-mail 2: angezeigter name", "e-mail 2 display name"},
        {"e-mail 3: adresse", "e-mail 3 address"}, {"e-mail 3: typ", "e-mail 3 type"},
        {"e-mail 3: angezeigter name", "e-mail 3 display name"},
        {"geburtstag", "birthday"}, {"jahrestag", "anniversary"}, {"kategorien", "categories"},
        {"notizen", "notes"}, {"webseite", "web page"}, {"initialen", "initials"},
        {"postfach geschäftlich", "business po box"}, {"postfach privat", "home po box"},
        {"weiteres postfach", "other po box"},
        {"ort geschäftlich", "business city"}, {"region geschäftlich", "business state"},
        {"bundesland/kanton geschäftlich", "business state"}, {"postleitzahl geschäftlich", "business postal code"},
        {"land/region geschäftlich", "business country/region"},
        {"ort privat", "home city"}, {"region privat", "home state"}, {"bundesland/kanton privat", "home state"},
        {"postleitzahl privat", "home postal code"}, {"land/region privat", "home country/region"},
        {"weiterer ort", "other city"}, {"weitere region", "other state"},
        {"weiteres/r bundesland/kanton", "other state"}, {"weitere postleitzahl", "other postal code"},
        {"weiteres/e land/region", "other country/region"},
        // French
        {"titre", "title"}, {"prénom", "first name"}, {"deuxième prénom", "middle name"}, {"nom", "last name"},
        {"suffixe", "suffix"}, {"société", "company"}, {"service", "department"}, {"fonction", "job title"},
        {"téléphone de l'assistant(e)", "assistant's phone"}, {"télécopie (bureau)", "business fax"},
        {"téléphone (bureau)", "business phone"}, {"téléphone 2 (bureau)", "business phone 2"},
        {"rappel", "callback"}, {"téléphone (voiture)", "car phone"}, {"téléphone société", "company main phone"},
        {"télécopie (domicile)", "home fax"}, {"téléphone (domicile)", "home phone"},
        {"téléphone 2 (domicile)", "home phone 2"}, {"rnis", "isdn"}, {"tél. mobile", "mobile phone"},
        {"télécopie (autre)", "other fax"}, {"téléphone (autre)", "other phone"},
        {"récepteur de radiomessagerie", "pager"}, {"téléphone principal", "primary phone"},
        {"radio téléphone", "radio phone"}, {"téléphone tdd/tty", "tty/tdd phone"}, {"télex", "telex"},
        {"adresse de messagerie", "e-mail address"}, {"type de messagerie", "e-mail type"},
        {"nom complet de l'adresse de messagerie", "e-mail display name"},
        {"adresse de messagerie 2", "e-mail 2 address"}, {"type de messagerie 2", "e-mail 2 type"},
        {"nom complet de l'adresse de messagerie 2", "e-mail 2 display name"},
        {"adresse de messagerie 3", "e-mail 3 address"}, {"type de messagerie 3", "e-mail 3 type"},
        {"nom complet de l'adresse de messagerie 3", "e-mail 3 display name"},
        {"anniversaire", "birthday"}, {"anniversaire de mariage ou fête", "anniversary"},
        {"catégories", "categories"}, {"page web", "web page"}, {"initiales", "initials"},
        {"b.p. professionnelle", "business po box"}, {"boîte postale du domicile", "home po box"},
        {"autre boîte postale", "other po box"},
        // Spanish
        {"tratamiento", "title"}, {"nombre", "first name"}, {"segundo nombre", "middle name"},
        {"apellidos", "last name"}, {"sufijo", "suffix"}, {"organización", "company"}, {"compañía", "company"},
        {"departamento", "department"}, {"puesto", "job title"},
        {"teléfono del asistente", "assistant's phone"}, {"fax del trabajo", "business fax"},
        {"teléfono del trabajo", "business phone"}, {"teléfono del trabajo 2", "business phone 2"},
        {"devolución de llamada", "callback"}, {"teléfono del automóvil", "car phone"},
        {"número de centralita de la organización", "company main phone"}, {"fax particular", "home fax"},
        {"particular", "home phone"}, {"particular 2", "home phone 2"}, {"rdsi", "isdn"},
        {"teléfono móvil", "mobile phone"}, {"móvil", "mobile phone"}, {"otro fax", "other fax"},
        {"otro teléfono", "other phone"}, {"localizador", "pager"}, {"teléfono principal", "primary phone"},
        {"radioteléfono", "radio phone"}, {"número de teletipo", "tty/tdd phone"}, {"télex", "telex"},
        {"dirección de correo electrónico", "e-mail address"}, {"tipo de correo electrónico", "e-mail type"},
        {"nombre de pantalla de correo electrónico", "e-mail display name"},
        {"dirección de correo electrónico 2", "e-mail 2 address"}, {"tipo de correo electrónico 2", "e-mail 2 type"},
        {"nombre de pantalla de correo electrónico 2", "e-mail 2 display name"},
        {"dirección de correo electrónico 3", "e-mail 3 address"},
        {"dirección del correo electrónico 3", "e-mail 3 address"}, {"tipo de correo electrónico 3", "e-mail 3 type"},
        {"nombre de pantalla de correo electrónico 3", "e-mail 3 display name"},
        {"cumpleaños", "birthday"}, {"aniversario", "anniversary"}, {"categorías", "categories"},
        {"notas", "notes"}, {"página web", "web page"}, {"iniciales", "initials"},
        {"apartado postal de la dirección del trabajo", "business po box"},
        {"apartado postal de la dirección personal", "home po box"}, {"otro apartado postal", "other po box"},
        {"ciudad de trabajo", "business city"}, {"provincia o estado de trabajo", "business state"},
        {"código postal del trabajo", "business postal code"}, {"país o región del trabajo", "business country/region"},
        {"ciudad de residencia", "home city"}, {"ciudad del domicilio", "home city"},
        {"provincia o estado de residencia", "home state"}, {"estado/provincia del domicilio", "home state"},
        {"código postal de residencia", "home postal code"}, {"código postal del domicilio", "home postal code"},
        {"país o región de residencia", "home country/region"}, {"país/región del domicilio", "home country/region"},
        {"otra ciudad", "other city"}, {"otra provincia o estado", "other state"},
        {"otro código postal", "other postal code"}, {"otro país o región", "other country/region"},
    };
    // Street columns come in threes ("Straße geschäftlich 2", "Rue (bureau) 3").
    const std::pair<const char*, const char*> kStreets[] = {
        {"straße geschäftlich", "business street"}, {"straße privat", "home street"},
        {"weitere straße", "other street"},         {"rue (bureau)", "business street"},
        {"rue (domicile)", "home street"},          {"rue (autre)", "other street"},
        {"calle del trabajo", "business street"},   {"calle del domicilio", "home street"},
        {"calle de residencia", "home street"},     {"otra calle", "other street"},
    };
    // French names the place in brackets: "Ville (bureau)", "Code postal (domicile)".
    for (const auto& [place, english] : {std::pair<const char*, const char*>{"bureau", "business"},
                                         {"domicile", "home"}, {"autre", "other"}}) {
      const std::string p = std::string(" (") + place + ")";
      const std::string e = english;
      names["ville" + p] = e + " city";
      names["dép/région" + p] = e + " state";
      names["code postal" + p] = e + " postal code";
      names["pays/région" + p] = e + " country/region";
    }
    for (const auto& [local, english] : kStreets) {
      names[local] = english;
      for (const char* n : {" 2", " 3"}) names[std::string(local) + n] = std::string(english) + n;
    }
    return names;
  }();
  return kNames;
}

// The English (normalised) name of a normalised header; names in no other language, as they are.
std::string canonical_header(const std::string& h) {
  if (auto it = localised_headers().find(h); it != localised_headers().end()) return it->second;
  return h;
}

// ---- dialect recognition -------------------------------------------------------------------

using HeaderSet = std::set<std::string>;

bool has_any(const HeaderSet& h, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return h.count(n) > 0; });
}

bool mentions(const HeaderSet& h, std::initializer_list<std::string_view> words) {
  for (const auto& name : h)
    for (auto w : words)
      if (name.find(w) != std::string::npos) return true;
  return false;
}

// The dialect a header row belongs to, or "" when it is not a contact CSV header.
std::string classify_header(const std::vector<std::string>& raw_names) {
  HeaderSet h;
  for (const std::string& name : raw_names) h.insert(canonical_header(name));
  const bool first_last = has_any(h, {"first name", "last name"});
  if (first_last && h.count("connected on")) return "linkedin";
  // Our own CSV export, or another app's with plain list columns.
  if (h.count("name") && has_any(h, {"emails", "phones"})) return "csv";
  if (has_any(h, {"given name"}) && has_any(h, {"family name", "group membership"})) return "google";
  if (first_last && has_any(h, {"labels", "e-mail 1 - value", "phone 1 - value", "phonetic first name",
                                "organization name", "file as"}))
    return "google";
  if (has_any(h, {"primary email"}) || (h.count("display name") && h.count("secondary email"))) return "thunderbird";
  if (first_last && has_any(h, {"e-mail address", "business phone", "mobile phone", "home phone", "job title",
                                "categories", "company", "e-mail display name"}))
    return "outlook";
  // An Outlook file whose only name-like column is the e-mail address (a list of addresses).
  if (h.count("e-mail address") &&
      has_any(h, {"e-mail type", "e-mail display name", "e-mail 2 address", "business phone", "mobile phone",
                  "categories", "company", "job title", "notes"}))
    return "outlook";
  const bool named =
      first_last || has_any(h, {"name", "full name", "display name", "given name", "family name", "first", "last"});
  if (named && mentions(h, {"email", "e-mail", "phone", "mobile"})) return "csv";
  return "";
}

// ---- column mapping ------------------------------------------------------------------------

enum class Target {
  kIgnore, kName, kGiven, kMiddle, kFamily, kPrefix, kSuffix, kNickname, kCompany, kDepartment, kTitle,
  kBirthday, kAnniversary, kNotes, kTopic, kTags, kConnectedOn, kEmail, kPhone, kUrl, kAddressPart,
  kBirthYear, kBirthMonth, kBirthDay, kGroup, kAddress,
  kKeep,       // no field of its own: kept in the notes as "Column: value"
  kRedundant,  // repeats other columns (Outlook's "E-mail Type"): left out, and the report says so
  kPhotoUrl,   // Google's "Photo": the URL of the picture
};

struct Column {
  Target target = Target::kIgnore;
  std::string label;     // kEmail/kPhone/kUrl: the value's label; kAddressPart: the address label
  bool preferred = false;
  int part = 0;          // kAddressPart: ADR component
  std::string group;     // kGroup: "e-mail 1"; kAddressPart: "home", "work"...
  std::string sub;       // kGroup: "value", "label", "formatted", "city"...
};

Column column(Target target, std::string label = {}, bool preferred = false) {
  Column c;
  c.target = target;
  c.label = std::move(label);
  c.preferred = preferred;
  return c;
}

struct Header {
  char delimiter = ',';
  size_t index = 0;  // position of the header in the records
  std::vector<std::string> names;  // normalised
  std::string dialect;
  std::vector<std::string> raw;  // as the file writes them, for notes and the report
};

// The fields of a header record; a header written as one quoted field holding every name
// (some Outlook versions) is split again.
std::vector<std::string> header_fields(const CsvRecord& record, char delimiter) {
  std::vector<std::string> raw = record.fields;
  if (raw.size() == 1 && raw[0].find(delimiter) != std::string::npos) {
    auto inner = read_csv(raw[0], delimiter);
    if (!inner.empty()) raw = inner[0].fields;
  }
  for (auto& r : raw) r = trim(r);
  return raw;
}

Column classify_column(const std::string& h, const std::string& dialect);

// The header row: the first of the first records whose names make a contact CSV header, or,
// when the caller names the dialect (--format outlook), the first row with a column of that
// dialect that identifies a person (a name or an e-mail address).
std::optional<Header> find_header(const std::vector<CsvRecord>& records, char delimiter,
                                  std::string_view forced = {}) {
  for (size_t i = 0; i < records.size() && i < kHeaderSearchRecords; ++i) {
    if (!records[i].problem.empty()) continue;
    std::vector<std::string> raw = header_fields(records[i], delimiter);
    std::vector<std::string> names;
    for (const auto& r : raw) names.push_back(normalise_header(r));
    std::string dialect = classify_header(names);
    if (dialect.empty() && !forced.empty()) {
      for (const std::string& name : names) {
        const Target t = classify_column(canonical_header(name), std::string(forced)).target;
        if (t == Target::kName || t == Target::kGiven || t == Target::kFamily || t == Target::kEmail)
          dialect = std::string(forced);
      }
    }
    if (!dialect.empty()) return Header{delimiter, i, std::move(names), std::move(dialect), std::move(raw)};
  }
  return std::nullopt;
}

constexpr char kDelimiters[] = {',', ';', '\t'};

const std::map<std::string, Target, std::less<>>& simple_columns() {
  static const std::map<std::string, Target, std::less<>> kColumns = {
      {"name", Target::kName}, {"display name", Target::kName}, {"full name", Target::kName},
      {"first name", Target::kGiven}, {"given name", Target::kGiven}, {"first", Target::kGiven},
      {"middle name", Target::kMiddle}, {"additional name", Target::kMiddle}, {"middle", Target::kMiddle},
      {"last name", Target::kFamily}, {"family name", Target::kFamily}, {"surname", Target::kFamily},
      {"last", Target::kFamily},
      {"name prefix", Target::kPrefix}, {"prefix", Target::kPrefix},
      {"name suffix", Target::kSuffix}, {"suffix", Target::kSuffix},
      {"nickname", Target::kNickname},
      {"company", Target::kCompany}, {"organization", Target::kCompany}, {"organization name", Target::kCompany},
      {"company name", Target::kCompany},
      {"department", Target::kDepartment}, {"organization department", Target::kDepartment},
      {"job title", Target::kTitle}, {"position", Target::kTitle}, {"organization title", Target::kTitle},
      {"title", Target::kTitle},
      {"birthday", Target::kBirthday}, {"anniversary", Target::kAnniversary},
      {"notes", Target::kNotes}, {"note", Target::kNotes}, {"topic", Target::kTopic},
      {"labels", Target::kTags}, {"group membership", Target::kTags}, {"categories", Target::kTags},
      {"connected on", Target::kConnectedOn},
      {"birth year", Target::kBirthYear}, {"birth month", Target::kBirthMonth}, {"birth day", Target::kBirthDay},
      {"tags", Target::kTags}, {"addresses", Target::kAddress}, {"phones", Target::kPhone},
  };
  return kColumns;
}

// "business" and "work" are the same thing in vCard words; "mobile" is "cell".
std::string label_word(std::string_view word) {
  if (word == "business" || word == "work" || word == "company main") return "work";
  if (word == "mobile" || word == "cell") return "cell";
  return std::string(word);
}

// Phone columns: Outlook "Business Phone 2", "Mobile Phone", "Home Fax"; Thunderbird
// "Work Phone", "Fax Number", "Pager Number", "Mobile Number".
std::optional<Column> phone_column(const std::string& h) {
  if (h.find("phonetic") != std::string::npos) return std::nullopt;
  const bool fax = h.find("fax") != std::string::npos;
  const bool pager = h.find("pager") != std::string::npos;
  const bool phone = h.find("phone") != std::string::npos || h == "mobile number" || h == "mobile" ||
                     h == "telephone" || h == "callback" || h == "isdn" || h == "telex";
  if (!fax && !pager && !phone) return std::nullopt;
  Column c = column(Target::kPhone);
  std::vector<std::string> labels;
  for (const char* where : {"business", "work", "company main", "home", "mobile", "car", "assistant"})
    if (h.starts_with(where)) labels.push_back(label_word(where));
  if (fax) labels.push_back("fax");
  if (pager) labels.push_back("pager");
  c.label = join(labels, ",");
  c.preferred = h.starts_with("primary");
  return c;
}

std::optional<Column> email_column(const std::string& h) {
  static const std::map<std::string, std::pair<const char*, bool>, std::less<>> kEmails = {
      {"e-mail address", {"", true}},  {"email address", {"", false}}, {"e-mail 2 address", {"", false}},
      {"e-mail 3 address", {"", false}}, {"email", {"", false}},       {"e-mail", {"", false}},
      {"primary email", {"", true}},   {"secondary email", {"", false}}, {"email 2", {"", false}},
      {"work email", {"work", false}}, {"home email", {"home", false}}, {"other email", {"", false}},
      {"emails", {"", false}},
  };
  auto it = kEmails.find(h);
  if (it == kEmails.end()) return std::nullopt;
  return column(Target::kEmail, it->second.first, it->second.second);
}

std::optional<Column> url_column(const std::string& h) {
  if (h == "url" || h == "profile url") return column(Target::kUrl, "linkedin");
  if (h == "urls") return column(Target::kUrl);
  if (h == "web page" || h == "web page 1" || h == "web page 2" || h == "website" || h == "personal web page" ||
      h == "web site" || h == "home page")
    return column(Target::kUrl, h == "personal web page" ? "home" : "");
  if (h == "business web page" || h == "work web page") return column(Target::kUrl, "work");
  return std::nullopt;
}

// Outlook "Business Street 2", "Home Postal Code", "Other Country/Region"; Thunderbird
// "Work Address 2", "Home ZipCode".
std::optional<Column> address_column(const std::string& h) {
  static const std::pair<const char*, int> kParts[] = {
      {"street", kAdrStreet},       {"street 2", kAdrStreet},  {"street 3", kAdrStreet}, {"address", kAdrStreet},
      {"address 2", kAdrStreet},    {"city", kAdrCity},        {"state", kAdrRegion},    {"postal code", kAdrCode},
      {"zipcode", kAdrCode},        {"zip code", kAdrCode},    {"zip", kAdrCode},        {"country/region", kAdrCountry},
      {"country", kAdrCountry},     {"po box", kAdrPoBox},     {"address po box", kAdrPoBox},
      {"address street", kAdrStreet}, {"address city", kAdrCity}, {"address state", kAdrRegion},
      {"region", kAdrRegion},       {"address postal code", kAdrCode}, {"address country/region", kAdrCountry},
      {"address country", kAdrCountry}, {"province", kAdrRegion},
  };
  for (const char* where : {"business", "work", "home", "other"}) {
    const std::string prefix = std::string(where) + " ";
    if (!h.starts_with(prefix)) continue;
    const std::string rest = h.substr(prefix.size());
    for (const auto& [name, part] : kParts)
      if (rest == name) {
        Column c = column(Target::kAddressPart);
        c.label = where == std::string("other") ? "" : label_word(where);
        // "Business Street" and "Work City" are parts of one address, never two.
        c.group = label_word(where);
        c.part = part;
        return c;
      }
  }
  return std::nullopt;
}

// Google's numbered groups: "E-mail 1 - Value", "Phone 2 - Label", "Address 1 - City",
// "Organization 1 - Name", "Website 1 - Type", "Event 1 - Value".
std::optional<Column> numbered_group_column(const std::string& h) {
  const size_t dash = h.find(" - ");
  if (dash == std::string::npos) return std::nullopt;
  const std::string head = h.substr(0, dash);
  const size_t space = head.rfind(' ');
  if (space == std::string::npos || !all_digits(head.substr(space + 1))) return std::nullopt;
  Column c = column(Target::kGroup);
  c.group = head;
  c.sub = h.substr(dash + 3);
  if (c.sub == "type") c.sub = "label";
  return c;
}

// Columns that only repeat what other columns say (Outlook's "E-mail Type" is SMTP or EX,
// its "E-mail Display Name" the name and address again, "File As" and "Initials" are made
// from the name), and our own CSV export's scheduling state, which an import recomputes.
bool is_redundant_column(const std::string& h) {
  static const std::set<std::string, std::less<>> kRedundant = {
      "e-mail type", "e-mail 2 type", "e-mail 3 type", "e-mail display name", "e-mail 2 display name",
      "e-mail 3 display name", "file as", "initials", "id", "tier", "cadence days", "trust", "last touch", "due",
      "warmth", "starred", "archived", "source"};
  return kRedundant.count(h) > 0;
}

Column classify_column(const std::string& h, const std::string& dialect) {
  // Outlook's "Title" is the name prefix (Mr., Dr.); its job title is "Job Title".
  if (dialect == "outlook" && h == "title") return column(Target::kPrefix);
  // Thunderbird's first web page is the work one, the second the home one.
  if (dialect == "thunderbird" && h == "web page 1") return column(Target::kUrl, "work");
  if (dialect == "thunderbird" && h == "web page 2") return column(Target::kUrl, "home");
  if (dialect == "google" && h == "photo") return column(Target::kPhotoUrl);
  if (auto it = simple_columns().find(h); it != simple_columns().end()) return column(it->second);
  if (auto c = email_column(h)) return *c;
  if (auto c = url_column(h)) return *c;
  if (auto c = numbered_group_column(h)) return *c;
  if (auto c = phone_column(h)) return *c;
  if (auto c = address_column(h)) return *c;
  if (is_redundant_column(h)) return column(Target::kRedundant);
  return column(Target::kKeep);
}

// ---- values --------------------------------------------------------------------------------

// Outlook writes "0/0/00" (and variants) for "no date".
bool is_zero_date(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == '0' || c == '/' || c == '-' || c == '.'; });
}

// A birthday or anniversary as the contact keeps it: ISO when we can read it, else as written.
std::string normalise_date_text(const std::string& text) {
  if (text.empty() || is_zero_date(text)) return {};
  if (auto day = parse_csv_date(text)) return format_iso_day(*day);
  return text;
}

// Google labels: "* Work" marks the primary entry; "Mobile" is vCard's "cell".
void read_label(std::string text, std::string* label, bool* preferred) {
  text = trim(text);
  *preferred = text.starts_with("* ");
  if (*preferred) text = trim(text.substr(2));
  *label = label_word(lower_ascii(text));
  if (*label == "other") label->clear();
}


// Adds a value; the same value again (one number as "Business Phone" and "Business Fax")
// gives its label words to the first, so one value keeps every type it was given.
void add_value(std::vector<LabeledValue>& list, std::string value, std::string label, bool preferred) {
  value = trim(value);
  if (value.empty()) return;
  for (LabeledValue& existing : list) {
    if (lower_ascii(existing.value) != lower_ascii(value)) continue;
    const auto have = split(existing.label, ",");
    for (const std::string& word : split(label, ","))
      if (!word.empty() && std::find(have.begin(), have.end(), word) == have.end())
        existing.label += (existing.label.empty() ? "" : ",") + word;
    existing.preferred = existing.preferred || preferred;
    return;
  }
  LabeledValue item;
  item.value = std::move(value);
  item.label = std::move(label);
  item.preferred = preferred;
  list.push_back(std::move(item));
}

// Adds an address as readable text, its structure kept for the export (see vcard_reader.h).
void add_address(Contact& c, const AddressParts& lines, const std::string& label, bool preferred) {
  // Street 2 and 3 (and a formatted address's lines) go on one line, in the structure too,
  // so that a vCard export read back gives the very same address.
  AddressParts parts;
  for (size_t i = 0; i < parts.size(); ++i) parts[i] = address_one_line(lines[i]);
  const std::string text = address_text(parts);
  if (text.empty()) return;
  add_value(c.addresses, text, label, preferred);
  if (!address_has_structure(parts)) return;
  const std::string structure = address_structure_line(parts);
  if (std::find(c.extra_properties.begin(), c.extra_properties.end(), structure) == c.extra_properties.end())
    c.extra_properties.push_back(structure);
}

void add_email(Contact& c, const std::string& value, const std::string& label, bool preferred) {
  // LinkedIn 2018 puts member URNs ("urn:li:member:123") and Exchange puts X.500 paths
  // where the address goes: neither reaches anyone.
  if (value.find('@') == std::string::npos) return;
  add_value(c.emails, value, label, preferred);
}

void add_url(Contact& c, const std::string& value, std::string label) {
  if (label.empty() && lower_ascii(value).find("linkedin.com/") != std::string::npos) label = "linkedin";
  add_value(c.urls, value, std::move(label), false);
}

void add_tags(Contact& c, const std::string& text, const std::string& dialect) {
  // Google separates labels with " ::: ", Outlook categories with ';' (or ',', as other
  // apps write them); every entry is kept, "My Contacts" too.
  (void)dialect;
  for (const std::string& group : split(text, kMultiValueSeparator)) {
    for (const std::string& list : split(group, ";")) {
      for (std::string tag : split(list, ",")) {
        if (tag.starts_with("* ")) tag = trim(tag.substr(2));
        if (tag.starts_with("System Group: ")) tag = trim(tag.substr(14));
        if (tag.empty()) continue;
        if (std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(tag);
      }
    }
  }
}

// One numbered Google group of a row ("E-mail 1"), gathered before it becomes values.
struct GroupCells {
  std::string label, value, formatted;
  std::array<std::string, kAdrParts> adr;
  std::string org_name, org_title, org_department;
  std::vector<std::pair<std::string, std::string>> other;  // (column as written, value) with no field
};

// Adds "Label: value" to the notes: what a column holds that has no field of its own.
void keep_in_notes(Contact& c, const std::string& label, const std::string& value) {
  const std::string line = label + ": " + value;
  if (c.notes.find(line) != std::string::npos) return;
  c.notes += (c.notes.empty() ? "" : "\n") + line;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

void apply_group(Contact& c, const std::string& group, const GroupCells& g) {
  const std::string kind = group.substr(0, group.rfind(' '));
  const auto values = split(g.value, kMultiValueSeparator);
  const auto labels = split(g.label, kMultiValueSeparator);
  auto label_at = [&](size_t i, std::string* label, bool* preferred) {
    read_label(i < labels.size() ? labels[i] : labels.front(), label, preferred);
  };
  if (kind == "e-mail" || kind == "email" || kind == "phone" || kind == "website") {
    for (size_t i = 0; i < values.size(); ++i) {
      std::string label;
      bool preferred = false;
      label_at(i, &label, &preferred);
      if (kind == "phone") add_value(c.phones, values[i], label, preferred);
      else if (kind == "website") add_url(c, values[i], label == "profile" ? "" : label);
      else add_email(c, values[i], label, preferred);
    }
  } else if (kind == "address") {
    std::array<std::string, kAdrParts> adr = g.adr;
    const bool any_part = std::any_of(adr.begin(), adr.end(), [](const std::string& s) { return !s.empty(); });
    if (!any_part) adr[kAdrStreet] = g.formatted;  // split into lines by address_text
    if (std::any_of(adr.begin(), adr.end(), [](const std::string& s) { return !s.empty(); })) {
      std::string label;
      bool preferred = false;
      label_at(0, &label, &preferred);
      add_address(c, adr, label, preferred);
    }
  } else if (kind == "organization") {
    if (c.company.empty()) c.company = g.org_name;
    if (c.title.empty()) c.title = g.org_title;
    if (c.department.empty()) c.department = g.org_department;
  } else if (kind == "event") {
    std::string label;
    bool preferred = false;
    label_at(0, &label, &preferred);
    if (label == "anniversary" && c.anniversary.empty()) c.anniversary = normalise_date_text(g.value);
    else if (label == "birthday" && c.birthday.empty()) c.birthday = normalise_date_text(g.value);
    else if (!g.value.empty()) keep_in_notes(c, label.empty() ? "Event" : capitalised(label), g.value);
  } else if (kind == "im" && !g.value.empty()) {
    // "Skype: ann.lee": the service names the account better than its label.
    std::string service;
    std::vector<std::pair<std::string, std::string>> rest;
    for (const auto& cell : g.other) {
      if (lower_ascii(cell.first).ends_with("- service") && service.empty()) service = cell.second;
      else rest.push_back(cell);
    }
    keep_in_notes(c, service.empty() ? "IM" : service, g.value);
    for (const auto& [column_name, value] : rest) keep_in_notes(c, column_name, value);
    return;
  } else if (!g.value.empty()) {
    // Relations, custom fields: "Spouse: Ann", "Team: Blue".
    const std::string name = kind == "custom field" ? "" : capitalised(kind);
    std::string label = trim(g.label);
    if (label.starts_with("* ")) label = trim(label.substr(2));
    keep_in_notes(c, label.empty() ? (name.empty() ? "Custom field" : name) : capitalised(label), g.value);
  }
  for (const auto& [column_name, value] : g.other) keep_in_notes(c, column_name, value);
}

void set_group_cell(GroupCells& g, const std::string& sub, const std::string& value,
                    const std::string& column_name) {
  static const std::map<std::string, int, std::less<>> kAdrSubs = {
      {"street", kAdrStreet}, {"city", kAdrCity},         {"region", kAdrRegion}, {"postal code", kAdrCode},
      {"country", kAdrCountry}, {"po box", kAdrPoBox},   {"extended address", 1}};
  if (sub == "value") g.value = value;
  else if (sub == "label") g.label = value;
  else if (sub == "formatted") g.formatted = value;
  else if (sub == "name") g.org_name = value;
  else if (sub == "title") g.org_title = value;
  else if (sub == "department") g.org_department = value;
  else if (auto it = kAdrSubs.find(sub); it != kAdrSubs.end()) g.adr[static_cast<size_t>(it->second)] = value;
  else g.other.emplace_back(column_name, value);  // "Organization 1 - Symbol", "IM 1 - Service"
}

// A readable name from a LinkedIn profile URL: ".../in/jane-doe-1a2b3c/" -> "Jane Doe".
std::string name_from_profile_url(const std::string& url) {
  std::string path = url;
  while (!path.empty() && path.back() == '/') path.pop_back();
  const size_t slash = path.rfind('/');
  std::string slug = slash == std::string::npos ? path : path.substr(slash + 1);
  if (const size_t q = slug.find_first_of("?#"); q != std::string::npos) slug.resize(q);
  std::vector<std::string> words = split(slug, "-");
  // LinkedIn appends a disambiguating token with digits; it is no part of the name.
  if (words.size() > 1 && std::any_of(words.back().begin(), words.back().end(), [](char ch) { return ch >= '0' && ch <= '9'; })) words.pop_back();
  for (auto& w : words)
    if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  std::string name = join(words, " ");
  return name.empty() ? url : name;
}

// The display name from the name parts; honorifics (Dr., Ms., Jr., PhD) stay in their own
// fields, so that the name sorts, searches and gives initials by the person's names.
std::string compose_name(const Contact& c) { return join({c.given_name, c.middle_name, c.family_name}, " "); }

// A display name the file wrote with the honorifics it also gives apart ("Dr. Ann Lee" with
// Title "Dr."): the honorifics come off.
void strip_honorifics(Contact& c) {
  if (!c.name_prefix.empty() && c.name.starts_with(c.name_prefix + " ") && c.name.size() > c.name_prefix.size() + 1)
    c.name = trim(c.name.substr(c.name_prefix.size() + 1));
  if (!c.name_suffix.empty()) {
    for (const std::string& tail : {", " + c.name_suffix, " " + c.name_suffix}) {
      if (c.name.size() > tail.size() && c.name.ends_with(tail)) {
        c.name = trim(c.name.substr(0, c.name.size() - tail.size()));
        break;
      }
    }
  }
}

// Gives the contact a display name; false when nothing identifies the person.
bool settle_name(Contact& c, const std::string& dialect) {
  strip_honorifics(c);
  if (!c.name.empty()) return true;
  c.name = compose_name(c);
  if (!c.name.empty()) return true;
  if (dialect != "linkedin" && !c.nickname.empty()) c.name = c.nickname;
  else if (!c.emails.empty()) c.name = c.emails.front().value;
  else if (!c.urls.empty()) c.name = name_from_profile_url(c.urls.front().value);
  else if (dialect != "linkedin" && !c.company.empty()) c.name = c.company;
  else if (dialect != "linkedin" && !c.phones.empty()) c.name = c.phones.front().value;
  return !c.name.empty();
}

bool all_empty(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); });
}

// Turns one data row into a contact, or a reason why it cannot be one.
// used[i] is set when column i (one kept in the notes or left out) held a value, for the report.
Result<Contact> read_row(const CsvRecord& row, const Header& header, const std::vector<Column>& columns,
                         std::vector<char>& used) {
  if (!row.problem.empty()) return make_error(row.problem);
  if (all_empty(row.fields)) return make_error("empty row");
  if (row.fields.size() > columns.size()) {
    std::vector<std::string> extra(row.fields.begin() + static_cast<long>(columns.size()), row.fields.end());
    if (!all_empty(extra))
      return make_error(std::to_string(row.fields.size()) + " fields but the header has " +
                        std::to_string(columns.size()) + " (an unquoted separator?)");
  }
  Contact c;
  c.source = header.dialect;
  std::map<std::string, GroupCells> groups;  // ordered: "e-mail 1" before "e-mail 2"
  std::map<std::string, std::pair<std::string, std::array<std::string, kAdrParts>>> addresses;
  std::vector<std::string> address_order;
  std::string birth_year, birth_month, birth_day;
  std::vector<std::pair<std::string, std::string>> kept;  // notes lines, after the notes proper
  for (size_t i = 0; i < row.fields.size() && i < columns.size(); ++i) {
    const Column& col = columns[i];
    const std::string value = trim(row.fields[i]);
    if (value.empty() || col.target == Target::kIgnore) continue;
    switch (col.target) {
      case Target::kIgnore: break;
      case Target::kKeep:
        // Outlook fills columns nobody set with their defaults: those say nothing.
        if (is_zero_date(value) || lower_ascii(value) == "normal" || lower_ascii(value) == "false" ||
            lower_ascii(value) == "unspecified")
          break;
        kept.emplace_back(header.raw[i], value);
        used[i] = 1;
        break;
      case Target::kRedundant: used[i] = 1; break;
      case Target::kPhotoUrl:
        // Kept as the vCard property it is, so the export and photo_uri() know it.
        c.extra_properties.push_back("PHOTO;VALUE=uri:" + value);
        break;
      case Target::kName: if (c.name.empty()) c.name = value; break;
      case Target::kGiven: c.given_name = value; break;
      case Target::kMiddle: c.middle_name = value; break;
      case Target::kFamily: c.family_name = value; break;
      case Target::kPrefix: c.name_prefix = value; break;
      case Target::kSuffix: c.name_suffix = value; break;
      case Target::kNickname: c.nickname = value; break;
      case Target::kCompany: c.company = value; break;
      case Target::kDepartment: c.department = value; break;
      case Target::kTitle: c.title = value; break;
      case Target::kBirthday: c.birthday = normalise_date_text(value); break;
      case Target::kAnniversary: c.anniversary = normalise_date_text(value); break;
      case Target::kNotes: c.notes = c.notes.empty() ? value : c.notes + "\n" + value; break;
      case Target::kTopic: c.topic = value; break;
      case Target::kTags: add_tags(c, value, header.dialect); break;
      case Target::kConnectedOn: c.connected_on = parse_csv_date(value); break;
      // A cell may hold several values joined the Google way.
      case Target::kEmail:
        for (const auto& v : split(value, kMultiValueSeparator)) add_email(c, v, col.label, col.preferred);
        break;
      case Target::kPhone:
        for (const auto& v : split(value, kMultiValueSeparator)) add_value(c.phones, v, col.label, col.preferred);
        break;
      case Target::kUrl:
        for (const auto& v : split(value, kMultiValueSeparator)) add_url(c, v, col.label);
        break;
      case Target::kAddress:
        for (const auto& v : split(value, kMultiValueSeparator)) add_value(c.addresses, v, "", false);
        break;
      case Target::kBirthYear: birth_year = value; break;
      case Target::kBirthMonth: birth_month = value; break;
      case Target::kBirthDay: birth_day = value; break;
      case Target::kGroup: set_group_cell(groups[col.group], col.sub, value, header.raw[i]); break;
      case Target::kAddressPart: {
        if (!addresses.count(col.group)) address_order.push_back(col.group);
        auto& [label, parts] = addresses[col.group];
        label = col.label;
        std::string& part = parts[static_cast<size_t>(col.part)];
        part = part.empty() ? value : part + "\n" + value;  // street lines 2 and 3
        break;
      }
    }
  }
  for (const auto& [group, cells] : groups) apply_group(c, group, cells);
  for (const auto& [column_name, value] : kept) keep_in_notes(c, column_name, value);
  for (const auto& key : address_order) add_address(c, addresses[key].second, addresses[key].first, false);
  // Address structures first, as the vCard export of this contact reads back.
  std::stable_partition(c.extra_properties.begin(), c.extra_properties.end(),
                        [](const std::string& line) { return is_address_structure_line(line); });
  if (c.birthday.empty() && all_digits(birth_month) && all_digits(birth_day)) {
    const int m = to_int(birth_month), d = to_int(birth_day);
    if (all_digits(birth_year)) {
      if (auto day = make_day(to_int(birth_year), m, d)) c.birthday = format_iso_day(*day);
    } else if (make_day(2000, m, d)) {  // 2000 is a leap year, so 29 February passes
      c.birthday = (m < 10 ? "--0" : "--") + std::to_string(m) + (d < 10 ? "-0" : "-") + std::to_string(d);
    }
  }
  if (!settle_name(c, header.dialect))
    return make_error(header.dialect == "linkedin" ? "no name, profile URL or e-mail address"
                                                   : "no name, e-mail address, phone or company");
  return c;
}

const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// Splits "12 Nov 2025" / "1/8/18, 6:14 PM" into their number and word tokens.
std::vector<std::string> date_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      current += c;
    } else {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
      if (c == ':') tokens.push_back(":");  // the time starts here
    }
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

int year_of(const std::string& token) {
  const int y = to_int(token);
  // Two-digit years: LinkedIn's "1/8/18" is 2018; a birthday "4/15/65" is 1965.
  if (token.size() <= 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

}  // namespace

std::optional<Day> parse_csv_date(std::string_view text) {
  const std::string trimmed = trim(text);
  if (trimmed.size() >= 10) {
    if (auto iso = parse_iso_day(std::string_view(trimmed).substr(0, 10))) return iso;
  }
  auto tokens = date_tokens(trimmed);
  // Drop a time part ("6:14 PM").
  if (auto colon = std::find(tokens.begin(), tokens.end(), ":"); colon != tokens.end())
    tokens.erase(colon - (colon != tokens.begin() ? 1 : 0), tokens.end());
  if (tokens.size() != 3) return std::nullopt;
  auto month_index = [](const std::string& t) -> int {
    const std::string l = lower_ascii(t);
    for (int i = 0; i < 12; ++i)
      if (l.size() >= 3 && l.compare(0, 3, kMonthNames[i]) == 0) return i + 1;
    return 0;
  };
  // "12 Nov 2025"
  if (all_digits(tokens[0]) && month_index(tokens[1]) && all_digits(tokens[2]))
    return make_day(year_of(tokens[2]), month_index(tokens[1]), to_int(tokens[0]));
  // "Nov 12 2025"
  if (month_index(tokens[0]) && all_digits(tokens[1]) && all_digits(tokens[2]))
    return make_day(year_of(tokens[2]), month_index(tokens[0]), to_int(tokens[1]));
  if (!all_digits(tokens[0]) || !all_digits(tokens[1]) || !all_digits(tokens[2])) return std::nullopt;
  // "2025/11/12"
  if (tokens[0].size() == 4) return make_day(to_int(tokens[0]), to_int(tokens[1]), to_int(tokens[2]));
  // "M/D/Y" as the English exports write it; "D/M/Y" when the first number cannot be a month.
  int month = to_int(tokens[0]), day = to_int(tokens[1]);
  if (month > 12 && day <= 12) std::swap(month, day);
  return make_day(year_of(tokens[2]), month, day);
}

std::string detect_contact_csv(std::string_view bytes) {
  const std::string text = decode_text(bytes.substr(0, std::min(bytes.size(), kDetectBytes)));
  for (char delimiter : kDelimiters) {
    if (auto header = find_header(read_csv(text, delimiter), delimiter)) return header->dialect;
  }
  return {};
}

struct ContactCsvReader::State {
  Header header;
  int header_line = 0;
  std::vector<Column> columns;
  std::vector<char> used;
  bool first_piece = true;
};

ContactCsvReader::ContactCsvReader() = default;
ContactCsvReader::~ContactCsvReader() = default;

Status ContactCsvReader::begin(std::string_view head, std::string_view dialect) {
  const std::string text = decode_text(head);
  std::vector<CsvRecord> records;
  std::optional<Header> header;
  for (char delimiter : kDelimiters) {
    records = read_csv(text, delimiter);
    header = find_header(records, delimiter);
    if (header) break;
  }
  if (!header && !dialect.empty()) {
    for (char delimiter : kDelimiters) {
      records = read_csv(text, delimiter);
      header = find_header(records, delimiter, dialect);
      if (header) break;
    }
  }
  if (!header)
    return make_error("no contact CSV header (a row with columns such as First Name, Last Name, E-mail) "
                      "in the first " + std::to_string(kHeaderSearchRecords) + " lines");
  if (!dialect.empty()) header->dialect = std::string(dialect);
  state_ = std::make_unique<State>();
  state_->header_line = header->index < records.size() ? records[header->index].line : 0;
  bool seen_title = false;
  for (const auto& name : header->names) {
    std::string english = canonical_header(name);
    // French Outlook writes "Titre" twice: the honorific first, the job title second.
    if (header->dialect == "outlook" && english == "title") {
      if (seen_title && name != "title") english = "job title";
      seen_title = true;
    }
    state_->columns.push_back(classify_column(english, header->dialect));
  }
  state_->used.assign(state_->columns.size(), 0);
  state_->header = std::move(*header);
  return Status::success();
}

char ContactCsvReader::delimiter() const { return state_ ? state_->header.delimiter : ','; }

std::string ContactCsvReader::dialect() const { return state_ ? state_->header.dialect : std::string(); }

Status ContactCsvReader::read(std::string_view bytes, int first_line, ParseOutput& out, const ProgressFn& progress) {
  if (!state_) return make_error("no contact CSV header");
  State& st = *state_;
  const std::string text = decode_text(bytes);
  const std::vector<CsvRecord> records = read_csv(text, st.header.delimiter);
  // The first piece holds the header (and any preamble before it), as begin() found it.
  const size_t from = st.first_piece ? st.header.index + 1 : 0;
  st.first_piece = false;
  const size_t total = records.size();
  const int offset = first_line - 1;
  for (size_t i = from; i < total; ++i) {
    if (progress && i % kProgressEvery == 0 && !progress(i, total)) return make_error("cancelled");
    auto contact = read_row(records[i], st.header, st.columns, st.used);
    if (!contact) {
      out.skipped.push_back({records[i].line + offset, contact.error()});
      continue;
    }
    out.records.push_back(ParsedRecord{std::move(*contact), records[i].line + offset, {}, {}, {}});
  }
  if (progress && !progress(total, total)) return make_error("cancelled");
  return Status::success();
}

void ContactCsvReader::finish(ParseOutput& out) const {
  if (!state_) return;
  const State& st = *state_;
  // Nothing is dropped without a word: say where the columns without a field of their own went.
  std::vector<std::string> kept, left_out;
  for (size_t i = 0; i < st.columns.size(); ++i) {
    if (!st.used[i]) continue;
    (st.columns[i].target == Target::kKeep ? kept : left_out).push_back(st.header.raw[i]);
  }
  if (!kept.empty())
    out.notes.push_back({st.header_line, "kept in each contact's notes, as these columns have no field of their own: " +
                                             join(kept, ", ")});
  if (!left_out.empty())
    out.notes.push_back({st.header_line, "not imported, as they repeat other columns or Rekindle's own schedule: " +
                                             join(left_out, ", ")});
}

Result<ParseOutput> parse_contact_csv(std::string_view bytes, std::string_view dialect, const ProgressFn& progress) {
  ContactCsvReader reader;
  // The header is within the first records: its first MiB is plenty to find it.
  if (Status s = reader.begin(bytes.substr(0, std::min(bytes.size(), size_t{1} << 20)), dialect); !s)
    return make_error(s.error());
  ParseOutput out;
  out.format = reader.dialect();
  if (Status s = reader.read(bytes, 1, out, progress); !s) return make_error(s.error());
  reader.finish(out);
  return out;
}

}  // namespace rekindle::core
