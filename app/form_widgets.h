#pragma once
// Controls of the setup screens (Import, Settings): rounded buttons, a back link, a progress
// bar, a drop zone, a gear button. Each clickable one can note where it was drawn, so that
// headless tests click it where a user would.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/theme.h"

namespace rekindle::app {

// Where a button was drawn this frame, by its label.
struct Clickable {
  std::string label;
  ImVec2 min, max;
  ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};
using Clickables = std::vector<Clickable>;
// The button with this label, or null.
const Clickable* find_clickable(const Clickables& clickables, const std::string& label);

enum class ButtonKind { kPrimary, kSecondary };

// A rounded button width wide (0: as wide as its label needs); a disabled one is drawn faint
// and never reports a click. The label's "##suffix", if any, is not shown.
bool form_button(const Theme& theme, const char* label, float width, ButtonKind kind, bool enabled = true,
                 Clickables* where = nullptr);
// "‹ Today" in the accent colour above a screen heading; true when clicked.
bool back_link(const Theme& theme, const char* label, Clickables* where = nullptr);
// A rounded bar filled to fraction (0..1), width wide.
void progress_bar(const Theme& theme, float fraction, float width);
// A small upper-case label over a group of fields.
void section_label(const Theme& theme, const char* text);
// A round gear button whose top-right corner is at top_right; leaves the layout cursor where
// it was. True when clicked.
bool gear_button(const Theme& theme, ImVec2 top_right, Clickables* where = nullptr);
// A dashed rounded frame with an upload arrow, a title and a caption: where files can be
// dropped. Draws at the cursor, width wide, as one item.
void drop_zone(const Theme& theme, float width, const char* title, const char* caption, bool highlighted);

}  // namespace rekindle::app
