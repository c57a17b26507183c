// Store: the job_changes table (issue 11): titles and companies that changed, and when.
#include "core/store.h"

namespace rekindle::core {

Status Store::insert_job_change(const JobChange& c) {
  auto s = db_->prepare(
      "INSERT INTO job_changes (contact_id, day, old_title, old_company, new_title, new_company) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, c.contact_id).bind(2, c.day).bind(3, c.old_title).bind(4, c.old_company);
  s->bind(5, c.new_title).bind(6, c.new_company);
  return s->run();
}

Result<std::optional<JobChange>> Store::latest_job_change(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT contact_id, day, old_title, old_company, new_title, new_company FROM job_changes "
      "WHERE contact_id = ? ORDER BY day DESC, id DESC LIMIT 1");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  std::optional<JobChange> out;
  Status st = s->each_row([&](const Statement& row) {
    JobChange c;
    c.contact_id = row.int64(0);
    c.day = parse_iso_day(row.text(1)).value_or(Day{});
    c.old_title = row.text(2);
    c.old_company = row.text(3);
    c.new_title = row.text(4);
    c.new_company = row.text(5);
    out = c;
  });
  if (!st) return make_error(st.error());
  return out;
}

}  // namespace rekindle::core
