// /api/v1 handlers shared between the read endpoints (api_routes.cpp) and the fasi and
// indicators (api_items.cpp), which read and change one record at a time.
#pragma once

#include <memory>
#include <string>

#include "web/api_access.h"

namespace traguardi::web {

/// The plan of the ente in the path (first capture); NotFound when the caller may not see it.
std::shared_ptr<const Dataset> api_plan(ApiCall& c);
/// The objective of the path (captures 2 and 3: vista and code); NotFound when absent.
const Objective& api_objective(const Dataset& d, ApiCall& c);
/// GET and PATCH of `objective_pattern`/phases/{n} and /indicators/{n}.
void register_api_items(httplib::Server& s, Env& env, const std::string& objective_pattern);

} // namespace traguardi::web
