// `traguardi update-phase` and `update-indicator`: record progress during the year.
//
// A dirigente updates one fase (avanzamento, actual dates, note) or one indicator (valore
// raggiunto, note) at a time. Values are given in Italian format (80,5; 31/12/2025). The edit
// is optimistic: `--versione` (printed by the previous edit and by `export`) makes a stale edit
// fail with exit 4 instead of overwriting someone else's; without it the version read just now
// is used. Every accepted edit is in the audit log.
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"
#include "core/italian.h"
#include "core/value_bounds.h"

namespace traguardi::cli {
namespace {

struct Target {
  std::string vista, objective;
  int order = 0;
  std::int64_t version = 0; // 0: use the current one
  std::string progress, actual_start, actual_end, actual, target, note;
  bool clear_note = false;
};

std::string actor() {
  const char* u = std::getenv("USER");
  return u && *u ? u : "traguardi";
}

const Objective& find_target(const Dataset& d, Target& t) {
  std::vector<const Objective*> found;
  for (const auto& o : d.objectives)
    if (o.code == t.objective && (t.vista.empty() || o.vista == t.vista)) found.push_back(&o);
  if (found.empty())
    throw NotFound(fmt::format("obiettivo {} non trovato{}", t.objective,
                               t.vista.empty() ? "" : " nella vista " + t.vista));
  if (found.size() > 1)
    throw InvalidInput(
        fmt::format("l'obiettivo {} esiste in più viste: indicare --vista", t.objective));
  t.vista = found.front()->vista;
  return *found.front();
}

/// The fase or indicator with that order number; NotFound names how many there are.
template <typename T>
const T* by_order(const std::vector<T>& items, int order, const std::string& objective,
                  const char* what, const char* plural) {
  for (const auto& item : items)
    if (item.order == order) return &item;
  throw NotFound(fmt::format("l'obiettivo {} non ha {} {} ({}: {})", objective, what, order, plural,
                             items.size()));
}

Decimal number(const std::string& text, const char* option,
               Quantity quantity = Quantity::indicator_value) {
  auto d = italian::parse_number(text);
  if (!d && italian::number_too_large(text))
    throw InvalidInput(fmt::format("{}: {}", option, Decimal::too_large_message()));
  if (!d)
    throw InvalidInput(
        fmt::format("{}: «{}» non è un numero (formato italiano, es. 1.134,50)", option, text));
  if (auto problem = bound_problem(quantity, *d))
    throw InvalidInput(fmt::format("{}: {}", option, *problem));
  return *d;
}

std::optional<Date> date(const std::string& text, const char* option) {
  if (text == "-") return std::nullopt; // explicit clear
  auto d = italian::parse_date(text);
  if (!d) throw InvalidInput(fmt::format("{}: «{}» non è una data gg/mm/aaaa", option, text));
  return d;
}

void add_target_options(CLI::App* sub, Target& t, const char* item) {
  sub->add_option("--vista", t.vista, "Vista (se il codice esiste in più viste)");
  sub->add_option("--obiettivo", t.objective, "Codice dell'obiettivo")->required();
  sub->add_option(fmt::format("--{}", item), t.order, "Numero d'ordine")->required();
  sub->add_option("--versione", t.version,
                  "Versione su cui si basa la modifica (rifiutata se nel frattempo è cambiata)");
  sub->add_option("--note", t.note, "Note (sostituiscono le precedenti)");
}

} // namespace

void register_update(CLI::App& app, Context& ctx) {
  static Target phase, indicator;
  auto* ph = app.add_subcommand("update-phase", "Aggiorna l'avanzamento di una fase");
  add_common_options(*ph, ctx);
  add_target_options(ph, phase, "fase");
  ph->add_option("--avanzamento", phase.progress, "Avanzamento in % (0–100)");
  ph->add_option("--inizio-effettivo", phase.actual_start, "gg/mm/aaaa, oppure - per togliere");
  ph->add_option("--fine-effettiva", phase.actual_end, "gg/mm/aaaa, oppure - per togliere");
  ph->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::existing);
      Dataset d = load_ente(*store, ctx);
      const Objective& o = find_target(d, phase);
      const Phase* current = by_order(o.phases, phase.order, o.code, "la fase", "fasi");
      Phase next = *current;
      if (!phase.progress.empty()) {
        Decimal v = number(phase.progress, "--avanzamento", Quantity::percent);
        if (v.is_negative() || v > Decimal::from_int(100))
          throw InvalidInput("--avanzamento: deve essere compreso tra 0 e 100");
        next.progress = v;
      }
      if (!phase.actual_start.empty())
        next.actual_start = date(phase.actual_start, "--inizio-effettivo");
      if (!phase.actual_end.empty()) next.actual_end = date(phase.actual_end, "--fine-effettiva");
      if (next.actual_start && next.actual_end && *next.actual_end < *next.actual_start)
        throw InvalidInput("la fine effettiva precede l'inizio effettivo");
      if (!phase.note.empty()) next.note = phase.note;
      auto base = phase.version ? phase.version : current->version;
      auto version =
          store->update_phase(d.ente.code, o.vista, o.code, phase.order, base, next, actor());
      std::cout << fmt::format(
          "Fase {} di {} aggiornata: avanzamento {} (versione {}).\n", phase.order, o.code,
          next.progress ? italian::format_percent(*next.progress) : "n.d.", version);
      return 0;
    });
  });

  auto* in = app.add_subcommand("update-indicator", "Registra il valore di un indicatore");
  add_common_options(*in, ctx);
  add_target_options(in, indicator, "indicatore");
  in->add_option("--raggiunto", indicator.actual, "Valore raggiunto (oppure - per togliere)");
  in->add_option("--atteso", indicator.target, "Valore atteso");
  in->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::existing);
      Dataset d = load_ente(*store, ctx);
      const Objective& o = find_target(d, indicator);
      const Indicator* current = nullptr;
      for (const auto& i : o.indicators)
        if (i.order == indicator.order) current = &i;
      if (!current)
        throw NotFound(fmt::format("l'obiettivo {} non ha l'indicatore {} (indicatori: {})", o.code,
                                   indicator.order, o.indicators.size()));
      Indicator next = *current;
      if (indicator.actual == "-")
        next.actual.reset();
      else if (!indicator.actual.empty())
        next.actual = number(indicator.actual, "--raggiunto");
      if (!indicator.target.empty()) next.target = number(indicator.target, "--atteso");
      if (!indicator.note.empty()) next.note = indicator.note;
      auto base = indicator.version ? indicator.version : current->version;
      auto version = store->update_indicator(d.ente.code, o.vista, o.code, indicator.order, base,
                                             next, actor());
      std::cout << fmt::format(
          "Indicatore {} di {} aggiornato: raggiunto {} (versione {}).\n", indicator.order, o.code,
          next.actual ? italian::format_number(*next.actual) : "n.d.", version);
      return 0;
    });
  });
}

} // namespace traguardi::cli
