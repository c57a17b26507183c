#pragma once
// Buttons for the setup screens (Sort your network, Strategy): wide rounded buttons, small
// text links and an on/off toggle, each also reporting where it was drawn so a headless
// test can click it as a user would. Owner: triage.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/theme.h"

namespace rekindle::app {

// Where a clickable thing was drawn this frame, by a stable name ("answer-1", "open-42").
struct ClickTarget {
  std::string name;
  ImVec2 center;
};
using ClickTargets = std::vector<ClickTarget>;

enum class ButtonStyle { kPrimary, kSecondary, kQuiet };

// A rounded button of the given width (height 44); label may carry "##id". A disabled one is
// drawn faint and never reports a click. key: a key hint drawn at its left ("1"), or null.
bool wide_button(const Theme& theme, const char* label, float width, ButtonStyle style, bool enabled = true,
                 const char* key = nullptr);
// A small accent-coloured text link on the current line; returns true when clicked.
bool text_link(const Theme& theme, const char* label);
// A full-width on/off row: a switch, a label, and a key hint at the right.
bool toggle_row(const Theme& theme, const char* label, bool on, bool enabled, const char* key);
// Records the last item's centre under name (when targets is not null).
void remember_target(ClickTargets* targets, std::string name);
// The visible text of a label ("Save##goal" -> "Save").
std::string visible_label(const char* label);

}  // namespace rekindle::app
