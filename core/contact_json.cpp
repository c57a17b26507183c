#include "core/contact_json.h"

#include <cmath>

namespace rekindle::core {

using nlohmann::json;

json day_json(const std::optional<Day>& day) { return day ? json(format_iso_day(*day)) : json(nullptr); }

json values_json(const std::vector<LabeledValue>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(v.value);
  return out;
}

json labeled_values_json(const std::vector<LabeledValue>& values) {
  json out = json::array();
  for (const auto& v : values) {
    json item = {{"value", v.value}, {"label", v.label}, {"preferred", v.preferred}};
    if (!v.group.empty()) item["group"] = v.group;
    out.push_back(std::move(item));
  }
  return out;
}

json interaction_json(const Interaction& x) {
  return {{"id", x.id},
          {"date", format_iso_day(x.date)},
          {"channel", x.channel},
          {"kind", x.kind},
          {"grade", x.grade ? json(*x.grade) : json(nullptr)},
          {"note", x.note}};
}

json contact_summary_json(const Contact& c, double warmth, std::optional<Day> last_touch) {
  json tags = json::array();
  for (const auto& t : c.tags) tags.push_back(t);
  return {{"id", c.id},
          {"name", c.name},
          {"company", c.company},
          {"title", c.title},
          {"emails", values_json(c.emails)},
          {"phones", values_json(c.phones)},
          {"urls", values_json(c.urls)},
          {"tags", std::move(tags)},
          {"tier", c.tier},
          {"warmth", std::round(warmth * 1000.0) / 1000.0},
          {"last_touch", day_json(last_touch)},
          {"due", day_json(c.due)},
          {"starred", c.starred},
          {"archived", c.archived}};
}

json contact_detail_json(const Contact& c, double warmth, std::optional<Day> last_touch,
                         const std::vector<Interaction>& interactions, const std::vector<GoalLink>& goal_links) {
  json out = contact_summary_json(c, warmth, last_touch);
  out["given_name"] = c.given_name;
  out["family_name"] = c.family_name;
  out["middle_name"] = c.middle_name;
  out["name_prefix"] = c.name_prefix;
  out["name_suffix"] = c.name_suffix;
  out["nickname"] = c.nickname;
  out["department"] = c.department;
  out["birthday"] = c.birthday;
  out["anniversary"] = c.anniversary;
  out["notes"] = c.notes;
  out["topic"] = c.topic;
  out["email_details"] = labeled_values_json(c.emails);
  out["phone_details"] = labeled_values_json(c.phones);
  out["url_details"] = labeled_values_json(c.urls);
  out["addresses"] = labeled_values_json(c.addresses);
  out["cadence_days"] = c.cadence_days ? json(*c.cadence_days) : json(nullptr);
  out["trust"] = c.trust ? json(*c.trust) : json(nullptr);
  out["connected_on"] = day_json(c.connected_on);
  out["source"] = c.source;
  out["snooze_streak"] = c.snooze_streak;
  out["has_photo"] = c.photo.has_value();
  if (c.photo) out["photo_mime"] = c.photo->mime;
  json extra = json::array();
  for (const auto& line : c.extra_properties) extra.push_back(line);
  out["extra_properties"] = std::move(extra);
  json xs = json::array();
  for (const auto& x : interactions) xs.push_back(interaction_json(x));
  out["interactions"] = std::move(xs);
  json links = json::array();
  for (const auto& l : goal_links)
    links.push_back({{"goal_id", l.goal_id}, {"relevance", l.relevance}, {"can_help", l.can_help}, {"offer", l.offer}});
  out["goals"] = std::move(links);
  return out;
}

}  // namespace rekindle::core
