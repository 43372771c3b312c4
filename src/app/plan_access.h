// Which plan data a signed-in web user may read and change (issue 10, "Roles and security").
//
// One place decides scoping so that no page, form or download forgets it: a user bound to an
// ente only ever loads that ente; a responsabile changes only objectives and fasi of their CdR
// and its sub-centres; a lettore changes nothing; controllo and amministratore change the whole
// plan of their ente; only an amministratore manages users.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/auth.h"
#include "app/plan_cache.h"
#include "core/error.h"
#include "core/model.h"
#include "store/store.h"

namespace traguardi::app {

/// The enti the user may open: their own, or every stored one for a national amministratore.
std::vector<Ente> visible_enti(Store& store, const Principal& p);
/// The plan of `requested` (empty: the user's ente, else the first visible). NotFound (never
/// "forbidden", so ids of other enti are not confirmed) when the user may not see it.
Result<Dataset> load_plan(Store& store, const Principal& p, std::string_view requested);

/// Same rules, for pages that only read: the plan may come from `cache`.
Result<std::shared_ptr<const Dataset>> shared_plan(Store& store, const Principal& p,
                                                   std::string_view requested, PlanCache& cache);

bool can_record_progress(const Principal& p, const Dataset& d, const Objective& o);
bool can_author_plan(const Principal& p);
bool can_manage_users(const Principal& p);

/// Objectives the user is expected to fill: those they may update whose fasi lack an
/// avanzamento or whose indicators lack a valore raggiunto (controllo and amministratore:
/// none, they oversee; responsabile: their CdR subtree).
std::vector<const Objective*> objectives_to_fill(const Principal& p, const Dataset& d);

} // namespace traguardi::app
