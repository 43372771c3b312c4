#include "app/api_rate_limit.h"

#include <algorithm>
#include <cmath>

#include "app/auth.h"

namespace traguardi::app {
namespace {

constexpr auto kSyncInterval = std::chrono::seconds(1);

/// Requests counted against the budget at `fraction` (0..1) of the current minute.
double estimate(std::int64_t previous, std::int64_t current, double fraction) {
  return static_cast<double>(previous) * (1 - fraction) + static_cast<double>(current);
}

/// Seconds until the estimate falls to `room`, with no new requests.
double seconds_until(std::int64_t previous, std::int64_t current, double fraction, double room) {
  if (current <= room && previous > 0) {
    const double over = estimate(previous, current, fraction) - room;
    return std::max(0.0, 60 * over / static_cast<double>(previous));
  }
  // Past this minute the current count becomes the previous one, fading over the next minute.
  const double rest = 60 * (1 - fraction);
  return rest + 60 * std::max(0.0, 1 - room / static_cast<double>(current));
}

} // namespace

ApiRateLimiter::ApiRateLimiter(int per_minute)
    : per_minute_(std::max(1, per_minute)),
      flush_every_(std::max<std::int64_t>(1, per_minute_ / 20)),
      server_(random_token().substr(0, 16)) {}

int ApiRateLimiter::acquire(Store& store, const std::string& key) {
  return acquire(store, key, std::chrono::system_clock::now());
}

void ApiRateLimiter::sync(Store& store, const std::string& key, std::int64_t minute,
                          std::chrono::system_clock::time_point now) {
  std::int64_t delta = 0, earlier = -1;
  {
    std::lock_guard lock(mutex_);
    Entry& e = entries_[key];
    delta = e.pending;
    e.pending = 0;
    if (e.minute != minute) earlier = e.minute;
  }
  // Outside the lock: other tokens' requests do not wait for this one's database round trip.
  std::pair<std::int64_t, std::int64_t> totals;
  try {
    if (earlier >= 0 && delta > 0) { // pending requests of a minute that has passed
      store.accounts().add_rate_count(key, server_, earlier, delta);
      delta = 0;
    }
    totals = store.accounts().add_rate_count(key, server_, minute, delta);
  } catch (...) {
    std::lock_guard lock(mutex_);
    Entry& e = entries_[key];
    e.pending += delta; // written next time
    e.syncing = false;
    throw;
  }
  bool prune = false;
  {
    std::lock_guard lock(mutex_);
    Entry& e = entries_[key];
    e.minute = minute;
    e.previous = totals.first;
    e.current = totals.second;
    e.synced = now;
    e.syncing = false;
    prune = pruned_minute_ != minute;
    pruned_minute_ = minute;
  }
  if (prune) store.accounts().prune_rate_counts(minute - 1);
}

int ApiRateLimiter::acquire(Store& store, const std::string& key,
                            std::chrono::system_clock::time_point now) {
  const double seconds = std::chrono::duration<double>(now.time_since_epoch()).count();
  const auto minute = static_cast<std::int64_t>(std::floor(seconds / 60));
  const double fraction = (seconds - static_cast<double>(minute) * 60) / 60;
  bool stale = false;
  {
    std::lock_guard lock(mutex_);
    if (entries_.size() > 100000) entries_.clear(); // bounded memory; only forgets pending
    Entry& e = entries_[key];
    // A new minute is always read; within one, a request already reading serves the others.
    stale = e.minute != minute || (now - e.synced >= kSyncInterval && !e.syncing);
    if (stale) e.syncing = true;
  }
  if (stale) sync(store, key, minute, now);
  bool flush = false;
  double wait = 0;
  bool refused = false;
  {
    std::lock_guard lock(mutex_);
    Entry& e = entries_[key];
    const std::int64_t current = e.current + e.pending;
    const double room = per_minute_ - 1;
    if (estimate(e.previous, current, fraction) <= room) {
      ++e.pending;
      flush = e.pending >= flush_every_ && !e.syncing;
      if (flush) e.syncing = true;
    } else {
      refused = true;
      wait = seconds_until(e.previous, current, fraction, room);
    }
  }
  if (refused) return std::max(1, static_cast<int>(std::ceil(wait)));
  if (flush) sync(store, key, minute, now);
  return 0;
}

} // namespace traguardi::app
