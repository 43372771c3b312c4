// A fixed set of open stores for a multi-threaded server.
//
// Why: an SqlStore (one database connection with its prepared statements) serves one thread at
// a time, and opening a PostgreSQL connection per request costs a network handshake and a
// re-preparation of every statement. The web server borrows a store per request and gives it
// back when the request ends; when all are busy the request waits. Connections are opened
// when the pool is built, so a wrong URL or schema fails at start-up with the store's own
// message, not at the first request. Works for SQLite files too (one connection each).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace traguardi {

class StorePool {
public:
  /// Opens `size` (at least 1) stores on an existing database; throws what open_store throws.
  StorePool(std::string location, std::size_t size);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  /// A borrowed store, returned to the pool when the lease ends.
  class Lease {
  public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_; }
    /// The connection is broken (e.g. the server restarted): close it; the pool opens a new
    /// one the next time this slot is borrowed.
    void discard() { discard_ = true; }

  private:
    friend class StorePool;
    Lease(StorePool* pool, std::size_t slot, Store* store)
        : pool_(pool), slot_(slot), store_(store) {}
    StorePool* pool_;
    std::size_t slot_;
    Store* store_;
    bool discard_ = false;
  };

  /// Waits until a store is free.
  Lease borrow();
  /// Waits at most `timeout`; nullopt when every store stayed busy.
  std::optional<Lease> try_borrow_for(std::chrono::milliseconds timeout);

  std::size_t size() const { return slots_.size(); }
  std::size_t available() const;
  const std::string& location() const { return location_; }

private:
  Lease take(std::unique_lock<std::mutex>& lock);
  void give_back(std::size_t slot, bool discard);

  std::string location_;
  std::vector<std::unique_ptr<Store>> slots_; // null: to be reopened on next borrow
  std::vector<std::size_t> idle_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
};

} // namespace traguardi
