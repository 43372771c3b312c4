#include "importer/phase_stream.h"

#include <string>

#include "importer/empty_cell.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

enum class Value { none, number, date };

Value lone_value(const Line& l) {
  const std::string_view t = l.text;
  if (t.empty() || t.find(' ') != std::string_view::npos) return Value::none;
  if (cell_number(t)) return Value::number;
  if (cell_date(t) || is_empty_cell(t)) return Value::date;
  return Value::none;
}

// The column labels of the table, one or a few per line ("Peso", "Centro di", "Effettivo").
bool column_labels(std::string_view t) {
  return label_run_continues(t) || t == "Avanz." || t == "Descrizione";
}

} // namespace

bool phase_cells_per_line(const std::vector<Line>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (lone_value(lines[i]) == Value::number && lone_value(lines[i + 1]) != Value::none)
      return true;
  return false;
}

std::vector<Line> phase_lines_from_cells(const std::vector<Line>& lines, TextArena& arena) {
  std::vector<Line> out;
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size();) {
    const Line& l = lines[i];
    if (!l.blank() && heading_of(l) == Heading::none && column_labels(l.text)) {
      ++i;
      continue;
    }
    if (lone_value(l) == Value::none) {
      out.push_back(l);
      ++i;
      continue;
    }
    std::string joined(l.text);
    bool number = false, date = false;
    std::size_t j = i;
    for (; j < lines.size() && lone_value(lines[j]) != Value::none; ++j) {
      if (j > i) joined += ' ' + std::string(lines[j].text);
      number = number || lone_value(lines[j]) == Value::number;
      date = date || lone_value(lines[j]) == Value::date;
    }
    // The planned values: responsabile and centro follow on the next lines.
    if (number && date && j - i >= 3)
      for (; j < lines.size() && !lines[j].blank() && heading_of(lines[j]) == Heading::none; ++j)
        joined += ' ' + std::string(lines[j].text);
    out.push_back(Line{l.number, arena.emplace_back(std::move(joined))});
    i = j;
  }
  return out;
}

} // namespace traguardi::importer
