#include "importer/aligned_tables.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/normalize.h"
#include "importer/aligned_columns.h"
#include "importer/sheet_labels.h"
#include "importer/table_rows.h"
#include "importer/text_lines.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

bool is_caption(std::string_view t) {
  const Heading h = classify_heading(t);
  return h == Heading::fasi || h == Heading::indicatori || h == Heading::dati_calcolati ||
         h == Heading::strutture || h == Heading::soggetti;
}

// The characters of a line as separate strings (columns are counted in characters).
std::vector<std::string_view> chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80)
      ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// html2text (Debian's 1.3.2a) pads its cells by bytes, not characters: on a line with an
// accented letter or a curly quote, the columns after it stand as many positions left as the
// letter has extra UTF-8 bytes. Its grid counts bytes: a character at its first byte, an empty
// (non-blank) position at each of the others.
std::vector<std::string_view> bytes(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view c : chars(s)) {
    out.push_back(c);
    out.insert(out.end(), c.size() - 1, std::string_view{});
  }
  return out;
}

// Words of the rows that start where a word of the label lines starts: html2text sets every
// label and cell flush left in its column, so the grid that counts positions as the tool did
// (bytes for html2text) lines more of them up.
int starts_under_labels(const CharGrid& grid, std::size_t header_lines) {
  auto starts = [&](std::size_t r, std::size_t x) {
    return x < grid[r].size() && grid[r][x] != " " && (x == 0 || grid[r][x - 1] == " ");
  };
  int aligned = 0;
  for (std::size_t r = header_lines; r < grid.size(); ++r)
    for (std::size_t x = 0; x < grid[r].size(); ++x)
      for (std::size_t l = 0; l < header_lines && starts(r, x); ++l)
        if (starts(l, x)) {
          ++aligned;
          break;
        }
  return aligned;
}

// Value cells of a row that do not read as values: a date cut in two ("01/02/" | "2020"), a
// figure split from its unit, two indicator values in one cell, a Tipo cut ("E" | "FFICACIA").
int bad_values(const std::vector<ColumnRole>& roles, const CellTable::Row& r) {
  int bad = 0;
  for (std::size_t c = 0; c < roles.size() && c < r.cells.size(); ++c) {
    const std::string& v = r.cells[c];
    if (v.empty()) continue;
    switch (roles[c]) {
    case ColumnRole::planned_start:
    case ColumnRole::planned_end:
    case ColumnRole::actual_start:
    case ColumnRole::actual_end:
      bad += !cell_date(v);
      break;
    case ColumnRole::weight:
    case ColumnRole::progress:
      bad += !cell_number(v);
      break;
    case ColumnRole::type:
      bad += !tipo_keyword(v);
      break;
    case ColumnRole::target:
    case ColumnRole::actual:
    case ColumnRole::previous1:
    case ColumnRole::previous2: { // one value: "1 (sì)", "80,00 %", "10,00 (*)", the empty mark
      const auto words = split_words(v);
      std::optional<Decimal> value;
      bad += value_cell(words, 0, value) != words.size();
      break;
    }
    default:
      break;
    }
  }
  return bad;
}

// Between tilings that are otherwise alike, a description that starts in lower case is most
// likely the end of the row above ("derivanti da …" under "… situazioni di povertà").
int lower_case_description(const std::vector<ColumnRole>& roles, const CellTable::Row& r) {
  for (std::size_t c = 0; c < roles.size() && c < r.cells.size(); ++c)
    if (roles[c] == ColumnRole::description && !r.cells[c].empty())
      return r.cells[c][0] >= 'a' && r.cells[c][0] <= 'z';
  return 0;
}

// Programme sheets open every indicator description with its year ("2023 - AZIONI …"): between
// tilings otherwise alike, a year lead inside a description is most likely where the next row
// starts ("EQUITA' FISCALE 2023 - AZIONI DI …").
int year_lead_inside(const std::vector<ColumnRole>& roles, const CellTable::Row& r) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  for (std::size_t c = 0; c < roles.size() && c < r.cells.size(); ++c) {
    if (roles[c] != ColumnRole::description) continue;
    const std::string& d = r.cells[c];
    for (std::size_t at = d.find(" - "); at != std::string::npos; at = d.find(" - ", at + 1))
      if (at >= 5 && d[at - 5] == ' ' &&
          std::all_of(d.begin() + static_cast<std::ptrdiff_t>(at) - 4,
                      d.begin() + static_cast<std::ptrdiff_t>(at), digit))
        return 1;
  }
  return 0;
}

// Cells are centred in their row (HTML's default): a row reaches as far below its anchor as
// above it, or one line more, and the rows tile the table. Of the ways to tile it so, the one
// whose value cells read as values (a date is not cut into "01/02/" and "2020").
std::vector<std::pair<std::size_t, std::size_t>>
row_extents(const std::vector<std::size_t>& anchors, std::size_t first, std::size_t last,
            const std::function<int(std::size_t, std::size_t)>& bad) {
  struct State {
    int cost;
    std::size_t top, bottom, from; // this row, and the state of the previous row it came from
  };
  // states[k]: the ways row k can end, each with its cost so far.
  std::vector<std::vector<State>> states(anchors.size());
  std::vector<std::pair<std::size_t, int>> tops{{first, 0}}; // (top of row k, previous state)
  std::vector<std::size_t> from_state{0};
  for (std::size_t k = 0; k < anchors.size(); ++k) {
    std::vector<std::pair<std::size_t, int>> next_tops;
    for (std::size_t t = 0; t < tops.size(); ++t) {
      const std::size_t top = tops[t].first;
      if (top > anchors[k]) continue;
      const int before = k == 0 ? 0 : states[k - 1][from_state[t]].cost;
      const std::size_t above = anchors[k] - top;
      for (std::size_t below : {above, above + 1}) {
        const std::size_t bottom = anchors[k] + below;
        const bool fits = k + 1 < anchors.size() ? bottom < anchors[k + 1] : bottom == last;
        if (!fits) continue;
        const State st{before + bad(top, bottom), top, bottom, from_state[t]};
        // One state per end line: the cheapest way to reach it.
        auto same = std::find_if(states[k].begin(), states[k].end(),
                                 [&](const State& x) { return x.bottom == bottom; });
        if (same == states[k].end())
          states[k].push_back(st);
        else if (st.cost < same->cost)
          *same = st;
      }
    }
    if (states[k].empty()) return {};
    tops.clear();
    from_state.clear();
    for (std::size_t st = 0; st < states[k].size(); ++st) {
      tops.push_back({states[k][st].bottom + 1, 0});
      from_state.push_back(st);
    }
  }
  std::size_t best = 0;
  for (std::size_t st = 1; st < states.back().size(); ++st)
    if (states.back()[st].cost < states.back()[best].cost) best = st;
  std::vector<std::pair<std::size_t, std::size_t>> out(anchors.size());
  for (std::size_t k = anchors.size(); k-- > 0;) {
    out[k] = {states[k][best].top, states[k][best].bottom};
    best = states[k][best].from;
  }
  return out;
}

// Cells whose text is not centred in the rows [top, bottom]: as many lines below as above, or
// one more.
int uncentred(const std::vector<std::vector<std::string_view>>& grid,
              const std::vector<Column>& cols, std::size_t top, std::size_t bottom) {
  int bad = 0;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::size_t to = c + 1 < cols.size() ? cols[c + 1].from : std::string::npos;
    std::size_t first = bottom + 1, last = 0;
    for (std::size_t k = top; k <= bottom; ++k)
      if (!slice(grid[k], cols[c].from, to).empty()) {
        first = std::min(first, k);
        last = k;
      }
    if (first > bottom) continue;
    const std::size_t above = first - top, below = bottom - last;
    bad += below != above && below != above + 1;
    // A wrapped cell fills its column on every line but its last: a short line ("di un client
    // vpn ...", centred) ends a cell, it does not start one, unless the next line's first word
    // would not have fitted after it ("gestione" before "dell'emergenza (%)" in a narrow
    // column).
    const std::size_t width = cols[c].to - cols[c].from;
    // Nor does a line end a cell's line when the next line's first word fits after it: a tool
    // wraps only when the word does not fit.
    for (std::size_t k = first; k < last; ++k) {
      const std::size_t here = utf8_length(slice(grid[k], cols[c].from, to));
      const std::string next = slice(grid[k + 1], cols[c].from, to);
      const std::size_t word = utf8_length(next.substr(0, next.find(' ')));
      const bool fits = here + 1 + word <= width;
      if ((10 * here < 6 * width && (word == 0 || fits)) || (here > 0 && word > 0 && fits)) ++bad;
    }
  }
  return bad;
}

// A FASI table without Peso, or an INDICATORI table without Tipo, was not cut into its columns.
bool has_anchor(Heading kind, const std::vector<ColumnRole>& roles) {
  const ColumnRole anchor = kind == Heading::fasi ? ColumnRole::weight : ColumnRole::type;
  return (kind != Heading::fasi && kind != Heading::indicatori) ||
         std::find(roles.begin(), roles.end(), anchor) != roles.end();
}

// The table whose label lines start at lines[h] and rows at grid line `rows_from` (grid line 0
// is lines[h]), read from its grid: the number of its value cells that do not read as values,
// or nothing when it has no columns or no rows.
std::optional<int> read_grid(const std::vector<TextLine>& lines, std::size_t i, std::size_t h,
                             std::size_t rows_from, const CharGrid& grid, bool label_starts,
                             CellTable& table) {
  std::size_t width = 0;
  for (const auto& g : grid)
    width = std::max(width, g.size());
  std::vector<Column> cols;
  for (std::size_t x = 0; x < width; ++x) {
    bool text = false;
    for (const auto& g : grid)
      if (x < g.size() && g[x] != " ") text = true;
    if (!text) continue;
    if (!cols.empty() && cols.back().to == x)
      cols.back().to = x + 1;
    else
      cols.push_back({x, x + 1});
  }
  std::vector<std::string> labels;
  std::vector<Column> merged;
  label_columns(grid, rows_from, cols, merged, labels);
  split_joined_labels(grid, rows_from, merged, labels);
  const Heading kind = classify_heading(collapse_spaces(lines[i].text));
  if (label_starts || !has_anchor(kind, column_roles(labels))) {
    label_columns(grid, rows_from, label_start_columns(grid, rows_from, width, !label_starts),
                  merged, labels);
    split_joined_labels(grid, rows_from, merged, labels);
  }
  const auto roles = column_roles(labels);
  if (roles.empty() && (kind == Heading::fasi || kind == Heading::indicatori)) return {};
  // A row starts where the column every row fills has text.
  std::size_t anchor = merged.size() > 1 ? 1 : 0;
  for (std::size_t k = 0; k < roles.size(); ++k)
    if (roles[k] == ColumnRole::weight || roles[k] == ColumnRole::type) anchor = k;
  table.caption = std::string(trim_spaces(lines[i].text));
  table.labels = labels;
  table.number = lines[h].number;
  std::vector<std::size_t> anchors; // grid rows where a table row has its anchor cell
  for (std::size_t k = rows_from; k < grid.size(); ++k)
    if (!slice(grid[k], merged[anchor].from, merged[anchor].to).empty()) anchors.push_back(k);
  if (anchors.empty()) return {};
  auto row_of = [&](std::size_t top, std::size_t bottom) {
    CellTable::Row r{lines[h + top].number, std::vector<std::string>(merged.size())};
    for (std::size_t k = top; k <= bottom; ++k)
      for (std::size_t c = 0; c < merged.size(); ++c) {
        // The last column runs to the end of the line.
        const std::size_t to = c + 1 < merged.size() ? merged[c + 1].from : grid[k].size();
        add_piece(r.cells[c], slice(grid[k], merged[c].from, to));
      }
    return r;
  };
  auto bad = [&](std::size_t t, std::size_t b) {
    const CellTable::Row r = row_of(t, b);
    return 2 * (bad_values(roles, r) + uncentred(grid, merged, t, b)) +
           lower_case_description(roles, r) + year_lead_inside(roles, r);
  };
  auto extents = row_extents(anchors, rows_from, grid.size() - 1, bad);
  if (extents.empty()) { // no centred tiling: every row from its anchor to the next one
    std::size_t top = rows_from;
    for (std::size_t a = 0; a < anchors.size(); ++a) {
      const std::size_t bottom = a + 1 < anchors.size() ? anchors[a + 1] - 1 : grid.size() - 1;
      extents.push_back({top, bottom});
      top = bottom + 1;
    }
  }
  int bad_cells = 0;
  for (const auto& [top, bottom] : extents) {
    table.rows.push_back(row_of(top, bottom));
    bad_cells += bad_values(roles, table.rows.back());
  }
  return bad_cells;
}

} // namespace

std::size_t aligned_table(const std::vector<TextLine>& lines, std::size_t i, CellTable& table) {
  if (!is_caption(collapse_spaces(lines[i].text))) return i;
  std::size_t h = i + 1, end = h;
  const std::string first = collapse_spaces(lines[h < lines.size() ? h : i].text);
  if (h >= lines.size() || !is_label_line(first)) return i;
  ++end;
  // Wrapped labels, and the years under "Valore Raggiunto".
  auto years_only = [](const std::string& t) {
    auto w = split_words(t);
    return !w.empty() && std::all_of(w.begin(), w.end(), is_year_word);
  };
  while (end < lines.size() && (label_run_continues(collapse_spaces(lines[end].text)) ||
                                years_only(collapse_spaces(lines[end].text))))
    ++end;
  const std::size_t rows_from = end;
  // The table ends at an empty line (w3m) or, when the tool prints none (html2text), where a
  // heading, the next caption, an objective header or the table's legend starts.
  auto ends_table = [](std::string_view raw) {
    const std::string t = normalize_line(raw);
    return classify_heading(t) != Heading::none || t.starts_with("(*)") ||
           t.starts_with("OBIETTIVO DI ") || is_page_title(t);
  };
  while (end < lines.size() && !trim_spaces(lines[end].text).empty() &&
         !ends_table(lines[end].text))
    ++end;
  if (rows_from == end) return i;
  CharGrid by_char, by_byte;
  bool multibyte = false;
  for (std::size_t k = h; k < end; ++k) {
    by_char.push_back(chars(lines[k].text));
    by_byte.push_back(bytes(lines[k].text));
    multibyte = multibyte || by_byte.back().size() != by_char.back().size();
  }
  CellTable read;
  auto bad = read_grid(lines, i, h, rows_from - h, by_char, false, read);
  // html2text pads cells by bytes: the grid of bytes when the grid of characters finds no
  // columns or cuts values (a date into "01/0" and "1/2021") and that one cuts fewer. Only FASI
  // and INDICATORI have values whose shapes tell the two apart. There a cell one byte wider than
  // its column ("1 (sì)" under "Atteso") touches the next one: columns also start exactly where
  // their labels start.
  const Heading kind = classify_heading(collapse_spaces(lines[i].text));
  const bool kind_with_values = kind == Heading::fasi || kind == Heading::indicatori;
  // Alike in values, the grid of bytes still wins when more cells start under their labels.
  const bool bytes_line_up =
      multibyte && kind_with_values &&
      starts_under_labels(by_byte, rows_from - h) > starts_under_labels(by_char, rows_from - h);
  bool by_chars = true;
  if (multibyte && kind_with_values)
    for (bool label_starts : {false, true}) {
      CellTable by_bytes;
      const auto byte_bad = read_grid(lines, i, h, rows_from - h, by_byte, label_starts, by_bytes);
      if (byte_bad &&
          (!bad || *byte_bad < *bad || (*byte_bad == *bad && by_chars && bytes_line_up))) {
        read = std::move(by_bytes);
        bad = byte_bad;
        by_chars = false;
      }
    }
  if (!bad) return i;
  table = std::move(read);
  return end;
}

} // namespace traguardi::importer
