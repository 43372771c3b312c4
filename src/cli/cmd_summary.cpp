// `traguardi summary`: counts and the derived figures per objective, with their inputs.
// The JSON shape is read by other tools; keep the documented keys stable (docs/cli.md).
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/overview.h"
#include "cli/commands.h"
#include "core/district_levels.h"
#include "core/figures.h"
#include "core/italian.h"

namespace traguardi::cli {
namespace {

using J = nlohmann::ordered_json;

J dec(const std::optional<Decimal>& d, int decimals = 2) {
  return d ? J(d->to_string(decimals)) : J(nullptr);
}

// The Piano di Zona levels, listed like the objective levels.
J district_json(const Dataset& d) {
  J levels = J::array();
  for (const auto& l : district_level_counts(d))
    levels.push_back(J{{"key", l.level.key},
                       {"name", l.level.name},
                       {"order", l.level.order},
                       {"code_pattern", l.level.code_pattern},
                       {"count", l.count}});
  int strategic = 0;
  for (const auto& r : d.district->evaluation)
    strategic += r.type == "Strategico";
  return J{{"vista", d.district->vista},
           {"comuni", d.district->comuni.size()},
           {"levels", levels},
           {"evaluated_objectives", d.district->evaluation.size()},
           {"evaluated_strategic", strategic},
           {"statistics", d.statistics.size()}};
}

J objective_json(const Objective& o, const ObjectiveFigures& f) {
  J indicators = J::array();
  for (std::size_t i = 0; i < o.indicators.size(); ++i) {
    const auto& ind = o.indicators[i];
    const auto& a = f.indicators[i];
    indicators.push_back(J{{"order", ind.order},
                           {"target", dec(ind.target)},
                           {"actual", dec(ind.actual)},
                           {"scale", to_string(ind.scale)},
                           {"polarity", to_string(ind.polarity)},
                           {"ratio", dec(a.ratio, 6)},
                           {"capped", dec(a.capped, 6)},
                           {"met", a.met ? J(*a.met) : J(nullptr)},
                           {"rule", a.rule}});
  }
  const auto& p = f.progress;
  return J{{"vista", o.vista},
           {"code", o.code},
           {"level", to_string(o.level)},
           {"phases", o.phases.size()},
           {"weight_sum", p.weight_sum.to_string(2)},
           {"indicators", o.indicators.size()},
           {"progress", dec(p.value)},
           {"achievement", dec(f.achievement.value)},
           {"progress_inputs", J{{"weighted_sum", p.weighted_sum.to_string(2)},
                                 {"weight_sum", p.weight_sum.to_string(2)},
                                 {"reported_only", dec(p.reported_only)},
                                 {"coverage", dec(p.coverage)},
                                 {"phases_without_progress", p.phases_without_progress},
                                 {"phases_without_weight", p.phases_without_weight},
                                 {"rule", p.rule}}},
           {"achievement_inputs", J{{"defined", f.achievement.defined},
                                    {"rule", f.achievement.rule},
                                    {"indicators", indicators}}}};
}

std::string it_pct(const std::optional<Decimal>& d) {
  return d ? italian::format_percent(*d) : std::string("n.d.");
}

// One line (or JSON object) per ente, streamed: a national database never sits in memory.
int print_overview(Store& store, bool json) {
  if (json)
    std::cout << "{\"enti\": [";
  else
    std::cout << fmt::format("{:<14} {:>10} {:>6} {:>12} {:>12}\n", "Ente", "Obiettivi", "PEG",
                             "Avanzamento", "Raggiungim.");
  bool first = true;
  overview_all(store, [&](const EnteOverview& o) {
    if (json) {
      J line{{"ente", o.ente},
             {"objectives", o.objectives},
             {"peg_objectives", o.peg_objectives},
             {"with_progress", o.with_progress},
             {"with_achievement", o.with_achievement},
             {"progress", dec(o.mean_progress())},
             {"achievement", dec(o.mean_achievement())}};
      std::cout << (first ? "\n  " : ",\n  ") << line.dump();
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
  sub->add_flag("--json", json, "Risultato in JSON");
  sub->add_flag("--all", all,
                "Una riga per ogni ente del database (media di avanzamento e "
                "raggiungimento degli obiettivi)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::existing);
      if (all) return print_overview(*store, json);
      Dataset d = load_ente(*store, ctx);
      auto figs = compute_all(d);
      auto rollups = compute_rollups(d, figs);
      // Objective-tree roll-ups by "vista/code", shown beside objectives without own fasi.
      std::map<std::string, const RollupFigure*> tree;
      for (const auto& r : rollups)
        if (r.axis == "mandato" || r.axis == "missione" || r.axis == "programma") tree[r.key] = &r;
      auto rollup_of = [&](const Objective& o) -> const RollupFigure* {
        auto it = tree.find(o.vista + "/" + o.code);
        return it == tree.end() ? nullptr : it->second;
      };
      std::size_t by_level[4] = {0, 0, 0, 0}, phases = 0, indicators = 0;
      for (const auto& o : d.objectives) {
        ++by_level[static_cast<int>(o.level)];
        phases += o.phases.size();
        indicators += o.indicators.size();
      }
      if (json) {
        J out{{"ente", d.ente.code},
              {"objectives_by_level", J{{"mandato", by_level[0]},
                                        {"missione", by_level[1]},
                                        {"programma", by_level[2]},
                                        {"peg", by_level[3]}}},
              {"phases", phases},
              {"indicators", indicators},
              {"objectives", J::array()},
              {"rollups", J::array()}};
        for (std::size_t i = 0; i < d.objectives.size(); ++i) {
          J obj = objective_json(d.objectives[i], figs[i]);
          if (const auto* r = rollup_of(d.objectives[i]))
            obj["rollup"] = J{{"peg_objectives", r->objectives},
                              {"progress", dec(r->progress)},
                              {"achievement", dec(r->achievement)},
                              {"rule", "media semplice degli obiettivi di PEG collegati"}};
          out["objectives"].push_back(std::move(obj));
        }
        for (const auto& r : rollups)
          out["rollups"].push_back(J{{"axis", r.axis},
                                     {"key", r.key},
                                     {"objectives", r.objectives},
                                     {"progress", dec(r.progress)},
                                     {"achievement", dec(r.achievement)}});
        if (d.district) out["piano_di_zona"] = district_json(d);
        std::cout << out.dump(2) << "\n";
        return 0;
      }
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
