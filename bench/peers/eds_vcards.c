/* Peer for rekindle_bench section 7: Evolution Data Server's vCard parser. Reads a .vcf file,
 * cuts it into cards at BEGIN:VCARD lines and parses each with e_contact_new_from_vcard,
 * reading every attribute (EDS parses lazily) and the name, e-mails and phones a contact
 * importer needs. Prints the number of contacts. Built only when libebook-contacts is found. */
#include <libebook-contacts/libebook-contacts.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE.vcf\n", argv[0]);
    return 2;
  }
  gchar *text = NULL;
  gsize size = 0;
  GError *error = NULL;
  if (!g_file_get_contents(argv[1], &text, &size, &error)) {
    fprintf(stderr, "%s\n", error->message);
    return 1;
  }
  long contacts = 0, values = 0;
  const char *at = text;
  while ((at = strstr(at, "BEGIN:VCARD")) != NULL) {
    const char *end = strstr(at, "END:VCARD");
    if (!end) break;
    end += strlen("END:VCARD");
    gchar *card = g_strndup(at, (gsize)(end - at));
    EContact *contact = e_contact_new_from_vcard(card);
    for (GList *a = e_vcard_get_attributes(E_VCARD(contact)); a; a = a->next) ++values;
    const char *name = e_contact_get_const(contact, E_CONTACT_FULL_NAME);
    GList *emails = e_contact_get(contact, E_CONTACT_EMAIL);
    values += (name != NULL) + (long)g_list_length(emails);
    g_list_free_full(emails, g_free);
    g_object_unref(contact);
    g_free(card);
    ++contacts;
    at = end;
  }
  printf("%ld contacts, %ld values\n", contacts, values);
  g_free(text);
  return 0;
}
