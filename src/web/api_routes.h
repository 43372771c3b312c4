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
/// POST/PATCH/DELETE of objectives, PUT of their stato di attuazione, POST and DELETE of
/// strutture and soggetti coinvolti (api_authoring.cpp).
void register_api_authoring(httplib::Server& s, Env& env, const std::string& ente_pattern,
                            const std::string& objective_pattern);
/// POST of new fasi and indicators, DELETE of one, POST …/phases/{n}/move
/// (api_item_authoring.cpp).
void register_api_item_authoring(httplib::Server& s, Env& env,
                                 const std::string& objective_pattern);
/// A PATCH of a fase or indicator that names fields beyond the progress ones (avanzamento,
/// date effettive, valori, note): it goes to the authoring use case instead of the form's.
bool is_definition_patch(const Json& body, bool phase);
void patch_item_definition(ApiCall& c, bool phase, const Json& body);
/// POST/PATCH of centri di responsabilità and persons (api_organisation.cpp).
void register_api_organisation(httplib::Server& s, Env& env, const std::string& ente_pattern);
/// GET/POST/PATCH of assessorati and aree tematiche (api_assessorati_areas.cpp).
void register_api_assessorati_areas(httplib::Server& s, Env& env, const std::string& ente_pattern);
/// GET `ente_pattern`/vistas and /objectives-sheet (api_plan_reads.cpp).
void register_api_plan_reads(httplib::Server& s, Env& env, const std::string& ente_pattern);
/// POST `ente_pattern`/sheet-imports: a legacy sheet's text, dry run and confirmation.
void register_api_sheet_import(httplib::Server& s, Env& env, const std::string& ente_pattern);
/// GET `ente_pattern`/objective-tree: the objectives as a tree, with the flat list's filters.
void register_api_tree(httplib::Server& s, Env& env, const std::string& ente_pattern);

/// GET `ente_pattern`/district, /district/evaluation, /district/statistics and
/// /district/reports/{report} (api_district.cpp).
void register_api_district(httplib::Server& s, Env& env, const std::string& ente_pattern);
/// GET `ente_pattern`/dashboard: the home page's roll-ups (api_dashboard.cpp).
void register_api_dashboard(httplib::Server& s, Env& env, const std::string& ente_pattern);

} // namespace traguardi::web
