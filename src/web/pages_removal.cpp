// Deleting and reordering from the web: an objective (/obiettivo/V/C/elimina, amministratore and
// controllo only: it is structure), a fase or an indicator (…/fase/N/elimina,
// …/indicatore/N/elimina) and the position of a fase (…/fase/N/sposta), through the use cases
// of `traguardi objective delete`, `phase delete|move`, `indicator delete`; and a struttura or
// soggetto coinvolto (…/struttura/N/rimuovi, …/soggetto/N/rimuovi, app/involved_removal.h).
// Each is a confirmation page whose form carries the version it was loaded with (409 when stale).
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/involved_removal.h"
#include "app/item_authoring.h"
#include "app/objective_authoring.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

enum class Act {
  delete_objective,
  delete_phase,
  move_phase,
  delete_indicator,
  remove_structure,
  remove_person
};

struct Target {
  std::shared_ptr<const Dataset> d;
  const Objective* o = nullptr;
  const Phase* phase = nullptr;
  const Indicator* indicator = nullptr;
  std::string involved; // the struttura or soggetto coinvolto to remove, as the page names it
};

bool on_phase(Act a) {
  return a == Act::delete_phase || a == Act::move_phase;
}

bool on_involved(Act a) {
  return a == Act::remove_structure || a == Act::remove_person;
}

/// The page's name of involved entry `n` (1-based) of `o`, or empty when there is none.
std::string involved_name(const Dataset& d, const Objective& o, Act act, int n) {
  if (n < 1) return {};
  const auto i = static_cast<std::size_t>(n - 1);
  if (act == Act::remove_structure)
    return i < o.structures.size() ? o.structures[i].description : "";
  return i < o.people.size() ? person_label(d, o.people[i].person) : "";
}

bool locate(Call& c, Act act, Target& t) {
  t.d = plan_or_404(c);
  if (!t.d) return false;
  t.o = find_objective(*t.d, c.req.matches[1].str(), c.req.matches[2].str());
  if (t.o && act != Act::delete_objective) {
    const int order = std::atoi(c.req.matches[3].str().c_str());
    for (const auto& p : t.o->phases)
      if (on_phase(act) && p.order == order) t.phase = &p;
    for (const auto& i : t.o->indicators)
      if (act == Act::delete_indicator && i.order == order) t.indicator = &i;
    if (on_involved(act)) t.involved = involved_name(*t.d, *t.o, act, order);
  }
  if (!t.o || (act != Act::delete_objective && !t.phase && !t.indicator && t.involved.empty())) {
    error_page(c, 404, "Non trovato", "L'obiettivo, la fase o l'indicatore richiesto non esiste.");
    return false;
  }
  if (act == Act::delete_objective ? !app::can_change_structure(c.user)
                                   : !app::can_author_objective(c.user, *t.d, *t.o)) {
    refuse(c, act == Act::delete_objective
                  ? "Solo l'amministratore e il controllo di gestione eliminano obiettivi."
                  : "Non è autorizzato a modificare questo obiettivo: appartiene a un altro "
                    "centro di responsabilità oppure il suo ruolo consente solo la lettura.");
    return false;
  }
  return true;
}

Current current_of(const Target& t, Act act) {
  switch (act) {
  case Act::delete_objective:
  case Act::remove_structure:
  case Act::remove_person:
    return {{}, t.o->version};
  case Act::move_phase:
    return {{{"posizione", std::to_string(t.phase->order)}}, t.phase->version};
  case Act::delete_phase:
    return {{}, t.phase->version};
  case Act::delete_indicator:
    return {{}, t.indicator->version};
  }
  return {};
}

AuthoringForm form_for(Call& c, const Target& t, Act act) {
  FormPage p;
  const std::string base = objective_href(*t.o);
  std::vector<FormField> fields;
  switch (act) {
  case Act::delete_objective: {
    p.title = "Elimina l'obiettivo " + t.o->code;
    std::size_t linked = 0;
    for (const auto& x : t.d->objectives)
      linked += x.vista == t.o->vista && x.parent == t.o->code;
    p.intro = fmt::format("<p class=\"lead\">L'obiettivo {} – {} verrà eliminato con le sue {} "
                          "fasi e i suoi {} indicatori; ha {} obiettivi collegati.</p>",
                          esc(t.o->code), esc(t.o->short_description), t.o->phases.size(),
                          t.o->indicators.size(), linked);
    fields.push_back({"collegati",
                      "Obiettivi collegati",
                      "Con «nessuno» l'eliminazione è rifiutata se ci sono obiettivi collegati",
                      FormField::Kind::select,
                      {{"elimina", "Elimina anche gli obiettivi collegati"}}});
    break;
  }
  case Act::delete_phase:
    p.title = fmt::format("Elimina la fase {}", t.phase->order);
    p.intro = "<p class=\"lead\">La fase «" + esc(t.phase->description) +
              "» verrà eliminata; le fasi successive saliranno di un posto.</p>";
    break;
  case Act::move_phase:
    p.title = fmt::format("Sposta la fase {}", t.phase->order);
    p.intro = "<p class=\"lead\">Fase «" + esc(t.phase->description) + "»</p>";
    fields.push_back({"posizione",
                      "Nuova posizione",
                      fmt::format("Da 1 a {}; le altre fasi sono rinumerate", t.o->phases.size()),
                      FormField::Kind::text,
                      {},
                      "inputmode=\"numeric\"",
                      true});
    break;
  case Act::delete_indicator:
    p.title = fmt::format("Elimina l'indicatore {}", t.indicator->order);
    p.intro = "<p class=\"lead\">L'indicatore «" + esc(t.indicator->description) +
              "» verrà eliminato con i suoi valori.</p>";
    break;
  case Act::remove_structure:
  case Act::remove_person:
    p.title = act == Act::remove_structure ? "Rimuovi la struttura coinvolta"
                                           : "Rimuovi il soggetto coinvolto";
    p.intro = "<p class=\"lead\">«" + esc(t.involved) + "» non sarà più coinvolto nell'obiettivo " +
              esc(t.o->code) + ".</p>";
    break;
  }
  p.d = t.d.get();
  p.crumbs = {
      {"Cruscotto", "/"}, {"Piano degli obiettivi", "/piano"}, {t.o->code, base}, {p.title, ""}};
  p.action = c.req.path;
  p.cancel = base;
  p.submit = act == Act::move_phase ? "Sposta" : on_involved(act) ? "Rimuovi" : "Elimina";
  return AuthoringForm(c, std::move(p), std::move(fields));
}

void get_act(Call& c, Act act) {
  Target t;
  if (locate(c, act, t)) form_for(c, t, act).show(current_of(t, act));
}

void post_act(Call& c, Act act) {
  Target t;
  if (!locate(c, act, t)) return;
  AuthoringForm form = form_for(c, t, act);
  if (!form.read(current_of(t, act))) return;
  const std::string vista = t.o->vista, code = t.o->code;
  const int order = t.phase       ? t.phase->order
                    : t.indicator ? t.indicator->order
                                  : std::atoi(c.req.matches[3].str().c_str());
  const std::int64_t version = form.submission().version;
  auto reload = [&] {
    Target again;
    again.d = plan_or_404(c);
    again.o = again.d ? find_objective(*again.d, vista, code) : nullptr;
    if (!again.o) return Current{};
    for (const auto& p : again.o->phases)
      if (on_phase(act) && p.order == order) again.phase = &p;
    for (const auto& i : again.o->indicators)
      if (act == Act::delete_indicator && i.order == order) again.indicator = &i;
    if (on_involved(act)) again.involved = involved_name(*again.d, *again.o, act, order);
    if (act != Act::delete_objective && !again.phase && !again.indicator && again.involved.empty())
      return Current{};
    return current_of(again, act);
  };
  app::Session s = form.session(t.d->ente.code);
  const std::string done = objective_href(*t.o);
  switch (act) {
  case Act::delete_objective:
    return form.answer(
        app::delete_objective(s, {vista, code, version}, form.given("collegati").has_value()),
        "/piano", reload);
  case Act::delete_phase:
    return form.answer(app::delete_phase(s, {vista, code, order, version}), done + "#fasi", reload);
  case Act::delete_indicator:
    return form.answer(app::delete_indicator(s, {vista, code, order, version}),
                       done + "#indicatori", reload);
  case Act::move_phase: {
    auto n = app::parse_int_field(form.given("posizione").value_or(""), "posizione", 1, 100000);
    if (!n) return form.invalid(400, "posizione", n.error().message);
    return form.answer(app::move_phase(s, {vista, code, order, version}, *n), done + "#fasi",
                       reload);
  }
  case Act::remove_structure:
    return form.answer(app::remove_involved_structure(s, {vista, code, version}, order),
                       done + "#coinvolti", reload);
  case Act::remove_person:
    return form.answer(app::remove_involved_person(s, {vista, code, version}, order),
                       done + "#coinvolti", reload);
  }
}

} // namespace

void register_removal_pages(httplib::Server& s, Env& env) {
  const std::string base = "/obiettivo/([^/]+)/([^/]+)";
  for (auto [path, act] : {std::pair{"/elimina", Act::delete_objective},
                           std::pair{"/fase/([0-9]{1,6})/elimina", Act::delete_phase},
                           std::pair{"/fase/([0-9]{1,6})/sposta", Act::move_phase},
                           std::pair{"/indicatore/([0-9]{1,6})/elimina", Act::delete_indicator},
                           std::pair{"/struttura/([0-9]{1,6})/rimuovi", Act::remove_structure},
                           std::pair{"/soggetto/([0-9]{1,6})/rimuovi", Act::remove_person}}) {
    const Act a = act;
    get_page(s, env, base + path, [a](Call& c) { get_act(c, a); });
    post_form(s, env, base + path, [a](Call& c) { post_act(c, a); });
  }
}

std::string removal_links(const app::Principal& who, const Objective& o, const Phase* phase,
                          const Indicator* indicator) {
  const std::string base = objective_href(o);
  auto link = [](const std::string& href, const std::string& label) {
    return "<li><a class=\"btn btn-sm btn-outline-danger\" href=\"" + esc(href) + "\">" +
           esc(label) + "</a></li>";
  };
  std::string items;
  if (phase) {
    items += link(fmt::format("{}/fase/{}/sposta", base, phase->order), "Sposta la fase");
    items += link(fmt::format("{}/fase/{}/elimina", base, phase->order), "Elimina la fase");
  } else if (indicator) {
    items += link(fmt::format("{}/indicatore/{}/elimina", base, indicator->order),
                  "Elimina l'indicatore");
  } else if (app::can_change_structure(who)) {
    items += link(base + "/elimina", "Elimina l'obiettivo");
  }
  if (items.empty()) return {};
  return "<h2 class=\"h5 mt-5\">Altre azioni</h2><ul class=\"list-inline d-flex flex-wrap "
         "gap-2\">" +
         items + "</ul>";
}

} // namespace traguardi::web
