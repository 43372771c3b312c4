// Upload of a legacy sheet (`import-sheet` in the browser), for amministratore and controllo:
// GET /importa the form; POST /importa/prova analyses the uploaded text and shows the findings,
// the objectives, fasi and indicators it would create or update, writing nothing; POST
// /importa/conferma applies it. The server keeps no state between the two steps: the dry-run
// page carries the file back in a hidden field (base64) sealed with an HMAC keyed by the
// session's form token (app/sheet_upload.h), which the confirmation re-checks.
#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/sheet_upload.h"
#include "app/user_session.h"
#include "core/italian.h"
#include "core/normalize.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

constexpr std::size_t kFindingsShown = 500;

bool allowed(Call& c) {
  if (app::can_author_plan(c.user)) return true;
  error_page(c, 403, "Accesso negato",
             "Solo l'amministratore e il controllo di gestione importano le schede. Nessun dato "
             "è stato scritto.");
  return false;
}

std::string num(std::int64_t n) {
  return italian::format_number(Decimal::from_int(n), 0);
}

std::string checkbox(const char* name, const char* label, bool on, const char* hint) {
  return fmt::format("<div class=\"form-check mb-3\"><input id=\"f-{0}\" type=\"checkbox\" "
                     "name=\"{0}\" value=\"1\" aria-describedby=\"h-{0}\"{1}><label "
                     "for=\"f-{0}\">{2}</label><small id=\"h-{0}\" class=\"form-text "
                     "d-block\">{3}</small></div>",
                     name, on ? " checked" : "", label, hint);
}

std::string options_html(bool partial, bool overwrite) {
  return checkbox("parziale", "Importa anche le righe lette solo in parte", partial,
                  "Senza questa scelta una riga non letta per intero annulla l'importazione.") +
         checkbox("sovrascrivi", "Sovrascrivi i valori modificati a mano", overwrite,
                  "Senza questa scelta i valori modificati a mano dopo l'importazione "
                  "precedente restano, e sono segnalati.");
}

/// The ente of a national amministratore's `?ente=`, in the query string of the form actions
/// (a multipart body has no parameters).
std::string ente_query(const std::string& ente) {
  return ente.empty() ? std::string() : "?ente=" + esc(url_encode(ente));
}

void upload_form(Call& c, const Dataset& d, const std::string& error, int status) {
  const std::string ente = c.req.get_param_value("ente");
  std::string body = "<p>Carichi il testo estratto (.txt) di una <strong>scheda "
                     "obiettivi</strong> o di una <strong>scheda PEG di "
                     "rendicontazione</strong> del vecchio programma. Prima viene mostrato "
                     "cosa cambierebbe nell'ente <strong>" +
                     esc(d.ente.name) + "</strong>; nulla viene scritto finché non conferma.</p>";
  if (!error.empty()) body += alert("danger", "File non analizzato: " + error + ".");
  body += "<div class=\"row\"><div class=\"col-lg-8\"><form method=\"post\" "
          "action=\"/importa/prova" +
          ente_query(ente) + "\" enctype=\"multipart/form-data\" novalidate>" + csrf_field(c.user);
  body += fmt::format(
      "<div class=\"form-group mb-4\"><label for=\"f-scheda\" class=\"active\">File della "
      "scheda (testo, al massimo {} MB)</label><input type=\"file\" id=\"f-scheda\" "
      "name=\"scheda\" class=\"form-control{}\" accept=\".txt,text/plain\" required "
      "aria-describedby=\"h-scheda{}\"{}><small id=\"h-scheda\" class=\"form-text\">Il PDF va "
      "prima convertito in testo (pdftotext -layout) oppure importato da riga di comando."
      "</small>{}</div>",
      app::kMaxSheetUploadBytes / (1024 * 1024), error.empty() ? "" : " is-invalid",
      error.empty() ? "" : " e-scheda", error.empty() ? "" : " aria-invalid=\"true\"",
      error.empty()
          ? ""
          : "<div id=\"e-scheda\" class=\"invalid-feedback d-block\">" + esc(error) + "</div>");
  body += options_html(false, false);
  body += "<button type=\"submit\" class=\"btn btn-primary\">Analizza senza scrivere</button>"
          "</form></div></div>";
  PageFrame fr = frame(c, "Importa una scheda", "importa", &d);
  fr.crumbs = {{"Cruscotto", "/"}, {"Importa una scheda", ""}};
  send_html(c.res, render_page(fr, body), status);
}

std::string census(const app::SheetImportOutcome& r) {
  std::string out = fmt::format(
      "<ul class=\"list-unstyled\" id=\"censimento\"><li><strong>{}</strong> obiettivi: "
      "<strong>{}</strong> nuovi, <strong>{}</strong> aggiornati, <strong>{}</strong> "
      "invariati</li><li><strong>{}</strong> fasi e <strong>{}</strong> indicatori nelle "
      "schede</li><li>Segnalazioni: <strong>{}</strong> errori, <strong>{}</strong> avvisi, "
      "<strong>{}</strong> informazioni</li></ul>",
      num(r.objectives), num(r.added), num(r.updated), num(r.unchanged), num(r.phases),
      num(r.indicators), num(r.errors), num(r.warnings), num(r.infos));
  if (r.changes.empty()) return out;
  out += "<div class=\"table-responsive\"><table class=\"table table-sm\"><caption>Obiettivi "
         "delle schede e cosa cambierebbe</caption><thead><tr><th scope=\"col\">Vista</th><th "
         "scope=\"col\">Codice</th><th scope=\"col\">Descrizione</th><th "
         "scope=\"col\">Fasi</th><th scope=\"col\">Indicatori</th><th "
         "scope=\"col\">Esito</th></tr></thead><tbody>";
  for (const auto& ch : r.changes)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "</tr>",
                       esc(ch.vista), esc(ch.code), esc(clip(ch.description, 160)), ch.phases,
                       ch.indicators, esc(ch.kind));
  return out + "</tbody></table></div>";
}

std::string findings(const app::SheetImportOutcome& r) {
  if (r.findings.empty()) return "<p>Nessuna segnalazione.</p>";
  std::string out = "<h2 class=\"h4 mt-4\">Segnalazioni</h2><ol class=\"tg-findings\" "
                    "id=\"segnalazioni\">";
  for (std::size_t i = 0; i < r.findings.size() && i < kFindingsShown; ++i)
    out += "<li><code>" + esc(r.findings[i]) + "</code></li>";
  out += "</ol>";
  if (r.findings.size() > kFindingsShown)
    out += "<p>… e altre " + num(static_cast<std::int64_t>(r.findings.size() - kFindingsShown)) +
           " segnalazioni (l'elenco completo con «traguardi import-sheet --dry-run»).</p>";
  return out;
}

std::string confirm_form(Call& c, const app::SheetUpload& u, const std::string& ente) {
  // Multipart: Debian's cpp-httplib refuses url-encoded bodies over 8 KB (413).
  return "<form method=\"post\" action=\"/importa/conferma" + ente_query(ente) +
         "\" enctype=\"multipart/form-data\" class=\"mt-4\">" + csrf_field(c.user) +
         "<input type=\"hidden\" name=\"nome\" value=\"" + esc(u.name) +
         "\"><input type=\"hidden\" name=\"contenuto\" value=\"" + app::encode_base64(u.bytes) +
         "\"><input type=\"hidden\" name=\"impronta\" value=\"" +
         app::seal_sheet_upload(u, c.user.csrf) + "\">" +
         (u.partial ? "<input type=\"hidden\" name=\"parziale\" value=\"1\">" : "") +
         (u.overwrite ? "<input type=\"hidden\" name=\"sovrascrivi\" value=\"1\">" : "") +
         "<button type=\"submit\" class=\"btn btn-primary me-2\">Conferma e importa</button>"
         "<a class=\"btn btn-outline-primary\" href=\"/importa\">Annulla</a></form>";
}

std::string ente_notice(const app::SheetImportOutcome& r) {
  std::string out =
      "<p>Ente di destinazione: <strong>" + esc(r.ente_name) + "</strong> (" + esc(r.ente) + ").";
  if (!r.sheet_ente.empty()) out += " Ente scritto nelle schede: «" + esc(r.sheet_ente) + "».";
  out += "</p>";
  if (!r.sheet_ente.empty() && matching_key(r.sheet_ente) != matching_key(r.ente_name))
    out += alert("warning", "Le schede sono di un altro ente («" + r.sheet_ente +
                                "»): confermando, i loro obiettivi entrano nel piano di «" +
                                r.ente_name + "». Annulli se non è ciò che vuole.");
  return out;
}

struct Loaded {
  std::shared_ptr<const Dataset> plan;
  app::Session session;
};

std::optional<Loaded> load(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) {
    error_page(c, 404, "Ente non trovato", d.error().message);
    return std::nullopt;
  }
  return Loaded{*d, app::user_session(c.store, c.user, (*d)->ente.code, c.env.ws.shown_location())};
}

void page(Call& c, const Dataset& d, const std::string& title, const std::string& body,
          int status) {
  PageFrame fr = frame(c, title, "importa", &d);
  fr.crumbs = {{"Cruscotto", "/"}, {"Importa una scheda", "/importa"}, {title, ""}};
  send_html(c.res, render_page(fr, body), status);
}

/// A field of a multipart form (or of a url-encoded one).
std::string part(const httplib::Request& req, const char* name) {
  if (req.has_param(name)) return req.get_param_value(name);
  return req.has_file(name) ? req.get_file_value(name).content : std::string();
}

void dry_run(Call& c) {
  if (!allowed(c)) return;
  auto l = load(c);
  if (!l) return;
  if (!c.req.has_file("scheda") || c.req.get_file_value("scheda").filename.empty())
    return upload_form(c, *l->plan, "scegliere il file della scheda", 400);
  const auto file = c.req.get_file_value("scheda");
  app::SheetUpload u{app::upload_display_name(file.filename), file.content,
                     !part(c.req, "parziale").empty(), !part(c.req, "sovrascrivi").empty()};
  auto r = app::import_sheet_upload(l->session, u, true);
  if (!r) return upload_form(c, *l->plan, r.error().message, 400);
  std::string body = "<p class=\"lead\">Analisi di «" + esc(u.name) +
                     "»: nulla è stato ancora scritto.</p>" + ente_notice(*r);
  if (r->errors > 0)
    body += alert("danger", "L'importazione non è possibile: le segnalazioni di errore qui "
                            "sotto vanno risolte (o scelta l'importazione parziale). Nessun "
                            "dato è stato scritto.");
  else if (r->nothing_to_do)
    body += alert("info", "La scheda è già importata: confermare non cambierebbe nulla.");
  else
    body += alert("info", "Controlli le segnalazioni e gli obiettivi qui sotto, poi confermi "
                          "per importarli.");
  body += census(*r) + findings(*r);
  if (r->errors == 0 && !r->nothing_to_do)
    body += confirm_form(c, u, c.req.get_param_value("ente"));
  else
    body += "<p class=\"mt-4\"><a class=\"btn btn-outline-primary\" href=\"/importa\">Carica "
            "un altro file</a></p>";
  page(c, *l->plan, "Prova di importazione", body, r->errors > 0 ? 422 : 200);
}

void confirm(Call& c) {
  if (!allowed(c)) return;
  auto l = load(c);
  if (!l) return;
  auto bytes = app::decode_base64(part(c.req, "contenuto"));
  app::SheetUpload u{part(c.req, "nome"), bytes ? *bytes : std::string(),
                     !part(c.req, "parziale").empty(), !part(c.req, "sovrascrivi").empty()};
  if (!bytes || !app::sheet_upload_seal_matches(u, c.user.csrf, part(c.req, "impronta")))
    return error_page(c, 403, "Conferma rifiutata",
                      "Il file da importare non è quello analizzato nella prova (è stato "
                      "modificato, oppure la prova è di un'altra sessione): caricarlo di nuovo. "
                      "Nessun dato è stato scritto.");
  auto r = app::import_sheet_upload(l->session, u, false);
  if (!r)
    return error_page(c, http_status(r.error().kind), "Importazione non riuscita",
                      r.error().message + ". Nessun dato è stato scritto.");
  std::string body = ente_notice(*r);
  if (r->errors > 0)
    body += alert("danger", "Importazione annullata per gli errori segnalati: nessun dato è "
                            "stato scritto.");
  else if (r->written)
    body += alert("success", fmt::format("Scheda «{}» importata nell'ente {}: {} obiettivi nuovi, "
                                         "{} aggiornati.",
                                         u.name, r->ente_name, r->added, r->updated));
  else
    body += alert("info", "Nessuna modifica: la scheda era già importata.");
  body += census(*r) + findings(*r);
  body += "<p class=\"mt-4\"><a class=\"btn btn-primary me-2\" href=\"/piano\">Vai al piano</a>"
          "<a class=\"btn btn-outline-primary\" href=\"/registro?azione=importazione\">Vedi nel "
          "registro</a></p>";
  page(c, *l->plan, "Importazione", body, r->errors > 0 ? 422 : 200);
}

} // namespace

void register_upload_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/importa", [](Call& c) {
    if (!allowed(c)) return;
    auto l = load(c);
    if (l) upload_form(c, *l->plan, "", 200);
  });
  post_form(s, env, "/importa/prova", dry_run);
  post_form(s, env, "/importa/conferma", confirm);
}

} // namespace traguardi::web
