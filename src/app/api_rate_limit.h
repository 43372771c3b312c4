// Requests per minute of each API token, counted across every `serve` process (issue 11).
//
// Several server processes may answer behind one proxy on one database (issue 10: the server
// keeps no state of its own), so a budget kept in one process's memory would give a token one
// budget per process. Counts live in the database (store/accounts.h, table api_rate): each
// process adds its own requests per token and minute and reads the sum of every process. To
// spare a database write per request, a process writes its pending count for a token at most
// once a second, or sooner after a twentieth of the budget; between writes it judges with the
// totals it last read plus its own pending requests. A token may thus exceed its budget by at
// most a twentieth per process, for at most a second.
//
// The budget is a sliding minute: the requests of the current minute plus those of the
// previous one weighted by the part of it still inside the last sixty seconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "store/store.h"

namespace traguardi::app {

class ApiRateLimiter {
public:
  explicit ApiRateLimiter(int per_minute);
  /// 0 when the request of `key` may go on (and is counted), else the whole seconds to wait.
  int acquire(Store& store, const std::string& key);
  /// Same at a chosen instant, for tests.
  int acquire(Store& store, const std::string& key, std::chrono::system_clock::time_point now);

private:
  struct Entry {
    std::int64_t minute = -1;
    std::int64_t previous = 0, current = 0; // every process's, as last read
    std::int64_t pending = 0;               // this process's, not yet written
    std::chrono::system_clock::time_point synced;
    bool syncing = false; // one request at a time writes and reads for the token
  };
  int per_minute_;
  std::int64_t flush_every_;
  std::string server_; // this process, as its rows in the database
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::int64_t pruned_minute_ = -1;

  void sync(Store& store, const std::string& key, std::int64_t minute,
            std::chrono::system_clock::time_point now);
};

} // namespace traguardi::app
