// The progress forms of an objective page: the avanzamento of a fase, the value of an
// indicator. Each form carries the version and the values it was loaded with; an invalid
// submission comes back with messages next to the fields (400), a stale one with a 409 page
// showing what changed meanwhile and keeping what the user typed.
#pragma once

#include <httplib.h>

#include "web/routes.h"

namespace traguardi::web {

void register_progress_forms(httplib::Server& s, Env& env);

} // namespace traguardi::web
