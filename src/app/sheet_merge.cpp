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
#include "app/sheet_entity_merge.h"
#include "core/normalize.h"
#include "importer/entity_dictionary.h"

namespace traguardi::app {

using namespace sheet_merge_detail;

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
