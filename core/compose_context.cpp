#include "core/compose_context.h"

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
  return context;
}

std::string interaction_channel(std::string_view draft_channel) {
  if (draft_channel == "linkedin-note") return "linkedin";
  if (draft_channel == "linkedin" || draft_channel == "email" || draft_channel == "phone" ||
      draft_channel == "meeting")
    return std::string(draft_channel);
  return "other";
}

}  // namespace rekindle::core
