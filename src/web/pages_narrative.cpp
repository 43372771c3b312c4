// The narrative parts of an objective in the web: stato di attuazione per year
// (/obiettivo/V/C/stato), strutture coinvolte (…/struttura/nuova) and soggetti coinvolti
// (…/soggetto/nuovo), through the use cases of `traguardi status set` and `traguardi involved
// structure|person` (app/organisation.h). Each form is checked against the objective's version.
// The lists of those already involved link each to its removal (pages_removal.cpp).
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/organisation.h"
#include "core/italian.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

using Kind = FormField::Kind;

enum class Part { status, structure, person };

struct Target {
  std::shared_ptr<const Dataset> d;
  const Objective* o = nullptr;
};

bool locate(Call& c, Target& t) {
  t.d = plan_or_404(c);
  if (!t.d) return false;
  t.o = find_objective(*t.d, c.req.matches[1].str(), c.req.matches[2].str());
  if (!t.o) {
    error_page(c, 404, "Obiettivo non trovato", "Nessun obiettivo con questo codice.");
    return false;
  }
  if (!app::can_author_objective(c.user, *t.d, *t.o)) {
    refuse(c, "Non è autorizzato a modificare questo obiettivo: appartiene a un altro centro di "
              "responsabilità oppure il suo ruolo consente solo la lettura.");
    return false;
  }
  return true;
}

std::string status_when(const StatusReport& s) {
  return s.as_of ? "al " + italian::format_date(*s.as_of)
                 : (s.year ? "anno " + std::to_string(*s.year) : "");
}

std::string status_list(const Objective& o) {
  if (o.status.empty()) return "<p class=\"mb-5\">Nessuno stato di attuazione scritto finora.</p>";
  std::string out = "<h2 class=\"h5\">Stati di attuazione scritti</h2><ul class=\"mb-4\">";
  for (const auto& s : o.status)
    out += fmt::format(
        "<li><a href=\"{}/stato?anno={}&amp;al={}\">{}<span class=\"visually-hidden\"> "
        "(modifica)</span></a>: {}</li>",
        objective_href(o), s.year ? std::to_string(*s.year) : "", url_encode(date_text(s.as_of)),
        esc(status_when(s)),
        esc(s.text.size() > 120 ? s.text.substr(0, s.text.rfind(' ', 120)) + "…" : s.text));
  return out + "</ul>";
}

/// The link to the confirmation page that removes involved entry `i` (pages_removal.cpp).
std::string remove_link(const Objective& o, const char* kind, std::size_t i,
                        const std::string& name) {
  return fmt::format(" <a class=\"btn btn-sm btn-outline-danger ms-2\" href=\"{}/{}/{}/rimuovi\">"
                     "Rimuovi<span class=\"visually-hidden\"> {}</span></a>",
                     objective_href(o), kind, i + 1, esc(name));
}

std::string involved_list(const Dataset& d, const Objective& o, Part part) {
  std::string out;
  if (part == Part::structure) {
    if (o.structures.empty()) return "<p class=\"mb-5\">Nessuna struttura coinvolta finora.</p>";
    out = "<h2 class=\"h5\">Strutture già coinvolte</h2><ul class=\"mb-4\">";
    for (std::size_t i = 0; i < o.structures.size(); ++i) {
      const auto& s = o.structures[i];
      out += "<li>" + esc(s.description) +
             (s.mission.empty() ? "" : esc(" (" + s.mission + "." + s.programme + ")")) +
             (s.share_pct ? esc(", quota " + number_text(s.share_pct) + "%") : "") +
             remove_link(o, "struttura", i, s.description) + "</li>";
    }
  } else {
    if (o.people.empty()) return "<p class=\"mb-5\">Nessun soggetto coinvolto finora.</p>";
    out = "<h2 class=\"h5\">Soggetti già coinvolti</h2><ul class=\"mb-4\">";
    for (std::size_t i = 0; i < o.people.size(); ++i) {
      const auto& p = o.people[i];
      out += "<li>" + esc(person_label(d, p.person)) +
             (p.relation.empty() ? "" : esc(", " + p.relation)) +
             (p.effort_pct ? esc(", impegno " + number_text(p.effort_pct) + "%") : "") +
             remove_link(o, "soggetto", i, person_label(d, p.person)) + "</li>";
    }
  }
  return out + "</ul>";
}

std::vector<FormField> fields_of(Part part, const Dataset& d) {
  switch (part) {
  case Part::status:
    return {
        {"anno", "Anno", "Per esempio 2025", Kind::text, {}, "inputmode=\"numeric\"", true},
        {"al", "Data di riferimento", "Facoltativa, formato gg/mm/aaaa (per esempio 31/12/2025)"},
        {"testo", "Testo", "Lasciare vuoto per togliere lo stato di quell'anno e data",
         Kind::textarea}};
  case Part::structure:
    return {{"descrizione", "Descrizione", "", Kind::text, {}, "", true},
            {"relazione", "Relazione", "Per esempio Programma"},
            {"missione",
             "Missione di bilancio",
             "Per esempio 12",
             Kind::text,
             {},
             "inputmode=\"numeric\""},
            {"programma",
             "Programma di bilancio",
             "Per esempio 06",
             Kind::text,
             {},
             "inputmode=\"numeric\""},
            {"quota", "Quota (%)", "Da 0 a 100", Kind::text, {}, "inputmode=\"decimal\""}};
  case Part::person:
    return {{"persona", "Persona", "", Kind::select, person_options(d), "", true},
            {"relazione", "Ruolo", "Per esempio Referente"},
            {"impegno", "Impegno (%)", "Da 0 a 100", Kind::text, {}, "inputmode=\"decimal\""}};
  }
  return {};
}

/// The stato di attuazione of year `year` and date `al` as the form shows it.
Values status_values(const Objective& o, const std::string& year, const std::string& al) {
  Values v{{"anno", year}, {"al", al}, {"testo", ""}};
  for (const auto& s : o.status)
    if ((s.year ? std::to_string(*s.year) : "") == year && date_text(s.as_of) == al)
      v["testo"] = s.text;
  return v;
}

AuthoringForm form_for(Call& c, const Target& t, Part part) {
  FormPage p;
  p.title = part == Part::status      ? "Stato di attuazione"
            : part == Part::structure ? "Nuova struttura coinvolta"
                                      : "Nuovo soggetto coinvolto";
  p.d = t.d.get();
  const std::string base = objective_href(*t.o);
  p.crumbs = {
      {"Cruscotto", "/"}, {"Piano degli obiettivi", "/piano"}, {t.o->code, base}, {p.title, ""}};
  p.intro = "<p class=\"lead\">Obiettivo " + esc(t.o->code) + " – " +
            esc(t.o->short_description.empty() ? t.o->description : t.o->short_description) +
            "</p>" + (part == Part::status ? status_list(*t.o) : involved_list(*t.d, *t.o, part));
  p.action = c.req.path;
  p.cancel = base + (part == Part::status ? "#stato" : "#coinvolti");
  if (part != Part::status) p.submit = "Aggiungi";
  return AuthoringForm(c, std::move(p), fields_of(part, *t.d));
}

Current current_of(const Call& c, const Objective& o, Part part, bool submitted) {
  if (part != Part::status) return {{}, o.version};
  const char* year = submitted ? "orig_anno" : "anno";
  const char* al = submitted ? "orig_al" : "al";
  std::string y = c.req.get_param_value(year);
  if (!submitted && y.empty() && o.year) y = std::to_string(*o.year);
  return {status_values(o, y, c.req.get_param_value(al)), o.version};
}

void get_part(Call& c, Part part) {
  Target t;
  if (locate(c, t)) form_for(c, t, part).show(current_of(c, *t.o, part, false));
}

void post_part(Call& c, Part part) {
  Target t;
  if (!locate(c, t)) return;
  AuthoringForm form = form_for(c, t, part);
  if (!form.read(current_of(c, *t.o, part, true))) return;
  const std::string vista = t.o->vista, code = t.o->code;
  const app::ObjectiveRef ref{vista, code, form.submission().version};
  auto reload = [&] {
    auto d = plan_or_404(c);
    const Objective* o = d ? find_objective(*d, vista, code) : nullptr;
    return o ? current_of(c, *o, part, true) : Current{};
  };
  app::Session s = form.session(t.d->ente.code);
  const std::string done = objective_href(*t.o);
  auto typed = [&](const char* k) { return form.given(k).value_or(""); };
  switch (part) {
  case Part::status:
    return form.answer(
        app::set_status(s, ref, form.given("anno"), form.given("al"), typed("testo")),
        done + "#stato", reload);
  case Part::structure:
    return form.answer(app::add_involved_structure(s, ref,
                                                   {typed("descrizione"), form.given("relazione"),
                                                    form.given("missione"), form.given("programma"),
                                                    form.given("quota")}),
                       done + "#coinvolti", reload);
  case Part::person:
    if (typed("persona").empty())
      return form.invalid(400, "persona", "scegliere la persona coinvolta");
    return form.answer(
        app::add_involved_person(
            s, ref, {typed("persona"), form.given("relazione"), form.given("impegno")}),
        done + "#coinvolti", reload);
  }
}

} // namespace

void register_narrative_authoring(httplib::Server& s, Env& env) {
  const std::string base = "/obiettivo/([^/]+)/([^/]+)/";
  for (auto [path, part] :
       {std::pair{"stato", Part::status}, std::pair{"struttura/nuova", Part::structure},
        std::pair{"soggetto/nuovo", Part::person}}) {
    const Part p = part;
    get_page(s, env, base + path, [p](Call& c) { get_part(c, p); });
    post_form(s, env, base + path, [p](Call& c) { post_part(c, p); });
  }
}

} // namespace traguardi::web
