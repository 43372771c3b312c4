#include "store/pool.h"

namespace traguardi {

StorePool::StorePool(std::string location, std::size_t size) : location_(std::move(location)) {
  if (size == 0) size = 1;
  for (std::size_t i = 0; i < size; ++i) {
    slots_.push_back(open_store(location_, OpenMode::existing));
    idle_.push_back(size - 1 - i); // borrow hands out slot 0 first
  }
}

StorePool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(other.slot_), store_(other.store_), discard_(other.discard_) {
  other.pool_ = nullptr;
}

StorePool::Lease::~Lease() {
  if (pool_) pool_->give_back(slot_, discard_);
}

StorePool::Lease StorePool::borrow() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [&] { return !idle_.empty(); });
  return take(lock);
}

std::optional<StorePool::Lease> StorePool::try_borrow_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, timeout, [&] { return !idle_.empty(); })) return std::nullopt;
  return take(lock);
}

std::size_t StorePool::available() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

StorePool::Lease StorePool::take(std::unique_lock<std::mutex>& lock) {
  std::size_t slot = idle_.back();
  idle_.pop_back();
  if (!slots_[slot]) {
    // Reopen outside the lock: a slow server must not block the other borrowers.
    lock.unlock();
    try {
      auto store = open_store(location_, OpenMode::existing);
      lock.lock();
      slots_[slot] = std::move(store);
    } catch (...) {
      give_back(slot, true);
      throw;
    }
  }
  return Lease(this, slot, slots_[slot].get());
}

void StorePool::give_back(std::size_t slot, bool discard) {
  std::unique_ptr<Store> closing;
  {
    std::lock_guard lock(mutex_);
    if (discard) closing = std::move(slots_[slot]);
    idle_.push_back(slot);
  }
  freed_.notify_one();
}

} // namespace traguardi
