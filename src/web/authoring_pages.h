// The authoring pages of the web application (issue 10, "Forms for every authoring use case"):
// objectives, fasi, indicators, stato di attuazione, strutture and soggetti coinvolti, CdR,
// persons, assessorati, aree tematiche. Each calls the use case the command line calls.
#pragma once

#include <httplib.h>

#include "web/routes.h"

namespace traguardi::web {

void register_objective_authoring(httplib::Server& s, Env& env);
void register_item_authoring(httplib::Server& s, Env& env);
void register_narrative_authoring(httplib::Server& s, Env& env);
void register_organisation_pages(httplib::Server& s, Env& env);
void register_area_pages(httplib::Server& s, Env& env);
void register_removal_pages(httplib::Server& s, Env& env);

/// Every authoring page (one call where the server registers its pages).
void register_authoring_pages(httplib::Server& s, Env& env);

/// The buttons of an objective page leading to its authoring forms, for those who may use them
/// (empty for a lettore or another CdR's responsabile).
std::string objective_authoring_links(const app::Principal& who, const Dataset& d,
                                      const Objective& o);

/// "Altre azioni" under an edit form: move or delete the fase, delete the indicator, delete the
/// objective (structure: amministratore and controllo only). Empty when none applies.
std::string removal_links(const app::Principal& who, const Objective& o, const Phase* phase,
                          const Indicator* indicator);

} // namespace traguardi::web
