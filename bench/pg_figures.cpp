// Benchmark: derived figures for every ente of a PostgreSQL database, computed the way
// traguardi computes them (Store::load + compute_all + compute_rollups), against one
// hand-written SQL aggregate of objective progress over the same phase rows, in the same run.
//
// Why: server mode must stay usable at national scale; the question is what the generic
// Store path costs against the fastest thing a DBA could write by hand. The SQL lives here,
// not in src/store, because it is the yardstick, not part of the product. The two results are
// cross-checked (same objectives with a progress, same sum within rounding).
//
//   pg_figures_bench postgresql://… [threads]
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sys/resource.h>
#include <thread>

#include <fmt/format.h>

#include "core/figures.h"
#include "store/pg_connection.h"
#include "store/pool.h"

using namespace traguardi;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

struct Tally {
  long enti = 0, objectives = 0, with_progress = 0, rollups = 0;
  __int128 progress_sum = 0; // micro-units
  void add(const Tally& o) {
    enti += o.enti;
    objectives += o.objectives;
    with_progress += o.with_progress;
    rollups += o.rollups;
    progress_sum += o.progress_sum;
  }
};

// Strict progress per objective with the rules of core/figures.h: missing avanzamento counts
// as 0, weights are normalised, equal weights when no fase has a peso.
constexpr const char* kAggregate = R"SQL(
SELECT count(*), coalesce(sum(round(p)), 0)::text FROM (
  SELECT CASE WHEN count(weight_micro) > 0
              THEN sum(coalesce(weight_micro, 0)::numeric * coalesce(progress_micro, 0))
                   / nullif(sum(coalesce(weight_micro, 0)), 0)
              ELSE avg(coalesce(progress_micro, 0)) END AS p
  FROM phase GROUP BY ente, vista, objective) per_objective
WHERE p IS NOT NULL)SQL";

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "uso: pg_figures_bench URL [thread]\n";
    return 2;
  }
  const std::string url = argv[1];
  const int threads = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  try {
    StorePool pool(url, static_cast<std::size_t>(threads));
    std::vector<Ente> enti = pool.borrow()->list_enti();

    auto t0 = Clock::now();
    Tally total;
    std::mutex mutex;
    std::size_t next = 0;
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w)
      workers.emplace_back([&] {
        Tally mine;
        auto store = pool.borrow();
        for (;;) {
          std::size_t i;
          {
            std::lock_guard lock(mutex);
            if (next >= enti.size()) break;
            i = next++;
          }
          auto d = store->load(enti[i].code);
          auto figures = compute_all(*d);
          auto rollups = compute_rollups(*d, figures);
          ++mine.enti;
          mine.rollups += static_cast<long>(rollups.size());
          for (const auto& f : figures) {
            ++mine.objectives;
            if (f.progress.value) {
              ++mine.with_progress;
              mine.progress_sum += f.progress.value->units();
            }
          }
        }
        std::lock_guard lock(mutex);
        total.add(mine);
      });
    for (auto& t : workers)
      t.join();
    double app_s = seconds_since(t0);

    auto conn = sql::open_postgres(url);
    auto t1 = Clock::now();
    auto& st = conn->prepare(kAggregate);
    st.step();
    long sql_count = static_cast<long>(sql::as_int(st.column(0)).value_or(-1));
    std::string sql_sum = sql::as_text(st.column(1));
    st.reset();
    double sql_s = seconds_since(t1);

    auto& size = conn->prepare("SELECT pg_database_size(current_database())");
    size.step();
    double size_mb = static_cast<double>(sql::as_int(size.column(0)).value_or(0)) / 1048576.0;
    size.reset();

    const long long app_sum = static_cast<long long>(total.progress_sum);
    const long long diff = app_sum - std::atoll(sql_sum.c_str());
    std::cout << fmt::format("enti: {}, obiettivi: {}, con avanzamento: {} (SQL: {}), "
                             "aggregazioni: {}\n",
                             total.enti, total.objectives, total.with_progress, sql_count,
                             total.rollups);
    std::cout << fmt::format("somma avanzamenti: app {} SQL {} (differenza {} micro-unità, "
                             "arrotondamenti)\n",
                             app_sum, sql_sum, diff);
    std::cout << fmt::format("traguardi (load + cifre derivate, {} thread): {:.2f} s\n", threads,
                             app_s);
    std::cout << fmt::format("SQL scritto a mano (solo avanzamento): {:.2f} s\n", sql_s);
    std::cout << fmt::format("rapporto: {:.1f}x\n", app_s / sql_s);
    std::cout << fmt::format("dimensione del database: {:.0f} MB; memoria di picco: {} MB\n",
                             size_mb, peak_rss_mb());
    const bool consistent =
        sql_count == total.with_progress && std::llabs(diff) <= static_cast<long long>(sql_count);
    if (!consistent) std::cerr << "ATTENZIONE: i risultati di app e SQL non coincidono\n";
    return consistent ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "pg_figures_bench: " << e.what() << "\n";
    return 1;
  }
}
