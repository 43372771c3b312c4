// A memoised chart must be the one of the plan version asked for: the same object gives the
// remembered text, a new version (even at a reused address) is drawn again.
#include "app/view_memo.h"

#include <gtest/gtest.h>

using namespace traguardi;

TEST(ViewMemo, SamePlanObjectDrawsOnce) {
  app::ViewMemo memo;
  auto plan = std::make_shared<const Dataset>();
  int drawn = 0;
  auto make = [&] { return "svg-" + std::to_string(++drawn); };
  EXPECT_EQ(memo.text(plan, "gantt/A", make), "svg-1");
  EXPECT_EQ(memo.text(plan, "gantt/A", make), "svg-1");
  EXPECT_EQ(memo.text(plan, "gantt/B", make), "svg-2");
  EXPECT_EQ(drawn, 2);
}

TEST(ViewMemo, NewPlanVersionIsDrawnAgain) {
  app::ViewMemo memo;
  int drawn = 0;
  auto make = [&] { return "svg-" + std::to_string(++drawn); };
  const Dataset* first_address = nullptr;
  {
    auto v1 = std::make_shared<const Dataset>();
    first_address = v1.get();
    EXPECT_EQ(memo.text(v1, "k", make), "svg-1");
  }
  // The allocator often hands the freed address to the next plan: it must not inherit texts.
  for (int i = 0; i < 50; ++i) {
    auto v2 = std::make_shared<const Dataset>();
    const std::string got = memo.text(v2, "k", make);
    EXPECT_NE(got, "svg-1");
    if (v2.get() == first_address) SUCCEED() << "address reused at attempt " << i;
  }
  auto v3 = std::make_shared<const Dataset>();
  const std::string a = memo.text(v3, "k", make);
  EXPECT_EQ(memo.text(v3, "k", make), a);
}
