// Small pieces several plan pages share: the link to an objective, its progress cell, the
// "late" and "off target" tests the dashboard and the plan list both show.
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
/// A fase whose planned end has passed without reaching 100%.
bool is_late(const Objective& o, const Date& today);
/// An objective whose measured indicators show it below its targets.
bool is_off_target(const ObjectiveFigures& f);
std::string center_name(const Dataset& d, const std::string& code);
std::string person_label(const Dataset& d, const std::string& key);

} // namespace traguardi::web
