// The line under every offer field (Sort your network, contact details): the sentence a
// verb-phrase offer gives in a draft, or why a noun phrase cannot be used, with a rewrite.
#include <catch2/catch.hpp>
#include <imgui.h>

#include "app/ui_widgets.h"
#include "tests/headless_ui.h"

using namespace rekindle;

namespace {
std::string line_for(const test::HeadlessUi& ui, std::string_view offer, bool topic = false) {
  ImGui::NewFrame();
  ImGui::Begin("offer");
  std::string line =
      topic ? app::topic_preview_line(ui.theme(), offer) : app::offer_preview_line(ui.theme(), offer);
  ImGui::End();
  ImGui::Render();
  return line;
}
}  // namespace

TEST_CASE("an offer field previews the draft's sentence, or says how to rephrase", "[offer-preview]") {
  test::HeadlessUi ui;
  const std::string ok = line_for(ui, "share my notes on user research");
  CHECK(ok.find("Your drafts will say") == 0);
  CHECK(ok.find("glad to share my notes on user research") != std::string::npos);

  const std::string noun = line_for(ui, "feedback on their EMEA launch deck");
  CHECK(noun.find("Your drafts will say") == std::string::npos);
  CHECK(noun.find("give feedback on your EMEA launch deck") != std::string::npos);

  CHECK(line_for(ui, "").empty());
}

TEST_CASE("a topic field previews the draft's sentence, or says how to rephrase", "[topic]") {
  test::HeadlessUi ui;
  CHECK(line_for(ui, "orbital mechanics", true) ==
        "Your drafts will say: \u201cI still remember our conversation about orbital mechanics.\u201d");
  const std::string clause = line_for(ui, "she asked about our on-call setup", true);
  CHECK(clause.find("Your drafts will say") == std::string::npos);
  CHECK(clause.find("Try: \u201cour on-call setup\u201d") != std::string::npos);
  CHECK(line_for(ui, "", true).empty());
}
