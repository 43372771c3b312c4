// The audit log page (`/registro`): the changes of the ente with filters (dal, al, utente,
// obiettivo, tipo di modifica), 50 per page, newest first, each with who, when and what
// changed (prima → dopo), and the verdict of the hash chain on top. Read-only; scoping by role
// is app::audit_view's (a responsabile reads only their CdR's objectives).
#include <fmt/format.h>

#include "app/audit_view.h"
#include "app/plan_access.h"
#include "app/user_session.h"
#include "core/italian.h"
#include "web/plan_views.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

constexpr std::size_t kAuditPageSize = 50;

/// "2026-12-02T10:31:05Z" → "02/12/2026 10:31:05 UTC".
std::string when_text(const std::string& at) {
  if (at.size() < 19) return at;
  auto d = Date::parse_iso(at.substr(0, 10));
  if (!d) return at;
  return italian::format_date(*d) + " " + at.substr(11, 8) + " UTC";
}

std::string value_text(const std::string& v) {
  if (v.empty()) return "<span aria-label=\"vuoto\">—</span>";
  return esc(clip(v, 300));
}

std::string who_text(const AuditEntry& e) {
  std::string out = "<strong>" + esc(e.actor) + "</strong>";
  if (!e.os_user.empty() && e.os_user != e.actor)
    out += "<br><small>sistema: " + esc(e.os_user) + "</small>";
  if (!e.db_role.empty()) out += "<br><small>database: " + esc(e.db_role) + "</small>";
  return out;
}

std::string target_text(const Dataset& d, const AuditEntry& e) {
  if (const Objective* o = app::audit_objective(d, e))
    return "<a href=\"" + objective_href(*o) + "\">" + esc(e.target) + "</a>";
  return esc(e.target);
}

std::string verdict(const app::AuditView& v) {
  if (!v.check.ok())
    return "<div class=\"alert alert-danger mb-5\" role=\"alert\" id=\"verifica\"><h2 "
           "class=\"h5\">Registro NON integro</h2><p class=\"mb-0\">" +
           esc(v.check.problem) +
           ". Le voci da questa in poi possono essere state alterate: avvisare "
           "l'amministratore del sistema.</p></div>";
  std::string extra;
  if (v.check.unchained)
    extra = fmt::format(" ({} voci precedenti alla catena non sono verificabili)",
                        italian::format_number(Decimal::from_int(v.check.unchained), 0));
  return fmt::format("<div class=\"alert alert-success mb-5\" role=\"status\" id=\"verifica\"><h2 "
                     "class=\"h5\">Registro integro</h2><p class=\"mb-0\">Catena di hash "
                     "verificata: {} {} dell'ente {}, nessuna alterata, rimossa o "
                     "inserita{}.</p></div>",
                     italian::format_number(Decimal::from_int(v.check.entries), 0),
                     v.check.entries == 1 ? "voce" : "voci", esc(v.ente), extra);
}

std::string select(const char* name, const char* label, const std::vector<std::string>& options,
                   const std::string& chosen) {
  std::string out = fmt::format("<div class=\"col-12 col-md-6 col-lg-3 mb-3\"><div "
                                "class=\"select-wrapper\"><label for=\"f-{0}\">{1}</label>"
                                "<select id=\"f-{0}\" name=\"{0}\"><option value=\"\">Tutti"
                                "</option>",
                                name, label);
  for (const auto& o : options)
    out += fmt::format("<option value=\"{0}\"{1}>{0}</option>", esc(o),
                       o == chosen ? " selected" : "");
  return out + "</select></div></div>";
}

std::string filters(const app::AuditView& v, const app::AuditQuery& q, const std::string& ente,
                    const Error* bad) {
  auto err = [&](const char* f) { return bad && bad->where == f ? bad->message : std::string(); };
  std::string out = "<form method=\"get\" action=\"/registro\" class=\"mb-4\" role=\"search\" "
                    "aria-label=\"Filtri del registro\">";
  if (!ente.empty()) out += "<input type=\"hidden\" name=\"ente\" value=\"" + esc(ente) + "\">";
  out += "<div class=\"row\"><div class=\"col-12 col-md-6 col-lg-3\">" +
         input_field({"dal", "Dal giorno", q.from, err("dal"), "gg/mm/aaaa", "text",
                      "inputmode=\"numeric\" autocomplete=\"off\""}) +
         "</div><div class=\"col-12 col-md-6 col-lg-3\">" +
         input_field({"al", "Al giorno (compreso)", q.to, err("al"), "gg/mm/aaaa", "text",
                      "inputmode=\"numeric\" autocomplete=\"off\""}) +
         "</div><div class=\"col-12 col-md-6 col-lg-3\">" +
         input_field({"obiettivo", "Codice obiettivo", q.objective, "", "", "text",
                      "autocomplete=\"off\""}) +
         "</div>";
  out += select("utente", "Utente", v.actors, q.actor);
  out += select("azione", "Tipo di modifica", v.actions, q.action);
  out += "</div><button type=\"submit\" class=\"btn btn-primary me-2\">Filtra</button><a "
         "class=\"btn btn-outline-primary\" href=\"/registro" +
         (ente.empty() ? std::string() : "?ente=" + esc(url_encode(ente))) +
         "\">Azzera i filtri</a></form>";
  return out;
}

std::string query_of(const app::AuditQuery& q, const std::string& ente) {
  std::string out;
  for (auto [k, v] : {std::pair{"ente", &ente}, std::pair{"dal", &q.from}, std::pair{"al", &q.to},
                      std::pair{"utente", &q.actor}, std::pair{"obiettivo", &q.objective},
                      std::pair{"azione", &q.action}})
    if (!v->empty()) out += std::string(out.empty() ? "" : "&") + k + "=" + url_encode(*v);
  return out;
}

std::string entries_table(const Dataset& d, const app::AuditView& v) {
  std::string out = "<div class=\"table-responsive\"><table class=\"table table-sm tg-registro\">"
                    "<caption class=\"visually-hidden\">Modifiche registrate, dalla più "
                    "recente</caption><thead><tr><th scope=\"col\">N.</th><th "
                    "scope=\"col\">Quando</th><th scope=\"col\">Chi</th><th "
                    "scope=\"col\">Modifica</th><th scope=\"col\">Oggetto</th><th "
                    "scope=\"col\">Campo</th><th scope=\"col\">Prima → dopo</th><th "
                    "scope=\"col\">Motivo</th></tr></thead><tbody>";
  for (const auto& e : v.entries)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td>{} <span aria-hidden=\"true\">→</span><span "
                       "class=\"visually-hidden\">diventa</span> {}</td><td>{}</td></tr>",
                       e.seq ? std::to_string(e.seq) : "–", esc(when_text(e.at)), who_text(e),
                       esc(e.action), target_text(d, e), esc(e.field), value_text(e.before),
                       value_text(e.after), esc(e.reason));
  return out + "</tbody></table></div>";
}

std::string pager(const app::AuditView& v, const std::string& q) {
  if (v.pages <= 1) return {};
  std::string out = "<nav class=\"pagination-wrapper\" aria-label=\"Pagine del registro\"><ul "
                    "class=\"pagination\">";
  auto link = [&](std::size_t i, const std::string& text, const char* label) {
    out += fmt::format("<li class=\"page-item{}\"><a class=\"page-link\" "
                       "href=\"/registro?{}{}pagina={}\"{}{}>{}</a></li>",
                       i == v.page ? " active" : "", esc(q), q.empty() ? "" : "&amp;", i,
                       i == v.page ? " aria-current=\"page\"" : "",
                       label ? fmt::format(" aria-label=\"{}\"", label) : "", text);
  };
  if (v.page > 1) link(v.page - 1, "‹", "Pagina precedente");
  for (std::size_t i = 1; i <= v.pages; ++i) {
    if (v.pages > 12 && i > 2 && i + 2 < v.pages && (i + 2 < v.page || i > v.page + 2)) {
      if (i == 3 || i + 3 == v.pages)
        out += "<li class=\"page-item\"><span class=\"page-link\">…</span></li>";
      continue;
    }
    link(i, std::to_string(i), nullptr);
  }
  if (v.page < v.pages) link(v.page + 1, "›", "Pagina successiva");
  return out + "</ul></nav>";
}

void audit_page(Call& c) {
  const std::string ente = c.req.get_param_value("ente");
  auto d = app::shared_plan(c.store, c.user, ente, c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  app::AuditViewQuery q;
  q.filter.from = c.req.get_param_value("dal");
  q.filter.to = c.req.get_param_value("al");
  q.filter.actor = c.req.get_param_value("utente");
  q.filter.objective = c.req.get_param_value("obiettivo");
  q.filter.action = c.req.get_param_value("azione");
  q.per_page = kAuditPageSize;
  const std::string p = c.req.get_param_value("pagina");
  if (!p.empty() && p.size() < 7 && std::all_of(p.begin(), p.end(), ::isdigit))
    q.page = std::stoul(p);
  auto s = app::user_session(c.store, c.user, (*d)->ente.code, c.env.ws.shown_location());
  auto v = app::audit_view(s, c.user, **d, q);
  std::string body;
  int status = 200;
  if (!v) {
    // A wrong date: the form again, with the message next to the field, and no entries.
    if (v.error().kind != ErrorKind::invalid_input) app::raise(v.error());
    const Error bad = v.error();
    app::AuditViewQuery none = q;
    none.filter.from.clear();
    none.filter.to.clear();
    auto all = app::audit_view(s, c.user, **d, none);
    if (!all) app::raise(all.error());
    body = verdict(*all) + alert("danger", "Filtro non applicato: " + bad.message + ".") +
           filters(*all, q.filter, ente, &bad);
    status = 400;
  } else {
    body = verdict(*v);
    if (v->scoped)
      body += alert("info", "Vede le modifiche degli obiettivi del suo centro di "
                            "responsabilità e dei centri che ne dipendono.");
    body += filters(*v, q.filter, ente, nullptr);
    body += fmt::format(
        "<p role=\"status\">{} {}{}.</p>",
        italian::format_number(Decimal::from_int(static_cast<std::int64_t>(v->total)), 0),
        v->total == 1 ? "modifica trovata" : "modifiche trovate",
        v->pages > 1 ? fmt::format(" (pagina {} di {})", v->page, v->pages) : "");
    if (!v->entries.empty()) body += entries_table(**d, *v);
    body += pager(*v, query_of(q.filter, ente));
  }
  PageFrame fr = frame(c, "Registro delle modifiche", "registro", d->get());
  fr.crumbs = {{"Cruscotto", "/"}, {"Registro delle modifiche", ""}};
  send_html(c.res, render_page(fr, body), status);
}

} // namespace

void register_audit_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/registro", audit_page);
}

} // namespace traguardi::web
