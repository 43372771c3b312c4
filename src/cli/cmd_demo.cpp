// `traguardi demo`: creates the fictional comune (and, for benchmarks, many more enti).
#include <iostream>

#include <fmt/format.h>

#include "app/demo_write.h"
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
      auto s = session(ctx);
      const bool progress = opt.enti >= 100;
      auto out = app::write_demo(
          s, opt,
          [&](int done) {
            if (progress && done % 100 == 0)
              std::cerr << fmt::format("\rgenerati {} enti su {}", done, opt.enti) << std::flush;
          },
          district);
      if (progress) std::cerr << "\n";
      if (district)
        std::cout << fmt::format("Ambito dimostrativo {} con {} comuni e {} enti con PEG "
                                 "collegati.\n",
                                 out.district, out.comuni, out.district_enti);
      std::cout << fmt::format("Dati dimostrativi scritti in {}: {} enti, {} obiettivi.\n",
                               s.shown_location(), out.enti, out.objectives);
      return 0;
    });
  });
}

} // namespace traguardi::cli
