// The mark of an empty value cell in extracted text.
//
// Legacy text drops empty cells, so "atteso raggiunto N-1" cannot tell a missing raggiunto from
// a missing N-2 (seed-spec §4 Q39). When the PDF reader knows a cell is empty by its position
// it writes this mark instead, and the row parsers read it as "no value" in that column.
#pragma once

#include <string_view>

namespace traguardi::importer {

inline constexpr std::string_view kEmptyCell = "∅";

inline bool is_empty_cell(std::string_view token) {
  return token == kEmptyCell;
}

} // namespace traguardi::importer
