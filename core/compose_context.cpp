#include "core/compose_context.h"

#include <cctype>

namespace rekindle::core {

Result<ComposeContext> load_compose_context(Store& store, int64_t contact_id, Day today) {
  ComposeContext context;
  context.today = today;
  auto contact = store.contact(contact_id);
  if (!contact) return make_error(contact.error());
  if (!*contact) return make_error("no contact with id " + std::to_string(contact_id));
  context.contact = std::move(**contact);
  auto interactions = store.interactions(contact_id);
  if (!interactions) return make_error(interactions.error());
  context.interactions = std::move(*interactions);
  auto goal = store.current_goal();
  if (!goal) return make_error(goal.error());
  context.current_goal = *goal;
  if (context.current_goal) {
    auto links = store.goal_links(contact_id);
    if (!links) return make_error(links.error());
    for (const auto& l : *links)
      if (l.goal_id == context.current_goal->id) context.goal_link = l;
  }
  auto companies = store.setting("my_companies");
  if (!companies) return make_error(companies.error());
  if (*companies) {
    std::string item;
    for (char c : **companies + ",") {
      if (c != ',') {
        item += c;
        continue;
      }
      while (!item.empty() && item.back() == ' ') item.pop_back();
      const size_t start = item.find_first_not_of(' ');
      if (start != std::string::npos) context.my_companies.push_back(item.substr(start));
      item.clear();
    }
  }
  auto change = store.latest_job_change(contact_id);
  if (!change) return make_error(change.error());
  context.job_change = *change;
  auto sender = store.setting("sender_name");
  if (!sender) return make_error(sender.error());
  if (*sender) context.sender_name = **sender;
  return context;
}

std::optional<JobChange> job_change_between(const Contact& before, const Contact& after, Day day) {
  auto same = [](const std::string& a, const std::string& b) {
    std::string x = a, y = b;
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : y) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x == y;
  };
  // A field filled for the first time, or cleared, is not news: only a known value replaced.
  const bool title = !before.title.empty() && !after.title.empty() && !same(before.title, after.title);
  const bool company = !before.company.empty() && !after.company.empty() && !same(before.company, after.company);
  if (!title && !company) return std::nullopt;
  return JobChange{after.id, day, before.title, before.company, after.title, after.company};
}

std::string interaction_channel(std::string_view draft_channel) {
  if (draft_channel == "linkedin-note") return "linkedin";
  if (draft_channel == "linkedin" || draft_channel == "email" || draft_channel == "phone" ||
      draft_channel == "meeting")
    return std::string(draft_channel);
  return "other";
}

}  // namespace rekindle::core
