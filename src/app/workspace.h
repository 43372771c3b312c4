// The database a long-running front end (the web server) works on: a pool of open stores.
//
// Why in app: the web layer must not reach the store, yet each request needs its own
// connection (one SqlStore serves one thread at a time). A Workspace lends a Store to a use
// case for the length of one call and drops a connection that broke, so the next request
// reconnects; front ends only ever pass the Store& on to app functions.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "app/plan_cache.h"
#include "app/view_memo.h"
#include "core/error.h"
#include "store/store.h"

namespace traguardi {
class StorePool;
}

namespace traguardi::app {

/// The connections a server with `workers` HTTP workers opens when none were asked for
/// (`requested` 0): one per worker on SQLite, where a connection is a file handle and a page
/// cache, so no request waits for another's; 8 on PostgreSQL, where each is a server process.
std::size_t default_connections(const std::string& location, int workers, int requested);

class Workspace {
public:
  /// Opens `connections` stores on an existing database (migrating its schema forward).
  Workspace(const std::string& location, std::size_t connections);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  /// Runs `f(Store&)` on a borrowed store; a StoreError discards that connection.
  template <typename F> auto with_store(F&& f) -> decltype(f(std::declval<Store&>()));

  /// The location without password, for the start-up line.
  std::string shown_location() const;
  std::size_t connections() const;
  /// Plans shared by the requests of this process (checked against the database each time).
  PlanCache& plans() { return plans_; }
  /// Charts and tables drawn from those plans, kept per plan version.
  ViewMemo& views() { return views_; }

private:
  struct Borrowed {
    Store* store;
    void* lease;
  };
  Borrowed borrow();
  void give_back(Borrowed b, bool broken);
  std::unique_ptr<StorePool> pool_;
  PlanCache plans_;
  ViewMemo views_;
};

/// A cheap query proving the database answers (/healthz).
void ping(Store& store);

template <typename F> auto Workspace::with_store(F&& f) -> decltype(f(std::declval<Store&>())) {
  Borrowed b = borrow();
  try {
    if constexpr (std::is_void_v<decltype(f(*b.store))>) {
      f(*b.store);
      give_back(b, false);
    } else {
      auto r = f(*b.store);
      give_back(b, false);
      return r;
    }
  } catch (const StoreError&) {
    give_back(b, true);
    throw;
  } catch (...) {
    give_back(b, false);
    throw;
  }
}

} // namespace traguardi::app
