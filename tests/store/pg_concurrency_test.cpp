// Many writers race on the same fase and indicator of one PostgreSQL database.
//
// Why: server mode serves many users at once, and the promise is "a stale edit is refused, not
// silently applied". Each writer has its own connection (as each web worker will), reads the
// current version, and writes with it; the test proves that no accepted write was lost: every
// accepted write produced a distinct version, the final version counts them exactly, the final
// values are those of the last accepted write, and the audit log has one entry per acceptance.
#include <barrier>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "pg_fixture.h"
#include "store/pg_connection.h"
#include "store/store.h"
#include "support/sample_dataset.h"

using namespace traguardi;
namespace tt = traguardi::testing;

namespace {

constexpr const char* kEnte = "C_PROVA";
constexpr const char* kVista = "DUP_2021_2023";
constexpr const char* kObjective = "2021_S01_03";

struct Tally {
  std::mutex mutex;
  int refused = 0;
  std::map<std::int64_t, std::string> accepted; // new version -> note written
  std::vector<std::string> unexpected;
  void accept(std::int64_t version, const std::string& note) {
    std::lock_guard lock(mutex);
    if (!accepted.emplace(version, note).second)
      unexpected.push_back(fmt::format("versione {} accettata due volte", version));
  }
};

std::int64_t count_audit(const std::string& location, const std::string& action) {
  auto c = sql::open_postgres(location);
  auto& st = c->prepare("SELECT count(*) FROM audit_log WHERE action = ?");
  st.bind(1, action);
  EXPECT_TRUE(st.step());
  return sql::as_int(st.column(0)).value_or(-1);
}

} // namespace

TEST(PostgresConcurrency, RacingWritersNeverLoseAnUpdate) {
  if (tt::pg_admin_url().empty()) GTEST_SKIP() << "eseguire con scripts/with-postgres";
  const std::string location = tt::fresh_pg_location();
  const auto initial = tt::sample_dataset();
  open_store(location, OpenMode::create)->replace(initial);
  const std::int64_t phase_start = initial.objectives[3].phases[1].version;
  const std::int64_t indicator_start = initial.objectives[3].indicators[0].version;

  constexpr int kWriters = 8, kAttempts = 25;
  Tally phases, indicators;
  std::barrier start(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      try {
        auto store = open_store(location, OpenMode::existing);
        start.arrive_and_wait();
        for (int k = 0; k < kAttempts; ++k) {
          auto ds = store->load(kEnte);
          Phase p = ds->objectives[3].phases[1];
          Indicator i = ds->objectives[3].indicators[0];
          const std::string note = fmt::format("scrittore {} tentativo {}", w, k);
          p.note = note;
          p.progress = Decimal::from_int(w * 10 + k % 10);
          i.note = note;
          i.actual = Decimal::from_int(w * 1000 + k);
          try {
            phases.accept(store->update_phase(kEnte, kVista, kObjective, 2, p.version, p,
                                              {{"avanzamento", "", note}, {"note", "", note}},
                                              ChangeAuthor{note, "", "", ""}),
                          note);
          } catch (const Conflict&) {
            std::lock_guard lock(phases.mutex);
            ++phases.refused;
          }
          try {
            indicators.accept(store->update_indicator(kEnte, kVista, kObjective, 1, i.version, i,
                                                      {{"raggiunto", "", note}, {"note", "", note}},
                                                      ChangeAuthor{note, "", "", ""}),
                              note);
          } catch (const Conflict&) {
            std::lock_guard lock(indicators.mutex);
            ++indicators.refused;
          }
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(phases.mutex);
        phases.unexpected.push_back(e.what());
      }
    });
  for (auto& t : writers)
    t.join();

  EXPECT_TRUE(phases.unexpected.empty()) << phases.unexpected.front();
  EXPECT_TRUE(indicators.unexpected.empty()) << indicators.unexpected.front();
  const int total = kWriters * kAttempts;
  const int phase_ok = static_cast<int>(phases.accepted.size());
  const int indicator_ok = static_cast<int>(indicators.accepted.size());
  EXPECT_EQ(phase_ok + phases.refused, total);
  EXPECT_EQ(indicator_ok + indicators.refused, total);
  // Contention really happened, and the race was not serialised away.
  EXPECT_GT(phases.refused, 0);
  EXPECT_GT(indicators.refused, 0);
  EXPECT_GE(phase_ok, kAttempts);
  std::cout << fmt::format("fase: {} accettate, {} rifiutate; indicatore: {} accettate, {} "
                           "rifiutate\n",
                           phase_ok, phases.refused, indicator_ok, indicators.refused);

  auto final_ds = open_store(location, OpenMode::existing)->load(kEnte);
  const Phase& p = final_ds->objectives[3].phases[1];
  const Indicator& i = final_ds->objectives[3].indicators[0];
  // Versions come from one counter per ente: they only grow and never repeat.
  EXPECT_GT(p.version, phase_start);
  EXPECT_GT(i.version, indicator_start);
  ASSERT_FALSE(phases.accepted.empty());
  EXPECT_GT(phases.accepted.begin()->first, phase_start);
  for (const auto& [version, note] : phases.accepted)
    EXPECT_EQ(indicators.accepted.count(version), 0u) << "versione " << version << " ripetuta";
  EXPECT_EQ(phases.accepted.rbegin()->first, p.version);
  EXPECT_EQ(p.note, phases.accepted.rbegin()->second);
  EXPECT_EQ(i.note, indicators.accepted.rbegin()->second);
  // One entry per changed field (avanzamento or raggiunto, and note).
  EXPECT_EQ(count_audit(location, "modifica fase"), 2 * phase_ok);
  EXPECT_EQ(count_audit(location, "modifica indicatore"), 2 * indicator_ok);
  EXPECT_TRUE(open_store(location, OpenMode::existing)->verify_audit(kEnte).ok());
  // Nothing else in the dataset moved.
  auto untouched = initial;
  untouched.objectives[3].phases[1] = p;
  untouched.objectives[3].indicators[0] = i;
  EXPECT_EQ(*final_ds, untouched);
}
