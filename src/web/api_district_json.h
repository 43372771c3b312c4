// The JSON documents of a Piano di Zona under /api/v1/enti/{ente}/district, as
// src/web/openapi.json describes them: the same data the /distretto pages show (plan with the
// link figures, evaluation, territorial statistics), with exact decimals as strings and the
// report's printed tables as the text the page shows.
#pragma once

#include "app/district_views.h"
#include "web/json_body.h"

namespace traguardi::web {

/// The ambito, its comuni and governance, the areas, the macro-obiettivi with their placements,
/// actions and the linked PEG objectives of member comuni with their figures and means, the
/// annual strategic objectives.
Json district_plan_json(const app::DistrictView& v);
/// Every row of the evaluation of the previous plan with its measured outcomes.
Json district_evaluation_json(const Dataset& ambito);
/// Formulas and aggregations, the printed-vs-computed checks, the stored values and the
/// report's sections (tables with their district rows) as text.
Json district_statistics_json(const Dataset& ambito);

} // namespace traguardi::web
