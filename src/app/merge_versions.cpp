#include "app/merge_versions.h"

#include <utility>
#include <vector>

namespace traguardi::app {
namespace {

// Equality with the versions aside, compared in place: a copy of each record per comparison
// was a large part of merging many sheets.
template <typename T> bool same_but_version(T& a, T& b) {
  auto va = a.version, vb = b.version;
  a.version = b.version = 0;
  bool same = a == b;
  a.version = va;
  b.version = vb;
  return same;
}

// Content equality of objectives, versions of the objective and of its parts aside.
bool same_content(Objective& a, Objective& b) {
  if (a.phases.size() != b.phases.size() || a.indicators.size() != b.indicators.size())
    return false;
  for (std::size_t i = 0; i < a.phases.size(); ++i)
    if (!same_but_version(a.phases[i], b.phases[i])) return false;
  for (std::size_t i = 0; i < a.indicators.size(); ++i)
    if (!same_but_version(a.indicators[i], b.indicators[i])) return false;
  // The parts are equal: compare the rest with them set aside (moved, not copied).
  std::vector<Phase> ap, bp;
  std::vector<Indicator> ai, bi;
  std::swap(a.phases, ap);
  std::swap(b.phases, bp);
  std::swap(a.indicators, ai);
  std::swap(b.indicators, bi);
  bool same = same_but_version(a, b);
  std::swap(a.phases, ap);
  std::swap(b.phases, bp);
  std::swap(a.indicators, ai);
  std::swap(b.indicators, bi);
  return same;
}

} // namespace

void carry_versions(Objective& old, Objective& now) {
  for (auto& p : now.phases) {
    p.version = 1;
    for (auto& q : old.phases)
      if (q.order == p.order) p.version = same_but_version(p, q) ? q.version : q.version + 1;
  }
  for (auto& i : now.indicators) {
    i.version = 1;
    for (auto& j : old.indicators)
      if (j.order == i.order) i.version = same_but_version(i, j) ? j.version : j.version + 1;
  }
  now.version = same_content(old, now) ? old.version : old.version + 1;
}

} // namespace traguardi::app
