// Bulk loads (replace_many) on both back-ends: PostgreSQL sends them through COPY, so the
// text encoding, the ordering of parent rows and the late reporting of errors are checked
// here with data that would break a naive encoder.
#include "core/error.h"
#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif
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

// Keys, foreign keys and indexes of the schema (PostgreSQL; SQLite never drops them).
long key_count([[maybe_unused]] const std::string& backend,
               [[maybe_unused]] const std::string& location) {
#ifdef TRAGUARDI_HAVE_POSTGRES
  if (backend == "postgresql") {
    auto c = sql::open_postgres(location);
    auto& st = c->prepare(
        "SELECT (SELECT count(*) FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class t ON "
        "t.oid = k.conrelid WHERE t.relnamespace = current_schema()::regnamespace) + (SELECT "
        "count(*) FROM pg_catalog.pg_indexes WHERE schemaname = current_schema())");
    st.step();
    return static_cast<long>(sql::as_int(st.column(0)).value_or(-1));
  }
#endif
  return 0;
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

// Into an empty database the keys are built once at the end of the load (PostgreSQL drops
// and re-creates them inside the load's transaction): what they reject must still fail the
// whole load, and afterwards every key is back.
TEST_P(BulkTest, ALoadIntoAnEmptyDatabaseStillRejectsDuplicatesAsAWhole) {
  auto store = open();
  const auto keys = key_count(GetParam(), location_);
  auto a = traguardi::testing::sample_dataset("A");
  auto broken = traguardi::testing::sample_dataset("B");
  broken.objectives.push_back(broken.objectives.front()); // duplicate key
  EXPECT_THROW(store->replace_many(feed({a, broken})), Conflict);
  EXPECT_TRUE(store->list_enti().empty());
  EXPECT_EQ(key_count(GetParam(), location_), keys);
  store->replace_many(feed({a}));
  EXPECT_EQ(*store->load("A"), a);
  EXPECT_EQ(key_count(GetParam(), location_), keys);
}

TEST_P(BulkTest, ALoadIntoAnEmptyDatabaseStillRejectsMissingParents) {
  auto store = open();
  auto orphan = traguardi::testing::sample_dataset("B");
  orphan.objectives.front().vista = "VISTA_INESISTENTE"; // no such vista: foreign key
  EXPECT_THROW(store->replace_many(feed({traguardi::testing::sample_dataset("A"), orphan})),
               Conflict);
  EXPECT_TRUE(store->list_enti().empty());
  // Normal writes still check every reference.
  EXPECT_THROW(store->replace(orphan), Conflict);
  EXPECT_TRUE(store->list_enti().empty());
}

TEST_P(BulkTest, TheSameEnteTwiceInALoadIntoAnEmptyDatabaseKeepsTheLast) {
  auto store = open();
  auto first = traguardi::testing::sample_dataset("A");
  auto second = traguardi::testing::sample_dataset("A");
  second.objectives.pop_back();
  second.ente.name = "Seconda versione";
  store->replace_many(feed({first, traguardi::testing::sample_dataset("B"), second}));
  EXPECT_EQ(*store->load("A"), second);
  EXPECT_EQ(store->list_enti().size(), 2u);
  // Cascades work again after the load: replacing A leaves no stray rows behind. The objective
  // that comes back gets a new version (versions never repeat, issue 15 defect 1).
  store->replace(first);
  auto back = *store->load("A");
  ASSERT_EQ(back.objectives.size(), first.objectives.size());
  EXPECT_GT(back.objectives.back().version, first.objectives.back().version);
  auto expected = first;
  for (std::size_t i = 0; i < expected.objectives.size(); ++i) {
    auto& o = expected.objectives[i];
    const auto& b = back.objectives[i];
    o.version = b.version;
    for (std::size_t k = 0; k < o.phases.size() && k < b.phases.size(); ++k)
      o.phases[k].version = b.phases[k].version;
    for (std::size_t k = 0; k < o.indicators.size() && k < b.indicators.size(); ++k)
      o.indicators[k].version = b.indicators[k].version;
  }
  EXPECT_EQ(back, expected);
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkTest,
                         ::testing::ValuesIn(traguardi::testing::store_backends()),
                         [](const auto& info) { return info.param; });
