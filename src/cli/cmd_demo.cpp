// `traguardi demo`: creates the fictional comune and district (and, for benchmarks, many more
// enti).
#include <iostream>

#include <fmt/format.h>

#include "app/demo_write.h"
#include "cli/commands.h"

namespace traguardi::cli {

void register_demo(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "demo", "Crea i dati dimostrativi di un comune e di un ambito sociale immaginari");
  add_common_options(*sub, ctx, false);
  static demo::Options opt;
  auto* enti = sub->add_option("--enti", opt.enti, "Numero di enti da generare (solo comuni)")
                   ->check(CLI::Range(1, 100000))
                   ->capture_default_str();
  auto* objectives =
      sub->add_option("--objectives", opt.peg_objectives, "Obiettivi di PEG per ente (solo comuni)")
          ->check(CLI::Range(1, demo::kMaxPegObjectives))
          ->capture_default_str();
  static bool district = false, comune_only = false;
  sub->add_flag("--distretto", district,
                "Crea l'ambito immaginario anche con --enti o --objectives");
  sub->add_flag("--solo-comune", comune_only,
                "Solo il Comune di Valdora, senza l'ambito e i suoi comuni")
      ->excludes("--distretto");
  sub->callback([&ctx, enti, objectives] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      // The district by default; benchmark shapes (--enti, --objectives) keep only comuni.
      const bool with_district =
          district || (!comune_only && enti->count() == 0 && objectives->count() == 0);
      const bool progress = opt.enti >= 100;
      auto out = app::write_demo(
          s, opt,
          [&](int done) {
            if (progress && done % 100 == 0)
              std::cerr << fmt::format("\rgenerati {} enti su {}", done, opt.enti) << std::flush;
          },
          with_district);
      if (progress) std::cerr << "\n";
      const std::size_t district_enti = with_district ? 1 + out.district_enti : 0;
      std::cout << fmt::format("Dati dimostrativi scritti in {}: {} enti, {} obiettivi.\n",
                               s.shown_location(), out.enti + district_enti,
                               out.objectives + out.district_objectives);
      if (with_district)
        std::cout << fmt::format(
            "Ambito dimostrativo {} con {} comuni; {} collegamenti dei macro-obiettivi a "
            "obiettivi di PEG di {} comuni.\nIl database contiene più enti: indicare "
            "--ente C_VALDORA (comune) o --ente {} (ambito) negli altri comandi.\n",
            out.district, out.comuni, out.district_links, out.linked_comuni, out.district);
      return 0;
    });
  });
}

} // namespace traguardi::cli
