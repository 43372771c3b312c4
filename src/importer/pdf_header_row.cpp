#include "importer/pdf_header_row.h"

#include <algorithm>
#include <string_view>

namespace traguardi::importer::pdf {
namespace {

enum class Column { code, area, assessorato, delegations, center, responsible, skipped, other };

Column column_of_label(std::string_view label) {
  if (label.starts_with("OBIETTIVO DI ")) return Column::code;
  if (label == "Area Tematica") return Column::area;
  if (label == "Assessorato") return Column::assessorato;
  if (label == "Deleghe") return Column::delegations;
  if (label.starts_with("Centro di Responsabilit") || label.starts_with("Centro di responsabilit"))
    return Column::center;
  if (label == "Responsabile") return Column::responsible;
  // Printed by the report sheet, read by no stage of the importer.
  if (label == "Direzione" || label == "Direttore") return Column::skipped;
  return Column::other;
}

// The header rows whose cells a line-by-line reading mixes: programme-level headers (code,
// assessorato, delegations and centre side by side), the report sheet's first row (code, area,
// assessorato) and its "Centro di responsabilità | Responsabile" row. PEG objective headers
// read right line by line and are left alone.
bool by_columns(const std::vector<Column>& kinds, const std::vector<Span>& head) {
  if (kinds.front() == Column::code) {
    const std::string_view level = head.front().text;
    if (level == "OBIETTIVO DI PROGRAMMA" || level == "OBIETTIVO DI MISSIONE" ||
        level == "OBIETTIVO DI MANDATO")
      return true;
    return std::find(kinds.begin(), kinds.end(), Column::area) != kinds.end();
  }
  return kinds.size() == 2 && kinds[0] == Column::center && kinds[1] == Column::responsible;
}

using Cells = std::vector<std::vector<std::string>>; // lines of each column

// Values: the lines just below the labels (a gap of a label line at most); a word under the
// code column after the code's own line is the description row that follows the header.
std::size_t read_values(const std::vector<VisualLine>& lines, std::size_t at,
                        const std::vector<Span>& head, bool code_first, Cells& cells) {
  const double step = std::max(1.0, lines[at].h);
  cells.assign(head.size(), {});
  std::size_t end = at + 1;
  for (; end < lines.size() && lines[end].y - lines[end - 1].y <= 1.8 * step; ++end) {
    const auto& words = lines[end].words;
    if (code_first && end > at + 1 && !words.empty() && words.front().x0 < head[1].x0 - 1) break;
    std::vector<std::string> line(head.size());
    for (const auto& w : words) {
      std::size_t k = 0;
      while (k + 1 < head.size() && w.x0 >= head[k + 1].x0 - 1)
        ++k;
      if (!line[k].empty()) line[k] += ' ';
      line[k] += w.text;
    }
    for (std::size_t k = 0; k < head.size(); ++k)
      if (!line[k].empty()) cells[k].push_back(std::move(line[k]));
  }
  return end;
}

void write_lines(const std::vector<std::string>& cell, std::string prefix, std::string& out) {
  for (const auto& l : cell) {
    out += prefix + l + '\n';
    prefix.clear();
  }
}

} // namespace

std::size_t read_header_row(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                            std::string& out) {
  const std::vector<Span> head = cells_of(lines[at], gutter);
  if (head.size() < 2) return at;
  std::vector<Column> kinds;
  for (const auto& c : head) {
    kinds.push_back(column_of_label(c.text));
    if (kinds.back() == Column::other) return at;
  }
  if (!by_columns(kinds, head)) return at;
  const bool code_first = kinds.front() == Column::code;
  Cells cells;
  const std::size_t end = read_values(lines, at, head, code_first, cells);
  if (end == at + 1 || (code_first && cells[0].empty())) return at;
  if (!code_first) {
    // "Centro di responsabilità Responsabile", then each value as a block of its own.
    out += head[0].text + ' ' + head[1].text + "\n\n";
    write_lines(cells[0], "", out);
    out += '\n';
    write_lines(cells[1], "", out);
    return end;
  }
  // The labels the text parser skips before the code (the delegations and the centre get a
  // label of their own below), then the code with the assessorato, then every other cell as a
  // block of its own, in the legacy order.
  std::string labels;
  for (std::size_t k = 0; k < head.size(); ++k)
    if (kinds[k] != Column::delegations && kinds[k] != Column::center)
      labels += (labels.empty() ? "" : " ") + head[k].text;
  out += labels + '\n' + cells[0].front() + '\n';
  for (Column kind : {Column::area, Column::assessorato, Column::delegations, Column::center})
    for (std::size_t k = 0; k < head.size(); ++k) {
      if (kinds[k] != kind || cells[k].empty()) continue;
      out += '\n';
      if (kind == Column::center) out += head[k].text + '\n';
      write_lines(cells[k], kind == Column::delegations ? "Deleghe: " : "", out);
    }
  return end;
}

} // namespace traguardi::importer::pdf
