// Small pieces several plan pages share: the link to an objective, its progress cell, the
// names of centres and persons. (The "late" and "off target" tests are app/dashboard.h.)
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/figures.h"
#include "core/model.h"

namespace traguardi::web {

std::string objective_href(const Objective& o);
/// "45,00%" or "—" with a screen-reader text for "non disponibile".
std::string percent_text(const std::optional<Decimal>& v);
/// A progress bar (Bootstrap Italia) with its value as text.
std::string progress_cell(const std::optional<Decimal>& v);
std::string center_name(const Dataset& d, const std::string& code);
std::string person_label(const Dataset& d, const std::string& key);

} // namespace traguardi::web
