// Bulk loads (replace_many) on both back-ends: PostgreSQL sends them through COPY, so the
// text encoding, the ordering of parent rows and the late reporting of errors are checked
// here with data that would break a naive encoder.
#include "core/error.h"
#include "store_fixture.h"
#include "support/sample_dataset.h"

using namespace traguardi;
using traguardi::testing::StoreTest;

namespace {

std::function<std::optional<Dataset>()> feed(std::vector<Dataset> items) {
  auto shared = std::make_shared<std::vector<Dataset>>(std::move(items));
  auto next = std::make_shared<std::size_t>(0);
  return [shared, next]() -> std::optional<Dataset> {
    if (*next >= shared->size()) return std::nullopt;
    return (*shared)[(*next)++];
  };
}

} // namespace

using BulkTest = StoreTest;

TEST_P(BulkTest, ManyEntiRoundTripWithAwkwardText) {
  auto store = open();
  std::vector<Dataset> items;
  for (const char* code : {"A", "B", "C"})
    items.push_back(traguardi::testing::sample_dataset(code));
  auto& o = items[1].objectives[0];
  o.description = "tab\there\nnewline \\N not null \\ backslash\r\n «virgolette» è";
  items[1].ente.name = "\\.";
  store->replace_many(feed(items));
  for (const auto& d : items)
    EXPECT_EQ(*store->load(d.ente.code), d) << d.ente.code;
  EXPECT_EQ(store->list_enti().size(), 3u);
}

TEST_P(BulkTest, AFailureAnywhereLeavesTheDatabaseAsItWas) {
  auto store = open();
  auto before = traguardi::testing::sample_dataset("A");
  store->replace(before);
  auto changed = traguardi::testing::sample_dataset("A");
  changed.objectives.pop_back();
  auto broken = traguardi::testing::sample_dataset("B");
  broken.objectives.push_back(broken.objectives.front()); // duplicate key, reported late
  EXPECT_THROW(store->replace_many(feed({changed, broken})), Conflict);
  EXPECT_EQ(*store->load("A"), before);
  EXPECT_FALSE(store->load("B"));
  // The connection is usable again, and a later bulk load goes through.
  store->replace_many(feed({changed}));
  EXPECT_EQ(*store->load("A"), changed);
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkTest,
                         ::testing::ValuesIn(traguardi::testing::store_backends()),
                         [](const auto& info) { return info.param; });
