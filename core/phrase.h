#pragma once
// English phrase helpers for the composer (issue 11): what may go into a sentence slot, and
// in what form. A slot takes only text that reads right there: a topic is a noun phrase
// ("orbital mechanics talk"), an offer a verb phrase ("share my notes on user research"), a
// name a first name without emoji or honorifics, a title a role with its article ("a
// mathematician at NASA", "the CTO of Acme"). Anything else stays out of the draft.
#include <optional>
#include <string>
#include <string_view>

#include "core/contact.h"

namespace rekindle::core {

// The name to greet the contact with: the nickname (one word) or given name, else the first
// word of the display name; without emoji, symbols, honorifics ("Dr.", "Mr") or characters a
// name does not have. Empty when nothing usable is left ("Hi there," then).
std::string greeting_name(const Contact& contact);
// The text with only letters, marks, digits, spaces and - ' . kept (emoji, symbols, U+FFFD,
// "?" and control characters removed), spaces collapsed.
std::string clean_name_text(std::string_view text);

// True when text reads as a noun phrase that fits "our conversation about ___": short, no
// sentence punctuation, not starting with a verb, a past tense or a subject pronoun.
bool is_noun_phrase(std::string_view text);
// A note as a topic: lead-ins such as "Talked about", "Follow up about", "Re:" removed, the
// first sentence only, a capitalised first word lowered ("Product launch" -> "product
// launch"); nullopt when what is left is not a noun phrase.
std::optional<std::string> topic_from_note(std::string_view note);
// "Worked together at Klarna" / "ex-colleague from Klarna" in notes -> "Klarna".
std::optional<std::string> worked_together_from_notes(std::string_view notes);
// "Met at PyCon 2019" / "met through Sam" in notes -> "at PyCon 2019" / "through Sam".
std::optional<std::string> how_met_from_notes(std::string_view notes);

// What the user can offer a contact (a verb phrase), or what they talked about (a topic, a
// noun phrase), checked as the phrase it must be.
struct OfferCheck {
  bool ok = false;           // phrase is the kind of phrase the draft can use
  std::string phrase;        // as stored: trimmed, "I can" / "Talked about" removed
  std::string sentence;      // the sentence it will produce, when ok
  std::string hint;          // why it cannot be used as written, when not ok
  std::string suggestion;    // a rewrite that would work, when one is obvious
};
// Checks an offer and previews the sentence it produces in a draft:
//   offer_preview("share my notes on user research").sentence ==
//     "If it's useful, I'd be glad to share my notes on user research."
//   offer_preview("feedback on their launch deck") -> not ok, suggestion
//     "give feedback on your launch deck".
// An empty offer is not ok and has an empty hint.
OfferCheck offer_preview(std::string_view offer);

// Checks a topic (what the user and the contact talked about) and previews its sentence:
//   topic_preview("orbital mechanics").sentence ==
//     "I still remember our conversation about orbital mechanics."
//   topic_preview("she asked about our on-call setup") -> not ok, suggestion
//     "our on-call setup".
// Lead-ins ("Talked about") are dropped from the phrase. An empty topic is not ok and has an
// empty hint.
// A stored topic goes into drafts through topic_from_note.
OfferCheck topic_preview(std::string_view topic);

// A title as a role with its article and company: "a mathematician at NASA", "an engineer at
// Acme", "the CTO of Acme", "head of product at Widget"; capitalised job words lowered,
// acronyms and names kept. Empty when the title is not a role ("Open to work", a headline).
std::string role_phrase(std::string_view title, std::string_view company);
// "a" or "an" for the word that follows ("an engineer", "a university", "an SRE").
std::string indefinite_article(std::string_view word);

}  // namespace rekindle::core
