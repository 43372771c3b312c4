// /api/v1 fasi and indicators: GET one record with its version as ETag, PATCH the fields an
// office updates during the year through the same use cases as the web forms
// (app/form_edits.h), so rules, audit and conflicts are the forms' own.
//
// A PATCH names only the fields it changes, as exact JSON values (numbers or decimal strings,
// ISO dates, null to clear); they are turned into the forms' text and checked there. With
// `If-Match` the write applies only to that version (412 otherwise); a write that loses a race
// with another one after the check is the use case's conflict (409).
#include <fmt/format.h>

#include "app/form_edits.h"
#include "app/plan_access.h"
#include "core/italian.h"
#include "web/api_fields.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

struct FieldSpec {
  const char* name;
  FieldKind kind;
};

const std::vector<FieldSpec> kPhaseFields{{"avanzamento", FieldKind::number},
                                          {"inizio_effettivo", FieldKind::date},
                                          {"fine_effettiva", FieldKind::date},
                                          {"note", FieldKind::text}};
const std::vector<FieldSpec> kIndicatorFields{{"valore_raggiunto", FieldKind::number},
                                              {"valore_atteso", FieldKind::number},
                                              {"note", FieldKind::text}};

std::string exact_number(const std::optional<Decimal>& d) {
  return d ? italian::format_number(*d, Decimal::kScaleDigits) : "";
}
std::string date_text(const std::optional<Date>& d) {
  return d ? italian::format_date(*d) : "";
}

std::map<std::string, std::string> exact_values(const Phase& p) {
  return {{"avanzamento", exact_number(p.progress)},
          {"inizio_effettivo", date_text(p.actual_start)},
          {"fine_effettiva", date_text(p.actual_end)},
          {"note", p.note}};
}
std::map<std::string, std::string> exact_values(const Indicator& i) {
  return {{"valore_raggiunto", exact_number(i.actual)},
          {"valore_atteso", exact_number(i.target)},
          {"note", i.note}};
}

/// One JSON value as the progress form's text (null clears: ""), or the reason it is refused.
std::optional<std::string> form_text(const Json& v, FieldKind kind, std::string& why) {
  return json_field_text(v, kind, why, "", std::string::npos);
}

template <typename Record>
const Record* find_item(const std::vector<Record>& items, const std::string& order_text) {
  const int order = std::atoi(order_text.c_str());
  for (const auto& r : items)
    if (r.order == order) return &r;
  throw NotFound(fmt::format("nessun elemento numero {} in questo obiettivo", order_text));
}

void get_item(ApiCall& c, bool phase) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (phase) {
    const Phase* p = find_item(o.phases, c.req.matches[4].str());
    return send_json(c, phase_json(o, *p), etag_of(p->version));
  }
  const Indicator* i = find_item(o.indicators, c.req.matches[4].str());
  send_json(c, indicator_json(o, *i), etag_of(i->version));
}

void patch_item(ApiCall& c, bool phase) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  const Phase* p = phase ? find_item(o.phases, c.req.matches[4].str()) : nullptr;
  const Indicator* ind = phase ? nullptr : find_item(o.indicators, c.req.matches[4].str());
  if (!app::can_record_progress(c.user, *d, o))
    return send_problem(c.res, {403,
                                "",
                                "non è autorizzato a modificare questo obiettivo: "
                                "appartiene a un altro centro di responsabilità oppure "
                                "il ruolo consente solo la lettura",
                                {}});
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) return send_problem(c.res, *body.problem);
  if (is_definition_patch(body.value, phase)) return patch_item_definition(c, phase, body.value);
  const auto& specs = phase ? kPhaseFields : kIndicatorFields;
  app::RecordForm f;
  f.ente = d->ente.code;
  f.vista = o.vista;
  f.objective = o.code;
  f.order = phase ? p->order : ind->order;
  f.version = phase ? p->version : ind->version;
  f.values = phase ? exact_values(*p) : exact_values(*ind);
  f.shown = phase ? app::phase_form_values(*p) : app::indicator_form_values(*ind);
  Problem bad{422, "", "alcuni campi non sono validi: nessuna modifica è stata salvata", {}};
  for (const auto& item : body.value.items()) {
    const std::string key = item.key();
    const Json& value = item.value();
    auto spec = std::find_if(specs.begin(), specs.end(), [&](auto& s) { return key == s.name; });
    if (spec == specs.end()) {
      bad.errors.push_back({"/" + key, "", "campo non previsto o non modificabile"});
      continue;
    }
    std::string why;
    if (auto t = form_text(value, spec->kind, why))
      f.values[key] = *t;
    else
      bad.errors.push_back({"/" + key, "", why});
  }
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  const std::string if_match = c.req.get_header_value("If-Match");
  if (!if_match.empty() && if_match != "*" && if_match_version(if_match) != f.version)
    return send_problem(
        c.res, {412,
                "",
                fmt::format("l'elemento è alla versione {}, non a quella indicata in If-Match "
                            "({}): rileggerlo e riprovare; nessuna modifica è stata salvata",
                            f.version, if_match),
                {}});
  auto r = phase ? app::edit_phase_progress(c.store, c.user, f)
                 : app::edit_indicator_value(c.store, c.user, f);
  switch (r.status) {
  case app::EditStatus::saved:
  case app::EditStatus::unchanged:
    return get_item(c, phase);
  case app::EditStatus::invalid:
    for (const auto& i : r.issues)
      bad.errors.push_back({"/" + i.field, "", i.message});
    return send_problem(c.res, bad);
  case app::EditStatus::stale:
    return send_problem(c.res, {409, "", r.message, {}});
  case app::EditStatus::forbidden:
    return send_problem(c.res, {403, "", r.message, {}});
  case app::EditStatus::not_found:
    return send_problem(c.res, {404, "", r.message, {}});
  }
}

} // namespace

void register_api_items(httplib::Server& s, Env& env, const std::string& objective) {
  for (bool phase : {true, false}) {
    const std::string path =
        objective + (phase ? "/phases/([0-9]{1,6})" : "/indicators/([0-9]{1,6})");
    api_get(s, env, path, [phase](ApiCall& c) { get_item(c, phase); });
    api_patch(s, env, path, [phase](ApiCall& c) { patch_item(c, phase); });
  }
}

} // namespace traguardi::web
