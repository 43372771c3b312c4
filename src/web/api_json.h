// The JSON documents of /api/v1 resources, as src/web/openapi.json describes them.
//
// Values stay exact and neutral: decimals as strings of their exact digits ("45.5"), dates as
// ISO 8601 ("2026-03-31"), absent values as null. Italian formats are for pages, not for
// machines. Each record carries its `version`, which is also its ETag.
#pragma once

#include "core/figures.h"
#include "core/model.h"
#include "web/json_body.h"
#include "web/json_text.h"

namespace traguardi::web {

/// An exact decimal as the string of its digits ("45.5"), null when absent.
Json decimal_json(const std::optional<Decimal>& d);
Json ente_json(const Ente& e);
/// An objective of the flat list: identity, description, CdR, version and its two figures.
void write_objective_item(JsonText& out, const Objective& o, const ObjectiveFigures& f);
Json objective_item_json(const Objective& o, const ObjectiveFigures& f);
/// The whole objective: the list item plus texts, fasi, indicators and the computed figures
/// with their inputs and rule (app/figures_json.h, as `summary --json`).
Json objective_json(const Objective& o, const ObjectiveFigures& f);
/// A centro di responsabilità: code, names, kind, parent, head (person key), validity.
Json center_json(const ResponsibilityCenter& c);
/// A person of the ente's organisation: key (as objectives and fasi refer to it) and name.
Json person_json(const Person& p);
/// An assessorato: key (as objectives refer to it), description, deleghe.
Json assessorato_json(const Assessorato& a);
/// An area tematica of a vista: vista, number, description.
Json area_json(const ThematicArea& a);
Json phase_json(const Objective& o, const Phase& p);
Json indicator_json(const Objective& o, const Indicator& i);
/// The ETag version of an objective: the highest of its own and its fasi's and indicators'
/// (versions never repeat within an ente, so any change moves it).
std::int64_t objective_etag_version(const Objective& o);

} // namespace traguardi::web
