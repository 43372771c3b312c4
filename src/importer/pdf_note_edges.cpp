#include "importer/pdf_note_edges.h"

#include <cmath>

namespace traguardi::importer::pdf {

std::vector<double> note_edges(const std::vector<VisualLine>& lines, std::size_t at,
                               std::size_t end, double gutter, const std::vector<Span>& head,
                               double step) {
  std::vector<double> out;
  for (std::size_t c = 0; c + 1 < head.size(); ++c) {
    if (!head[c].text.starts_with("Centro di") || head[c + 1].text != "Note") continue;
    for (std::size_t i = at + 1; i < end; ++i)
      for (const auto& s : cells_of(lines[i], gutter))
        if (s.x0 > head[c].x0 + step && s.x0 < head[c + 1].x0 - step) out.push_back(s.x0);
  }
  return out;
}

bool at_note_edge(const std::vector<double>& edges, double x, double step) {
  for (double e : edges)
    if (std::abs(x - e) <= step) return true;
  return false;
}

} // namespace traguardi::importer::pdf
