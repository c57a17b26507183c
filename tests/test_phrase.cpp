// The phrase helpers behind the composer's slots (issue 11): names, topics, offers, roles.
#include <catch2/catch.hpp>

#include "core/phrase.h"

using namespace rekindle::core;

namespace {

Contact named(const char* name, const char* given = "", const char* nickname = "") {
  Contact c;
  c.name = name;
  c.given_name = given;
  c.nickname = nickname;
  return c;
}

}  // namespace

TEST_CASE("greeting names: first name or nickname, no emoji, honorifics or junk", "[phrase]") {
  CHECK(greeting_name(named("Ada Lovelace", "Ada")) == "Ada");
  CHECK(greeting_name(named("Robert Miller", "Robert", "Bob")) == "Bob");
  CHECK(greeting_name(named("Zoë 🚀")) == "Zoë");
  CHECK(greeting_name(named("x", "Zoë 🚀")) == "Zoë");
  CHECK(greeting_name(named("? ?")).empty());
  CHECK(greeting_name(named("\xEF\xBF\xBD\xEF\xBF\xBD")).empty());
  CHECK(greeting_name(named("Dr. Jane Smith")) == "Jane");
  CHECK(greeting_name(named("Mr John Smith")) == "John");
  CHECK(greeting_name(named("JOHN SMITH")) == "John");
  CHECK(greeting_name(named("mary-jane o'neil")) == "Mary-Jane");
  CHECK(greeting_name(named("王伟")) == "王伟");
  CHECK(greeting_name(named("Lovelace, Ada")) == "Ada");
  CHECK(greeting_name(named("j.doe@example.com")).empty());
  CHECK(greeting_name(named("J. Robert Oppenheimer")) == "Robert");
  CHECK(greeting_name(named("Mary Ann Evans", "Mary Ann")) == "Mary Ann");
  CHECK(greeting_name(named("🚀🚀")).empty());
}

TEST_CASE("topics: noun phrases only, lead-ins removed, articles where they belong", "[phrase]") {
  CHECK(topic_from_note("Talked about their product launch") == std::optional<std::string>("your product launch"));
  CHECK(topic_from_note("Follow up about orbital mechanics talk") ==
        std::optional<std::string>("the orbital mechanics talk"));
  CHECK(topic_from_note("Kubernetes migration") == std::optional<std::string>("the Kubernetes migration"));
  CHECK(topic_from_note("User research. Also kids.") == std::optional<std::string>("user research"));
  CHECK(topic_from_note("API design") == std::optional<std::string>("API design"));
  CHECK(!topic_from_note("congratulated on new role"));
  CHECK(!topic_from_note("she asked about our on-call setup"));
  CHECK(!topic_from_note("Asked about our on-call setup"));
  CHECK(!topic_from_note("send her the deck"));
  CHECK(!topic_from_note("https://example.com/deck"));
  CHECK(!topic_from_note("It's been a while, Ada"));
  CHECK(!topic_from_note("Coffee soon, Ada?"));
  CHECK(!topic_from_note(""));
  CHECK(!topic_from_note("Long call. He is thinking about leaving."));
  CHECK(topic_from_note("Call about pricing") == std::optional<std::string>("pricing"));
  CHECK(!topic_from_note("Coffee at Blue Bottle"));
  CHECK(!topic_from_note("Lunch with Sarah"));
  CHECK(topic_from_note("Re: Q3 roadmap") == std::optional<std::string>("the Q3 roadmap"));
  CHECK(is_noun_phrase("distributed systems"));
  CHECK_FALSE(is_noun_phrase("we met at a conference"));
}

TEST_CASE("offers: verb phrases pass with a preview, others get a hint and a rewrite", "[phrase]") {
  OfferCheck ok = offer_preview("share my notes on user research");
  CHECK(ok.ok);
  CHECK(ok.sentence == "If it's useful, I'd be glad to share my notes on user research.");
  CHECK(offer_preview("I can review your launch deck.").phrase == "review your launch deck");
  CHECK(offer_preview("Introduce you to our payments lead").phrase == "introduce you to our payments lead");

  OfferCheck noun = offer_preview("my notes on user research");
  CHECK_FALSE(noun.ok);
  CHECK_THAT(noun.hint, Catch::Contains("verb"));
  CHECK(noun.suggestion == "share my notes on user research");
  CHECK(offer_preview("feedback on their EMEA launch deck").suggestion == "give feedback on your EMEA launch deck");
  CHECK(offer_preview("intro to our payments lead").suggestion == "introduce you to our payments lead");
  CHECK(offer_preview("reviewing your deck").suggestion == "review your deck");
  CHECK(offer_preview("sharing my notes").suggestion == "share my notes");
  OfferCheck third = offer_preview("review their launch deck");
  CHECK_FALSE(third.ok);
  CHECK(third.suggestion == "review your launch deck");
  OfferCheck ask = offer_preview("refer me to the hiring manager");
  CHECK_FALSE(ask.ok);
  CHECK(ask.suggestion.empty());
  CHECK_FALSE(offer_preview("").ok);
  CHECK(offer_preview("").hint.empty());
}

TEST_CASE("a topic is checked as a noun phrase, with the sentence it gives or a rewrite", "[topic]") {
  OfferCheck ok = topic_preview("orbital mechanics");
  CHECK(ok.ok);
  CHECK(ok.phrase == "orbital mechanics");
  CHECK(ok.sentence == "I still remember our conversation about orbital mechanics.");
  CHECK(topic_preview("Talked about the orbital mechanics talk.").phrase == "the orbital mechanics talk");
  CHECK(topic_preview("orbital mechanics talk").sentence ==
        "I still remember our conversation about the orbital mechanics talk.");
  CHECK(topic_preview("her move to Lisbon").sentence == "I still remember our conversation about your move to Lisbon.");
  CHECK(topic_preview("Klarna's checkout redesign").sentence ==
        "I still remember our conversation about Klarna's checkout redesign.");

  const OfferCheck clause = topic_preview("she asked about our on-call setup");
  CHECK_FALSE(clause.ok);
  CHECK(clause.sentence.empty());
  CHECK(!clause.hint.empty());
  CHECK(clause.suggestion == "our on-call setup");
  CHECK(topic_preview("congratulated on new role").suggestion == "new role");
  CHECK_FALSE(topic_preview("send him the deck").ok);

  const OfferCheck meeting = topic_preview("coffee chat");
  CHECK_FALSE(meeting.ok);
  CHECK_THAT(meeting.hint, Catch::Contains("names the meeting"));

  const OfferCheck sentences = topic_preview("Pricing. Also her kids.");
  CHECK_FALSE(sentences.ok);
  CHECK(sentences.suggestion == "pricing");
  CHECK_FALSE(topic_preview(std::string(80, 'a')).ok);

  const OfferCheck empty = topic_preview("  ");
  CHECK_FALSE(empty.ok);
  CHECK(empty.hint.empty());
}

TEST_CASE("roles: articles and capitals", "[phrase]") {
  CHECK(role_phrase("Mathematician", "NASA") == "a mathematician at NASA");
  CHECK(role_phrase("Engineer", "Acme") == "an engineer at Acme");
  CHECK(role_phrase("CTO", "Acme") == "the CTO of Acme");
  CHECK(role_phrase("Founder & CEO", "Acme") == "the founder and CEO of Acme");
  CHECK(role_phrase("Head of Product", "Widget") == "head of product at Widget");
  CHECK(role_phrase("Senior Software Engineer", "Google") == "a senior software engineer at Google");
  CHECK(role_phrase("SRE", "") == "an SRE");
  CHECK(role_phrase("Engineer | Speaker | Author", "X") == "an engineer at X");
  CHECK(role_phrase("Fellow", "Linux Foundation") == "a fellow at Linux Foundation");
  CHECK(role_phrase("Director of Google Cloud", "Google") == "director of Google Cloud at Google");
  CHECK(role_phrase("Open to work", "").empty());
  CHECK(role_phrase("", "Acme").empty());
  CHECK(indefinite_article("university") == "a");
  CHECK(indefinite_article("MBA") == "an");
  CHECK(indefinite_article("UX") == "a");
}

TEST_CASE("shared history from notes", "[phrase]") {
  CHECK(worked_together_from_notes("Worked together at Klarna. Great at pricing.") ==
        std::optional<std::string>("Klarna"));
  CHECK(worked_together_from_notes("Ex-colleague from Spotify, and later Klarna") ==
        std::optional<std::string>("Spotify"));
  CHECK(!worked_together_from_notes("Great at pricing"));
  CHECK(how_met_from_notes("Met at PyCon 2019.") == std::optional<std::string>("at PyCon 2019"));
  CHECK(how_met_from_notes("Intro.\nMet through Sam Lee") == std::optional<std::string>("through Sam Lee"));
  CHECK(!how_met_from_notes("Likes climbing"));
}
