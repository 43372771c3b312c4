// The API's JSON texts of one plan version, drawn once (app/view_memo.h) as the pages draw
// their charts once: an objective's document and its item of the flat list depend only on the
// plan, which PlanCache hands out as the same object until it changes, so the text remembered
// against that object is exactly what the request would compute again. Access is checked
// before (the plan is only reached through api_plan), never by the memo.
#pragma once

#include <memory>
#include <string>

#include "core/model.h"
#include "web/api_access.h"

namespace traguardi::web {

/// The objective's whole document (objective_json with its figures), as JSON text.
std::string memo_objective_json(ApiCall& c, const std::shared_ptr<const Dataset>& d,
                                const Objective& o);
/// The objective's item of the flat list and of the tree (write_objective_item), as JSON text.
std::string memo_objective_item(ApiCall& c, const std::shared_ptr<const Dataset>& d,
                                const Objective& o);

} // namespace traguardi::web
