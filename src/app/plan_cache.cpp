#include "app/plan_cache.h"

namespace traguardi::app {

std::shared_ptr<const Dataset> PlanCache::get(Store& store, const std::string& ente) {
  const std::int64_t stamp = store.change_stamp(ente);
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(ente);
    if (it != entries_.end() && it->second.stamp == stamp) return it->second.plan;
  }
  auto loaded = store.load(ente);
  if (!loaded) return nullptr;
  auto plan = std::make_shared<const Dataset>(std::move(*loaded));
  // A write between the stamp and the load makes the plan newer than `stamp`: the next request
  // sees a different stamp and loads again, so nothing stale is ever kept.
  std::lock_guard lock(mutex_);
  entries_[ente] = Entry{stamp, plan};
  return plan;
}

} // namespace traguardi::app
