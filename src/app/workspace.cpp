#include "app/workspace.h"

#include <algorithm>

#include "core/error.h"
#include "store/pool.h"

namespace traguardi::app {

Workspace::Workspace(const std::string& location, std::size_t connections) {
  // Opening once with OpenMode::existing migrates the schema before the pool opens the rest.
  open_store(location, OpenMode::existing);
  pool_ = std::make_unique<StorePool>(location, connections);
}

Workspace::~Workspace() = default;

std::size_t default_connections(const std::string& location, int workers, int requested) {
  if (requested > 0) return static_cast<std::size_t>(requested);
  return is_postgres_url(location) ? 8 : static_cast<std::size_t>(std::max(1, workers));
}

void ping(Store& store) {
  store.schema_version();
}

std::string Workspace::shown_location() const {
  return traguardi::shown_location(pool_->location());
}

std::size_t Workspace::connections() const {
  return pool_->size();
}

Workspace::Borrowed Workspace::borrow() {
  auto* lease = new StorePool::Lease(pool_->borrow());
  return {&**lease, lease};
}

void Workspace::give_back(Borrowed b, bool broken) {
  auto* lease = static_cast<StorePool::Lease*>(b.lease);
  if (broken) lease->discard();
  delete lease;
}

} // namespace traguardi::app
