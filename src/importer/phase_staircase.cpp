#include "importer/phase_staircase.h"

#include <algorithm>
#include <string>

#include "importer/empty_cell.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

enum class Shape { label, number, date, empty_mark, text, boundary };

// A run of non-blank lines: one cell (or one column label) in pdftotext's default mode.
struct Block {
  std::size_t from = 0, to = 0; // lines [from, to)
  Shape shape = Shape::text;
};

enum class Kind { description, number, date, text };

struct Column {
  Kind kind = Kind::text;
  bool optional = false; // the note and the actual dates may be empty, and empty prints nothing
  // A value column may be empty too (a fase not measured yet): its shape keeps that unambiguous
  // next to the text cells, and where it does not the split is not unique.
  bool may_skip() const { return optional || kind == Kind::number || kind == Kind::date; }
};

bool column_label(std::string_view t) {
  return label_run_continues(t) || t == "Avanz." || t == "Descrizione";
}

Shape shape_of(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  bool labels = true;
  for (std::size_t i = from; i < to; ++i) {
    if (heading_of(lines[i]) != Heading::none) return Shape::boundary;
    labels = labels && column_label(lines[i].text);
  }
  if (labels) return Shape::label;
  if (to - from == 1) {
    const std::string_view t = lines[from].text;
    if (cell_number(t)) return Shape::number;
    if (cell_date(t)) return Shape::date;
    if (is_empty_cell(t)) return Shape::empty_mark;
  }
  return Shape::text;
}

std::vector<Block> blocks_of(const std::vector<Line>& lines) {
  std::vector<Block> out;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank() || lines[i].page_break) {
      ++i;
      continue;
    }
    // A heading is a block of its own: pdftotext sets the first column label right under it.
    std::size_t j = i + 1;
    if (heading_of(lines[i]) == Heading::none)
      while (j < lines.size() && !lines[j].blank() && !lines[j].page_break &&
             heading_of(lines[j]) == Heading::none)
        ++j;
    out.push_back(Block{i, j, shape_of(lines, i, j)});
    i = j;
  }
  return out;
}

Column column_of(const std::vector<Line>& lines, const Block& b) {
  std::string label;
  for (std::size_t i = b.from; i < b.to; ++i)
    label += std::string(lines[i].text) + ' ';
  Column c;
  if (label.starts_with("Descrizione"))
    c.kind = Kind::description;
  else if (label.starts_with("Peso") || label.starts_with("Avanz"))
    c.kind = Kind::number;
  else if (label.find("Inizio") != std::string::npos || label.find("Fine") != std::string::npos)
    c.kind = Kind::date;
  c.optional = label.starts_with("Note") || label.find("Effettiv") != std::string::npos;
  return c;
}

bool fits(const Column& c, Shape s) {
  switch (c.kind) {
  case Kind::number:
    return s == Shape::number || s == Shape::empty_mark;
  case Kind::date:
    return s == Shape::date || s == Shape::empty_mark;
  case Kind::description:
  case Kind::text:
    break;
  }
  return s == Shape::text;
}

constexpr std::size_t kMaxBlocks = 2000;

// One table: labels of the first pass, its cells, labels of the second pass, its cells (block
// indices, each range [from, to)).
struct Staircase {
  std::size_t labels1, cells1, labels2, cells2, end;
};

std::optional<Staircase> staircase_at(const std::vector<Block>& b, std::size_t i,
                                      const std::vector<Line>& lines) {
  if (b[i].shape != Shape::label || lines[b[i].from].text != "Descrizione") return std::nullopt;
  auto run = [&](std::size_t k, bool labels) {
    while (k < b.size() && b[k].shape != Shape::boundary && (b[k].shape == Shape::label) == labels)
      ++k;
    return k;
  };
  Staircase s{i, run(i, true), 0, 0, 0};
  s.labels2 = run(s.cells1, false);
  s.cells2 = run(s.labels2, true);
  // No second pass: the rows in order (the labels that follow are the next page's table).
  if (s.cells2 > s.labels2 && lines[b[s.labels2].from].text == "Descrizione") s.cells2 = s.labels2;
  s.end = s.cells2 == s.labels2 ? s.cells2 : run(s.cells2, false);
  if (s.labels2 == s.cells1 || (s.cells2 > s.labels2 && s.end == s.cells2)) return std::nullopt;
  // The splitter recurses once a cell: a table of a sheet has a few hundred at most.
  if (s.end - s.labels1 > kMaxBlocks) return std::nullopt;
  return s;
}

// The splits of both passes into rows. A row is its description and first cells in the first
// pass (`lead` of them), the cells it lacks in the second; `cell[r][c]` is the block of column c
// of row r, or none.
class Splitter {
public:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  Splitter(const std::vector<Column>& columns, const std::vector<Block>& blocks, const Staircase& s)
      : cols_(columns), b_(blocks), s_(s) {}

  /// The one split where every cell fits its column; nullopt when there are none or several.
  std::optional<std::vector<std::vector<std::size_t>>> unique() {
    std::vector<std::vector<std::size_t>> rows;
    if (s_.cells2 == s_.labels2) {
      if (in_order(0, s_.cells1) != 1) return std::nullopt;
      walk_in_order(rows);
      return rows;
    }
    first_pass(s_.cells1, rows);
    if (found_ != 1) return std::nullopt;
    return result_;
  }

private:
  // Rows in order, one pass (the table printed whole): the ways the cells from block p on fill
  // the rows, from column c of the current one (0: a new row or the end).
  int in_order(std::size_t c, std::size_t p) {
    if (c == cols_.size()) c = 0;
    if (c == 0 && p == s_.labels2) return 1;
    const std::size_t width = s_.labels2 - s_.cells1 + 1;
    if (memo_.empty()) memo_.assign((cols_.size() + 1) * width, -1);
    int& m = memo_[c * width + (p - s_.cells1)];
    if (m >= 0) return m;
    int n = 0;
    if (p < s_.labels2 && fits(cols_[c], b_[p].shape)) n += in_order(c + 1, p + 1);
    if (c > 0 && cols_[c].may_skip()) n += in_order(c + 1, p);
    return m = std::min(n, 2);
  }

  void walk_in_order(std::vector<std::vector<std::size_t>>& rows) {
    for (std::size_t c = 0, p = s_.cells1; c != 0 || p < s_.labels2;) {
      if (c == 0) rows.emplace_back(cols_.size(), none);
      if (p < s_.labels2 && fits(cols_[c], b_[p].shape) && in_order(c + 1, p + 1) == 1)
        rows.back()[c] = p++;
      c = c + 1 == cols_.size() ? 0 : c + 1;
    }
  }

  // Every split of the first pass (a text block after a row's cells either continues the row,
  // when it fits the next column, or opens the next row), each tried on the second pass.
  void first_pass(std::size_t p, std::vector<std::vector<std::size_t>>& rows) {
    if (found_ > 1) return;
    // The splits double with every row that could end at its responsabile or its centre: past
    // a bound (never reached by a sheet) the table counts as read in several ways.
    if (++steps_ > kMaxSteps) {
      found_ = 2;
      return;
    }
    if (p == s_.labels2) {
      if (++splits_ > kMaxSplits) found_ = 2;
      if (found_ < 2) second_pass(rows);
      return;
    }
    const std::size_t first_columns = s_.cells1 - s_.labels1;
    if (!rows.empty()) {
      const std::size_t r = rows.size() - 1; // deeper calls may move the rows
      const std::size_t c = lead(rows[r]);
      if (c < first_columns && !cols_[c].optional && fits(cols_[c], b_[p].shape)) {
        rows[r][c] = p;
        first_pass(p + 1, rows);
        rows[r][c] = none;
      }
    }
    if (b_[p].shape != Shape::text) return;
    rows.emplace_back(cols_.size(), none);
    rows.back()[0] = p;
    first_pass(p + 1, rows);
    rows.pop_back();
  }

  static std::size_t lead(const std::vector<std::size_t>& row) {
    std::size_t c = 0;
    while (c < row.size() && row[c] != none)
      ++c;
    return c;
  }

  // Counts (up to two) the ways the second pass completes the rows; keeps the one.
  void second_pass(std::vector<std::vector<std::size_t>>& rows) {
    memo_.assign(2 * rows.size() * (cols_.size() + 1) * (s_.end - s_.cells2 + 1), -1);
    const int n = count(rows, {0, lead(rows.front()), s_.cells2, false});
    found_ += n;
    if (n != 1) return;
    result_ = rows;
    walk(result_);
  }

  // Where the second pass stands: row, column, block, and whether the row's note was passed
  // over (poppler may print a tall note after the row's actual dates).
  struct At {
    std::size_t r, c, p;
    bool late;
  };

  At next_row(const std::vector<std::vector<std::size_t>>& rows, const At& a) const {
    return {a.r + 1, a.r + 1 < rows.size() ? lead(rows[a.r + 1]) : 0, a.p, false};
  }

  bool late_note(const At& a) const {
    return a.late && a.p < s_.end && b_[a.p].shape == Shape::text;
  }

  bool is_note(std::size_t c) const { return cols_[c].optional && cols_[c].kind == Kind::text; }

  int count(const std::vector<std::vector<std::size_t>>& rows, const At& a) {
    if (a.r == rows.size()) return a.p == s_.end ? 1 : 0;
    if (a.c == cols_.size()) {
      At after = next_row(rows, a);
      int n = count(rows, after);
      if (late_note(a)) n += count(rows, {after.r, after.c, a.p + 1, false});
      return std::min(n, 2);
    }
    const std::size_t width = s_.end - s_.cells2 + 1;
    int& m = memo_[((a.r * (cols_.size() + 1) + a.c) * width + (a.p - s_.cells2)) * 2 + a.late];
    if (m >= 0) return m;
    int n = 0;
    if (a.p < s_.end && fits(cols_[a.c], b_[a.p].shape))
      n += count(rows, {a.r, a.c + 1, a.p + 1, a.late});
    if (cols_[a.c].may_skip()) n += count(rows, {a.r, a.c + 1, a.p, a.late || is_note(a.c)});
    return m = std::min(n, 2);
  }

  void walk(std::vector<std::vector<std::size_t>>& rows) {
    At a{0, lead(rows.front()), s_.cells2, false};
    while (a.r < rows.size()) {
      if (a.c == cols_.size()) {
        At after = next_row(rows, a);
        if (late_note(a) && count(rows, {after.r, after.c, a.p + 1, false}) == 1) {
          for (std::size_t c = 0; c < cols_.size(); ++c)
            if (is_note(c)) rows[a.r][c] = a.p;
          ++after.p;
        }
        a = after;
        continue;
      }
      if (a.p < s_.end && fits(cols_[a.c], b_[a.p].shape) &&
          count(rows, {a.r, a.c + 1, a.p + 1, a.late}) == 1)
        rows[a.r][a.c] = a.p++;
      else if (is_note(a.c))
        a.late = true;
      ++a.c;
    }
  }

  const std::vector<Column>& cols_;
  const std::vector<Block>& b_;
  const Staircase& s_;
  static constexpr int kMaxSteps = 100000, kMaxSplits = 256;
  std::vector<int> memo_;
  int found_ = 0, steps_ = 0, splits_ = 0;
  std::vector<std::vector<std::size_t>> result_;
};

// A row as mutool prints it, which the one-cell-per-line reader knows: the description, an
// empty line, the cells up to the centre one per line, an empty line, the note and the actual
// dates, an empty line.
void write_row(const std::vector<Line>& lines, const std::vector<Block>& blocks,
               const std::vector<Column>& cols, const std::vector<std::size_t>& row,
               std::vector<Line>& out) {
  auto put = [&](std::size_t bi) {
    for (std::size_t i = blocks[bi].from; i < blocks[bi].to; ++i)
      out.push_back(lines[i]);
  };
  auto gap = [&] {
    if (!out.back().blank()) out.push_back(Line{out.back().number, ""});
  };
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (c == 1 || (c > 0 && cols[c].optional && !cols[c - 1].optional)) gap();
    if (row[c] != Splitter::none) put(row[c]);
  }
  gap();
}

} // namespace

std::optional<std::vector<Line>> phase_rows_from_staircase(const std::vector<Line>& section) {
  const std::vector<Block> blocks = blocks_of(section);
  std::vector<Line> out;
  bool changed = false;
  std::size_t copied = 0; // lines of `section` already in `out`
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto s = staircase_at(blocks, i, section);
    if (!s) continue;
    std::vector<Column> cols;
    for (std::size_t k = s->labels1; k < s->cells1; ++k)
      cols.push_back(column_of(section, blocks[k]));
    for (std::size_t k = s->labels2; k < s->cells2; ++k)
      cols.push_back(column_of(section, blocks[k]));
    if (cols.front().kind != Kind::description) continue;
    const auto rows = Splitter(cols, blocks, *s).unique();
    if (!rows) continue;
    out.insert(out.end(), section.begin() + copied, section.begin() + blocks[s->cells1].from);
    if (s->cells2 > s->labels2)
      out.insert(out.end(), section.begin() + blocks[s->labels2].from,
                 section.begin() + blocks[s->cells2].from);
    for (const auto& row : *rows)
      write_row(section, blocks, cols, row, out);
    copied = blocks[s->end - 1].to;
    changed = true;
    i = s->end - 1;
  }
  if (!changed) return std::nullopt;
  out.insert(out.end(), section.begin() + copied, section.end());
  return out;
}

} // namespace traguardi::importer
