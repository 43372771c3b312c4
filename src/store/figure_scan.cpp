// SqlStore::scan_for_figures: the light, whole-database read behind national-scale figures.
//
// The three queries are ordered by the same key (ente, vista, objective), and every fase and
// indicator belongs to an existing objective (foreign keys), so rows are matched by equality
// while walking the objectives: no comparison of keys is needed, hence no dependence on the
// database's collation.
#include <algorithm>
#include <charconv>
#include <vector>

#include "core/error.h"
#include "store/sql_store.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

// Compared in place: a national scan matches millions of rows, a copy each would dominate.
bool same_owner(Statement& s, bool has_row, const std::string& ente, const Objective& o) {
  return has_row && s.text(2) == o.code && s.text(1) == o.vista && s.text(0) == ente;
}

std::optional<Decimal> micro(Statement& s, int i) {
  if (auto n = s.integer(i)) return Decimal::from_units(*n);
  return std::nullopt;
}

// Matches the rows of one batch of enti; the three statements are bound and ready.
void scan_batch(Statement& objectives, Statement& phases, Statement& indicators,
                const std::function<void(const Dataset&)>& each_ente) {
  bool phase_row = phases.step(), indicator_row = indicators.step();
  Dataset current;
  while (objectives.step()) {
    if (objectives.text(0) != current.ente.code) {
      if (!current.ente.code.empty()) each_ente(current);
      current = Dataset{};
      current.ente.code = std::string(objectives.text(0));
    }
    const std::string& ente = current.ente.code;
    Objective o;
    o.vista = as_text(objectives.column(1));
    o.code = as_text(objectives.column(2));
    auto level = level_from_string(objectives.text(3));
    if (!level) throw StoreError("livello non valido nel database: " + o.code);
    o.level = *level;
    for (; same_owner(phases, phase_row, ente, o); phase_row = phases.step()) {
      Phase p;
      p.weight = micro(phases, 3);
      p.progress = micro(phases, 4);
      o.phases.push_back(p);
    }
    for (; same_owner(indicators, indicator_row, ente, o); indicator_row = indicators.step()) {
      Indicator i;
      i.scale = scale_from_string(indicators.text(3)).value_or(Scale::other);
      i.polarity = polarity_from_string(indicators.text(4)).value_or(Polarity::higher_is_better);
      i.target = micro(indicators, 5);
      i.actual = micro(indicators, 6);
      o.indicators.push_back(i);
    }
    current.objectives.push_back(std::move(o));
  }
  if (!current.ente.code.empty()) each_ente(current);
  if (phase_row || indicator_row)
    throw StoreError("righe di fasi o indicatori senza obiettivo nel database");
}

} // namespace

void SqlStore::scan_for_figures(const std::function<void(const Dataset&)>& each_ente) {
  Connection& c = connection();
  c.begin_read();
  Statement* open[3] = {nullptr, nullptr, nullptr};
  try {
    // Enti in batches: each query returns at most a batch's rows (bounded memory even where the
    // driver holds a whole result, as libpq does), read in primary-key order.
    std::vector<std::string> enti;
    Statement& list = c.prepare("SELECT code FROM ente ORDER BY code");
    list.reset();
    while (list.step())
      enti.emplace_back(list.text(0));
    list.reset();
    Statement& objectives =
        c.prepare("SELECT ente, vista, code, level FROM objective WHERE ente BETWEEN ? AND ? "
                  "ORDER BY ente, vista, code");
    Statement& phases =
        c.prepare("SELECT ente, vista, objective, weight_micro, progress_micro FROM phase WHERE "
                  "ente BETWEEN ? AND ? ORDER BY ente, vista, objective, ord");
    Statement& indicators =
        c.prepare("SELECT ente, vista, objective, scale, polarity, target_micro, actual_micro FROM "
                  "indicator WHERE ente BETWEEN ? AND ? ORDER BY ente, vista, objective, ord");
    open[0] = &objectives;
    open[1] = &phases;
    open[2] = &indicators;
    constexpr std::size_t kBatch = 250;
    for (std::size_t first = 0; first < enti.size(); first += kBatch) {
      const std::string& from = enti[first];
      const std::string& to = enti[std::min(enti.size(), first + kBatch) - 1];
      for (auto* st : open) {
        st->reset();
        st->bind(1, from);
        st->bind(2, to);
      }
      scan_batch(objectives, phases, indicators, each_ente);
    }
    for (auto* st : open)
      st->reset();
    c.commit();
  } catch (...) {
    for (auto* st : open)
      if (st) st->reset();
    c.rollback();
    throw;
  }
}

} // namespace traguardi::sql
