#include "app/history_links.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "core/codes.h"
#include "core/italian.h"
#include "core/normalize.h"
#include "importer/entity_dictionary.h"

namespace traguardi::app {
namespace {

using importer::ImportFinding;

std::string shifted_peg_code(const std::string& code, int years) {
  auto p = decode_peg(code);
  if (!p) return {};
  return fmt::format("{}_{}_{:02d}", p->year + years, p->sigla, p->sequence);
}

// The previous year's indicator of a series: same description by matching key, else the
// first one close enough (an OCR slip). `keys` are the matching keys of `prev`'s indicators,
// computed once per objective rather than once per pair.
const Indicator* matching_indicator(const Objective& prev, const std::vector<std::string>& keys,
                                    const std::string& key) {
  for (std::size_t k = 0; k < keys.size(); ++k)
    if (keys[k] == key) return &prev.indicators[k];
  for (std::size_t k = 0; k < keys.size(); ++k)
    if (importer::same_entity(keys[k], key)) return &prev.indicators[k];
  return nullptr;
}

ImportFinding finding(const Indicator& i, Severity s, std::string code, std::string message,
                      std::string expected, std::string action) {
  return ImportFinding{s,
                       i.source.document,
                       i.source.line_from,
                       std::move(code),
                       std::move(message),
                       std::move(expected),
                       std::move(action)};
}

void reconcile_indicator(Indicator& i, const Indicator& j, int y1, const std::string& where,
                         std::vector<ImportFinding>& out) {
  bool has_y1 = false;
  for (auto& h : i.history) {
    if (h.year != y1 || h.column != 1) continue;
    if (h.value == j.actual) {
      has_y1 = true;
      if (h.ambiguous) {
        h.ambiguous = false;
        out.push_back(finding(i, Severity::info, "storico_confermato",
                              fmt::format("valore {} confermato come {} da {}",
                                          italian::format_number(*h.value), y1, where),
                              "", "colonna N-1 confermata"));
      }
    } else if (h.ambiguous) {
      h.year = y1 - 1;
      h.column = 2;
      h.ambiguous = false;
      out.push_back(finding(i, Severity::info, "storico_spostato",
                            fmt::format("il valore {} non è quello del {} ({} in {})",
                                        h.value ? italian::format_number(*h.value) : "vuoto", y1,
                                        italian::format_number(*j.actual), where),
                            "valore dell'anno N-1",
                            fmt::format("valore spostato all'anno {}", y1 - 1)));
    } else {
      has_y1 = true;
      out.push_back(finding(i, Severity::warning, "storico_in_conflitto",
                            fmt::format("valore {} stampato per il {} ma {} riporta {}",
                                        h.value ? italian::format_number(*h.value) : "vuoto", y1,
                                        where, italian::format_number(*j.actual)),
                            "lo stesso valore nei due documenti",
                            "tenuti entrambi i valori come stampati"));
    }
  }
  if (!has_y1) {
    bool linked = std::any_of(i.history.begin(), i.history.end(),
                              [&](const HistoryValue& h) { return h.year == y1 && h.column == 0; });
    if (!linked) i.history.push_back(HistoryValue{y1, j.actual, 0, false});
  }
  std::stable_sort(i.history.begin(), i.history.end(),
                   [](const HistoryValue& a, const HistoryValue& b) {
                     return a.year != b.year ? a.year > b.year : a.column < b.column;
                   });
}

} // namespace

std::string previous_peg_code(const std::string& code) {
  return shifted_peg_code(code, -1);
}
std::string next_peg_code(const std::string& code) {
  return shifted_peg_code(code, 1);
}

void reconcile_series(Objective& o, const Objective& prev, std::vector<ImportFinding>& out) {
  if (!o.year) return;
  const int y1 = *o.year - 1;
  std::vector<std::string> keys;
  keys.reserve(prev.indicators.size());
  for (const auto& j : prev.indicators)
    keys.push_back(matching_key(j.description));
  std::string where;
  for (auto& i : o.indicators) {
    const Indicator* j = matching_indicator(prev, keys, matching_key(i.description));
    if (!j || !j->actual) continue;
    if (where.empty()) where = fmt::format("{} ({} anno {})", prev.code, prev.vista, y1);
    reconcile_indicator(i, *j, y1, where, out);
  }
}

std::vector<ImportFinding> reconcile_history(Dataset& d) {
  std::unordered_map<std::string, std::size_t> last_by_code;
  for (std::size_t k = 0; k < d.objectives.size(); ++k)
    last_by_code[d.objectives[k].code] = k;
  std::vector<ImportFinding> out;
  for (auto& o : d.objectives) {
    if (!o.year) continue;
    auto it = last_by_code.find(previous_peg_code(o.code));
    if (it != last_by_code.end()) reconcile_series(o, d.objectives[it->second], out);
  }
  return out;
}

} // namespace traguardi::app
