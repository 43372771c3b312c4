#include "web/objective_forms.h"

#include <fmt/format.h>

#include "app/form_edits.h"
#include "app/plan_access.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

struct FormSpec {
  const char* kind;  // "fase" or "indicatore"
  const char* title; // "Aggiorna la fase"
  std::vector<Field> fields;
};

FormSpec spec_for(bool phase) {
  if (phase)
    return {"fase",
            "Aggiorna la fase",
            {{"avanzamento", "Avanzamento (%)", "", "", "Da 0 a 100, per esempio 45,5", "text",
              "inputmode=\"decimal\""},
             {"inizio_effettivo", "Inizio effettivo", "", "", "Formato gg/mm/aaaa", "text", ""},
             {"fine_effettiva", "Fine effettiva", "", "", "Formato gg/mm/aaaa", "text", ""},
             {"note", "Note", "", "", "", "text", ""}}};
  return {"indicatore",
          "Aggiorna l'indicatore",
          {{"valore_raggiunto", "Valore raggiunto", "", "", "Per esempio 1.234,56", "text",
            "inputmode=\"decimal\""},
           {"valore_atteso", "Valore atteso", "", "", "Per esempio 1.234,56", "text",
            "inputmode=\"decimal\""},
           {"note", "Note", "", "", "", "text", ""}}};
}

/// The form with `typed` values, the `shown` originals as hidden fields and the version.
std::string form_html(const Call& c, const FormSpec& spec, const std::string& action,
                      std::int64_t version, const std::map<std::string, std::string>& typed,
                      const std::map<std::string, std::string>& shown,
                      const std::vector<app::FieldIssue>& issues) {
  std::string out = "<form method=\"post\" action=\"" + esc(action) +
                    "\" enctype=\"multipart/form-data\" class=\"tg-form\" novalidate>" +
                    csrf_field(c.user) +
                    fmt::format("<input type=\"hidden\" name=\"versione\" value=\"{}\">", version);
  for (const auto& [k, v] : shown)
    out += "<input type=\"hidden\" name=\"orig_" + esc(k) + "\" value=\"" + esc(v) + "\">";
  for (Field f : spec.fields) {
    if (auto it = typed.find(f.name); it != typed.end()) f.value = it->second;
    for (const auto& i : issues)
      if (i.field == f.name) f.error = i.message;
    out += input_field(f);
  }
  return out +
         "<button type=\"submit\" class=\"btn btn-primary me-2\">Salva</button>"
         "<a class=\"btn btn-outline-primary\" href=\"" +
         esc(action.substr(0, action.rfind('/', action.rfind('/') - 1))) + "\">Annulla</a></form>";
}

struct Target {
  Dataset d;
  const Objective* o = nullptr;
  const Phase* phase = nullptr;
  const Indicator* indicator = nullptr;
};

/// Loads the fase or indicator named by the URL; answers 404/403 itself when it cannot.
bool locate(Call& c, bool phase, Target& t) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) {
    error_page(c, 404, "Ente non trovato", d.error().message);
    return false;
  }
  t.d = **d;
  t.o = find_objective(t.d, c.req.matches[1].str(), c.req.matches[2].str());
  const int order = std::atoi(c.req.matches[3].str().c_str());
  if (t.o) {
    if (phase)
      for (const auto& p : t.o->phases)
        if (p.order == order) t.phase = &p;
    if (!phase)
      for (const auto& i : t.o->indicators)
        if (i.order == order) t.indicator = &i;
  }
  if (!t.phase && !t.indicator) {
    error_page(c, 404, "Non trovato", "La fase o l'indicatore richiesto non esiste.");
    return false;
  }
  if (!app::can_record_progress(c.user, t.d, *t.o)) {
    error_page(c, 403, "Accesso negato",
               "Non è autorizzato ad aggiornare questo obiettivo: appartiene a un altro centro "
               "di responsabilità oppure il suo ruolo consente solo la lettura.");
    return false;
  }
  return true;
}

std::string heading_of(const Target& t) {
  if (t.phase) return fmt::format("Fase {} – {}", t.phase->order, t.phase->description);
  return fmt::format("Indicatore {} – {}", t.indicator->order, t.indicator->description);
}

void show(Call& c, const Target& t, const FormSpec& spec, std::string top, int status,
          const std::map<std::string, std::string>& typed, std::int64_t version,
          const std::map<std::string, std::string>& shown,
          const std::vector<app::FieldIssue>& issues) {
  PageFrame fr = frame(c, spec.title, "piano", &t.d);
  fr.crumbs = {{"Cruscotto", "/"},
               {"Piano degli obiettivi", "/piano"},
               {t.o->code, objective_href(*t.o)},
               {spec.title, ""}};
  std::string body = "<p class=\"lead\">" + esc(heading_of(t)) + "</p>" + top;
  body += "<div class=\"row\"><div class=\"col-lg-8\">" +
          form_html(c, spec, c.req.path, version, typed, shown, issues) + "</div></div>";
  send_html(c.res, render_page(fr, body), status);
}

void get_form(Call& c, bool phase) {
  Target t;
  if (!locate(c, phase, t)) return;
  auto values = phase ? app::phase_form_values(*t.phase) : app::indicator_form_values(*t.indicator);
  show(c, t, spec_for(phase), "", 200, values, phase ? t.phase->version : t.indicator->version,
       values, {});
}

std::string stale_summary(const app::EditResult& r) {
  std::string out = alert("warning", "Modifica non salvata: " + r.message + ".");
  if (r.meanwhile.empty()) return out;
  out += "<h2 class=\"h5\">Cosa è cambiato nel frattempo</h2><div class=\"table-responsive\">"
         "<table class=\"table table-sm\"><thead><tr><th scope=\"col\">Campo</th><th "
         "scope=\"col\">Quando ha aperto il modulo</th><th scope=\"col\">Valore attuale</th>"
         "</tr></thead><tbody>";
  for (const auto& d : r.meanwhile)
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", esc(d.label),
                       esc(d.shown.empty() ? "(vuoto)" : d.shown),
                       esc(d.current.empty() ? "(vuoto)" : d.current));
  return out + "</tbody></table></div><p>Il modulo qui sotto conserva i valori che ha scritto "
               "ed è aggiornato alla versione attuale: li controlli e salvi di nuovo.</p>";
}

void post_form_values(Call& c, bool phase) {
  Target t;
  if (!locate(c, phase, t)) return;
  const FormSpec spec = spec_for(phase);
  app::RecordForm f;
  f.ente = t.d.ente.code;
  f.vista = t.o->vista;
  f.objective = t.o->code;
  f.order = phase ? t.phase->order : t.indicator->order;
  const std::string v = c.req.get_param_value("versione");
  f.version = v.empty() || v.size() > 18 ? -1 : std::atoll(v.c_str());
  for (const auto& fld : spec.fields) {
    f.values[fld.name] = c.req.get_param_value(fld.name);
    if (c.req.has_param("orig_" + fld.name))
      f.shown[fld.name] = c.req.get_param_value("orig_" + fld.name);
  }
  auto r = phase ? app::edit_phase_progress(c.store, c.user, f)
                 : app::edit_indicator_value(c.store, c.user, f);
  switch (r.status) {
  case app::EditStatus::saved:
  case app::EditStatus::unchanged:
    redirect(c.res, objective_href(*t.o) + (phase ? "#fasi" : "#indicatori"));
    return;
  case app::EditStatus::invalid:
    return show(c, t, spec, alert("danger", "Modifica non salvata: " + r.message + "."), 400,
                f.values, f.version, f.shown, r.issues);
  case app::EditStatus::stale: {
    std::map<std::string, std::string> now;
    for (const auto& d : r.meanwhile)
      now[d.field] = d.current;
    auto shown = f.shown;
    for (const auto& [k, val] : now)
      shown[k] = val;
    return show(c, t, spec, stale_summary(r), 409, f.values, r.version, shown, {});
  }
  case app::EditStatus::forbidden:
    return error_page(c, 403, "Accesso negato", r.message);
  case app::EditStatus::not_found:
    return error_page(c, 404, "Non trovato", r.message);
  }
}

} // namespace

void register_progress_forms(httplib::Server& s, Env& env) {
  const std::string base = "/obiettivo/([^/]+)/([^/]+)/";
  get_page(s, env, base + "fase/([0-9]{1,6})", [](Call& c) { get_form(c, true); });
  get_page(s, env, base + "indicatore/([0-9]{1,6})", [](Call& c) { get_form(c, false); });
  post_form(s, env, base + "fase/([0-9]{1,6})", [](Call& c) { post_form_values(c, true); });
  post_form(s, env, base + "indicatore/([0-9]{1,6})", [](Call& c) { post_form_values(c, false); });
}

} // namespace traguardi::web
