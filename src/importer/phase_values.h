// The value line of a FASI row, by the shapes of its cells: the cluster of numbers and dates
// (peso, avanzamento, planned dates, in either template's order, with empty-cell marks) and the
// closing line's actual dates, possibly glued to the last note word (seed-spec Q23, Q29).
// Apart from phase_rows, which splits the rest of the row, so each stays one concept.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"

namespace traguardi::importer::phase_values {

// At most four cells of each kind: a fixed array, so trying a line allocates nothing.
template <class T> struct Cells {
  std::array<T, 4> items{};
  std::size_t count = 0;
  void push_back(T v) { items[count++] = std::move(v); }
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const T& operator[](std::size_t i) const { return items[i]; }
};

struct ValueCluster {
  std::size_t begin = 0, end = 0;        // word range of the numbers and dates
  Cells<std::optional<Decimal>> numbers; // empty-cell marks give nullopt
  Cells<std::optional<Date>> dates;
};

struct ActualDates {
  std::string prefix; // note text glued before the dates
  std::optional<Date> start, end;
};

// "peso avanz inizio fine" with empty cells marked (empty_cell.h): read by position, since a
// mark says which column is empty.
std::optional<ValueCluster> marked_cluster(const std::vector<std::string_view>& w, std::size_t i);

// Finds peso/avanzamento and planned dates: 2-4 adjacent cells, at least one number and one date.
std::optional<ValueCluster> find_cluster(const std::vector<std::string_view>& w);

// The closing line of a row: one or two dates at the end, the first at line start or glued to
// the last note word ("previsione01/01/2021 31/12/2021", seed-spec Q29).
std::optional<ActualDates> closing_dates(const std::vector<std::string_view>& w, bool allow_spaced);

} // namespace traguardi::importer::phase_values
