#pragma once
// A contact's card in the Today deck: what it shows beyond core's Card (read once per contact
// and kept in the model), and its face: avatar, name, role, warmth, why today, the last
// note, and while dragged the colour and stamp of the decision it is heading for.
#include <imgui.h>

#include <optional>
#include <string>

#include "app/theme.h"
#include "app/view_today.h"
#include "core/gesture.h"
#include "core/schedule.h"

namespace rekindle::app {

// The card's details for a contact, read from the store the first time they are needed (and
// the photo uploaded as a texture when the model has a GL context).
CardDetails& details_for(TodayModel& model, int64_t contact_id);

// The avatar: the contact's photo drawn round, or coloured initials.
void draw_face(ImDrawList* draw, ImVec2 center, float radius, const core::Card& card, const CardDetails& details,
               const Theme& theme);
// One card's face in the rectangle [min, min + size], before any transform; hint washes it
// in the colour of the direction it is dragged.
void draw_card_face(ImDrawList* draw, const core::Card& card, const CardDetails& details, ImVec2 min, ImVec2 size,
                    const Theme& theme, std::optional<core::DragHint> hint);

// Core's reasons are phrases ("never contacted yet"); on a card they start a sentence.
std::string sentence_case(std::string text);
// "Engineer at Acme", "Engineer", "Acme" or "".
std::string role_line(const core::Card& card);

}  // namespace rekindle::app
