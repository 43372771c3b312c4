#include "app/sheet_merge.h"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "app/history_links.h"
#include "app/merge_versions.h"
#include "core/normalize.h"
#include "importer/entity_dictionary.h"

namespace traguardi::app {
namespace {

using importer::add_alias;
using importer::ImportFinding;
using importer::same_entity;
using KeyMap = std::map<std::string, std::string>;
// Called with the position of an existing objective just before it is changed.
using BeforeChange = std::function<void(std::size_t)>;

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

std::string area_key(const ThematicArea& a) {
  return fmt::format("{}\x1f{}", a.vista, a.number);
}

// Matching keys of a centre's names, computed once per centre rather than once per comparison.
struct CenterKeys {
  std::string name, short_name;
};
CenterKeys center_keys(const ResponsibilityCenter& c) {
  return {matching_key(c.name), matching_key(c.short_name)};
}

struct EntityIndex {
  std::unordered_set<std::string> vistas; // codes
  std::unordered_set<std::string> areas;  // area_key
  std::vector<CenterKeys> center_keys;    // parallel to Dataset::centers
};

// Entities of one sheet: persons, assessorati, areas, centres, vista. Keys of the sheet that
// name an existing entity are mapped to it; the objectives of the sheet are then remapped.
class EntityMerge {
public:
  EntityMerge(Dataset& d, SheetMergeReport& r, EntityIndex& index, const BeforeChange& touch)
      : d_(d), r_(r), index_(index), touch_(touch) {}

  void entities(const importer::ImportedSheet& s) {
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

  Objective remap(Objective o) const {
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

private:
  static bool synthetic_code(const ResponsibilityCenter& c) {
    return c.code == c.peg_sigla || c.code == matching_key(c.short_name) ||
           c.code == matching_key(c.name);
  }

  void center(const ResponsibilityCenter& c) {
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

  void rename_center(std::string from, std::string to) {
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

  Dataset& d_;
  SheetMergeReport& r_;
  EntityIndex& index_;
  const BeforeChange& touch_;
  KeyMap persons_, assessorati_, centers_;
};

} // namespace

void SheetMergeReport::add(SheetMergeReport&& o) {
  objectives_added += o.objectives_added;
  objectives_updated += o.objectives_updated;
  objectives_unchanged += o.objectives_unchanged;
  ancestors_added += o.ancestors_added;
  entities_added += o.entities_added;
  document_added = document_added || o.document_added;
  findings.insert(findings.end(), std::make_move_iterator(o.findings.begin()),
                  std::make_move_iterator(o.findings.end()));
}

// What stays true of the Dataset from one sheet to the next: where each objective is.
// Objectives are only ever added at the end or replaced in place, so positions are stable.
struct SheetMerger::State {
  Dataset& d;
  std::unordered_map<std::string, std::size_t> by_key; // objective_key -> position
  // code -> positions in ascending order, every vista: the previous-year objective of a series
  // is the last one with the previous code (as a scan of the Dataset would find).
  std::unordered_map<std::string, std::vector<std::size_t>> by_code;
  std::unordered_set<std::string> documents; // sha256
  EntityIndex entities;
  bool reconciled = false; // the whole Dataset reconciled once (data from before the merger)

  explicit State(Dataset& dataset) : d(dataset) {
    for (std::size_t k = 0; k < d.objectives.size(); ++k)
      index(k);
    for (const auto& doc : d.documents)
      documents.insert(doc.sha256);
    for (const auto& v : d.vistas)
      entities.vistas.insert(v.code);
    for (const auto& a : d.areas)
      entities.areas.insert(area_key(a));
    for (const auto& c : d.centers)
      entities.center_keys.push_back(center_keys(c));
  }

  static std::string objective_key(const std::string& vista, const std::string& code) {
    std::string k;
    k.reserve(vista.size() + code.size() + 1);
    k.append(vista).push_back('\x1f');
    k.append(code);
    return k;
  }
  void index(std::size_t k) {
    const Objective& o = d.objectives[k];
    by_key.try_emplace(objective_key(o.vista, o.code), k); // the first, as find_objective
    by_code[o.code].push_back(k);
  }
  Objective* find(const Objective& o) {
    auto it = by_key.find(objective_key(o.vista, o.code));
    return it == by_key.end() ? nullptr : &d.objectives[it->second];
  }
  std::size_t position(const Objective* o) const {
    return static_cast<std::size_t>(o - d.objectives.data());
  }
  void append(Objective o) {
    d.objectives.push_back(std::move(o));
    index(d.objectives.size() - 1);
  }
  const std::vector<std::size_t>* with_code(const std::string& code) const {
    auto it = by_code.find(code);
    return it == by_code.end() ? nullptr : &it->second;
  }
};

namespace {

// One sheet: merges, then reconciles and re-versions only the objectives it touched.
class OneSheet {
public:
  // The sheet's objectives and document are moved into the Dataset.
  OneSheet(SheetMerger::State& st, importer::ImportedSheet& s)
      : st_(st), d_(st.d), s_(s), first_new_(st.d.objectives.size()), touch_([this](std::size_t k) {
          if (k < first_new_) before_.try_emplace(k, d_.objectives[k]);
        }) {}

  SheetMergeReport run() {
    EntityMerge m(d_, r_, st_.entities, touch_);
    m.entities(s_);
    if (st_.documents.insert(s_.document.sha256).second) {
      d_.documents.push_back(std::move(s_.document));
      r_.document_added = true;
    }
    ancestors(m);
    objectives(m);
    reconcile();
    versions();
    return std::move(r_);
  }

private:
  void ancestors(const EntityMerge& m) {
    for (auto& a : s_.ancestors) {
      ancestor_codes_.insert(a.code);
      Objective o = m.remap(std::move(a));
      if (Objective* e = st_.find(o)) {
        touch_(st_.position(e));
        if (e->short_description.empty()) e->short_description = o.short_description;
        if (e->parent.empty()) e->parent = o.parent;
        continue;
      }
      st_.append(std::move(o));
      ++r_.ancestors_added;
    }
  }

  void objectives(const EntityMerge& m) {
    for (auto& src : s_.objectives) {
      Objective o = m.remap(std::move(src));
      if (Objective* e = st_.find(o)) {
        std::size_t k = st_.position(e);
        from_sheet_.insert(k);
        if (o.short_description.empty()) o.short_description = e->short_description;
        if (o.parent.empty()) o.parent = e->parent;
        replace(k, std::move(o));
      } else {
        st_.append(std::move(o));
      }
    }
  }

  // The sheet's version of an existing objective takes its place; the one it replaces becomes
  // the snapshot when there is none yet (moved, not copied: most objectives of a large import
  // are replaced this way).
  void replace(std::size_t k, Objective&& o) {
    if (k < first_new_ && !before_.count(k))
      before_.emplace(k, std::exchange(d_.objectives[k], std::move(o)));
    else
      d_.objectives[k] = std::move(o);
  }

  // The series to reconcile: every objective this sheet changed or added, and those of the
  // following year whose previous-year objective is one of them.
  std::vector<std::size_t> touched_series() const {
    std::vector<std::size_t> out;
    auto add = [&](std::size_t k) {
      out.push_back(k);
      if (const auto* next = st_.with_code(next_peg_code(d_.objectives[k].code)))
        out.insert(out.end(), next->begin(), next->end());
    };
    for (const auto& [k, old] : before_)
      add(k);
    for (std::size_t k = first_new_; k < d_.objectives.size(); ++k)
      add(k);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void reconcile() {
    std::vector<std::size_t> series;
    if (st_.reconciled) {
      series = touched_series();
    } else {
      series.resize(d_.objectives.size());
      for (std::size_t k = 0; k < series.size(); ++k)
        series[k] = k;
      st_.reconciled = true;
    }
    for (std::size_t k : series) {
      if (!d_.objectives[k].year) continue;
      const auto* prev = st_.with_code(previous_peg_code(d_.objectives[k].code));
      if (!prev) continue;
      touch_(k);
      reconcile_series(d_.objectives[k], d_.objectives[prev->back()], r_.findings);
    }
  }

  // Unchanged objectives keep their versions, changed ones are bumped.
  void versions() {
    for (auto& [k, old] : before_) {
      Objective& o = d_.objectives[k];
      carry_versions(old, o);
      if (o.version != old.version)
        ++r_.objectives_updated;
      else if (from_sheet_.count(k))
        ++r_.objectives_unchanged;
    }
    for (std::size_t k = first_new_; k < d_.objectives.size(); ++k)
      if (!ancestor_codes_.count(d_.objectives[k].code)) ++r_.objectives_added;
  }

  SheetMerger::State& st_;
  Dataset& d_;
  importer::ImportedSheet& s_;
  std::unordered_set<std::string> ancestor_codes_;
  const std::size_t first_new_;
  SheetMergeReport r_;
  std::unordered_map<std::size_t, Objective> before_; // existing objectives, before the sheet
  std::unordered_set<std::size_t> from_sheet_;        // existing objectives the sheet prints
  BeforeChange touch_;
};

} // namespace

SheetMerger::SheetMerger(Dataset& d) : state_(std::make_unique<State>(d)) {}
SheetMerger::~SheetMerger() = default;

void SheetMerger::reserve(std::size_t objectives) {
  state_->d.objectives.reserve(state_->d.objectives.size() + objectives);
}

SheetMergeReport SheetMerger::merge(importer::ImportedSheet&& sheet) {
  return OneSheet(*state_, sheet).run();
}

SheetMergeReport SheetMerger::merge(const importer::ImportedSheet& sheet) {
  importer::ImportedSheet copy = sheet;
  return merge(std::move(copy));
}

SheetMergeReport merge_sheet(Dataset& d, const importer::ImportedSheet& sheet) {
  return SheetMerger(d).merge(sheet);
}

} // namespace traguardi::app
