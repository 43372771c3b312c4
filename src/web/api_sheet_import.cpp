// /api/v1 sheet import (issue 11): a legacy sheet's text uploaded as the request body, analysed
// by a dry run, then confirmed — through app/sheet_upload.h, the `import-sheet` use case.
//
// The server keeps nothing between the two requests (several processes may stand behind a
// proxy): the dry run answers the findings, the census and a seal (HMAC over the file name,
// options and bytes, keyed by the caller's token and the ente); the confirmation sends the same
// body with `sigillo`, and a body or options changed in between are refused (412) before
// anything is parsed. Only amministratore and controllo import; the audit records the caller.
#include <algorithm>

#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/sheet_upload.h"
#include "web/api_fields.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

/// "file:line: SEVERITÀ: message" (import_sheets' findings) as a JSON object.
Json finding_json(const std::string& text) {
  std::size_t at = std::string::npos;
  std::string severity = "INFO";
  for (const char* label : {"ERRORE", "AVVISO", "INFO"}) {
    const std::size_t p = text.find(fmt::format(": {}: ", label));
    if (p < at) {
      at = p;
      severity = label;
    }
  }
  if (at == std::string::npos)
    return Json{{"file", ""}, {"line", nullptr}, {"severity", "INFO"}, {"message", text}};
  std::string file = text.substr(0, at);
  Json line = nullptr;
  const std::size_t colon = file.rfind(':');
  if (colon != std::string::npos && colon + 1 < file.size() && file.size() - colon <= 9 &&
      std::all_of(file.begin() + colon + 1, file.end(), ::isdigit)) {
    line = std::stoi(file.substr(colon + 1));
    file.resize(colon);
  }
  return Json{{"file", file},
              {"line", line},
              {"severity", severity},
              {"message", text.substr(at + severity.size() + 4)}};
}

Json outcome_json(const app::SheetImportOutcome& o, bool dry_run, const std::string& seal) {
  Json findings = Json::array();
  for (const auto& f : o.findings)
    findings.push_back(finding_json(f));
  Json changes = Json::array();
  for (const auto& ch : o.changes)
    changes.push_back(Json{{"vista", ch.vista},
                           {"code", ch.code},
                           {"description", ch.description},
                           {"kind", ch.kind},
                           {"phases", ch.phases},
                           {"indicators", ch.indicators}});
  return Json{{"dry_run", dry_run},
              {"written", o.written},
              {"nothing_to_do", o.nothing_to_do},
              {"ente", o.ente},
              {"sheet_ente", o.sheet_ente},
              {"seal", seal.empty() ? Json(nullptr) : Json(seal)},
              {"census",
               {{"sheets", o.sheets},
                {"objectives", o.objectives},
                {"phases", o.phases},
                {"indicators", o.indicators},
                {"added", o.added},
                {"updated", o.updated},
                {"unchanged", o.unchanged},
                {"errors", o.errors},
                {"warnings", o.warnings},
                {"infos", o.infos}}},
              {"findings", std::move(findings)},
              {"changes", std::move(changes)}};
}

/// "true"/"false"/absent as a flag, or nullopt with a 400 sent.
std::optional<bool> flag(ApiCall& c, const char* name) {
  const std::string v = c.req.get_param_value(name);
  if (v.empty() || v == "false") return false;
  if (v == "true") return true;
  send_problem(
      c.res,
      {400, "", fmt::format("parametro {} non valido", name), {{"", name, "atteso true o false"}}});
  return std::nullopt;
}

void import_sheet(ApiCall& c) {
  auto d = api_plan(c); // first: another ente is "not found", never "forbidden"
  if (!app::can_author_plan(c.user))
    return send_forbidden(c, "l'importazione delle schede è riservata ad amministratore e "
                             "controllo di gestione");
  const auto dry_run = flag(c, "dry_run");
  const auto partial = flag(c, "parziale");
  const auto overwrite = flag(c, "sovrascrivi");
  if (!dry_run || !partial || !overwrite) return;
  const std::string type = c.req.get_header_value("Content-Type");
  if (type.rfind("text/plain", 0) != 0 && type.rfind("application/octet-stream", 0) != 0)
    return send_problem(c.res, {415,
                                "",
                                "il corpo deve essere il testo della scheda (Content-Type "
                                "text/plain)",
                                {}});
  if (c.req.body.size() > app::kMaxSheetUploadBytes)
    return send_problem(c.res, {413,
                                "",
                                fmt::format("la scheda supera i {} MiB accettati",
                                            app::kMaxSheetUploadBytes / (1024 * 1024)),
                                {}});
  app::SheetUpload u;
  u.name = app::upload_display_name(c.req.get_param_value("nome"));
  u.bytes = c.req.body;
  u.partial = *partial;
  u.overwrite = *overwrite;
  const std::string secret = c.user.token_hash + "\n" + d->ente.code;
  if (!*dry_run) {
    const std::string seal = c.req.get_param_value("sigillo");
    if (seal.empty())
      return send_problem(c.res, {400,
                                  "",
                                  "manca il sigillo della prova",
                                  {{"", "sigillo",
                                    "inviare prima la scheda con dry_run=true e ripetere la "
                                    "richiesta con il sigillo (seal) ricevuto"}}});
    if (!app::sheet_upload_seal_matches(u, secret, seal))
      return send_problem(c.res, {412,
                                  "",
                                  "la scheda, il nome o le opzioni non sono quelli della prova "
                                  "(o il sigillo è di un altro token): ripetere la prova; "
                                  "nessuna modifica è stata salvata",
                                  {}});
  }
  auto s = api_session(c, d->ente.code);
  auto out = app::import_sheet_upload(s, u, *dry_run);
  if (!out)
    return send_problem(c.res, {out.error().kind == ErrorKind::conflict ? 409 : 422,
                                "",
                                out.error().message,
                                {{"", "", out.error().message}}});
  if (!*dry_run && out->errors > 0) {
    Problem p{422,
              "",
              fmt::format("la scheda ha {} errori: nessuna modifica è stata salvata", out->errors),
              {}};
    for (const auto& f : out->findings)
      if (finding_json(f)["severity"] == "ERRORE") p.errors.push_back({"", "", f});
    return send_problem(c.res, p);
  }
  send_json(c, outcome_json(*out, *dry_run, *dry_run ? app::seal_sheet_upload(u, secret) : ""));
}

} // namespace

void register_api_sheet_import(httplib::Server& s, Env& env, const std::string& ente) {
  api_post(s, env, ente + "/sheet-imports", import_sheet);
}

} // namespace traguardi::web
