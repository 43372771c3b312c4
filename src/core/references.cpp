#include "core/references.h"

#include <set>

#include <fmt/format.h>

namespace traguardi {

std::vector<Error> check_references(const Dataset& d, const std::string& root) {
  std::vector<Error> out;
  std::set<std::string> vistas, centers, persons, assessorati;
  std::set<std::pair<std::string, int>> areas;
  std::set<std::pair<std::string, std::string>> objectives;
  for (const auto& v : d.vistas)
    vistas.insert(v.code);
  for (const auto& c : d.centers)
    centers.insert(c.code);
  for (const auto& p : d.persons)
    persons.insert(p.key);
  for (const auto& a : d.assessorati)
    assessorati.insert(a.key);
  for (const auto& a : d.areas)
    areas.insert({a.vista, a.number});
  auto duplicate = [&](std::string where, const char* what, const std::string& value) {
    out.push_back(Error{ErrorKind::invalid_input,
                        value.empty() ? fmt::format("{} duplicato", what)
                                      : fmt::format("{} duplicato: «{}»", what, value),
                        std::move(where)});
  };
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    const auto& o = d.objectives[i];
    if (!objectives.insert({o.vista, o.code}).second)
      duplicate(fmt::format("{}.objectives[{}].code", root, i), "codice obiettivo", o.code);
    std::set<int> orders;
    for (std::size_t k = 0; k < o.phases.size(); ++k)
      if (!orders.insert(o.phases[k].order).second)
        duplicate(fmt::format("{}.objectives[{}].phases[{}].order", root, i, k),
                  "numero d'ordine della fase", std::to_string(o.phases[k].order));
    orders.clear();
    for (std::size_t k = 0; k < o.indicators.size(); ++k)
      if (!orders.insert(o.indicators[k].order).second)
        duplicate(fmt::format("{}.objectives[{}].indicators[{}].order", root, i, k),
                  "numero d'ordine dell'indicatore", std::to_string(o.indicators[k].order));
  }
  // Duplicate keys, named with the path of the second occurrence.
  auto unique_keys = [&](const char* list, const char* what, auto&& key_of, const auto& items) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!seen.insert(key_of(items[i])).second)
        duplicate(fmt::format("{}.{}[{}]", root, list, i), what, key_of(items[i]));
  };
  unique_keys(
      "centers", "codice di centro di responsabilità",
      [](const ResponsibilityCenter& c) { return c.code; }, d.centers);
  unique_keys(
      "persons", "chiave di persona", [](const Person& p) { return p.key; }, d.persons);
  unique_keys(
      "assessorati", "chiave di assessorato", [](const Assessorato& a) { return a.key; },
      d.assessorati);
  unique_keys(
      "vistas", "codice di vista", [](const Vista& v) { return v.code; }, d.vistas);
  unique_keys(
      "areas", "area tematica (vista e numero)",
      [](const ThematicArea& a) { return a.vista + " " + std::to_string(a.number); }, d.areas);

  auto dangling = [&](std::string where, std::string what, const std::string& value) {
    out.push_back(Error{ErrorKind::invalid_input,
                        fmt::format("riferimento a {} inesistente: «{}»", what, value),
                        std::move(where)});
  };
  auto need = [&](const std::set<std::string>& set, const std::string& value,
                  const std::string& where, const char* what) {
    if (!value.empty() && !set.count(value)) dangling(where, what, value);
  };

  for (std::size_t i = 0; i < d.areas.size(); ++i)
    need(vistas, d.areas[i].vista, fmt::format("{}.areas[{}].vista", root, i), "vista");
  for (std::size_t i = 0; i < d.centers.size(); ++i) {
    std::string p = fmt::format("{}.centers[{}]", root, i);
    need(centers, d.centers[i].parent, p + ".parent", "centro di responsabilità");
    need(persons, d.centers[i].head, p + ".head", "persona");
  }
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    const Objective& o = d.objectives[i];
    std::string p = fmt::format("{}.objectives[{}]", root, i);
    need(vistas, o.vista, p + ".vista", "vista");
    if (!o.parent.empty() && !objectives.count({o.vista, o.parent}))
      dangling(p + ".parent", "obiettivo collegato", o.parent);
    if (o.area && !areas.count({o.vista, *o.area}))
      dangling(p + ".area", "area tematica", std::to_string(*o.area));
    need(centers, o.center, p + ".center", "centro di responsabilità");
    need(centers, o.direction, p + ".direction", "centro di responsabilità");
    need(persons, o.responsible, p + ".responsible", "persona");
    need(persons, o.director, p + ".director", "persona");
    need(assessorati, o.assessorato, p + ".assessorato", "assessorato");
    for (std::size_t k = 0; k < o.people.size(); ++k)
      need(persons, o.people[k].person, fmt::format("{}.people[{}].person", p, k), "persona");
    for (std::size_t k = 0; k < o.phases.size(); ++k) {
      std::string pp = fmt::format("{}.phases[{}]", p, k);
      need(persons, o.phases[k].responsible, pp + ".responsible", "persona");
      need(centers, o.phases[k].center, pp + ".center", "centro di responsabilità");
    }
  }
  return out;
}

} // namespace traguardi
