#include "report/selection.h"

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "core/normalize.h"

namespace traguardi::report {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "(nessuno)" : out;
}

Result<const Vista*> pick_vista(const Dataset& d, const std::string& code) {
  if (d.vistas.empty()) return fail("L'ente non ha alcuna vista (piano) da stampare.");
  if (code.empty()) {
    // The most recent edition is what users print unless they say otherwise.
    return &*std::max_element(d.vistas.begin(), d.vistas.end(), [](const Vista& a, const Vista& b) {
      return std::tie(a.year_to, a.year_from, a.code) < std::tie(b.year_to, b.year_from, b.code);
    });
  }
  for (const auto& v : d.vistas)
    if (v.code == code || matching_key(v.code) == matching_key(code)) return &v;
  std::vector<std::string> valid;
  for (const auto& v : d.vistas)
    valid.push_back(v.code);
  return fail("Vista «" + code + "» sconosciuta. Viste disponibili: " + join(valid) + ".");
}

Result<Level> pick_level(ReportKind kind, const std::string& text) {
  if (text.empty())
    return kind == ReportKind::scheda_peg_rendicontazione ? Level::peg : Level::programma;
  std::optional<Level> level = level_from_string(text);
  for (Level l : {Level::mandato, Level::missione, Level::programma, Level::peg})
    if (matching_key(text) == matching_key(level_label(l))) level = l;
  if (!level)
    return fail("Livello «" + text +
                "» sconosciuto. Livelli disponibili: mandato, missione, programma, peg.");
  if (kind == ReportKind::scheda_peg_rendicontazione && *level != Level::peg)
    return fail(
        "La scheda PEG di rendicontazione riguarda solo il livello peg (OBIETTIVO DI PEG).");
  return *level;
}

Result<const ResponsibilityCenter*> pick_center(const Dataset& d, const std::string& text) {
  const std::string key = matching_key(text);
  for (const auto& c : d.centers)
    if (c.code == text || matching_key(c.code) == key) return &c;
  for (const auto& c : d.centers)
    if (matching_key(c.short_name) == key || matching_key(c.name) == key) return &c;
  std::vector<std::string> valid;
  for (const auto& c : d.centers)
    valid.push_back(c.code + " (" + c.short_name + ")");
  return fail("Centro di responsabilità «" + text +
              "» sconosciuto. Centri disponibili: " + join(valid) + ".");
}

Result<const Person*> pick_person(const Dataset& d, const std::string& text) {
  const std::string key = matching_key(text);
  for (const auto& p : d.persons) {
    if (p.key == text || matching_key(p.name) == key || matching_key(p.key) == key ||
        (!p.username.empty() && matching_key(p.username) == key))
      return &p;
    for (const auto& a : p.aliases)
      if (matching_key(a) == key) return &p;
  }
  std::vector<std::string> valid;
  for (const auto& p : d.persons)
    valid.push_back(p.name);
  return fail("Responsabile «" + text + "» sconosciuto. Responsabili disponibili: " + join(valid) +
              ".");
}

Result<const Assessorato*> pick_assessorato(const Dataset& d, const std::string& text) {
  const std::string key = matching_key(text);
  for (const auto& a : d.assessorati) {
    if (a.key == text || matching_key(a.key) == key || matching_key(a.description) == key)
      return &a;
    for (const auto& alias : a.aliases)
      if (matching_key(alias) == key) return &a;
  }
  std::vector<std::string> valid;
  for (const auto& a : d.assessorati)
    valid.push_back(a.description);
  return fail("Assessorato «" + text + "» sconosciuto. Assessorati disponibili: " + join(valid) +
              ".");
}

/// The centre and every centre below it in the organisation tree.
std::unordered_set<std::string> subtree(const Dataset& d, const std::string& root) {
  std::unordered_set<std::string> in{root};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& c : d.centers)
      if (!c.parent.empty() && in.count(c.parent) && in.insert(c.code).second) grew = true;
  }
  return in;
}

} // namespace

std::optional<ReportKind> report_kind_from_string(std::string_view name) {
  if (name == "scheda-obiettivi") return ReportKind::scheda_obiettivi;
  if (name == "scheda-peg-rendicontazione") return ReportKind::scheda_peg_rendicontazione;
  return std::nullopt;
}

const char* report_title(ReportKind kind) {
  return kind == ReportKind::scheda_obiettivi ? "SCHEDA OBIETTIVI"
                                              : "SCHEDA PEG DI RENDICONTAZIONE";
}

Result<SelectedObjectives> select_objectives(const Dataset& d, ReportKind kind,
                                             const Selection& s) {
  SelectedObjectives out;
  auto vista = pick_vista(d, s.vista);
  if (!vista) return tl::unexpected(vista.error());
  out.vista = *vista;
  auto level = pick_level(kind, s.level);
  if (!level) return tl::unexpected(level.error());
  out.level = *level;
  out.parameters.push_back({"Vista", out.vista->code + " " + out.vista->description});
  out.parameters.push_back({"Livello", level_label(out.level)});

  std::unordered_set<std::string> centers;
  if (!s.center.empty()) {
    auto c = pick_center(d, s.center);
    if (!c) return tl::unexpected(c.error());
    centers = subtree(d, (*c)->code);
    out.parameters.push_back({"Centro di Responsabilità", (*c)->code + " " + (*c)->short_name});
  }
  std::string person;
  if (!s.responsible.empty()) {
    auto p = pick_person(d, s.responsible);
    if (!p) return tl::unexpected(p.error());
    person = (*p)->key;
    out.parameters.push_back({"Responsabile", (*p)->name});
  }
  std::string assessorato;
  if (!s.assessorato.empty()) {
    auto a = pick_assessorato(d, s.assessorato);
    if (!a) return tl::unexpected(a.error());
    assessorato = (*a)->key;
    out.parameters.push_back({"Assessorato", (*a)->description});
  }
  const std::string short_key = matching_key(s.short_description);
  if (!s.short_description.empty())
    out.parameters.push_back({"Descrizione sintetica", s.short_description});
  if (s.year) out.parameters.push_back({"Anno", std::to_string(*s.year)});

  for (const auto& o : d.objectives) {
    if (o.vista != out.vista->code || o.level != out.level) continue;
    if (!centers.empty() && !centers.count(o.center)) continue;
    if (!person.empty() && o.responsible != person) continue;
    if (!assessorato.empty() && o.assessorato != assessorato) continue;
    if (!short_key.empty() &&
        matching_key(o.short_description).find(short_key) == std::string::npos)
      continue;
    if (s.year) {
      // Multi-year objectives (programma and above) have no year: they belong to every year of
      // their vista.
      bool in_year = o.year ? *o.year == *s.year
                            : out.vista->year_from <= *s.year && *s.year <= out.vista->year_to;
      if (!in_year) continue;
    }
    out.objectives.push_back(&o);
  }
  // PEG sheets group objectives under the programme they serve, as the legacy sheets did.
  std::stable_sort(out.objectives.begin(), out.objectives.end(),
                   [&](const Objective* a, const Objective* b) {
                     if (out.level == Level::peg && a->parent != b->parent)
                       return a->parent < b->parent;
                     return a->code < b->code;
                   });
  return out;
}

std::string empty_selection_message(const SelectedObjectives& s) {
  std::string params;
  for (const auto& p : s.parameters)
    params += (params.empty() ? "" : "; ") + p.label + " " + p.value;
  return "Nessun obiettivo corrisponde ai parametri selezionati (" + params +
         "): nessun file è stato scritto.";
}

} // namespace traguardi::report
