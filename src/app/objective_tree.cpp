#include "app/objective_tree.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/district.h"
#include "core/district_levels.h"
#include "core/normalize.h"

namespace traguardi::app {
namespace {

const char* level_name(Level l) {
  switch (l) {
  case Level::mandato:
    return "Mandato";
  case Level::missione:
    return "Missione";
  case Level::programma:
    return "Programma";
  case Level::peg:
    return "PEG";
  }
  return "";
}

bool contains_folded(const std::string& hay, const std::string& needle) {
  return matching_key(hay).find(matching_key(needle)) != std::string::npos;
}

using Key = std::pair<std::string, std::string>; // vista, code

/// The comune objectives of `vista` as nodes: matches and their ancestors.
std::vector<TreeNode> comune_nodes(const Dataset& d, const std::string& vista,
                                   const std::set<Key>& matched, int& matches) {
  std::set<Key> shown;
  for (const auto& k : matched) {
    if (k.first != vista) continue;
    Key at = k;
    while (shown.insert(at).second) { // stops at a cycle too
      const Objective* o = find_objective(d, at.first, at.second);
      if (!o || o->parent.empty() || !find_objective(d, vista, o->parent)) break;
      at = {vista, o->parent};
    }
  }
  std::map<std::string, std::vector<const Objective*>> children; // parent code → children
  std::vector<const Objective*> roots;
  for (const auto& o : d.objectives) {
    if (o.vista != vista || !shown.count({o.vista, o.code})) continue;
    if (!o.parent.empty() && o.parent != o.code && shown.count({vista, o.parent}))
      children[o.parent].push_back(&o);
    else
      roots.push_back(&o);
  }
  std::set<std::string> placed; // guards against a cycle of parents
  std::function<TreeNode(const Objective*)> node = [&](const Objective* o) {
    placed.insert(o->code);
    TreeNode n{to_string(o->level),
               level_name(o->level),
               o->code,
               o->short_description.empty() ? o->description : o->short_description,
               o,
               matched.count({o->vista, o->code}) > 0,
               {}};
    matches += n.match;
    for (const Objective* c : children[o->code])
      if (!placed.count(c->code)) n.children.push_back(node(c));
    return n;
  };
  std::vector<TreeNode> out;
  for (const Objective* o : roots)
    out.push_back(node(o));
  for (const auto& o : d.objectives) // members of a parent cycle: shown at the top
    if (o.vista == vista && shown.count({vista, o.code}) && !placed.count(o.code))
      out.push_back(node(&o));
  return out;
}

bool only_text_and_level(const PlanFilter& f) {
  return f.center.empty() && f.responsible.empty() && f.assessorato.empty() && f.state.empty() &&
         !f.year;
}

/// The Piano di Zona's items under their configured levels.
std::vector<TreeNode> district_nodes(const Dataset& d, const PlanFilter& f, int& matches) {
  const DistrictPlan& p = *d.district;
  const Vista* v = find_vista(d, p.vista);
  std::map<std::string, std::string> names;
  for (const auto& l :
       v && !v->level_definitions.empty() ? v->level_definitions : piano_di_zona_levels())
    names[l.key] = l.name;
  const bool usable = only_text_and_level(f);
  auto leaf = [&](const std::string& level, std::string code, std::string title) {
    TreeNode n{level, names[level], std::move(code), std::move(title), nullptr, false, {}};
    n.match =
        usable && (f.level.empty() || f.level == level) &&
        (f.text.empty() || contains_folded(n.code, f.text) || contains_folded(n.title, f.text));
    return n;
  };
  // Keeps a node when it or a descendant matches; counts the matches kept.
  auto keep = [&](TreeNode& n) {
    matches += n.match;
    return n.match || !n.children.empty();
  };
  std::vector<TreeNode> out;
  for (const auto& area : p.areas) {
    TreeNode a = leaf("area", area.code, area.title);
    std::vector<std::pair<int, const MacroObjective*>> placed;
    for (const auto& m : p.macro_objectives)
      for (const auto& at : m.placements)
        if (at.area == area.code) placed.push_back({at.number, &m});
    std::stable_sort(placed.begin(), placed.end(),
                     [](auto& x, auto& y) { return x.first < y.first; });
    for (const auto& [number, m] : placed) {
      TreeNode mo = leaf("macro_obiettivo", m->code, m->title);
      for (std::size_t i = 0; i < m->actions.size(); ++i) {
        TreeNode act = leaf("azione", m->code + "." + std::to_string(i + 1), m->actions[i]);
        if (keep(act)) mo.children.push_back(std::move(act));
      }
      if (keep(mo)) a.children.push_back(std::move(mo));
    }
    if (keep(a)) out.push_back(std::move(a));
  }
  for (const auto& s : p.strategic) {
    TreeNode n =
        leaf("obiettivo_strategico", "OS" + std::to_string(s.year) + "_" + std::to_string(s.number),
             s.description);
    if (keep(n)) out.push_back(std::move(n));
  }
  return out;
}

} // namespace

bool is_tree_level(const Dataset& d, const std::string& key) {
  if (level_from_string(key)) return true;
  if (!d.district) return false;
  const Vista* v = find_vista(d, d.district->vista);
  for (const auto& l :
       v && !v->level_definitions.empty() ? v->level_definitions : piano_di_zona_levels())
    if (l.key == key) return true;
  return false;
}

ObjectiveTree objective_tree(const Dataset& d, const PlanFilter& f) {
  ObjectiveTree out;
  std::set<Key> matched;
  if (f.level.empty() || level_from_string(f.level))
    for (const Objective* o : filter_objectives(d, f))
      matched.insert({o->vista, o->code});
  const bool unfiltered = f.center.empty() && f.responsible.empty() && f.assessorato.empty() &&
                          f.state.empty() && !f.year && f.text.empty() && f.level.empty();
  for (const auto& v : d.vistas) {
    if (!f.vista.empty() && v.code != f.vista) continue;
    TreeNode n{"vista", "Vista", v.code, v.description, nullptr, false, {}};
    n.children = comune_nodes(d, v.code, matched, out.matches);
    if (d.district && d.district->vista == v.code)
      for (auto& item : district_nodes(d, f, out.matches))
        n.children.push_back(std::move(item));
    if (unfiltered || !n.children.empty()) out.vistas.push_back(std::move(n));
  }
  return out;
}

} // namespace traguardi::app
