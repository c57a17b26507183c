// Section 7: import at scale (see import_scale.h).
#include "bench/import_scale.h"
#include "core/text_encoding.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

#include "bench/corpus.h"
#include "bench/process.h"
#include "bench/report.h"

namespace fs = std::filesystem;

namespace rekindle::bench {
namespace {

uint64_t mix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

const char* const kGiven[] = {"Anna", "José", "Zoë", "Łukasz", "Søren", "Chloé", "Ngọc", "Владимир",
                              "Μαρία", "Jürgen", "Ayşe", "Priya", "Wei", "Yuki", "Siobhán", "Kwame"};
const char* const kFamily[] = {"García", "Müller", "Kowalski", "Nguyễn", "Иванов", "O'Brien", "Smith", "李",
                               "Yılmaz", "Dubois", "Okafor", "Novák", "Schröder", "Haddad", "Patel", "Chen"};
const char* const kTitles[] = {"Engineer", "Senior Engineer", "Engineering Manager", "Director", "CTO"};
const char* const kTags[] = {"Conference 2024", "Alumni", "Climbing", "Former colleague", "Mentor", "Book club"};

void append_to_string(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}


// A 40x40 noisy gradient PNG (about 2.5 kB of base64 text once encoded).
std::string png(uint64_t& state) {
  constexpr int kSide = 40;
  std::vector<unsigned char> pixels(kSide * kSide * 3);
  const int r0 = static_cast<int>(mix(state) % 128), g0 = static_cast<int>(mix(state) % 128);
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      unsigned char* p = &pixels[(y * kSide + x) * 3];
      p[0] = static_cast<unsigned char>(r0 + x * 3 + static_cast<int>(mix(state) % 16));
      p[1] = static_cast<unsigned char>(g0 + y * 3 + static_cast<int>(mix(state) % 16));
      p[2] = static_cast<unsigned char>(96 + static_cast<int>(mix(state) % 64));
    }
  std::string out;
  stbi_write_png_to_func(append_to_string, &out, kSide, kSide, 3, pixels.data(), kSide * 3);
  return out;
}

// Base64 folded as vCard 3.0 writes it: 75-octet lines, CRLF and a space.
void append_folded(std::string& out, const std::string& line) {
  size_t at = 0, limit = 75;
  while (line.size() - at > limit) {
    out.append(line, at, limit);
    out += "\r\n ";
    at += limit;
    limit = 74;
  }
  out.append(line, at, std::string::npos);
  out += "\r\n";
}


}  // namespace

std::string make_vcard_repeats(int cards, uint64_t seed) {
  uint64_t state = seed;
  const int people = std::max(1, cards / 5);
  std::vector<int> seen(static_cast<size_t>(people), 0);
  std::string out;
  out.reserve(static_cast<size_t>(cards) * 420);
  for (int i = 0; i < cards; ++i) {
    const int p = static_cast<int>(mix(state) % static_cast<uint64_t>(people));
    const int n = seen[static_cast<size_t>(p)]++;  // how many times this person came before
    const std::string given = kGiven[p % 16], family = kFamily[(p / 16) % 16];
    const std::string id = std::to_string(p);
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    out += "N:" + family + ";" + given + ";;;\r\nFN:" + given + " " + family + "\r\n";
    out += "ORG:Company " + std::to_string(p % 997) + "\r\n";
    out += std::string("TITLE:") + kTitles[(p + n / 2) % 5] + "\r\n";  // a promotion now and then
    // The same address, sometimes in capitals; a second one on some repeats.
    std::string mail = "person" + id + "@example.com";
    if (n % 2) std::transform(mail.begin(), mail.end(), mail.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    out += "EMAIL;TYPE=INTERNET,WORK:" + mail + "\r\n";
    if (n % 3 == 2) out += "EMAIL;TYPE=INTERNET,HOME:p" + id + ".home@example.org\r\n";
    // The same phone written three ways.
    char phone[48];
    const unsigned number = 1000000u + static_cast<unsigned>(p);
    if (n % 3 == 0) std::snprintf(phone, sizeof phone, "+44 20 %u", number);
    else if (n % 3 == 1) std::snprintf(phone, sizeof phone, "0044 20%u", number);
    else std::snprintf(phone, sizeof phone, "(+44) 20-%u", number);
    out += std::string("TEL;TYPE=CELL:") + phone + "\r\n";
    out += "URL:https://www.linkedin.com/in/person-" + id + "\r\n";
    out += std::string("CATEGORIES:") + kTags[(p + n) % 6] + "," + kTags[p % 6] + "\r\n";
    out += "NOTE:Met at the meetup number " + std::to_string(p % 50) + (n >= 3 ? "; moved teams since" : "") + "\r\n";
    out += "END:VCARD\r\n";
  }
  return out;
}

std::string make_vcard_photos(int cards, uint64_t seed) {
  uint64_t state = seed;
  std::vector<std::string> photos;  // a pool: encoding a PNG per card would dominate the generator
  for (int i = 0; i < 61; ++i) photos.push_back(core::base64_encode(png(state)));
  std::string out;
  out.reserve(static_cast<size_t>(cards) * (photos[0].size() + 600));
  for (int i = 0; i < cards; ++i) {
    const std::string id = std::to_string(i);
    const std::string given = kGiven[i % 16], family = kFamily[(i / 16) % 16];
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    out += "N:" + family + ";" + given + ";;;\r\nFN:" + given + " " + family + " " + id + "\r\n";
    out += "ORG:Company " + std::to_string(i % 997) + ";Engineering\r\n";
    out += std::string("TITLE:") + kTitles[i % 5] + "\r\n";
    out += "EMAIL;TYPE=INTERNET,WORK:person" + id + "@example.com\r\n";
    out += "TEL;TYPE=CELL:+44 7700 " + std::to_string(100000 + i) + "\r\n";
    out += "ADR;TYPE=WORK:;;" + std::to_string(1 + i % 200) + " High Street;London;;N1 " + std::to_string(i % 9) +
           "AA;United Kingdom\r\n";
    out += "NOTE:Worked together on the payments migration in 2019. Très bon contact\\, always replies.\r\n";
    append_folded(out, "PHOTO;ENCODING=b;TYPE=PNG:" + photos[static_cast<size_t>(i) % photos.size()]);
    out += "END:VCARD\r\n";
  }
  return out;
}

void section_import_scale(const ImportScaleOptions& o) {
  heading("7. Import at scale (issue 13): `rekindle import` as a process, peers in the same run");
  struct Program {
    std::string name;
    std::vector<std::string> argv;  // the file is appended
    bool imports = false;           // uses a database (removed before each run)
  };
  const fs::path db = o.dir / "scale.db";
  std::vector<Program> rekindle;
  if (!o.before_exe.empty()) rekindle.push_back({"rekindle before", {o.before_exe, "--db", db.string(), "import"}, true});
  rekindle.push_back({"rekindle", {o.exe, "--db", db.string(), "import"}, true});

  Table table({"input", "contacts", "MB", "program", "median ms", "CPU ms", "CPU µs/contact", "contacts/s (CPU)",
               "peak RSS MB", "vs rekindle: CPU"});
  std::map<std::string, std::map<std::string, std::map<int, double>>> per_contact;  // kind, program, size
  std::vector<std::string> notes;
  for (const std::string& kind : o.kinds) {
    for (int n : o.sizes) {
      const fs::path file = o.dir / (kind + "-" + std::to_string(n) + (kind == "linkedin" ? ".csv" : ".vcf"));
      std::string bytes = kind == "merge"    ? make_vcard_repeats(n, 0x5EEDull + static_cast<uint64_t>(n))
                          : kind == "photos" ? make_vcard_photos(n, 0xF070ull + static_cast<uint64_t>(n))
                                             : make_linkedin_csv(n, 0xC0FFEEull + static_cast<uint64_t>(n));
      write_file(file, bytes);
      const double mb = static_cast<double>(bytes.size()) / 1e6;
      bytes.clear();
      bytes.shrink_to_fit();
      std::vector<Program> programs = rekindle;
      if (kind != "linkedin") {
        if (!o.eds_peer.empty()) programs.push_back({"EDS e_contact_new_from_vcard", {o.eds_peer}, false});
        if (!o.kcontacts_peer.empty())
          programs.push_back({"KContacts VCardConverter::parseVCards", {o.kcontacts_peer}, false});
      } else if (!o.python.empty()) {
        programs.push_back({"python3 csv.DictReader",
                            {o.python, "-c",
                             "import csv, sys\nf = open(sys.argv[1], newline='', encoding='utf-8')\n"
                             "for _ in range(3): f.readline()\nrows = [dict(r) for r in csv.DictReader(f)]\n"},
                            false});
      }
      const int runs = n >= 100000 ? 1 : o.runs;
      std::vector<std::pair<std::string, Samples>> results;
      std::map<std::string, double> rss;
      for (const Program& program : programs) {
        Samples samples;
        std::vector<double> peaks;
        for (int r = 0; r < runs; ++r) {
          if (program.imports) remove_db(db);
          std::vector<std::string> argv = program.argv;
          argv.push_back(file.string());
          const ProcessRun run = run_measuring_rss(argv, o.dir);
          if (run.exit_code != 0) {
            notes.push_back(program.name + " on " + kind + " " + count_text(n) + " failed (exit " +
                            std::to_string(run.exit_code) + ")");
            break;
          }
          samples.add(run.ms, run.cpu_ms);
          peaks.push_back(static_cast<double>(run.max_rss_kb) / 1024.0);
        }
        if (samples.empty()) continue;
        rss[program.name] = stats_of(peaks).median;
        results.emplace_back(program.name, samples);
      }
      remove_db(db);
      std::error_code ec;
      fs::remove(file, ec);
      double ours = 0;
      for (const auto& [name, samples] : results)
        if (name == "rekindle") ours = stats_of(samples.cpu).median;
      for (const auto& [name, samples] : results) {
        const double wall = stats_of(samples.wall).median, cpu = stats_of(samples.cpu).median;
        per_contact[kind][name][n] = cpu * 1000.0 / n;
        table.add({kind, count_text(n), fmt("%.1f", mb), name, ms_text(wall), ms_text(cpu), fmt("%.1f", cpu * 1000.0 / n),
                   rate_text(n / (cpu / 1000.0)), fmt("%.1f", rss[name]), ratio_text(cpu, ours)});
      }
      std::fflush(stdout);
    }
  }
  table.print();

  heading("7b. Scaling: CPU µs per contact at each size (flat = linear)");
  std::vector<std::string> header = {"input", "program"};
  for (int n : o.sizes) header.push_back(count_text(n));
  Table scaling(header);
  for (const auto& [kind, programs] : per_contact)
    for (const auto& [name, sizes] : programs) {
      std::vector<std::string> row = {kind, name};
      for (int n : o.sizes) row.push_back(sizes.count(n) ? fmt("%.1f", sizes.at(n)) : "-");
      scaling.add(row);
    }
  scaling.print();
  for (const auto& n : notes) std::printf("- %s\n", n.c_str());
  std::printf("\n");
}

}  // namespace rekindle::bench
