// Benchmark: derived figures for every ente of a PostgreSQL database, computed the way
// `traguardi summary --all` computes them (Store::scan_for_figures, then objective progress
// and achievement per ente), against one
// hand-written SQL aggregate of objective progress over the same phase rows, in the same run.
//
// Why: server mode must stay usable at national scale; the question is what the generic
// Store path costs against the fastest thing a DBA could write by hand. The SQL lives here,
// not in src/store, because it is the yardstick, not part of the product. The two results are
// cross-checked (same objectives with a progress, same sum within rounding).
//
//   pg_figures_bench postgresql://…
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sys/resource.h>

#include <fmt/format.h>

#include "app/overview.h"
#include "core/figures.h"
#include "store/pg_connection.h"
#include "store/store.h"

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
  long enti = 0, objectives = 0, with_progress = 0;
  __int128 progress_sum = 0; // micro-units
  void add(const Tally& o) {
    enti += o.enti;
    objectives += o.objectives;
    with_progress += o.with_progress;
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
    std::cerr << "uso: pg_figures_bench URL\n";
    return 2;
  }
  const std::string url = argv[1];
  try {
    // The product path: `traguardi summary --all` (app/overview.h) over one connection.
    auto store = open_store(url, OpenMode::existing);
    auto t0 = Clock::now();
    Tally total;
    overview_all(*store, [&](const EnteOverview& o) {
      ++total.enti;
      total.objectives += o.objectives;
      total.with_progress += o.with_progress;
      total.progress_sum += o.progress_sum.units();
    });
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
    std::cout << fmt::format("enti: {}, obiettivi: {}, con avanzamento: {} (SQL: {})\n",
                             total.enti, total.objectives, total.with_progress, sql_count);
    std::cout << fmt::format("somma avanzamenti: app {} SQL {} (differenza {} micro-unità, "
                             "arrotondamenti)\n",
                             app_sum, sql_sum, diff);
    std::cout << fmt::format("traguardi (summary --all: lettura + cifre derivate): {:.2f} s\n",
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
