#include "app/dataset_merge.h"

#include <algorithm>

namespace traguardi::app {
namespace {

// Records are compared without versions: the store assigns those.
Objective bare(Objective o) {
  o.version = 0;
  for (auto& p : o.phases)
    p.version = 0;
  for (auto& i : o.indicators)
    i.version = 0;
  return o;
}

template <typename T, typename Same>
int upsert(std::vector<T>& base, const std::vector<T>& incoming, Same same) {
  int changed = 0;
  for (const auto& x : incoming) {
    auto it = std::find_if(base.begin(), base.end(), [&](const T& b) { return same(b, x); });
    if (it == base.end()) {
      base.push_back(x);
      ++changed;
    } else if (!(*it == x)) {
      *it = x;
      ++changed;
    }
  }
  return changed;
}

} // namespace

MergeCounts merge_by_identity(Dataset& base, const Dataset& in) {
  MergeCounts c;
  if (!in.ente.name.empty() && in.ente.name != base.ente.name) {
    base.ente.name = in.ente.name;
    ++c.organisation;
  }
  c.organisation +=
      upsert(base.vistas, in.vistas, [](auto& a, auto& b) { return a.code == b.code; });
  c.organisation += upsert(base.areas, in.areas, [](auto& a, auto& b) {
    return a.vista == b.vista && a.number == b.number;
  });
  c.organisation +=
      upsert(base.assessorati, in.assessorati, [](auto& a, auto& b) { return a.key == b.key; });
  c.organisation +=
      upsert(base.centers, in.centers, [](auto& a, auto& b) { return a.code == b.code; });
  c.organisation +=
      upsert(base.persons, in.persons, [](auto& a, auto& b) { return a.key == b.key; });
  upsert(base.documents, in.documents, [](auto& a, auto& b) { return a.sha256 == b.sha256; });
  for (const auto& o : in.objectives) {
    Objective* mine = find_objective(base, o.vista, o.code);
    if (!mine) {
      base.objectives.push_back(o);
      ++c.added;
    } else if (bare(*mine) == bare(o)) {
      ++c.unchanged;
    } else {
      *mine = o;
      ++c.updated;
    }
  }
  return c;
}

Disappearing disappearing(const Dataset& old, const Dataset& repl) {
  Disappearing d;
  for (const auto& o : old.objectives) {
    const Objective* n = find_objective(repl, o.vista, o.code);
    if (!n) {
      ++d.objectives;
      d.phases += static_cast<int>(o.phases.size());
      d.indicators += static_cast<int>(o.indicators.size());
      continue;
    }
    for (const auto& p : o.phases)
      d.phases += std::none_of(n->phases.begin(), n->phases.end(),
                               [&](const Phase& x) { return x.order == p.order; });
    for (const auto& i : o.indicators)
      d.indicators += std::none_of(n->indicators.begin(), n->indicators.end(),
                                   [&](const Indicator& x) { return x.order == i.order; });
  }
  for (const auto& c : old.centers)
    d.centers += find_center(repl, c.code) == nullptr;
  for (const auto& p : old.persons)
    d.persons += find_person(repl, p.key) == nullptr;
  return d;
}

} // namespace traguardi::app
