#include "app/district_links.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/plan_change.h"
#include "core/normalize.h"

namespace traguardi::app {
namespace {

Result<MacroObjective*> find_macro(DistrictPlan& p, const std::string& key) {
  for (auto& m : p.macro_objectives)
    if (m.code == key || m.title == key) return &m;
  std::string codes;
  for (const auto& m : p.macro_objectives)
    codes += (codes.empty() ? "" : ", ") + m.code;
  return fail(fmt::format("macro-obiettivo «{}» non trovato; codici disponibili: {}", key,
                          codes.empty() ? "nessuno" : codes),
              "macro", ErrorKind::not_found);
}

// The member comune that is `comune`: by its ente code, else by name (then the code is noted).
MemberComune* find_member(DistrictPlan& p, const Ente& comune) {
  for (auto& m : p.comuni)
    if (m.ente == comune.code) return &m;
  for (auto& m : p.comuni)
    if (m.ente.empty() && (matching_key(m.name) == matching_key(comune.name) ||
                           matching_key("Comune di " + m.name) == matching_key(comune.name)))
      return &m;
  return nullptr;
}

Result<const Objective*> find_peg(const Dataset& comune, const MacroLinkRequest& r) {
  std::vector<const Objective*> found;
  for (const auto& o : comune.objectives)
    if (o.code == r.objective && (r.vista.empty() || o.vista == r.vista)) found.push_back(&o);
  if (found.empty())
    return fail(fmt::format("obiettivo {} non trovato nell'ente {}{}", r.objective,
                            comune.ente.code, r.vista.empty() ? "" : " (vista " + r.vista + ")"),
                "obiettivo", ErrorKind::not_found);
  if (found.size() > 1)
    return fail(fmt::format("l'obiettivo {} esiste in più viste dell'ente {}: indicare --vista",
                            r.objective, comune.ente.code),
                "vista");
  if (found.front()->level != Level::peg)
    return fail(fmt::format("l'obiettivo {} è di {}: si collegano solo obiettivi di PEG",
                            r.objective, to_string(found.front()->level)),
                "obiettivo");
  return found.front();
}

} // namespace

Result<EditOutcome> link_macro_objective(Session& s, const MacroLinkRequest& r) {
  auto ambito = load_ente(s);
  if (!ambito) return tl::unexpected(ambito.error());
  if (!ambito->district)
    return fail(fmt::format("l'ente {} non ha un Piano di Zona (importarlo con «traguardi "
                            "import-piano-di-zona»)",
                            ambito->ente.code));
  auto comune = s.store().load(r.comune);
  if (!comune)
    return fail(fmt::format("ente «{}» non presente nel database", r.comune), "comune",
                ErrorKind::not_found);
  PlanChange c;
  c.before = *ambito;
  c.after = *ambito;
  auto macro = find_macro(*c.after.district, r.macro);
  if (!macro) return tl::unexpected(macro.error());
  MemberComune* member = find_member(*c.after.district, comune->ente);
  if (!member)
    return fail(fmt::format("il comune {} ({}) non fa parte dell'ambito {}", comune->ente.name,
                            r.comune, ambito->ente.code),
                "comune");
  auto peg = find_peg(*comune, r);
  if (!peg) return tl::unexpected(peg.error());
  const ObjectiveLink link{r.comune, (*peg)->vista, (*peg)->code};
  const std::string shown = link.ente + "/" + link.vista + "/" + link.objective;
  auto& links = (*macro)->links;
  auto at = std::find(links.begin(), links.end(), link);
  c.action = r.remove ? "scollegamento" : "collegamento";
  c.target = c.after.district->vista + "/" + (*macro)->code;
  if (r.remove && at != links.end()) {
    links.erase(at);
    c.changes.push_back({"collegato a", shown, ""});
  } else if (!r.remove && at == links.end()) {
    links.push_back(link);
    c.changes.push_back({"collegato a", "", shown});
  }
  if (!c.changes.empty() && member->ente.empty()) {
    member->ente = r.comune; // the member found by name now names its ente
    c.changes.push_back({"ente del comune " + member->name, "", r.comune});
  }
  return commit_plan_change(s, std::move(c));
}

} // namespace traguardi::app
