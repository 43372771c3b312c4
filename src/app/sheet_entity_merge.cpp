#include "app/sheet_entity_merge.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/normalize.h"
#include "importer/entity_dictionary.h"

namespace traguardi::app::sheet_merge_detail {
namespace {
using importer::add_alias;
using importer::ImportFinding;
using importer::same_entity;

std::string mapped(const KeyMap& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? k : it->second;
}

template <typename T>
void merge_aliases(std::vector<std::string>& into, const std::string& name, const T& from_name,
                   const std::vector<std::string>& from) {
  add_alias(into, name, from_name);
  for (const auto& a : from)
    add_alias(into, name, a);
}

} // namespace

std::string area_key(const ThematicArea& a) {
  return fmt::format("{}\x1f{}", a.vista, a.number);
}

CenterKeys center_keys(const ResponsibilityCenter& c) {
  return {matching_key(c.name), matching_key(c.short_name)};
}

void EntityMerge::entities(const importer::ImportedSheet& s) {
  if (index_.vistas.insert(s.vista.code).second) {
    d_.vistas.push_back(s.vista);
    ++r_.entities_added;
  }
  for (const auto& p : s.persons) {
    auto it = std::find_if(d_.persons.begin(), d_.persons.end(),
                           [&](const Person& q) { return same_entity(q.key, p.key); });
    if (it == d_.persons.end()) {
      d_.persons.push_back(p);
      ++r_.entities_added;
      continue;
    }
    persons_[p.key] = it->key;
    merge_aliases(it->aliases, it->name, p.name, p.aliases);
    if (it->username.empty()) it->username = p.username;
  }
  for (const auto& a : s.assessorati) {
    auto it = std::find_if(d_.assessorati.begin(), d_.assessorati.end(),
                           [&](const Assessorato& q) { return same_entity(q.key, a.key); });
    if (it == d_.assessorati.end()) {
      d_.assessorati.push_back(a);
      ++r_.entities_added;
      continue;
    }
    assessorati_[a.key] = it->key;
    merge_aliases(it->aliases, it->description, a.description, a.aliases);
    if (it->delegations.empty()) it->delegations = a.delegations;
  }
  for (const auto& a : s.areas) {
    if (index_.areas.insert(area_key(a)).second) {
      d_.areas.push_back(a);
      ++r_.entities_added;
    }
  }
  for (const auto& c : s.centers)
    center(c);
  for (auto& c : d_.centers) {
    c.parent = mapped(centers_, c.parent);
    c.head = mapped(persons_, c.head);
  }
}

Objective EntityMerge::remap(Objective o) const {
  o.assessorato = mapped(assessorati_, o.assessorato);
  o.responsible = mapped(persons_, o.responsible);
  o.center = mapped(centers_, o.center);
  for (auto& p : o.phases) {
    p.responsible = mapped(persons_, p.responsible);
    p.center = mapped(centers_, p.center);
  }
  for (auto& p : o.people)
    p.person = mapped(persons_, p.person);
  return o;
}

bool EntityMerge::synthetic_code(const ResponsibilityCenter& c) {
  return c.code == c.peg_sigla || c.code == matching_key(c.short_name) ||
         c.code == matching_key(c.name);
}

void EntityMerge::center(const ResponsibilityCenter& c) {
  auto& keys = index_.center_keys;
  const CenterKeys ck = center_keys(c);
  auto same = [&](std::size_t k) {
    const ResponsibilityCenter& e = d_.centers[k];
    if (e.code == c.code) return true;
    if (!e.name.empty() && !c.name.empty() && same_entity(keys[k].name, ck.name)) return true;
    if (!e.short_name.empty() && !c.short_name.empty() &&
        same_entity(keys[k].short_name, ck.short_name))
      return true;
    return !e.peg_sigla.empty() && e.peg_sigla == c.peg_sigla && e.kind == c.kind;
  };
  std::size_t k = 0;
  while (k < d_.centers.size() && !same(k))
    ++k;
  if (k == d_.centers.size()) {
    d_.centers.push_back(c);
    keys.push_back(ck);
    ++r_.entities_added;
    return;
  }
  auto it = d_.centers.begin() + static_cast<std::ptrdiff_t>(k);
  // A centre first known only by its PEG sigla gets its real code when a sheet prints it.
  if (it->code != c.code && synthetic_code(*it) && !synthetic_code(c))
    rename_center(it->code, c.code);
  centers_[c.code] = it->code;
  if (it->name.empty())
    it->name = c.name;
  else if (!c.name.empty())
    add_alias(it->aliases, it->name, c.name);
  if (it->short_name.empty())
    it->short_name = c.short_name;
  else if (!c.short_name.empty())
    add_alias(it->aliases, it->short_name, c.short_name);
  for (const auto& a : c.aliases)
    add_alias(it->aliases, it->name, a);
  if (it->peg_sigla.empty()) it->peg_sigla = c.peg_sigla;
  if (it->parent.empty()) it->parent = c.parent;
  if (it->head.empty()) it->head = c.head;
  keys[k] = center_keys(*it);
}

void EntityMerge::rename_center(std::string from, std::string to) {
  for (auto& c : d_.centers) {
    if (c.code == from) c.code = to;
    if (c.parent == from) c.parent = to;
  }
  // Rare (once per centre at most): a scan of the objectives is fine here.
  for (std::size_t k = 0; k < d_.objectives.size(); ++k) {
    auto& o = d_.objectives[k];
    bool uses = o.center == from || o.direction == from ||
                std::any_of(o.phases.begin(), o.phases.end(),
                            [&](const Phase& p) { return p.center == from; });
    if (!uses) continue;
    touch_(k);
    if (o.center == from) o.center = to;
    if (o.direction == from) o.direction = to;
    for (auto& p : o.phases)
      if (p.center == from) p.center = to;
  }
  for (auto& [k, v] : centers_)
    if (v == from) v = to;
}

} // namespace traguardi::app::sheet_merge_detail
