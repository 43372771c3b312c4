#include "importer/table_blocks.h"

#include <algorithm>
#include <array>

#include "importer/aligned_tables.h"
#include "importer/html_lexer.h"

namespace traguardi::importer {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A border of a grid table with one column ("+-----+", "+=====+"): a layout container.
bool is_container_border(std::string_view s) {
  s = trim(s);
  if (s.size() < 3 || s.front() != '+') return false;
  int plus = 0;
  for (char c : s) {
    if (c == '+')
      ++plus;
    else if (c != '-' && c != '=' && c != ':')
      return false;
  }
  return plus <= 2;
}

// Byte offset of every code point of the line, and the size at the end: tools align columns
// by characters, not bytes.
std::vector<std::size_t> code_points(std::string_view s) {
  std::vector<std::size_t> at;
  at.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(s.size());
  return at;
}

// Runs of dashes of a rule line, as [first, last) character columns; empty when the line is
// not made of dashes and spaces only.
std::vector<std::pair<std::size_t, std::size_t>> dash_runs(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') continue;
    if (s[i] != '-') return {};
    std::size_t j = i;
    while (j < s.size() && s[j] == '-')
      ++j;
    if (j - i < 2) return {};
    runs.emplace_back(i, j); // ASCII up to here: bytes are characters
    i = j - 1;
  }
  return runs;
}

// The text of character columns [from, to) of a line, trimmed.
std::string slice(std::string_view line, std::size_t from, std::size_t to) {
  auto at = code_points(line);
  const std::size_t n = at.size() - 1;
  if (from >= n) return "";
  return std::string(trim(line.substr(at[from], at[std::min(to, n)] - at[from])));
}

void add_piece(std::string& cell, std::string_view piece) {
  if (piece.empty()) return;
  if (!cell.empty()) cell += ' ';
  cell += piece;
}

bool is_caption(std::string_view t) {
  return t.starts_with(": ") || t.starts_with("Table: ");
}

// A multiline table at lines[i] (top rule, labels, column rule, rows between empty lines,
// bottom rule, caption): fills `table` and returns the index after it, or i.
std::size_t multiline_table(const std::vector<TextLine>& lines, std::size_t i, CellTable& table) {
  auto top = dash_runs(lines[i].text);
  if (top.size() != 1) return i;
  std::size_t rule = i + 1;
  while (rule < lines.size() && rule < i + 6 && dash_runs(lines[rule].text).size() < 2)
    ++rule;
  if (rule >= lines.size() || rule == i + 6 || rule == i + 1) return i;
  auto cols = dash_runs(lines[rule].text);
  const std::size_t width = top[0].second - top[0].first;
  auto cells_of = [&](std::string_view line, std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cols.size(); ++k) {
      std::size_t to = k + 1 < cols.size() ? cols[k + 1].first : std::string::npos;
      add_piece(cells[k], slice(line, cols[k].first, to));
    }
  };
  table.number = lines[i + 1].number;
  table.labels.assign(cols.size(), "");
  for (std::size_t h = i + 1; h < rule; ++h)
    cells_of(lines[h].text, table.labels);
  std::size_t k = rule + 1;
  bool open = false;
  for (; k < lines.size(); ++k) {
    std::string_view t = trim(lines[k].text);
    auto runs = dash_runs(lines[k].text);
    if (runs.size() == 1 && runs[0].second - runs[0].first >= width / 2) break;
    if (t.empty()) {
      open = false;
      continue;
    }
    if (!open) table.rows.push_back({lines[k].number, std::vector<std::string>(cols.size())});
    open = true;
    cells_of(lines[k].text, table.rows.back().cells);
  }
  if (k == lines.size()) return i;
  std::size_t after = k + 1, c = after;
  while (c < lines.size() && c < after + 3 && trim(lines[c].text).empty())
    ++c;
  if (c < lines.size() && is_caption(trim(lines[c].text))) {
    std::string_view t = trim(lines[c].text);
    table.caption = std::string(trim(t.substr(t.find(' '))));
    after = c + 1;
  }
  return after;
}

// A value cell: empty, the empty-cell mark, or a figure ("1.134,00", "87,00 %", "€ 5,00",
// "1 (sì)"); never a code ("2020_A02_00"), which is where the next objective starts.
bool value_shaped(std::string_view v) {
  if (v.empty() || v == "∅") return true;
  return v.find('_') == std::string_view::npos &&
         std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool date_shaped(std::string_view v) {
  return v.empty() || (v.size() == 10 && v[2] == '/' && v[5] == '/');
}

// Whether a cell text fits the column of `label` by its shape.
bool fits(std::string_view label, std::string_view v) {
  if (label == "Descrizione" || label == "Dato" || label == "Nominativo") return !v.empty();
  if (label == "Peso" || label == "Avanz." || label == "Valore Atteso" || label == "Valore" ||
      label.starts_with("Valore Raggiunto"))
    return value_shaped(v);
  if (label.starts_with("Inizio") || label.starts_with("Fine") || label.starts_with("Data "))
    return date_shaped(v);
  if (label == "Tipo")
    return !v.empty() &&
           std::none_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (label == "Competenza" || label == "Impegno") return v.empty() || v.back() == '%';
  return true;
}

// A table printed one cell per line (docx2txt): the run of labels at lines[i], then rows of
// as many lines as long as their values fit their columns. Returns the index after it, or i.
std::size_t cell_per_line_table(const std::vector<TextLine>& lines, std::size_t i,
                                CellTable& table) {
  std::size_t j = i;
  while (j < lines.size() && is_column_label(trim(lines[j].text)))
    table.labels.emplace_back(trim(lines[j++].text));
  const std::size_t n = table.labels.size();
  // Every table of the sheet opens with the column that names its rows; a run of labels
  // that does not (an objective header with empty values) is no table.
  const std::string& first = n ? table.labels[0] : std::string();
  if (n < 3 || (first != "Descrizione" && first != "Dato" && first != "Nominativo")) return i;
  table.number = lines[i].number;
  while (j + n <= lines.size()) {
    CellTable::Row row{lines[j].number, {}};
    bool ok = true;
    for (std::size_t k = 0; k < n && ok; ++k) {
      row.cells.emplace_back(trim(lines[j + k].text));
      ok = fits(table.labels[k], row.cells.back());
    }
    if (!ok) break;
    table.rows.push_back(std::move(row));
    j += n;
  }
  table.one_cell_per_line = true;
  return table.rows.empty() ? i : j;
}

} // namespace

namespace {

constexpr std::array<std::string_view, 21> kLabels{"Descrizione",
                                                   "Peso",
                                                   "Avanz.",
                                                   "Inizio Previsto",
                                                   "Fine Prevista",
                                                   "Responsabile",
                                                   "Note",
                                                   "Inizio Effettivo",
                                                   "Fine Effettiva",
                                                   "Tipo",
                                                   "Valore Atteso",
                                                   "Relazione",
                                                   "Competenza",
                                                   "Data Inizio",
                                                   "Data Fine",
                                                   "Nominativo",
                                                   "Impegno",
                                                   "Dato",
                                                   "Valore",
                                                   "Come è stato ottenuto",
                                                   "Centro di Responsabilità"};

} // namespace

bool is_column_label(std::string_view t) {
  if (t.starts_with("Valore Raggiunto")) return true;
  return std::find(kLabels.begin(), kLabels.end(), t) != kLabels.end();
}

bool starts_column_label(std::string_view t) {
  if (t.starts_with("Valore Raggiunto") || std::string_view("Valore Raggiunto").starts_with(t))
    return true;
  for (std::string_view l : kLabels)
    if (l.starts_with(t) && (l.size() == t.size() || l[t.size()] == ' ')) return true;
  return false;
}

std::vector<TextLine> unwrapped_lines(std::string_view text) {
  std::vector<TextLine> out;
  out.reserve(text.size() / 32 + 16);
  bool in_grid = false;
  int number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    ++number;
    if (is_container_border(l)) {
      in_grid = true;
      out.push_back({number, ""});
    } else if (in_grid && !l.empty() && l[0] == '|') {
      l.remove_prefix(1);
      while (!l.empty() && l.back() == ' ')
        l.remove_suffix(1);
      if (!l.empty() && l.back() == '|') l.remove_suffix(1);
      if (!l.empty() && l[0] == ' ') l.remove_prefix(1);
      out.push_back({number, std::string(l)});
    } else {
      in_grid = false;
      out.push_back({number, std::string(l)});
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::vector<CellItem> text_items(const std::vector<TextLine>& lines) {
  std::vector<CellItem> out;
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size();) {
    CellTable table;
    std::size_t next = multiline_table(lines, i, table);
    if (next == i) {
      table = CellTable{};
      next = cell_per_line_table(lines, i, table);
    }
    if (next == i) {
      table = CellTable{};
      next = aligned_table(lines, i, table);
    }
    if (next > i) {
      out.emplace_back(std::move(table));
      i = next;
      continue;
    }
    out.emplace_back(lines[i]);
    ++i;
  }
  return out;
}

} // namespace traguardi::importer
