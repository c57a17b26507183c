#pragma once
// Where the user's data lives, and what day it is: the only places that read the
// environment and the clock.
#include <string>

#include "core/date.h"

namespace rekindle::platform {

// $XDG_DATA_HOME/rekindle, else ~/.local/share/rekindle.
std::string data_folder();
// The database used when neither --db nor REKINDLE_DB is given.
std::string default_database_path();
// Today's date in local time.
core::Day today_local();

}  // namespace rekindle::platform
