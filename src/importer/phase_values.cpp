#include "importer/phase_values.h"

#include "importer/empty_cell.h"
#include "importer/value_shapes.h"

namespace traguardi::importer::phase_values {

// "peso avanz inizio fine" with empty cells marked (empty_cell.h): read by position, since a
// mark says which column is empty.
std::optional<ValueCluster> marked_cluster(const std::vector<std::string_view>& w, std::size_t i) {
  if (i + 4 > w.size()) return std::nullopt;
  ValueCluster c;
  bool marked = false;
  for (std::size_t j = i; j < i + 4; ++j) {
    const bool empty = is_empty_cell(w[j]);
    marked = marked || empty;
    if (j < i + 2) {
      auto n = cell_number(w[j]);
      if (!n && !empty) return std::nullopt;
      c.numbers.push_back(n);
    } else {
      auto d = cell_date(w[j]);
      if (!d && !empty) return std::nullopt;
      c.dates.push_back(d);
    }
  }
  if (!marked) return std::nullopt;
  c.begin = i;
  c.end = i + 4;
  return c;
}

// Finds peso/avanzamento and planned dates: 2-4 adjacent cells, at least one number and one date.
std::optional<ValueCluster> find_cluster(const std::vector<std::string_view>& w) {
  // Numbers and dates start with a digit: lines with no such word and no empty-cell mark (most
  // description and note lines) have no cluster.
  auto may_start = [](std::string_view word) {
    return (word[0] >= '0' && word[0] <= '9') || is_empty_cell(word);
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    // Either kind of cluster starts with a number, a date or a mark.
    if (!may_start(w[i])) continue;
    if (auto m = marked_cluster(w, i)) return m;
    ValueCluster c;
    c.begin = i;
    std::size_t j = i;
    while (j < w.size() && j - i < 4) {
      if (auto n = cell_number(w[j]))
        c.numbers.push_back(*n);
      else if (auto d = cell_date(w[j]))
        c.dates.push_back(*d);
      else
        break;
      ++j;
    }
    if (!c.numbers.empty() && !c.dates.empty() && c.numbers.size() <= 2 && c.dates.size() <= 2) {
      c.end = j;
      return c;
    }
  }
  return std::nullopt;
}

// The closing line of a row: one or two dates at the end, the first at line start or glued to
// the last note word ("previsione01/01/2021 31/12/2021", seed-spec Q29).
std::optional<ActualDates> closing_dates(const std::vector<std::string_view>& w,
                                         bool allow_spaced) {
  if (w.empty()) return std::nullopt;
  auto glued = [](std::string_view word, std::string& prefix) -> std::optional<Date> {
    if (auto d = cell_date(word)) return d;
    if (word.size() > 10) {
      auto tail = word.substr(word.size() - 10);
      char before = word[word.size() - 11];
      if (!(before >= '0' && before <= '9') && before != '/')
        if (auto d = cell_date(tail)) {
          prefix = std::string(word.substr(0, word.size() - 10));
          return d;
        }
    }
    return std::nullopt;
  };
  ActualDates a;
  std::size_t n = w.size();
  // Both actual-date cells written, empty ones marked (empty_cell.h).
  if (n == 2 && (is_empty_cell(w[0]) || is_empty_cell(w[1])) &&
      (is_empty_cell(w[0]) || cell_date(w[0])) && (is_empty_cell(w[1]) || cell_date(w[1]))) {
    a.start = cell_date(w[0]);
    a.end = cell_date(w[1]);
    return a;
  }
  std::string glue;
  if (n >= 2 && cell_date(w[n - 1])) {
    if (auto first = glued(w[n - 2], glue)) {
      // Two dates closing a line after a space are the closing pair too: pdftotext -raw puts
      // the last cells of a row (centre, note) on the line of the actual dates.
      a.start = first;
      a.end = cell_date(w[n - 1]);
      a.prefix = join_words(w, 0, n - 2);
      if (!glue.empty()) a.prefix += (a.prefix.empty() ? "" : " ") + glue;
      return a;
    }
  }
  if (auto first = glued(w[n - 1], glue)) {
    if (glue.empty() && n > 1 && !allow_spaced) return std::nullopt;
    a.start = first;
    a.prefix = join_words(w, 0, n - 1);
    if (!glue.empty()) a.prefix += (a.prefix.empty() ? "" : " ") + glue;
    return a;
  }
  return std::nullopt;
}

} // namespace traguardi::importer::phase_values
