// `summary --all` computes only the two printed values per objective; they must be exactly the
// values of the full, explained figures that `summary` of one ente shows.
#include "app/overview.h"

#include <filesystem>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/demo.h"
#include "core/figures.h"

using namespace traguardi;

TEST(Overview, BareValuesEqualTheExplainedFigures) {
  int compared = 0, with_progress = 0, with_achievement = 0;
  for (int k = 0; k < 4; ++k) {
    Dataset d = demo::make_ente(k, demo::Options{});
    for (const auto& o : d.objectives) {
      ObjectiveFigures f = compute_figures(o);
      EXPECT_EQ(progress_value(o), f.progress.value) << o.code;
      EXPECT_EQ(achievement_value(o), f.achievement.value) << o.code;
      ++compared;
      with_progress += f.progress.value ? 1 : 0;
      with_achievement += f.achievement.value ? 1 : 0;
    }
  }
  EXPECT_GT(compared, 100);
  EXPECT_GT(with_progress, 50);
  EXPECT_GT(with_achievement, 50);
}

TEST(Overview, EveryEnteWithTheMeansOfItsObjectives) {
  auto dir =
      std::filesystem::temp_directory_path() / fmt::format("traguardi-overview-{}", getpid());
  std::filesystem::create_directories(dir);
  {
    auto store = open_store((dir / "enti.sqlite").string(), OpenMode::create);
    std::vector<Dataset> enti;
    for (int k = 0; k < 3; ++k)
      enti.push_back(demo::make_ente(k, demo::Options{}));
    for (const auto& d : enti)
      store->replace(d);
    std::size_t seen = 0;
    overview_all(*store, [&](const EnteOverview& o) {
      const Dataset* d = nullptr;
      for (const auto& e : enti)
        if (e.ente.code == o.ente) d = &e;
      ASSERT_TRUE(d) << o.ente;
      ++seen;
      Decimal progress, achievement;
      int n_progress = 0, n_achievement = 0, peg = 0;
      for (const auto& f : compute_all(*d)) {
        if (f.level == Level::peg) ++peg;
        if (f.progress.value) progress += *f.progress.value, ++n_progress;
        if (f.achievement.value) achievement += *f.achievement.value, ++n_achievement;
      }
      EXPECT_EQ(o.objectives, static_cast<int>(d->objectives.size()));
      EXPECT_EQ(o.peg_objectives, peg);
      EXPECT_EQ(o.with_progress, n_progress);
      EXPECT_EQ(o.with_achievement, n_achievement);
      EXPECT_EQ(o.progress_sum, progress);
      EXPECT_EQ(o.achievement_sum, achievement);
    });
    EXPECT_EQ(seen, enti.size());
  }
  std::filesystem::remove_all(dir);
}
