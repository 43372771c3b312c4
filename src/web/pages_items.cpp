// Fasi and indicators of an objective in the web: add one, edit every field of its definition
// (/obiettivo/V/C/fase/nuova, …/fase/N/modifica, …/indicatore/nuovo, …/indicatore/N/modifica),
// through the use cases of `traguardi phase|indicator add|edit` (app/item_authoring.h). The
// avanzamento-only forms (…/fase/N, …/indicatore/N) stay in objective_forms.cpp.
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/item_authoring.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

using Kind = FormField::Kind;

const char* kDate = "Formato gg/mm/aaaa";

std::vector<FormField> phase_fields(const Dataset& d) {
  return {{"descrizione", "Descrizione", "", Kind::textarea, {}, "", true},
          {"peso",
           "Peso (%)",
           "Da 0 a 100: quanto conta la fase nell'obiettivo",
           Kind::text,
           {},
           "inputmode=\"decimal\""},
          {"avanzamento",
           "Avanzamento (%)",
           "Da 0 a 100, per esempio 45,5",
           Kind::text,
           {},
           "inputmode=\"decimal\""},
          {"inizio-previsto", "Inizio previsto", kDate},
          {"fine-prevista", "Fine prevista", kDate},
          {"inizio-effettivo", "Inizio effettivo", kDate},
          {"fine-effettiva", "Fine effettiva", kDate},
          {"responsabile", "Responsabile", "", Kind::select, person_options(d)},
          {"cdr", "Centro di responsabilità", "", Kind::select, center_options(d)},
          {"note", "Note", "", Kind::textarea}};
}

Values phase_values(const Phase& p) {
  return {{"descrizione", p.description},
          {"peso", number_text(p.weight)},
          {"avanzamento", number_text(p.progress)},
          {"inizio-previsto", date_text(p.planned_start)},
          {"fine-prevista", date_text(p.planned_end)},
          {"inizio-effettivo", date_text(p.actual_start)},
          {"fine-effettiva", date_text(p.actual_end)},
          {"responsabile", p.responsible},
          {"cdr", p.center},
          {"note", p.note}};
}

template <typename Pick> app::PhaseFields phase_of(Pick pick) {
  app::PhaseFields f;
  f.description = pick("descrizione");
  f.weight = pick("peso");
  f.progress = pick("avanzamento");
  f.planned_start = pick("inizio-previsto");
  f.planned_end = pick("fine-prevista");
  f.actual_start = pick("inizio-effettivo");
  f.actual_end = pick("fine-effettiva");
  f.responsible = pick("responsabile");
  f.center = pick("cdr");
  f.note = pick("note");
  return f;
}

const char* scale_value(Scale s) {
  switch (s) {
  case Scale::count:
    return "numero";
  case Scale::percent:
    return "percentuale";
  case Scale::boolean:
    return "si-no";
  case Scale::euro:
    return "euro";
  case Scale::index:
    return "indice";
  case Scale::other:
    return "altro";
  }
  return "altro";
}

std::vector<FormField> indicator_fields() {
  return {
      {"descrizione", "Descrizione", "", Kind::textarea, {}, "", true},
      {"tipo",
       "Tipo",
       "",
       Kind::select,
       {{"efficacia", "Efficacia"},
        {"efficienza", "Efficienza"},
        {"quantitativo", "Quantitativo"},
        {"qualita", "Qualità"},
        {"altro", "Altro"}}},
      {"scala",
       "Scala e unità di misura",
       "",
       Kind::select,
       {{"numero", "Numero"},
        {"percentuale", "Percentuale"},
        {"si-no", "Sì/no"},
        {"euro", "Euro"},
        {"indice", "Indice (percentuale che può superare 100)"},
        {"altro", "Altro"}}},
      {"direzione",
       "Direzione",
       "Se è meglio un valore più alto o più basso",
       Kind::select,
       {{"crescente", "Crescente: più alto è meglio"},
        {"decrescente", "Decrescente: più basso è meglio"}}},
      {"anno", "Anno di riferimento", "", Kind::text, {}, "inputmode=\"numeric\""},
      {"atteso", "Valore atteso", "Per esempio 1.234,56", Kind::text, {}, "inputmode=\"decimal\""},
      {"raggiunto",
       "Valore raggiunto",
       "Per esempio 1.234,56",
       Kind::text,
       {},
       "inputmode=\"decimal\""},
      {"note", "Note", "", Kind::textarea}};
}

Values indicator_values(const Indicator& i) {
  return {{"descrizione", i.description},
          {"tipo", to_string(i.type)},
          {"scala", scale_value(i.scale)},
          {"direzione", i.polarity == Polarity::higher_is_better ? "crescente" : "decrescente"},
          {"anno", i.reference_year ? std::to_string(*i.reference_year) : ""},
          {"atteso", number_text(i.target)},
          {"raggiunto", number_text(i.actual)},
          {"note", i.note}};
}

template <typename Pick> app::IndicatorFields indicator_of(Pick pick) {
  app::IndicatorFields f;
  f.description = pick("descrizione");
  f.type = pick("tipo");
  f.scale = pick("scala");
  f.polarity = pick("direzione");
  f.year = pick("anno");
  f.target = pick("atteso");
  f.actual = pick("raggiunto");
  f.note = pick("note");
  return f;
}

/// The objective (and the fase or indicator) of the URL, for a user who may author it.
struct Target {
  std::shared_ptr<const Dataset> d;
  const Objective* o = nullptr;
  const Phase* phase = nullptr;
  const Indicator* indicator = nullptr;
};

bool locate(Call& c, Target& t, bool phase, bool existing) {
  t.d = plan_or_404(c);
  if (!t.d) return false;
  t.o = find_objective(*t.d, c.req.matches[1].str(), c.req.matches[2].str());
  if (t.o && existing) {
    const int order = std::atoi(c.req.matches[3].str().c_str());
    for (const auto& p : t.o->phases)
      if (phase && p.order == order) t.phase = &p;
    for (const auto& i : t.o->indicators)
      if (!phase && i.order == order) t.indicator = &i;
  }
  if (!t.o || (existing && !t.phase && !t.indicator)) {
    error_page(c, 404, "Non trovato", "L'obiettivo, la fase o l'indicatore richiesto non esiste.");
    return false;
  }
  if (!app::can_author_objective(c.user, *t.d, *t.o)) {
    refuse(c, "Non è autorizzato a modificare questo obiettivo: appartiene a un altro centro di "
              "responsabilità oppure il suo ruolo consente solo la lettura.");
    return false;
  }
  return true;
}

AuthoringForm form_for(Call& c, const Target& t, bool phase, bool existing) {
  FormPage p;
  const std::string base = objective_href(*t.o);
  const std::string what =
      phase ? (existing ? fmt::format("Modifica la fase {}", t.phase->order)
                        : std::string("Nuova fase"))
            : (existing ? fmt::format("Modifica l'indicatore {}", t.indicator->order)
                        : std::string("Nuovo indicatore"));
  p.title = what;
  p.d = t.d.get();
  p.crumbs = {
      {"Cruscotto", "/"}, {"Piano degli obiettivi", "/piano"}, {t.o->code, base}, {what, ""}};
  p.intro = "<p class=\"lead\">Obiettivo " + esc(t.o->code) + " – " +
            esc(t.o->short_description.empty() ? t.o->description : t.o->short_description) +
            "</p>";
  p.cancel = base + (phase ? "#fasi" : "#indicatori");
  p.action = c.req.path;
  if (!existing) p.submit = phase ? "Aggiungi la fase" : "Aggiungi l'indicatore";
  if (existing) p.after = removal_links(c.user, *t.o, t.phase, t.indicator);
  std::vector<FormField> fields = phase ? phase_fields(*t.d) : indicator_fields();
  if (phase && !existing)
    fields.push_back({"posizione",
                      "Posizione",
                      "Numero d'ordine della nuova fase; vuoto: in fondo",
                      Kind::text,
                      {},
                      "inputmode=\"numeric\""});
  return AuthoringForm(c, std::move(p), std::move(fields));
}

/// What the form checks staleness against: the record, or for a new one the objective's version.
Current current_of(const Target& t, bool phase, bool existing) {
  if (!existing) return {{}, t.o->version};
  if (phase) return {phase_values(*t.phase), t.phase->version};
  return {indicator_values(*t.indicator), t.indicator->version};
}

void get_item(Call& c, bool phase, bool existing) {
  Target t;
  if (!locate(c, t, phase, existing)) return;
  Current now = current_of(t, phase, existing);
  if (!existing && !phase)
    now.values = {{"tipo", "efficacia"}, {"scala", "numero"}, {"direzione", "crescente"}};
  form_for(c, t, phase, existing).show(now);
}

void post_item(Call& c, bool phase, bool existing) {
  Target t;
  if (!locate(c, t, phase, existing)) return;
  AuthoringForm form = form_for(c, t, phase, existing);
  const Current now = current_of(t, phase, existing);
  if (!form.read(now)) return;
  const std::string vista = t.o->vista, code = t.o->code;
  const int order = existing ? (phase ? t.phase->order : t.indicator->order) : 0;
  auto reload = [&] {
    Target again;
    again.d = plan_or_404(c);
    again.o = again.d ? find_objective(*again.d, vista, code) : nullptr;
    if (!again.o) return Current{};
    for (const auto& p : again.o->phases)
      if (phase && p.order == order) again.phase = &p;
    for (const auto& i : again.o->indicators)
      if (!phase && i.order == order) again.indicator = &i;
    if (existing && !again.phase && !again.indicator) return Current{};
    return current_of(again, phase, existing);
  };
  app::Session s = form.session(t.d->ente.code);
  const std::int64_t version = form.submission().version;
  const std::string done = objective_href(*t.o) + (phase ? "#fasi" : "#indicatori");
  auto pick_changed = [&](const char* k) { return form.asked(k); };
  auto pick_given = [&](const char* k) { return form.given(k); };
  if (phase && existing)
    return form.answer(app::edit_phase(s, {vista, code, order, version}, phase_of(pick_changed)),
                       done, reload);
  if (!phase && existing)
    return form.answer(
        app::edit_indicator(s, {vista, code, order, version}, indicator_of(pick_changed)), done,
        reload);
  if (phase) {
    std::optional<int> at;
    if (auto pos = form.given("posizione")) {
      auto n = app::parse_int_field(*pos, "posizione", 1, 100000);
      if (!n) return form.invalid(400, "posizione", n.error().message);
      at = *n;
    }
    return form.answer(app::add_phase(s, {vista, code, version}, phase_of(pick_given), at), done,
                       reload);
  }
  form.answer(app::add_indicator(s, {vista, code, version}, indicator_of(pick_given)), done,
              reload);
}

} // namespace

void register_item_authoring(httplib::Server& s, Env& env) {
  const std::string base = "/obiettivo/([^/]+)/([^/]+)/";
  for (bool phase : {true, false}) {
    const std::string fresh = base + (phase ? "fase/nuova" : "indicatore/nuovo");
    const std::string edit = base + (phase ? "fase" : "indicatore") + "/([0-9]{1,6})/modifica";
    get_page(s, env, fresh, [phase](Call& c) { get_item(c, phase, false); });
    post_form(s, env, fresh, [phase](Call& c) { post_item(c, phase, false); });
    get_page(s, env, edit, [phase](Call& c) { get_item(c, phase, true); });
    post_form(s, env, edit, [phase](Call& c) { post_item(c, phase, true); });
  }
}

} // namespace traguardi::web
