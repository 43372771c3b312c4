// Plans kept in memory between requests, checked against the database on every use.
//
// The web pages read one ente's whole plan per request; loading it costs dozens of queries
// (~3 ms for the demo comune), while asking whether it changed is one indexed query: the id
// of the ente's latest audit entry, which every write adds (Store::change_stamp). A cached
// plan is handed out only while that stamp is unchanged, so a change made by another server
// process over the same database is seen at the next request: the server stays stateless in
// what it answers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/model.h"
#include "store/store.h"

namespace traguardi::app {

class PlanCache {
public:
  /// The ente's plan, from memory when unchanged; nullptr when the ente does not exist.
  std::shared_ptr<const Dataset> get(Store& store, const std::string& ente);

private:
  struct Entry {
    std::int64_t stamp = -1;
    std::shared_ptr<const Dataset> plan;
  };
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

} // namespace traguardi::app
