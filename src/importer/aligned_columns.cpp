#include "importer/aligned_columns.h"

#include <algorithm>

#include "importer/table_blocks.h"
#include "importer/text_lines.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {

std::string slice(const std::vector<std::string_view>& c, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < c.size(); ++k)
    out += c[k];
  return std::string(trim_spaces(out));
}

// Pieces of one cell over the lines of a row: a date wrapped after its '/' joins without space.
void add_piece(std::string& cell, const std::string& piece) {
  if (piece.empty()) return;
  if (!cell.empty() && cell.back() != '/') cell += ' ';
  cell += piece;
}

namespace {

// Whether the grid line's text from position x on starts with `word`.
bool text_at(const std::vector<std::string_view>& line, std::size_t x, std::string_view word) {
  std::string text;
  for (; x < line.size() && text.size() < word.size(); ++x)
    text += line[x];
  return text.starts_with(word);
}

// Where the label `b` starts on a header line, inside column c: its first word after a blank,
// or, `glued`, right after the text of the label before it. npos when it is not there.
std::size_t label_position(const std::vector<std::vector<std::string_view>>& grid,
                           std::size_t header_lines, const Column& c, std::string_view first_word,
                           bool glued) {
  for (std::size_t r = 0; r < header_lines; ++r)
    for (std::size_t x = c.from + 1; x < c.to && x < grid[r].size(); ++x)
      if ((grid[r][x - 1] != " ") == glued && text_at(grid[r], x, first_word)) return x;
  return std::string::npos;
}

} // namespace

// Two columns with no blank character column between them (html2text: an empty "Note" column
// whose label touches "Inizio Effettivo"): a label made of two labels is cut where the second
// one starts on the first label line. html2text pads by bytes, so a label with an accented
// letter as wide as its column runs into the next one ("Centro di ResponsabilitàNote"): a
// capital inside a word may start the second label too.
void split_joined_labels(const std::vector<std::vector<std::string_view>>& grid,
                         std::size_t header_lines, std::vector<Column>& cols,
                         std::vector<std::string>& labels) {
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::string label = labels[k];
    for (std::size_t cut = 1; cut < label.size(); ++cut) {
      const bool spaced = label[cut - 1] == ' ';
      const bool glued = !spaced && label[cut] >= 'A' && label[cut] <= 'Z';
      if (!spaced && !glued) continue;
      const std::string a(trim_spaces(std::string_view(label).substr(0, cut)));
      const std::string b = label.substr(cut);
      if (!is_column_label(a) || !is_column_label(b)) continue;
      const std::size_t at =
          label_position(grid, header_lines, cols[k], b.substr(0, b.find(' ')), glued);
      if (at == std::string::npos) continue;
      cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(k) + 1, Column{at, cols[k].to});
      cols[k].to = at;
      labels[k] = a;
      labels.insert(labels.begin() + static_cast<std::ptrdiff_t>(k) + 1, b);
      break;
    }
  }
}

namespace {

// The first and one past the last character position of a column's label on the header
// lines, or {npos, 0} when it has none.
std::pair<std::size_t, std::size_t>
label_extent(const std::vector<std::vector<std::string_view>>& grid, std::size_t header_lines,
             const Column& c) {
  std::size_t lo = std::string::npos, hi = 0;
  for (std::size_t r = 0; r < header_lines; ++r)
    for (std::size_t x = c.from; x < c.to && x < grid[r].size(); ++x)
      if (grid[r][x] != " ") {
        lo = std::min(lo, x);
        hi = std::max(hi, x + 1);
      }
  return {lo, hi};
}

// Twice the centre of a column's label (twice the column's own centre when it has none).
std::size_t label_centre2(const std::vector<std::vector<std::string_view>>& grid,
                          std::size_t header_lines, const Column& c) {
  const auto [lo, hi] = label_extent(grid, header_lines, c);
  return lo == std::string::npos ? c.from + c.to : lo + hi;
}

std::size_t distance(std::size_t a, std::size_t b) {
  return a > b ? a - b : b - a;
}

// Columns with no label text (a wrapped cell's words, blank on every line between them) join a
// labelled neighbour. A label is centred over its column, so a run of them between two labels
// is split where both labelled columns come out nearest to centred under their labels: a note
// wrapped short at its left edge goes to Note, not to the centre before it (w3m). Ties, and
// tables whose labels all start at their column's left edge (html2text), keep to the left
// label; text left of the first label goes to the first, text after the last to the last.
void attach_unlabelled(const std::vector<std::vector<std::string_view>>& grid,
                       std::size_t header_lines, std::vector<Column>& cols,
                       std::vector<std::string>& labels) {
  auto labelled = [&](std::size_t from) {
    while (from < labels.size() && labels[from].empty())
      ++from;
    return from;
  };
  std::size_t k = labelled(0);
  if (k == labels.size()) {
    cols = {Column{cols.front().from, cols.back().to}};
    labels = {""};
    return;
  }
  std::vector<Column> out{Column{cols.front().from, cols[k].to}};
  std::vector<std::string> out_labels{labels[k]};
  // html2text sets labels and cells flush left (the first label, Descrizione, at the left edge
  // of its column): there a run always goes to the left label.
  const bool centred = label_extent(grid, header_lines, out.front()).first > out.front().from;
  for (++k; k < cols.size();) {
    const std::size_t r = labelled(k);
    if (r == cols.size()) {
      out.back().to = cols.back().to;
      break;
    }
    const std::size_t right_to = cols[labelled(r + 1) - 1].to; // with the run after it
    const std::size_t lc = label_centre2(grid, header_lines, out.back());
    const std::size_t rc = label_centre2(grid, header_lines, cols[r]);
    std::size_t best = r, best_cost = std::string::npos;
    for (std::size_t s = r + 1; s-- > (centred ? k : r);) { // the left column takes [k, s)
      const std::size_t left_to = s > k ? cols[s - 1].to : out.back().to;
      const std::size_t cost = distance(out.back().from + left_to, lc) +
                               distance(cols[s < r ? s : r].from + right_to, rc);
      if (cost < best_cost) {
        best = s;
        best_cost = cost;
      }
    }
    if (best > k) out.back().to = cols[best - 1].to;
    out.push_back(Column{cols[best].from, cols[r].to});
    out_labels.push_back(labels[r]);
    k = r + 1;
  }
  cols = std::move(out);
  labels = std::move(out_labels);
}

// A label's words without the years under them ("Valore 2020 Raggiunto" -> "Valore Raggiunto").
std::string without_years(const std::string& label) {
  std::string out;
  for (std::string_view w : split_words(label))
    if (!is_year_word(w)) out += (out.empty() ? "" : " ") + std::string(w);
  return out;
}

// The years of a label after its words: "Valore" with "2020" under it, then "Raggiunto", is
// "Valore Raggiunto 2020", as the label is printed where its column is wide enough.
std::string years_last(const std::string& label) {
  std::string years;
  for (std::string_view w : split_words(label))
    if (is_year_word(w)) years += ' ' + std::string(w);
  return without_years(label) + years;
}

} // namespace

// Labels per column; a column without one is attached to a neighbour (attach_unlabelled).
void label_columns(const std::vector<std::vector<std::string_view>>& grid, std::size_t header_lines,
                   const std::vector<Column>& cols, std::vector<Column>& merged,
                   std::vector<std::string>& labels) {
  merged.clear();
  labels.clear();
  std::size_t last_labelled = std::string::npos;
  for (const auto& c : cols) {
    std::string label;
    for (std::size_t k = 0; k < header_lines; ++k)
      add_piece(label, slice(grid[k], c.from, c.to));
    // A label printed on one line is cut at its spaces ("Inizio" "Previsto"): the word that
    // goes on a label belongs to its column, unless it starts a label of its own.
    // A year printed under the word ("Valore" over "2020") is the end of the label.
    const bool year = !label.empty() && without_years(label).empty();
    const bool continues = last_labelled != std::string::npos && !label.empty() &&
                           (year || !starts_column_label(without_years(label))) &&
                           starts_column_label(without_years(labels[last_labelled] + ' ' + label));
    if (continues) {
      merged[last_labelled].to = c.to;
      labels[last_labelled] = years_last(labels[last_labelled] + ' ' + label);
      merged.resize(last_labelled + 1);
      labels.resize(last_labelled + 1);
      continue;
    }
    merged.push_back(c);
    labels.push_back(label);
    if (!label.empty()) last_labelled = merged.size() - 1;
  }
  attach_unlabelled(grid, header_lines, merged, labels);
}

// html2text sets columns one space apart and lets text run across that space: there columns
// start where a label word starts, except inside a word of another header line ("di" above
// "Responsabilità"). Counted in characters they may start one position earlier (`shifted`): a
// label line with an accented letter stands a byte left (html2text pads by bytes).
std::vector<Column> label_start_columns(const std::vector<std::vector<std::string_view>>& grid,
                                        std::size_t header_lines, std::size_t width, bool shifted) {
  auto text = [&](std::size_t r, std::size_t x) { return x < grid[r].size() && grid[r][x] != " "; };
  std::vector<std::size_t> starts;
  for (std::size_t x = 0; x < width; ++x) {
    bool start = false, inside = false;
    for (std::size_t r = 0; r < header_lines; ++r) {
      start = start || (text(r, x) && (x == 0 || !text(r, x - 1)));
      inside = inside || (x > 0 && text(r, x) && text(r, x - 1));
    }
    if (start && !inside) starts.push_back(x);
  }
  std::vector<Column> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    bool blank_before = shifted && starts[k] > 0;
    for (std::size_t r = 0; r < header_lines; ++r)
      blank_before = blank_before && !text(r, starts[k] - 1);
    const std::size_t from = k == 0 ? 0 : starts[k] - blank_before;
    if (!out.empty()) out.back().to = from;
    out.push_back(Column{from, width});
  }
  return out;
}

} // namespace traguardi::importer
