// Peer for rekindle_bench section 7: KDE's KContacts vCard parser. Reads a .vcf file and
// parses it with VCardConverter::parseVCards, reading the name, e-mails and phones a contact
// importer needs. Prints the number of contacts. Built only when KF5Contacts is found.
#include <KContacts/VCardConverter>
#include <QByteArray>
#include <QFile>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.vcf\n", argv[0]);
    return 2;
  }
  QFile file(QString::fromLocal8Bit(argv[1]));
  if (!file.open(QIODevice::ReadOnly)) return 1;
  const QByteArray bytes = file.readAll();
  KContacts::VCardConverter converter;
  const KContacts::Addressee::List list = converter.parseVCards(bytes);
  long values = 0;
  for (const KContacts::Addressee& a : list)
    values += !a.formattedName().isEmpty() + a.emails().size() + a.phoneNumbers().size();
  std::printf("%lld contacts, %ld values\n", static_cast<long long>(list.size()), values);
  return 0;
}
