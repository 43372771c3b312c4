// `traguardi demo`: creates the fictional comune (and, for benchmarks, many more enti).
#include <iostream>

#include <fmt/format.h>

#include "app/demo.h"
#include "app/demo_district.h"
#include "cli/commands.h"

namespace traguardi::cli {

void register_demo(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("demo", "Crea i dati dimostrativi di un comune immaginario");
  add_common_options(*sub, ctx, false);
  static demo::Options opt;
  sub->add_option("--enti", opt.enti, "Numero di enti da generare")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  sub->add_option("--objectives", opt.peg_objectives, "Obiettivi di PEG per ente")
      ->check(CLI::Range(1, demo::kMaxPegObjectives))
      ->capture_default_str();
  static bool district = false;
  sub->add_flag("--distretto", district,
                "Crea anche un ambito immaginario di 5 comuni con Piano di Zona, valutazione e "
                "statistiche (più enti: i comandi vorranno --ente)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::create);
      int next = 0;
      long objectives = 0;
      const bool progress = opt.enti >= 100;
      store->replace_many([&]() -> std::optional<Dataset> {
        if (next >= opt.enti) return std::nullopt;
        Dataset d = demo::make_ente(next++, opt);
        objectives += static_cast<long>(d.objectives.size());
        if (progress && next % 100 == 0)
          std::cerr << fmt::format("\rgenerati {} enti su {}", next, opt.enti) << std::flush;
        return d;
      });
      if (progress) std::cerr << "\n";
      if (district) {
        auto enti = demo::make_district();
        for (const auto& d : enti)
          store->replace(d);
        std::cout << fmt::format("Ambito dimostrativo {} con {} comuni e {} enti con PEG "
                                 "collegati.\n",
                                 enti.front().ente.code, enti.front().district->comuni.size(),
                                 enti.size() - 1);
      }
      std::cout << fmt::format("Dati dimostrativi scritti in {}: {} enti, {} obiettivi.\n",
                               shown_location(ctx.db), opt.enti, objectives);
      return 0;
    });
  });
}

} // namespace traguardi::cli
