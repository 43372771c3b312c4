#include "app/view_memo.h"

namespace traguardi::app {
namespace {
// A bound on the texts kept (each a few kB): an ente with thousands of objectives or a
// database of many enti must not grow the server without limit.
constexpr std::size_t kMaxTexts = 20000;
} // namespace

std::string ViewMemo::text(const std::shared_ptr<const Dataset>& plan, const std::string& key,
                           const std::function<std::string()>& make) {
  {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(plan.get());
    // The address alone could belong to a newer plan allocated where a freed one was.
    if (it != slots_.end() && it->second.plan.lock() == plan) {
      auto t = it->second.texts.find(key);
      if (t != it->second.texts.end()) return t->second;
    }
  }
  std::string made = make(); // outside the lock: other pages go on meanwhile
  std::lock_guard lock(mutex_);
  if (texts_ >= kMaxTexts) sweep();
  if (texts_ >= kMaxTexts) return made;
  Slot& slot = slots_[plan.get()];
  if (slot.plan.lock() != plan) {
    texts_ -= slot.texts.size();
    slot = Slot{plan, {}};
  }
  if (slot.texts.emplace(key, made).second) ++texts_;
  return made;
}

void ViewMemo::sweep() {
  for (auto it = slots_.begin(); it != slots_.end();) {
    if (it->second.plan.expired()) {
      texts_ -= it->second.texts.size();
      it = slots_.erase(it);
    } else {
      ++it;
    }
  }
  if (texts_ >= kMaxTexts) {
    slots_.clear();
    texts_ = 0;
  }
}

} // namespace traguardi::app
