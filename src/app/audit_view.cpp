#include "app/audit_view.h"

#include <algorithm>
#include <set>

#include "app/plan_access.h"

namespace traguardi::app {

const Objective* audit_objective(const Dataset& d, const AuditEntry& e) {
  auto first = e.target.find('/');
  if (first == std::string::npos) return nullptr;
  auto second = e.target.find('/', first + 1);
  return find_objective(d, e.target.substr(0, first),
                        e.target.substr(first + 1, second == std::string::npos
                                                       ? std::string::npos
                                                       : second - first - 1));
}

Result<AuditView> audit_view(Session& s, const Principal& p, const Dataset& d,
                             const AuditViewQuery& q) {
  AuditQuery wide = q.filter; // the filter choices ignore the user and kind chosen
  wide.actor.clear();
  wide.action.clear();
  auto listing = list_audit(s, wide);
  if (!listing) return tl::unexpected(listing.error());
  AuditView v;
  v.ente = listing->ente;
  v.scoped = p.role == UserRole::responsabile;
  std::set<std::string> actors, actions;
  std::vector<AuditEntry> kept;
  for (auto& e : listing->entries) {
    if (v.scoped) {
      const Objective* o = audit_objective(d, e);
      if (!o || !can_record_progress(p, d, *o)) continue;
    }
    actors.insert(e.actor);
    actions.insert(e.action);
    if (!q.filter.actor.empty() && e.actor != q.filter.actor) continue;
    if (!q.filter.action.empty() && e.action != q.filter.action) continue;
    kept.push_back(std::move(e));
  }
  v.actors.assign(actors.begin(), actors.end());
  v.actions.assign(actions.begin(), actions.end());
  v.total = kept.size();
  const std::size_t per = std::max<std::size_t>(1, q.per_page);
  v.pages = std::max<std::size_t>(1, (v.total + per - 1) / per);
  v.page = std::clamp<std::size_t>(q.page, 1, v.pages);
  // Newest first: page 1 holds the last `per` entries.
  const std::size_t skip = (v.page - 1) * per;
  for (std::size_t i = 0; i < per && skip + i < kept.size(); ++i)
    v.entries.push_back(std::move(kept[kept.size() - 1 - skip - i]));
  auto verdict = verify_audit(s);
  if (!verdict) return tl::unexpected(verdict.error());
  v.check = verdict->check;
  return v;
}

} // namespace traguardi::app
