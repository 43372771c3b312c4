#include "app/sheet_merge.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/codes.h"
#include "core/italian.h"
#include "core/normalize.h"
#include "importer/entity_dictionary.h"

namespace traguardi::app {
namespace {

using importer::add_alias;
using importer::ImportFinding;
using importer::same_entity;
using KeyMap = std::map<std::string, std::string>;

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

class Merger {
public:
  Merger(Dataset& d, SheetMergeReport& r) : d_(d), r_(r) {}

  void entities(const importer::ImportedSheet& s) {
    if (!find_vista(d_, s.vista.code)) {
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
      bool known = std::any_of(d_.areas.begin(), d_.areas.end(), [&](const ThematicArea& q) {
        return q.vista == a.vista && q.number == a.number;
      });
      if (!known) {
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
    auto same = [&](const ResponsibilityCenter& e) {
      if (e.code == c.code) return true;
      if (!e.name.empty() && !c.name.empty() &&
          same_entity(matching_key(e.name), matching_key(c.name)))
        return true;
      if (!e.short_name.empty() && !c.short_name.empty() &&
          same_entity(matching_key(e.short_name), matching_key(c.short_name)))
        return true;
      return !e.peg_sigla.empty() && e.peg_sigla == c.peg_sigla && e.kind == c.kind;
    };
    auto it = std::find_if(d_.centers.begin(), d_.centers.end(), same);
    if (it == d_.centers.end()) {
      d_.centers.push_back(c);
      ++r_.entities_added;
      return;
    }
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
  }

  void rename_center(std::string from, std::string to) {
    for (auto& c : d_.centers) {
      if (c.code == from) c.code = to;
      if (c.parent == from) c.parent = to;
    }
    for (auto& o : d_.objectives) {
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
  KeyMap persons_, assessorati_, centers_;
};

// Content equality, versions aside.
bool same_content(Objective a, Objective b) {
  a.version = b.version = 0;
  if (a.phases.size() != b.phases.size() || a.indicators.size() != b.indicators.size())
    return false;
  for (std::size_t i = 0; i < a.phases.size(); ++i)
    a.phases[i].version = b.phases[i].version = 0;
  for (std::size_t i = 0; i < a.indicators.size(); ++i)
    a.indicators[i].version = b.indicators[i].version = 0;
  return a == b;
}

// Carries the versions of `old` over to `now`, bumping those whose content changed.
void carry_versions(const Objective& old, Objective& now) {
  for (auto& p : now.phases) {
    p.version = 1;
    for (const auto& q : old.phases)
      if (q.order == p.order) {
        Phase a = p, b = q;
        a.version = b.version = 0;
        p.version = a == b ? q.version : q.version + 1;
      }
  }
  for (auto& i : now.indicators) {
    i.version = 1;
    for (const auto& j : old.indicators)
      if (j.order == i.order) {
        Indicator a = i, b = j;
        a.version = b.version = 0;
        i.version = a == b ? j.version : j.version + 1;
      }
  }
  now.version = same_content(old, now) ? old.version : old.version + 1;
}

std::string previous_peg_code(const std::string& code) {
  auto p = decode_peg(code);
  if (!p) return {};
  return fmt::format("{}_{}_{:02d}", p->year - 1, p->sigla, p->sequence);
}

const Indicator* matching_indicator(const Objective& prev, const Indicator& i) {
  std::string key = matching_key(i.description);
  for (const auto& j : prev.indicators)
    if (matching_key(j.description) == key) return &j;
  for (const auto& j : prev.indicators)
    if (same_entity(matching_key(j.description), key)) return &j;
  return nullptr;
}

ImportFinding finding(const Indicator& i, Severity s, std::string code, std::string message,
                      std::string expected, std::string action) {
  return ImportFinding{s,
                       i.source.document,
                       i.source.line_from,
                       std::move(code),
                       std::move(message),
                       std::move(expected),
                       std::move(action)};
}

} // namespace

std::vector<ImportFinding> reconcile_history(Dataset& d) {
  std::vector<ImportFinding> out;
  for (auto& o : d.objectives) {
    if (!o.year) continue;
    std::string prev_code = previous_peg_code(o.code);
    const Objective* prev = nullptr;
    for (const auto& p : d.objectives)
      if (p.code == prev_code) prev = &p;
    if (!prev) continue;
    int y1 = *o.year - 1;
    for (auto& i : o.indicators) {
      const Indicator* j = matching_indicator(*prev, i);
      if (!j || !j->actual) continue;
      std::string where = fmt::format("{} ({} anno {})", prev->code, prev->vista, y1);
      bool has_y1 = false;
      for (auto& h : i.history) {
        if (h.year != y1 || h.column != 1) continue;
        if (h.value == j->actual) {
          has_y1 = true;
          if (h.ambiguous) {
            h.ambiguous = false;
            out.push_back(finding(i, Severity::info, "storico_confermato",
                                  fmt::format("valore {} confermato come {} da {}",
                                              italian::format_number(*h.value), y1, where),
                                  "", "colonna N-1 confermata"));
          }
        } else if (h.ambiguous) {
          h.year = y1 - 1;
          h.column = 2;
          h.ambiguous = false;
          out.push_back(finding(i, Severity::info, "storico_spostato",
                                fmt::format("il valore {} non è quello del {} ({} in {})",
                                            h.value ? italian::format_number(*h.value) : "vuoto",
                                            y1, italian::format_number(*j->actual), where),
                                "valore dell'anno N-1",
                                fmt::format("valore spostato all'anno {}", y1 - 1)));
        } else {
          has_y1 = true;
          out.push_back(finding(i, Severity::warning, "storico_in_conflitto",
                                fmt::format("valore {} stampato per il {} ma {} riporta {}",
                                            h.value ? italian::format_number(*h.value) : "vuoto",
                                            y1, where, italian::format_number(*j->actual)),
                                "lo stesso valore nei due documenti",
                                "tenuti entrambi i valori come stampati"));
        }
      }
      if (!has_y1) {
        bool linked = std::any_of(i.history.begin(), i.history.end(), [&](const HistoryValue& h) {
          return h.year == y1 && h.column == 0;
        });
        if (!linked) i.history.push_back(HistoryValue{y1, j->actual, 0, false});
      }
      std::stable_sort(i.history.begin(), i.history.end(),
                       [](const HistoryValue& a, const HistoryValue& b) {
                         return a.year != b.year ? a.year > b.year : a.column < b.column;
                       });
    }
  }
  return out;
}

SheetMergeReport merge_sheet(Dataset& d, const importer::ImportedSheet& s) {
  SheetMergeReport r;
  const Dataset before = d;
  Merger m(d, r);
  m.entities(s);
  bool known_doc =
      std::any_of(d.documents.begin(), d.documents.end(),
                  [&](const SourceDocument& x) { return x.sha256 == s.document.sha256; });
  if (!known_doc) {
    d.documents.push_back(s.document);
    r.document_added = true;
  }
  for (const auto& a : s.ancestors) {
    Objective o = m.remap(a);
    if (Objective* e = find_objective(d, o.vista, o.code)) {
      if (e->short_description.empty()) e->short_description = o.short_description;
      if (e->parent.empty()) e->parent = o.parent;
      continue;
    }
    d.objectives.push_back(o);
    ++r.ancestors_added;
  }
  for (const auto& src : s.objectives) {
    Objective o = m.remap(src);
    if (Objective* e = find_objective(d, o.vista, o.code)) {
      if (o.short_description.empty()) o.short_description = e->short_description;
      if (o.parent.empty()) o.parent = e->parent;
      *e = std::move(o);
    } else {
      d.objectives.push_back(std::move(o));
    }
  }
  r.findings = reconcile_history(d);
  // Versions: unchanged objectives keep theirs, changed ones are bumped.
  for (auto& o : d.objectives) {
    const Objective* old = find_objective(before, o.vista, o.code);
    if (!old) {
      if (std::none_of(s.ancestors.begin(), s.ancestors.end(),
                       [&](const Objective& a) { return a.code == o.code; }))
        ++r.objectives_added;
      continue;
    }
    bool from_sheet =
        std::any_of(s.objectives.begin(), s.objectives.end(),
                    [&](const Objective& x) { return x.code == o.code && x.vista == o.vista; });
    carry_versions(*old, o);
    if (o.version != old->version)
      ++r.objectives_updated;
    else if (from_sheet)
      ++r.objectives_unchanged;
  }
  return r;
}

} // namespace traguardi::app
