#include "importer/pdf_tables.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "importer/table_rows.h"

namespace traguardi::importer::pdf {
namespace {

struct Span {
  double x0, x1;
  std::string text;
};

std::vector<Span> cells_of(const VisualLine& l, double gutter) {
  std::vector<Span> out;
  for (const auto& w : l.words) {
    if (!out.empty() && w.x0 - out.back().x1 < gutter) {
      out.back().text += ' ';
      out.back().text += w.text;
      out.back().x1 = std::max(out.back().x1, w.x1);
    } else {
      out.push_back({w.x0, w.x1, w.text});
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// The table that starts at `at` runs while lines are closer than a heading's spacing: rows
// are a line apart plus their padding, while the next heading or block stands well below.
std::size_t table_end(const std::vector<VisualLine>& lines, std::size_t at) {
  const double step = std::max(1.0, lines[at].h);
  std::size_t end = at + 1;
  while (end < lines.size() && lines[end].y - lines[end - 1].y <= 1.8 * step)
    ++end;
  return end;
}

bool is_figures_head(const VisualLine& l, double gutter) {
  const std::vector<Span> c = cells_of(l, gutter);
  return c.size() == 3 && c[0].text == "Dato" && c[1].text == "Valore" &&
         c[2].text == "Come è stato ottenuto";
}

} // namespace

std::size_t skip_figures(const std::vector<VisualLine>& lines, std::size_t at, double gutter) {
  std::size_t i = at;
  if (lines[i].words.size() == 2 && lines[i].words[0].text == "DATI" &&
      lines[i].words[1].text == "CALCOLATI")
    ++i;
  if (i < lines.size() && is_figures_head(lines[i], gutter)) return table_end(lines, i);
  return i;
}

namespace {

bool is_header_label_cell(std::string_view t) {
  for (std::string_view l :
       {"OBIETTIVO DI PROGRAMMA", "OBIETTIVO DI PEG", "OBIETTIVO DI MISSIONE",
        "OBIETTIVO DI MANDATO", "Assessorato", "Deleghe", "Area Tematica", "Direzione", "Direttore",
        "Centro di Responsabilità", "Centro di responsabilità", "Responsabile"})
    if (t == l) return true;
  return false;
}

} // namespace

std::size_t read_header_row(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                            std::string& out) {
  const std::vector<Span> labels = cells_of(lines[at], gutter);
  if (labels.size() < 2 || !std::all_of(labels.begin(), labels.end(),
                                        [](const Span& c) { return is_header_label_cell(c.text); }))
    return at;
  // The values: the lines right below, until the gap before the next block.
  std::size_t end = at + 1;
  while (end < lines.size() &&
         (end == at + 1 || lines[end].y - lines[end - 1].y < 1.5 * std::max(1.0, lines[end - 1].h)))
    ++end;
  if (end == at + 1) return at;
  std::vector<std::vector<std::string>> cells(labels.size());
  for (std::size_t i = at + 1; i < end; ++i)
    for (const Span& v : cells_of(lines[i], gutter)) {
      std::size_t k = 0;
      for (std::size_t c = 1; c < labels.size(); ++c)
        if (labels[c].x0 <= v.x0 + gutter) k = c;
      if (cells[k].size() < i - at) cells[k].resize(i - at);
      cells[k].back() = cells[k].back().empty() ? v.text : cells[k].back() + ' ' + v.text;
    }
  for (std::size_t k = 0; k < labels.size(); ++k) {
    out += labels[k].text + '\n';
    for (const auto& l : cells[k])
      if (!l.empty()) out += l + '\n';
    out += '\n';
  }
  return end;
}

double cell_gutter(const std::vector<VisualLine>& lines) {
  std::vector<double> gaps;
  for (const auto& l : lines)
    for (std::size_t k = 1; k < l.words.size(); ++k)
      if (double g = l.words[k].x0 - l.words[k - 1].x1; g > 0) gaps.push_back(g);
  if (gaps.empty()) return 3.4;
  std::sort(gaps.begin(), gaps.end());
  // Cells are padded by 2.5 pt on each side; word spaces of the sans fonts stay under 2.5 pt.
  return std::max(3.4, 1.5 * gaps[gaps.size() / 10]);
}

std::size_t read_table(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                       std::string& out) {
  const std::vector<Span> head = cells_of(lines[at], gutter);
  if (head.size() < 5 || head.front().text != "Descrizione") return at;
  const double step = std::max(1.0, lines[at].h);
  const std::size_t end = table_end(lines, at);

  // Columns: cells in the same column share an edge (left, right or centre, by alignment), so
  // their extents overlap; cells of different columns are apart by the gutter.
  std::vector<std::vector<Span>> spans;
  std::vector<std::pair<double, double>> cols;
  for (std::size_t i = at; i < end; ++i) {
    spans.push_back(cells_of(lines[i], gutter));
    for (const auto& s : spans.back())
      cols.emplace_back(s.x0, s.x1);
  }
  std::sort(cols.begin(), cols.end());
  std::vector<std::pair<double, double>> merged;
  for (const auto& c : cols) {
    if (!merged.empty() && c.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, c.second);
    else
      merged.push_back(c);
  }
  if (merged.size() != head.size()) return at;
  auto column_of = [&](const Span& s) {
    for (std::size_t k = 0; k < merged.size(); ++k)
      if (s.x0 >= merged[k].first && s.x1 <= merged[k].second) return k;
    return merged.size();
  };

  // Rows: a gap wider than the line step is the padding between two rows.
  std::vector<std::vector<std::vector<std::string>>> rows;
  for (std::size_t i = at; i < end; ++i) {
    if (i == at || lines[i].y - lines[i - 1].y > 1.25 * step) rows.emplace_back(merged.size());
    for (const auto& s : spans[i - at]) {
      std::size_t k = column_of(s);
      if (k == merged.size()) return at;
      rows.back()[k].push_back(s.text);
    }
  }
  std::vector<std::string> labels;
  for (const auto& parts : rows.front())
    labels.push_back(join_cells(parts));
  std::vector<std::string> label_words = labels;
  // "Valore Raggiunto 2023": the year is part of the label, not of its role.
  for (auto& l : labels)
    if (starts_with(l, "Valore Raggiunto")) l = l.substr(0, 16);
  const std::vector<ColumnRole> roles = column_roles(labels);
  if (roles.empty()) return at;

  out += join_cells(label_words) + "\n\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> row;
    for (const auto& parts : rows[r])
      row.push_back(join_cells(parts));
    write_table_row(roles, row, out);
  }
  return end;
}

} // namespace traguardi::importer::pdf
