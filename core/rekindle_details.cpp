// The API calls of the contact details screen and the contacts list (owner: details): editing
// and deleting a touch with a replay of the schedule, the compact list index, bulk changes
// with their undo. The merge with per-field choices lives with merge_contacts in rekindle.cpp.
#include <algorithm>
#include <cctype>
#include <exception>
#include <iterator>

#include "core/model.h"
#include "core/rekindle.h"
#include "core/schedule.h"

namespace rekindle::core {
namespace {

// One write transaction that reports instead of throwing (as rekindle.cpp's calls do).
template <typename Body>
Status transact(Store& store, Body&& body) {
  try {
    return store.transaction(std::forward<Body>(body));
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

template <size_t N>
bool one_of(const std::string& value, const char* const (&names)[N]) {
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return value == n; });
}

Status check_touch(const Interaction& x) {
  if (!one_of(x.channel, kChannelNames)) return make_error("unknown channel '" + x.channel + "'");
  if (!one_of(x.kind, kKindNames)) return make_error("unknown kind '" + x.kind + "'");
  if (x.grade && (*x.grade < 1 || *x.grade > 4)) return make_error("a grade is 1 (no reply) to 4 (reciprocated)");
  return Status::success();
}

std::string trimmed_tag(const std::string& tag) {
  size_t a = 0, b = tag.size();
  while (a < b && std::isspace(static_cast<unsigned char>(tag[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(tag[b - 1]))) --b;
  return tag.substr(a, b - a);
}

}  // namespace

Status Rekindle::edit_interaction(const Interaction& interaction, Day today) {
  if (Status s = check_touch(interaction); !s) return s;
  return transact(*store_, [&]() -> Status {
    auto stored = store_->interaction(interaction.id);
    if (!stored) return make_error(stored.error());
    if (!*stored) return make_error("no touch with id " + std::to_string(interaction.id));
    Interaction x = interaction;
    x.contact_id = (*stored)->contact_id;  // a touch stays with its person
    if (Status s = store_->update_interaction(x); !s) return s;
    return reschedule_contact(*store_, x.contact_id, today);
  });
}

Result<Interaction> Rekindle::delete_interaction(int64_t interaction_id, Day today) {
  Interaction deleted;
  Status s = transact(*store_, [&]() -> Status {
    auto stored = store_->interaction(interaction_id);
    if (!stored) return make_error(stored.error());
    if (!*stored) return make_error("no touch with id " + std::to_string(interaction_id));
    deleted = **stored;
    if (Status st = store_->delete_interaction(interaction_id); !st) return st;
    return reschedule_contact(*store_, deleted.contact_id, today);
  });
  if (!s) return make_error(s.error());
  return deleted;
}

Result<ContactIndex> Rekindle::contact_index(Day today) {
  try {
    auto all = store_->all_interactions();
    if (!all) return make_error(all.error());
    const std::vector<Interaction>& xs = *all;  // by contact id, then date: walked alongside
    std::vector<ContactListEntry> entries;
    auto next = xs.begin();
    Status s = store_->each_list_contact([&](Contact& c, std::string& extra) {
      while (next != xs.end() && next->contact_id < c.id) ++next;
      auto end = next;
      while (end != xs.end() && end->contact_id == c.id) ++end;
      const std::span<const Interaction> log(next, end);
      ContactListEntry& e = entries.emplace_back();
      e.id = c.id;
      // The very quantities contacts() puts in a ContactRow, from the same inputs.
      e.warmth = warmth_on(c, log, today);
      e.last_touch = last_touch(c, log);
      e.due = c.due;
      e.starred = c.starred;
      e.archived = c.archived;
      e.haystack = search_folded(c.name + " " + c.company + " " + c.title + " " + extra);
      e.name = std::move(c.name);
      e.company = std::move(c.company);
      e.title = std::move(c.title);
      next = end;
    });
    if (!s) return make_error(s.error());
    return ContactIndex(std::move(entries));
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

Result<BulkUndo> Rekindle::bulk_edit(std::span<const int64_t> contact_ids, const BulkEdit& edit, Day today) {
  BulkUndo undo;
  undo.edit = edit;
  if (edit.add_tag) {
    undo.edit.add_tag = trimmed_tag(*edit.add_tag);
    if (undo.edit.add_tag->empty()) return make_error("a tag cannot be empty");
  }
  if (edit.cadence_days && (*edit.cadence_days < 0 || *edit.cadence_days > 3650))
    return make_error("cadence must be between 1 and 3650 days (0 clears it)");
  const BulkEdit& e = undo.edit;
  Status s = transact(*store_, [&]() -> Status {
    undo.before.clear();
    undo.before.reserve(contact_ids.size());
    for (int64_t id : contact_ids) {
      auto found = store_->schedule_contacts(id);
      if (!found) return make_error(found.error());
      if (found->empty()) return make_error("no contact with id " + std::to_string(id));
      const Contact& c = found->front();
      BulkUndo::Before before{id, false, c.archived, c.cadence_days};
      bool reschedule = false;
      if (e.add_tag) {
        auto has = store_->has_tag(id, *e.add_tag);
        if (!has) return make_error(has.error());
        before.had_tag = *has;
        if (!*has)
          if (Status st = store_->add_tag(id, *e.add_tag); !st) return st;
      }
      if (e.archived && *e.archived != c.archived) {
        if (Status st = store_->set_archived(id, *e.archived); !st) return st;
        reschedule |= !*e.archived;  // back in the review: due from its log
      }
      if (e.cadence_days) {
        const std::optional<int> cadence = *e.cadence_days ? e.cadence_days : std::nullopt;
        if (cadence != c.cadence_days) {
          if (Status st = store_->set_cadence(id, cadence); !st) return st;
          reschedule = true;
        }
      }
      if (reschedule)
        if (Status st = reschedule_contact(*store_, id, today); !st) return st;
      undo.before.push_back(before);
    }
    return Status::success();
  });
  if (!s) return make_error(s.error());
  return undo;
}

Status Rekindle::undo_bulk(const BulkUndo& undo, Day today) {
  const BulkEdit& e = undo.edit;
  return transact(*store_, [&]() -> Status {
    for (const BulkUndo::Before& b : undo.before) {
      bool reschedule = false;
      if (e.add_tag && !b.had_tag)
        if (Status st = store_->remove_tag(b.id, *e.add_tag); !st) return st;
      if (e.archived && *e.archived != b.archived) {
        if (Status st = store_->set_archived(b.id, b.archived); !st) return st;
        reschedule |= !b.archived;
      }
      if (e.cadence_days) {
        if (Status st = store_->set_cadence(b.id, b.cadence_days); !st) return st;
        reschedule = true;
      }
      if (reschedule)
        if (Status st = reschedule_contact(*store_, b.id, today); !st) return st;
    }
    return Status::success();
  });
}

}  // namespace rekindle::core
