// The contact details screen and the contacts list (owner: details): each edit goes through
// the core API and reads back from it, undo restores, the timeline replays the schedule,
// un-archive, a merge keeps every value, and the list stays bounded at 100,000 contacts.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/ui_shell.h"
#include "app/view_contacts.h"
#include "app/view_details.h"
#include "core/rekindle.h"
#include "core/store.h"
#include "tests/headless_ui.h"

using namespace rekindle;
using app::Screen;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");
core::Day day(const char* iso) { return *core::parse_iso_day(iso); }

std::unique_ptr<core::Rekindle> fresh_api() {
  auto api = core::Rekindle::open_in_memory();
  REQUIRE(api.ok());
  return std::move(*api);
}

int64_t add(core::Rekindle& api, const std::string& name, const std::string& company = "",
            const std::string& tier = "regular") {
  core::Contact c;
  c.name = name;
  c.company = company;
  c.tier = tier;
  auto id = api.add_contact(c, kToday);
  REQUIRE(id.ok());
  return *id;
}

int64_t touch(core::Rekindle& api, int64_t contact, const char* iso, const std::string& note, int grade = 3) {
  core::Interaction x;
  x.contact_id = contact;
  x.date = day(iso);
  x.channel = "email";
  x.kind = "neutral";
  x.grade = grade;
  x.note = note;
  auto logged = api.log_touch(x, kToday);
  REQUIRE(logged.ok());
  return logged->id;
}

core::ContactDetail read(core::Rekindle& api, int64_t id) {
  auto d = api.contact(id, kToday);
  REQUIRE(d.ok());
  return *d;
}

// The due day a contact gets when its log is exactly `touches` (logged on a fresh database):
// what "replays the schedule from its log" must produce.
std::optional<core::Day> replayed_due(const std::string& tier,
                                      const std::vector<std::pair<const char*, int>>& touches) {
  auto twin = fresh_api();
  const int64_t id = add(*twin, "Twin", "", tier);
  for (const auto& [iso, grade] : touches) touch(*twin, id, iso, "", grade);
  return read(*twin, id).contact.due;
}

platform::InputEvents ctrl(char c) {
  platform::InputEvents events;
  events.keys.push_back({platform::key_for_char(c), platform::kModCtrl, false});
  return events;
}

platform::InputEvents key(platform::Key k) {
  platform::InputEvents events;
  events.keys.push_back({k, 0, false});
  return events;
}

// The details view alone in a window tall enough to show every field, driven with the mouse
// and the keyboard as a user would.
class DetailsHarness {
 public:
  explicit DetailsHarness(core::Rekindle& api, int64_t contact) : api_(api) {
    ImGui::GetIO().DisplaySize = ImVec2(430, 4200);
    model.contact_id = contact;
    app::load_details(api_, kToday, model);
    frame();
    frame();
  }
  app::DetailsFrame frame(const platform::InputEvents& events = {}) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("details", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    app::DetailsFrame f = app::draw_details(model, ui_.theme(), api_, kToday, events);
    ImGui::End();
    ImGui::Render();
    return f;
  }
  bool has(const std::string& what) const { return model.rects.count(what) > 0; }
  ImVec2 center(const std::string& what) {
    INFO("no field or button drawn as '" << what << "'");
    REQUIRE(has(what));
    const auto& r = model.rects.at(what);
    return ImVec2((r[0] + r[2]) * 0.5f, (r[1] + r[3]) * 0.5f);
  }
  // Press and release the mouse on it; returns the release frame (where a button fires).
  app::DetailsFrame click(const std::string& what) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = center(what);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    auto f = frame();
    frame();
    return f;
  }
  // Clicks into a text field, replaces its text and presses Enter (which leaves the field):
  // returns the frame where the field was left.
  app::DetailsFrame type_into(const std::string& what, const std::string& text) {
    click(what);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[ImGuiKey_A] = true;
    frame();
    io.KeysDown[ImGuiKey_A] = false;
    io.KeyCtrl = false;
    frame();
    io.AddInputCharactersUTF8(text.c_str());
    frame();
    io.KeysDown[ImGuiKey_Enter] = true;
    auto left = frame();
    io.KeysDown[ImGuiKey_Enter] = false;
    frame();
    return left;
  }
  app::DetailsModel model;

 private:
  test::HeadlessUi ui_;
  core::Rekindle& api_;
};

}  // namespace

TEST_CASE("details: each field is stored through the API when left, and undo restores the value", "[details]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Ada Lovelace", "Analytical Engines");
  REQUIRE(api->add_goal(core::Goal{0, "Find a research role", "", std::nullopt, false, false}).ok());
  DetailsHarness h(*api, id);

  CHECK(h.type_into("Company", "Babbage & Co").saved);
  CHECK(read(*api, id).contact.company == "Babbage & Co");
  CHECK(h.type_into("Title", "Analyst").saved);
  CHECK(read(*api, id).contact.title == "Analyst");
  CHECK(h.type_into("Nickname", "Countess").saved);
  CHECK(read(*api, id).contact.nickname == "Countess");
  CHECK(h.type_into("Tags (separated by commas)", "mentor, london, mentor").saved);
  CHECK(read(*api, id).contact.tags == std::vector<std::string>{"mentor", "london"});

  h.click("+ Add e-mail");
  CHECK(h.type_into("E-MAIL 0", "ada@example.com").saved);
  REQUIRE(read(*api, id).contact.emails.size() == 1);
  CHECK(read(*api, id).contact.emails[0].value == "ada@example.com");

  // Tier and cadence go through edit_contact and move the due day.
  CHECK(h.click("Tier close").saved);
  CHECK(read(*api, id).contact.tier == "close");
  CHECK(h.type_into("Cadence", "21").saved);
  CHECK(read(*api, id).contact.cadence_days == 21);

  // Goal fields: relevance, how they could help, what I can offer, for the current goal.
  CHECK(h.click("Key person").saved);
  CHECK(h.type_into("What I can offer", "a draft of my paper").saved);
  auto links = read(*api, id).goal_links;
  REQUIRE(links.size() == 1);
  CHECK(links[0].relevance == "high");
  CHECK(links[0].offer == "a draft of my paper");

  // Undo, newest first, each through the API: Ctrl+Z and the button.
  h.frame(ctrl('Z'));
  CHECK(read(*api, id).goal_links[0].offer.empty());
  h.frame(ctrl('Z'));
  CHECK(read(*api, id).goal_links[0].relevance == "none");
  h.frame(ctrl('Z'));
  CHECK(!read(*api, id).contact.cadence_days);
  REQUIRE(h.model.undo.back().label == "Tier");
  h.click("Undo Tier");
  CHECK(read(*api, id).contact.tier == "regular");
  h.frame(ctrl('Z'));
  CHECK(read(*api, id).contact.emails.empty());
  for (int i = 0; i < 4; ++i) h.frame(ctrl('Z'));
  const core::Contact back = read(*api, id).contact;
  CHECK(back.company == "Analytical Engines");
  CHECK(back.title.empty());
  CHECK(back.nickname.empty());
  CHECK(back.tags.empty());
  CHECK(h.model.undo.empty());
}

TEST_CASE("details: an empty display name is refused and the stored name stays", "[details]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Grace Hopper", "US Navy");
  DetailsHarness h(*api, id);
  CHECK(!h.type_into("Display name", "   ").saved);
  CHECK(read(*api, id).contact.name == "Grace Hopper");
  CHECK(h.model.edit.name == "Grace Hopper");
  CHECK(h.model.notice.find("name") != std::string::npos);
}

TEST_CASE("details: the timeline adds, edits and deletes touches and the schedule is replayed", "[details]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Alan Turing");
  const int64_t older = touch(*api, id, "2025-06-01", "lunch");
  const int64_t newer = touch(*api, id, "2025-10-01", "call");
  const auto original_due = read(*api, id).contact.due;
  CHECK(original_due == replayed_due("regular", {{"2025-06-01", 3}, {"2025-10-01", 3}}));
  DetailsHarness h(*api, id);

  // Edit: the newer touch moves back to August with no reply.
  h.click("Edit " + std::to_string(newer));
  h.type_into("Date (YYYY-MM-DD)", "2025-08-01");
  h.model.touch_form->touch.grade = 1;
  CHECK(h.click("Save touch").saved);
  auto d = read(*api, id);
  REQUIRE(d.interactions.size() == 2);
  CHECK(d.interactions[1].date == day("2025-08-01"));
  CHECK(d.interactions[1].grade == 1);
  CHECK(d.contact.due == replayed_due("regular", {{"2025-06-01", 3}, {"2025-08-01", 1}}));
  CHECK(d.contact.due != original_due);

  // Delete asks first; then the schedule is what the remaining log gives.
  h.click("Delete " + std::to_string(older));
  CHECK(read(*api, id).interactions.size() == 2);  // only asked so far
  CHECK(h.click("Confirm delete").saved);
  d = read(*api, id);
  REQUIRE(d.interactions.size() == 1);
  CHECK(d.contact.due == replayed_due("regular", {{"2025-08-01", 1}}));

  // Undo brings the touch back with its note, and the schedule with it.
  h.frame(ctrl('Z'));
  d = read(*api, id);
  REQUIRE(d.interactions.size() == 2);
  CHECK(d.interactions[0].note == "lunch");
  CHECK(d.contact.due == replayed_due("regular", {{"2025-06-01", 3}, {"2025-08-01", 1}}));

  // Add: a new touch today.
  h.click("+ Log a touch");
  h.type_into("Note", "coffee in town");
  CHECK(h.click("Log touch").saved);
  d = read(*api, id);
  REQUIRE(d.interactions.size() == 3);
  CHECK(d.interactions[2].note == "coffee in town");
  CHECK(d.interactions[2].date == kToday);
  CHECK(d.contact.due == replayed_due("regular", {{"2025-06-01", 3}, {"2025-08-01", 1}, {"2025-11-25", 3}}));
}

TEST_CASE("details: an archived contact shows the banner; un-archive is stored and undone", "[details]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Katherine Johnson");
  core::BulkEdit archive;
  archive.archived = true;
  const std::vector<int64_t> ids{id};
  REQUIRE(api->bulk_edit(ids, archive, kToday).ok());
  DetailsHarness h(*api, id);
  REQUIRE(h.has("Un-archive"));
  CHECK(h.click("Un-archive").saved);
  CHECK(!read(*api, id).contact.archived);
  CHECK(!h.has("Un-archive"));
  h.frame(ctrl('Z'));
  CHECK(read(*api, id).contact.archived);
}

TEST_CASE("details: merging a duplicate side by side keeps every value", "[details]") {
  auto api = fresh_api();
  REQUIRE(api->add_goal(core::Goal{0, "Move to Lisbon", "", std::nullopt, false, false}).ok());
  core::Contact a;
  a.name = "Maya Chen";
  a.family_name = "Chen";
  a.company = "Acme";
  a.title = "Engineer";
  a.emails = {{"maya@acme.example", "work", false, ""}};
  a.tags = {"climbing"};
  a.notes = "Met at the meetup.";
  core::Contact b = a;
  b.name = "Maya Chen (Globex)";
  b.company = "Globex";
  b.title = "";
  b.nickname = "M";
  b.emails = {{"maya@home.example", "home", false, ""}};
  b.phones = {{"+44 20 7946 0000", "mobile", false, ""}};
  b.tags = {"lisbon"};
  b.notes = "Moved to Globex in 2025.";
  auto ida = api->add_contact(a, kToday);
  auto idb = api->add_contact(b, kToday);
  REQUIRE((ida.ok() && idb.ok()));
  touch(*api, *ida, "2025-05-01", "first");
  touch(*api, *idb, "2025-07-01", "second");
  core::ContactEdit link;
  link.relevance = "high";
  link.offer = "intro to my old team";
  REQUIRE(api->edit_contact(*idb, link, kToday).ok());

  DetailsHarness h(*api, *ida);
  h.click("Find the duplicate\u2026");
  REQUIRE(h.model.merging);
  h.click("Match Maya Chen (Globex)");
  REQUIRE(h.model.merge_other);
  h.click("Take theirs company");  // Globex, chosen over Acme
  h.click("Merge");
  CHECK(read(*api, *idb).contact.name == "Maya Chen (Globex)");  // nothing happens before the confirmation
  CHECK(h.click("Yes, merge").merged);

  auto gone = api->contact(*idb, kToday);
  CHECK(!gone.ok());
  auto m = read(*api, *ida);
  CHECK(m.contact.name == "Maya Chen");
  CHECK(m.contact.company == "Globex");
  CHECK(m.contact.title == "Engineer");  // the kept one's, theirs was empty
  CHECK(m.contact.nickname == "M");      // filled from theirs
  REQUIRE(m.contact.emails.size() == 2);
  CHECK(m.contact.phones.size() == 1);
  CHECK(m.contact.tags == std::vector<std::string>{"climbing", "lisbon"});
  CHECK(m.contact.notes.find("Met at the meetup.") != std::string::npos);
  CHECK(m.contact.notes.find("Moved to Globex") != std::string::npos);
  REQUIRE(m.interactions.size() == 2);
  REQUIRE(m.goal_links.size() == 1);
  CHECK(m.goal_links[0].relevance == "high");
  CHECK(m.goal_links[0].offer == "intro to my old team");
  CHECK(*api->contact_count() == 1);
}

TEST_CASE("merge choices: from_kept wins over the fill rule; unknown fields are refused", "[details]") {
  auto api = fresh_api();
  const int64_t a = add(*api, "Lin Wei", "");
  const int64_t b = add(*api, "Wei Lin", "Tencent", "close");
  core::MergeChoices bad;
  bad.from_duplicate = {"salary"};
  CHECK(!api->merge_contacts(a, b, bad, kToday).ok());
  CHECK(*api->contact_count() == 2);
  core::MergeChoices choices;
  choices.from_kept = {"company", "tier"};
  choices.from_duplicate = {"name"};
  REQUIRE(api->merge_contacts(a, b, choices, kToday).ok());
  const core::Contact m = read(*api, a).contact;
  CHECK(m.name == "Wei Lin");
  CHECK(m.company.empty());
  CHECK(m.tier == "regular");
}

TEST_CASE("contact index: the same warmth as contacts(), search by every word, four sorts", "[details]") {
  auto api = fresh_api();
  const int64_t ada = add(*api, "Ada Lovelace", "Analytical Engines", "close");
  const int64_t grace = add(*api, "Grace Hopper", "US Navy", "inner");
  const int64_t alan = add(*api, "Alan Turing", "Bletchley", "wider");
  touch(*api, ada, "2025-11-20", "");
  touch(*api, alan, "2024-01-10", "");
  core::ContactEdit tag;
  tag.add_tags = {"Codebreaker"};
  REQUIRE(api->edit_contact(alan, tag, kToday).ok());

  auto index = api->contact_index(kToday);
  REQUIRE(index.ok());
  auto rows = api->contacts("", kToday);
  REQUIRE(rows.ok());
  REQUIRE(index->size() == rows->size());
  for (const auto& row : *rows) {
    auto at = index->find(row.contact.id);
    REQUIRE(at);
    CHECK(index->entries()[*at].warmth == row.warmth);
    CHECK(index->entries()[*at].last_touch == row.last_touch);
  }
  auto names = [&](const std::vector<uint32_t>& order) {
    std::vector<int64_t> ids;
    for (uint32_t i : order) ids.push_back(index->entries()[i].id);
    return ids;
  };
  CHECK(names(index->query("", core::ContactSort::name)) == std::vector<int64_t>{ada, alan, grace});
  CHECK(names(index->query("CODEBREAKER", core::ContactSort::name)) == std::vector<int64_t>{alan});
  CHECK(names(index->query("us navy", core::ContactSort::name)) == std::vector<int64_t>{grace});
  CHECK(names(index->query("navy ada", core::ContactSort::name)).empty());
  // Last touch oldest first; Grace was never touched and sorts last.
  CHECK(names(index->query("", core::ContactSort::last_touch)) == std::vector<int64_t>{alan, ada, grace});
  auto by_warmth = names(index->query("", core::ContactSort::warmth));
  for (size_t i = 1; i < by_warmth.size(); ++i)
    CHECK(index->entries()[*index->find(by_warmth[i - 1])].warmth <=
          index->entries()[*index->find(by_warmth[i])].warmth);
  auto by_due = names(index->query("", core::ContactSort::due));
  std::optional<core::Day> previous;
  bool seen_none = false;
  for (int64_t id : by_due) {
    const auto due = index->entries()[*index->find(id)].due;
    if (!due) seen_none = true;
    else {
      CHECK(!seen_none);  // no due day sorts last
      if (previous) CHECK(*previous <= *due);
      previous = due;
    }
  }
}

TEST_CASE("bulk edits: one call each, undone exactly", "[details]") {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(add(api, "Person " + std::to_string(i)));
  core::ContactEdit tag;
  tag.add_tags = {"berlin"};
  REQUIRE(api.edit_contact(ids[1], tag, kToday).ok());  // already has it: undo must keep it
  auto before = (*store)->canonical_dump();
  REQUIRE(before.ok());

  core::BulkEdit edit;
  edit.add_tag = " berlin ";
  auto undo = api.bulk_edit(ids, edit, kToday);
  REQUIRE(undo.ok());
  for (int64_t id : ids) CHECK(read(api, id).contact.tags == std::vector<std::string>{"berlin"});
  REQUIRE(api.undo_bulk(*undo, kToday).ok());
  CHECK(*(*store)->canonical_dump() == *before);

  core::BulkEdit cadence;
  cadence.cadence_days = 14;
  undo = api.bulk_edit(ids, cadence, kToday);
  REQUIRE(undo.ok());
  for (int64_t id : ids) CHECK(read(api, id).contact.cadence_days == 14);
  REQUIRE(api.undo_bulk(*undo, kToday).ok());
  CHECK(*(*store)->canonical_dump() == *before);

  core::BulkEdit archive;
  archive.archived = true;
  undo = api.bulk_edit(ids, archive, kToday);
  REQUIRE(undo.ok());
  for (int64_t id : ids) CHECK(read(api, id).contact.archived);
  REQUIRE(api.undo_bulk(*undo, kToday).ok());
  CHECK(*(*store)->canonical_dump() == *before);

  // An unknown id fails the whole change: nothing is half done.
  std::vector<int64_t> with_unknown = ids;
  with_unknown.push_back(999999);
  CHECK(!api.bulk_edit(with_unknown, archive, kToday).ok());
  CHECK(*(*store)->canonical_dump() == *before);
  core::BulkEdit empty_tag;
  empty_tag.add_tag = "  ";
  CHECK(!api.bulk_edit(ids, empty_tag, kToday).ok());
}

TEST_CASE("edit_interaction and delete_interaction refuse bad input and unknown touches", "[details]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Rosalind Franklin");
  const int64_t t = touch(*api, id, "2025-09-01", "talk");
  core::Interaction x = read(*api, id).interactions[0];
  x.grade = 7;
  CHECK(!api->edit_interaction(x, kToday).ok());
  x.grade = 2;
  x.channel = "pigeon";
  CHECK(!api->edit_interaction(x, kToday).ok());
  x.channel = "email";
  x.id = 424242;
  CHECK(!api->edit_interaction(x, kToday).ok());
  CHECK(!api->delete_interaction(424242, kToday).ok());
  CHECK(read(*api, id).interactions[0].grade == 3);
  CHECK(api->delete_interaction(t, kToday).ok());
  CHECK(read(*api, id).interactions.empty());
}

// ---- The contacts list ---------------------------------------------------------------------

namespace {

// The contacts view alone in a phone-sized window, clicked row by row.
class ListHarness {
 public:
  explicit ListHarness(core::Rekindle& api) : api_(api) {
    ImGui::GetIO().DisplaySize = ImVec2(test::kHeadlessWidth, test::kHeadlessHeight);
    app::load_contacts(api_, kToday, model);
    frame();
    last = frame();
  }
  app::ContactsFrame frame(const platform::InputEvents& events = {}) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("contacts", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    last = app::draw_contacts(model, ui_.theme(), api_, kToday, events);
    ImGui::End();
    ImGui::Render();
    return last;
  }
  app::ContactsFrame click_row(int i, bool with_ctrl = false, bool with_shift = false) {
    const float step = ui_.theme().px(68 + 10);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(test::kHeadlessWidth * 0.5f, last.first_row_top + step * i + step * 0.4f);
    frame();
    io.KeyCtrl = with_ctrl;
    io.KeyShift = with_shift;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    auto released = frame();
    io.KeyCtrl = io.KeyShift = false;
    frame();
    return released;
  }
  app::ContactsModel model;
  app::ContactsFrame last;

 private:
  test::HeadlessUi ui_;
  core::Rekindle& api_;
};

std::unique_ptr<core::Rekindle> network_of(int n) {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  REQUIRE((*store)
              ->transaction([&]() -> core::Status {
                for (int i = 0; i < n; ++i) {
                  core::Contact c;
                  c.name = "Person " + std::to_string(100000 + i);
                  c.company = "Acme-" + std::to_string(i % 97) + "x";
                  c.tier = i % 5 == 0 ? "close" : "dormant";
                  c.emails = {{"p" + std::to_string(i) + "@example.com", "work", false, ""}};
                  auto id = (*store)->insert_contact(c);
                  if (!id) return core::make_error(id.error());
                }
                return core::Status::success();
              })
              .ok());
  return core::Rekindle::adopt(std::move(*store));
}

}  // namespace

TEST_CASE("contacts list: empty, small and 100,000 contacts draw a bounded number of rows", "[details][list]") {
  {
    auto api = fresh_api();
    ListHarness h(*api);
    CHECK(h.last.state == app::ContactsState::kEmpty);
    CHECK(h.last.rows_submitted == 0);
  }
  {
    auto api = network_of(3);
    ListHarness h(*api);
    CHECK(h.last.state == app::ContactsState::kList);
    CHECK(h.last.rows_submitted == 3);
  }
  auto api = network_of(100000);
  ListHarness h(*api);
  CHECK(h.model.total == 100000);
  CHECK(h.model.rows.size() == 100000);
  CHECK(h.last.state == app::ContactsState::kList);
  // A window's worth of rows (860 px / 78 px) plus the clipper's measuring row, not 100,000.
  CHECK(h.last.rows_submitted > 0);
  CHECK(h.last.rows_submitted <= 14);
  // Search and sort run over the in-memory index only when they change, not per frame.
  h.model.search = "ACME-42x p4";
  app::requery_contacts(h.model);
  CHECK(h.frame().rows_submitted <= 14);
  for (size_t i = 0; i < h.model.rows.size(); ++i) {
    const auto& e = app::contact_at(h.model, i);
    CHECK(e.company == "Acme-42x");
  }
  CHECK(!h.model.rows.empty());
  h.model.sort = core::ContactSort::warmth;
  app::requery_contacts(h.model);
  for (size_t i = 1; i < h.model.rows.size(); ++i)
    CHECK(app::contact_at(h.model, i - 1).warmth <= app::contact_at(h.model, i).warmth);
  // Ctrl+A picks every row shown (a thousand here) and one bulk archive is one call.
  h.model.search = "acme-42x";
  h.model.sort = core::ContactSort::name;
  app::requery_contacts(h.model);
  const size_t shown = h.model.rows.size();
  CHECK(shown > 1000);
  h.frame(ctrl('A'));
  CHECK(h.model.selected_count == static_cast<int64_t>(shown));
  core::BulkEdit archive;
  archive.archived = true;
  REQUIRE(app::apply_bulk(h.model, *api, kToday, archive, "Archived them"));
  const int64_t some = app::contact_at(h.model, 77).id;
  CHECK(read(*api, some).contact.archived);
  REQUIRE(app::undo_bulk(h.model, *api, kToday));
  CHECK(!read(*api, some).contact.archived);
}

TEST_CASE("contacts list: Ctrl/Shift-click and Ctrl+A pick; bulk tag, archive and cadence; undo", "[details][list]") {
  auto api = fresh_api();
  std::vector<int64_t> ids;  // added in name order, so row i is ids[i] when sorted by name
  for (const char* name : {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson", "Linus Torvalds"})
    ids.push_back(add(*api, name));
  ListHarness h(*api);

  // A plain click asks to open the row.
  CHECK(h.click_row(1).open == ids[1]);
  CHECK(h.model.selected_count == 0);
  // Ctrl-click picks row 0, Shift-click extends the pick to row 2.
  CHECK(!h.click_row(0, true).open);
  CHECK(!h.click_row(2, false, true).open);
  CHECK(app::selected_ids(h.model) == std::vector<int64_t>{ids[0], ids[1], ids[2]});
  // While something is picked a click goes on picking (Ctrl not needed), and unpicks too.
  CHECK(!h.click_row(1).open);
  CHECK(app::selected_ids(h.model) == std::vector<int64_t>{ids[0], ids[2]});

  core::BulkEdit tag;
  tag.add_tag = "pioneer";
  REQUIRE(app::apply_bulk(h.model, *api, kToday, tag, "Tagged 2 people"));
  CHECK(read(*api, ids[0]).contact.tags == std::vector<std::string>{"pioneer"});
  CHECK(read(*api, ids[1]).contact.tags.empty());
  CHECK(read(*api, ids[2]).contact.tags == std::vector<std::string>{"pioneer"});
  CHECK(app::selected_ids(h.model) == std::vector<int64_t>{ids[0], ids[2]});  // the pick survives
  h.frame(ctrl('Z'));
  CHECK(read(*api, ids[0]).contact.tags.empty());

  core::BulkEdit cadence;
  cadence.cadence_days = 45;
  REQUIRE(app::apply_bulk(h.model, *api, kToday, cadence, "Every 45 days"));
  CHECK(read(*api, ids[2]).contact.cadence_days == 45);
  CHECK(!read(*api, ids[3]).contact.cadence_days);

  h.frame(ctrl('A'));
  CHECK(h.model.selected_count == 5);
  core::BulkEdit archive;
  archive.archived = true;
  REQUIRE(app::apply_bulk(h.model, *api, kToday, archive, "Archived 5 people"));
  for (int64_t id : ids) CHECK(read(*api, id).contact.archived);
  h.frame();
  REQUIRE(app::undo_bulk(h.model, *api, kToday));
  for (int64_t id : ids) CHECK(!read(*api, id).contact.archived);
  h.frame(key(platform::Key::kEscape));
  CHECK(h.model.selected_count == 0);
}

TEST_CASE("shell: a Contacts row and a Today card open details; Back returns where they came from", "[details]") {
  test::HeadlessUi ui;
  auto owned = fresh_api();
  const int64_t first = add(*owned, "Ada Lovelace", "", "close");
  add(*owned, "Grace Hopper", "", "close");
  app::AppShell shell(std::move(owned), "", kToday);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(test::kHeadlessWidth, test::kHeadlessHeight);

  // Today: a click on the card (press and release without moving) opens its details.
  auto r = ui.frames(shell, 3);
  REQUIRE(r.today_frame);
  const int64_t top = r.today_frame->top_contact;
  REQUIRE(top != 0);
  io.MousePos = ImVec2(test::kHeadlessWidth * 0.5f, test::kHeadlessHeight * 0.4f);
  ui.frames(shell, 2);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  r = ui.frame(shell);
  CHECK(r.screen == Screen::kDetails);
  io.MousePos = ImVec2(-1, -1);
  r = ui.frame(shell);
  REQUIRE(r.details);
  CHECK(r.details->state == app::DetailsState::kShown);
  CHECK(ui.frame(shell, key(platform::Key::kEscape)).screen == Screen::kToday);
  ui.frames(shell, 2);

  // No contact chosen (a screenshot of details): the card on top of today's deck.
  app::DetailsModel model;
  auto api2 = fresh_api();
  const int64_t only = add(*api2, "Linus Torvalds", "", "close");
  app::load_details(*api2, kToday, model);
  CHECK(model.contact_id == only);
  (void)first;
}

TEST_CASE("details: the topic field previews its sentence, is stored when left, and undo restores it",
          "[topic]") {
  auto api = fresh_api();
  const int64_t id = add(*api, "Ada Lovelace", "Analytical Engines");
  DetailsHarness h(*api, id);
  REQUIRE(h.has("What you talked about"));
  CHECK(h.type_into("What you talked about", "orbital mechanics").saved);
  CHECK(read(*api, id).contact.topic == "orbital mechanics");

  h.frame(ctrl('Z'));
  CHECK(read(*api, id).contact.topic.empty());
}
