// `traguardi summary`: counts and the derived figures per objective, with their inputs.
// The JSON shape is read by other tools; keep the documented keys stable (docs/cli.md).
// `--aggregati ASSE` lists the roll-ups of one axis; `--format csv|xlsx --out FILE` exports the
// objectives (or the roll-ups) as a spreadsheet table (app/list_export.h).
#include <iostream>

#include "app/summary.h"
#include "cli/commands.h"
#include "cli/list_output.h"
#include "core/district_levels.h"
#include "core/italian.h"
#include <fmt/format.h>

namespace traguardi::cli {
namespace {

std::string it_pct(const std::optional<Decimal>& d) {
  return d ? italian::format_percent(*d) : std::string("n.d.");
}

// One line (or JSON object) per ente, streamed: a national database never sits in memory.
int print_overview(app::Session& s, bool json) {
  if (json)
    std::cout << "{\"enti\": [";
  else
    std::cout << fmt::format("{:<14} {:>10} {:>6} {:>12} {:>12}\n", "Ente", "Obiettivi", "PEG",
                             "Avanzamento", "Raggiungim.");
  bool first = true;
  app::overview_enti(s, [&](const EnteOverview& o) {
    if (json) {
      std::cout << (first ? "\n  " : ",\n  ") << app::overview_json_line(o);
    } else {
      std::cout << fmt::format("{:<14} {:>10} {:>6} {:>12} {:>12}\n", o.ente, o.objectives,
                               o.peg_objectives, it_pct(o.mean_progress()),
                               it_pct(o.mean_achievement()));
    }
    first = false;
  });
  if (json) std::cout << "\n]}\n";
  return 0;
}

} // namespace

void register_summary(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("summary", "Conteggi e indicatori calcolati per obiettivo");
  add_common_options(*sub, ctx);
  static bool json = false, all = false;
  static std::string axis;
  static ListOutput list;
  auto* json_flag = sub->add_flag("--json", json, "Risultato in JSON");
  auto* all_flag = sub->add_flag("--all", all,
                                 "Una riga per ogni ente del database (media di avanzamento e "
                                 "raggiungimento degli obiettivi)");
  auto* axis_opt = sub->add_option("--aggregati", axis,
                                   "Medie per programma, missione, mandato, cdr, responsabile o "
                                   "assessorato, con gli obiettivi da cui vengono")
                       ->check(CLI::IsMember(app::rollup_axes()));
  axis_opt->excludes(json_flag)->excludes(all_flag);
  add_list_options(*sub, list)->excludes(json_flag)->excludes(all_flag);
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      if (all) return print_overview(s, json);
      auto sum = take(app::summarize(s));
      if (!axis.empty()) {
        const auto table = app::rollup_list(sum, axis);
        if (!export_list(list, table)) std::cout << app::list_text(table);
        return 0;
      }
      if (export_list(list, app::summary_list(sum))) return 0;
      if (json) {
        std::cout << app::summary_json(sum);
        return 0;
      }
      const Dataset& d = sum.dataset;
      const auto& figs = sum.figures;
      const auto& by_level = sum.by_level;
      const auto phases = sum.phases, indicators = sum.indicators;
      auto rollup_of = [&](const Objective& o) { return sum.rollup_of(o); };
      std::cout << fmt::format("{} ({})\n", d.ente.name, d.ente.code);
      if (d.district) {
        std::string levels;
        for (const auto& l : district_level_counts(d))
          levels += fmt::format("{}{} {}", levels.empty() ? "" : ", ", l.count, l.level.name);
        std::cout << fmt::format("Piano di Zona {} ({} comuni): {}; {} obiettivi valutati.\n",
                                 d.district->vista, d.district->comuni.size(), levels,
                                 d.district->evaluation.size());
      }
      std::cout << fmt::format("Obiettivi: {} di mandato, {} di missione, {} di programma, {} "
                               "di PEG; {} fasi, {} indicatori.\n\n",
                               by_level[0], by_level[1], by_level[2], by_level[3], phases,
                               indicators);
      std::cout << fmt::format("{:<18} {:<10} {:>6} {:>13} {:>12}\n", "Codice", "Livello", "Fasi",
                               "Avanzamento", "Raggiungim.");
      bool any_rollup = false;
      for (std::size_t i = 0; i < d.objectives.size(); ++i) {
        const auto& o = d.objectives[i];
        std::string progress = it_pct(figs[i].progress.value);
        if (const auto* r = rollup_of(o); r && !figs[i].progress.value && r->progress) {
          progress = it_pct(r->progress) + "*";
          any_rollup = true;
        }
        std::cout << fmt::format("{:<18} {:<10} {:>6} {:>13} {:>12}\n", o.code, to_string(o.level),
                                 o.phases.size(), progress, it_pct(figs[i].achievement.value));
      }
      if (any_rollup)
        std::cout << "\n* media degli obiettivi di PEG collegati (l'obiettivo non ha fasi "
                     "proprie).\n";
      return 0;
    });
  });
}

} // namespace traguardi::cli
