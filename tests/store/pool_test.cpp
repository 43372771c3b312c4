// The store pool on both back-ends: bounded, shared safely between threads, self-healing.
#include <atomic>
#include <set>
#include <thread>

#include "core/error.h"
#include "store/pool.h"
#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif
#include "store_fixture.h"
#include "support/sample_dataset.h"

using namespace traguardi;
using traguardi::testing::StoreTest;

using PoolTest = StoreTest;

TEST_P(PoolTest, LendsEachStoreToOneBorrowerAtATime) {
  open()->replace(traguardi::testing::sample_dataset());
  StorePool pool(location_, 3);
  EXPECT_EQ(pool.available(), 3u);
  std::set<Store*> distinct;
  {
    auto a = pool.borrow();
    auto b = pool.borrow();
    auto c = pool.borrow();
    distinct = {&*a, &*b, &*c};
    EXPECT_EQ(distinct.size(), 3u);
    EXPECT_EQ(pool.available(), 0u);
    EXPECT_FALSE(pool.try_borrow_for(std::chrono::milliseconds(30)));
    EXPECT_EQ(b->load("C_PROVA")->objectives.size(), 4u);
  }
  EXPECT_EQ(pool.available(), 3u);
  auto again = pool.borrow();
  EXPECT_TRUE(distinct.count(&*again));
}

TEST_P(PoolTest, ManyThreadsShareFewConnections) {
  open()->replace(traguardi::testing::sample_dataset());
  StorePool pool(location_, 2);
  std::atomic<int> busy{0}, peak{0}, loads{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      for (int k = 0; k < 10; ++k) {
        try {
          auto lease = pool.borrow();
          int now = ++busy;
          int seen = peak.load();
          while (now > seen && !peak.compare_exchange_weak(seen, now)) {
          }
          if (lease->load("C_PROVA")) ++loads;
          --busy;
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(loads.load(), 60);
  EXPECT_LE(peak.load(), 2);
  EXPECT_EQ(pool.available(), 2u);
}

TEST_P(PoolTest, DiscardedConnectionIsReopened) {
  open()->replace(traguardi::testing::sample_dataset());
  StorePool pool(location_, 1);
#ifdef TRAGUARDI_HAVE_POSTGRES
  if (GetParam() == "postgresql") {
    // A server restart, as the pool sees it: its connection is cut from the other side.
    auto admin = sql::open_postgres(location_);
    admin->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                   "current_database() AND pid <> pg_backend_pid()");
    auto lease = pool.borrow();
    EXPECT_THROW(lease->load("C_PROVA"), StoreError);
    lease.discard();
  }
#endif
  {
    auto lease = pool.borrow();
    lease.discard();
  }
  auto lease = pool.borrow();
  EXPECT_EQ(lease->load("C_PROVA")->objectives.size(), 4u);
  EXPECT_EQ(pool.available(), 0u);
}

TEST_P(PoolTest, RefusesADatabaseThatIsNotReady) {
  EXPECT_THROW(StorePool(location_, 2), StoreError); // empty: never created
}

INSTANTIATE_TEST_SUITE_P(Backends, PoolTest,
                         ::testing::ValuesIn(traguardi::testing::store_backends()),
                         [](const auto& info) { return info.param; });
