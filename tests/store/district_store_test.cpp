// The Piano di Zona part of a dataset survives the store on every back-end.
#include <gtest/gtest.h>

#include "store_fixture.h"
#include "support/sample_dataset.h"
#include "support/sample_district.h"

using namespace traguardi;
using traguardi::testing::StoreTest;

namespace {

class DistrictStoreTest : public StoreTest {};

TEST_P(DistrictStoreTest, RoundTripKeepsTheDistrictPlanLevelsAndStatistics) {
  auto store = open();
  auto d = traguardi::testing::sample_district();
  store->replace(d);
  auto back = store->load(d.ente.code);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->vistas, d.vistas);
  ASSERT_TRUE(back->district);
  EXPECT_EQ(back->district->macro_objectives, d.district->macro_objectives);
  EXPECT_EQ(back->district->evaluation, d.district->evaluation);
  EXPECT_EQ(back->statistics, d.statistics);
  EXPECT_EQ(*back, d);
}

TEST_P(DistrictStoreTest, ReplacingAnAmbitoRemovesItsOldRowsAndLeavesComuniAlone) {
  auto store = open();
  auto comune = traguardi::testing::sample_dataset("C_BORGO");
  store->replace(comune);
  auto d = traguardi::testing::sample_district();
  store->replace(d);
  d.district->macro_objectives.clear();
  d.statistics.pop_back();
  store->replace(d);
  auto back = store->load(d.ente.code);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
  auto c = store->load("C_BORGO");
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, comune);
  EXPECT_FALSE(c->district);
}

INSTANTIATE_TEST_SUITE_P(Backends, DistrictStoreTest,
                         ::testing::ValuesIn(traguardi::testing::store_backends()),
                         [](const auto& info) { return info.param; });

} // namespace
