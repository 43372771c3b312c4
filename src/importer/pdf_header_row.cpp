#include "importer/pdf_header_row.h"

#include <algorithm>
#include <string_view>

namespace traguardi::importer::pdf {
namespace {

enum class Column { code, assessorato, delegations, center, other };

Column column_of_label(std::string_view label) {
  if (label.starts_with("OBIETTIVO DI ")) return Column::code;
  if (label == "Assessorato") return Column::assessorato;
  if (label == "Deleghe") return Column::delegations;
  if (label.starts_with("Centro di Responsabilit")) return Column::center;
  return Column::other;
}

// Only the levels whose header carries delegations: PEG headers read right line by line.
bool programme_level(std::string_view label) {
  return label == "OBIETTIVO DI PROGRAMMA" || label == "OBIETTIVO DI MISSIONE" ||
         label == "OBIETTIVO DI MANDATO";
}

} // namespace

std::size_t read_header_row(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                            std::string& out) {
  const std::vector<Span> head = cells_of(lines[at], gutter);
  if (head.size() < 2 || !programme_level(head[0].text)) return at;
  std::vector<Column> kinds;
  for (const auto& c : head) {
    kinds.push_back(column_of_label(c.text));
    if (kinds.back() == Column::other) return at;
  }
  // Values: the lines just below the labels (a gap of a label line at most); a word under the
  // code column after the code's own line is the description row that follows the header.
  const double step = std::max(1.0, lines[at].h);
  std::vector<std::vector<std::string>> cells(head.size());
  std::size_t end = at + 1;
  for (; end < lines.size() && lines[end].y - lines[end - 1].y <= 1.8 * step; ++end) {
    const auto& words = lines[end].words;
    if (end > at + 1 && !words.empty() && words.front().x0 < head[1].x0 - 1) break;
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
  if (end == at + 1 || cells[0].empty()) return at;
  std::string labels;
  for (std::size_t k = 0; k < head.size(); ++k)
    if (kinds[k] != Column::delegations && kinds[k] != Column::center)
      labels += (labels.empty() ? "" : " ") + head[k].text;
  out += labels + '\n';
  std::string code = cells[0].front();
  for (std::size_t k = 0; k < head.size(); ++k) {
    if (kinds[k] != Column::assessorato) continue;
    for (std::size_t l = 0; l < cells[k].size(); ++l)
      out += (l == 0 ? code + ' ' : std::string()) + cells[k][l] + '\n';
    if (cells[k].empty()) out += code + '\n';
    code.clear();
  }
  if (!code.empty()) out += code + '\n';
  for (std::size_t k = 0; k < head.size(); ++k) {
    if (cells[k].empty() || kinds[k] == Column::code || kinds[k] == Column::assessorato) continue;
    out += '\n';
    if (kinds[k] == Column::center) out += head[k].text + '\n';
    for (std::size_t l = 0; l < cells[k].size(); ++l)
      out += (l == 0 && kinds[k] == Column::delegations ? "Deleghe: " : "") + cells[k][l] + '\n';
  }
  return end;
}

} // namespace traguardi::importer::pdf
