#include "importer/pdf_tables.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "importer/pdf_note_edges.h"
#include "importer/table_rows.h"
#include "importer/value_shapes.h"

namespace traguardi::importer::pdf {
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

namespace {

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

// The cells of a table line, a cell also ending where a word starts under the next column's
// label: -layout may leave a single space between a long description and its Tipo.
std::vector<Span> cells_under(const VisualLine& l, double gutter, const std::vector<Span>& head) {
  std::vector<Span> out;
  const Word* prev = nullptr;
  for (const auto& w : l.words) {
    // A label's column starts a little before it: values set flush right, -layout's rounding.
    bool crosses = false;
    for (const auto& h : head)
      crosses = crosses || (prev && prev->x0 < h.x0 - l.h && w.x0 >= h.x0 - l.h);
    if (!out.empty() && !crosses && w.x0 - out.back().x1 < gutter) {
      out.back().text += ' ';
      out.back().text += w.text;
      out.back().x1 = std::max(out.back().x1, w.x1);
    } else {
      out.push_back({w.x0, w.x1, w.text});
    }
    prev = &w;
  }
  return out;
}

// A value cell by its shape: a number, a date, a percentage, the empty-cell mark, yes/no.
bool is_value_text(const std::string& t) {
  std::vector<std::string_view> w;
  split_words(t, w);
  std::optional<Decimal> v;
  return !w.empty() && (cell_date(w[0]) ? w.size() == 1 : value_cell(w, 0, v) == w.size());
}

// Byte offset of the first word with a lower-case letter, npos when every word is in capitals.
std::size_t first_lower_word(const std::string& t) {
  std::vector<std::string_view> w;
  split_words(t, w);
  for (auto x : w)
    if (!is_upper_word(x)) return static_cast<std::size_t>(x.data() - t.data());
  return std::string::npos;
}

// The label whose centre is nearest to the span's centre.
std::size_t nearest_label(const std::vector<Span>& head, const Span& s) {
  std::size_t best = 0;
  const double c = (s.x0 + s.x1) / 2;
  for (std::size_t k = 1; k < head.size(); ++k)
    if (std::abs((head[k].x0 + head[k].x1) / 2 - c) <
        std::abs((head[best].x0 + head[best].x1) / 2 - c))
      best = k;
  return best;
}

// A value that -layout set under the "Note" label, starting left of it: the N-2 value, set flush
// right against the note (a single space before the note's text, if any). Returns whether it
// put the span in its row.
bool split_n2_value(const std::vector<Span>& head, const Span& s,
                    std::vector<std::vector<std::string>>& row) {
  const std::size_t note = head.size() - 1;
  if (note == 0 || head[note].text != "Note" ||
      !starts_with(head[note - 1].text, "Valore Raggiunto") || s.x0 >= head[note].x0 ||
      !row[note - 1].empty())
    return false;
  for (std::size_t cut = s.text.size(); cut != std::string::npos && cut > 0;
       cut = s.text.rfind(' ', cut - 1)) {
    if (!is_value_text(s.text.substr(0, cut))) continue;
    row[note - 1].push_back(s.text.substr(0, cut));
    if (cut < s.text.size()) row[note].push_back(s.text.substr(cut + 1));
    return true;
  }
  return false;
}

// By its words, whatever the gaps between them (-layout leaves one space before "Come").
bool is_figures_head(const VisualLine& l) {
  static const std::vector<std::string_view> words{"Dato", "Valore", "Come",
                                                   "è",    "stato",  "ottenuto"};
  if (l.words.size() != words.size()) return false;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (l.words[k].text != words[k]) return false;
  return true;
}

// The column labels of a table line; "Note" is a label of its own even a single space after
// the one before it (-layout).
std::vector<Span> label_cells(const VisualLine& l, double gutter) {
  std::vector<Span> out = cells_of(l, gutter);
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].text == "Note" || !out[k].text.ends_with(" Note")) continue;
    double before = out[k].x0; // right edge of the word before "Note"
    for (const auto& w : l.words) {
      if (w.text == "Note" && w.x0 > out[k].x0 && w.x1 <= out[k].x1) {
        Span note{w.x0, out[k].x1, "Note"};
        out[k].text.resize(out[k].text.size() - 5);
        out[k].x1 = before;
        out.insert(out.begin() + static_cast<long>(k) + 1, note);
        break;
      }
      before = w.x1;
    }
  }
  return out;
}

} // namespace

std::size_t skip_figures(const std::vector<VisualLine>& lines, std::size_t at) {
  std::size_t i = at;
  if (lines[i].words.size() == 2 && lines[i].words[0].text == "DATI" &&
      lines[i].words[1].text == "CALCOLATI")
    ++i;
  if (i < lines.size() && is_figures_head(lines[i])) return table_end(lines, i);
  return i;
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
  const std::vector<Span> head = label_cells(lines[at], gutter);
  if (head.size() < 5 || head.front().text != "Descrizione") return at;
  const double step = std::max(1.0, lines[at].h);
  const std::size_t end = table_end(lines, at);

  // Columns: cells in the same column share an edge (left, right or centre, by alignment), so
  // their extents overlap; cells of different columns are apart by the gutter.
  // A cell also ends where a FASI note starts left of its label (pdf_note_edges.h).
  const std::vector<double> edges = note_edges(lines, at, end, gutter, head, step);
  std::vector<Span> cuts = head;
  for (double e : edges)
    cuts.push_back({e, e, ""});
  std::vector<std::vector<Span>> spans;
  std::vector<std::pair<double, double>> cols;
  for (std::size_t i = at; i < end; ++i) {
    spans.push_back(cells_under(lines[i], gutter, cuts));
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
  // Extents that run into each other (-layout: a word of a wrapped description reaching under
  // the next label): each column then starts at its label, a little before for values set
  // flush right, and a cell belongs to the column it starts in.
  // As many extents as labels can still be wrong ones (two columns run together, another split
  // by a value set off its cell): each label must lie in its own extent.
  bool by_labels = merged.size() != head.size();
  for (std::size_t k = 0; !by_labels && k < head.size(); ++k)
    by_labels = head[k].x0 < merged[k].first || head[k].x1 > merged[k].second;
  if (by_labels) {
    merged.clear();
    for (std::size_t k = 0; k < head.size(); ++k)
      merged.emplace_back(k == 0 ? -1e9 : head[k].x0 - step,
                          k + 1 < head.size() ? head[k + 1].x0 - step : 1e9);
  }
  auto column_of = [&](const Span& s) {
    for (std::size_t k = 0; k < merged.size(); ++k)
      if (by_labels ? s.x0 >= merged[k].first && s.x0 < merged[k].second
                    : s.x0 >= merged[k].first && s.x1 <= merged[k].second)
        return k;
    return merged.size();
  };

  // Rows: a gap wider than the line step is the padding between two rows.
  std::vector<std::vector<std::vector<std::string>>> rows;
  // The column of the row's anchor value (Peso, Tipo): one per row, so a second one opens the
  // next row where no padding shows the break (pdftotext -layout).
  std::size_t anchor = merged.size();
  for (const auto& h : head)
    if (h.text == "Peso" || h.text == "Tipo") anchor = column_of(h);
  std::size_t center = merged.size(), note = merged.size();
  for (std::size_t k = 0; k < head.size(); ++k) {
    if (head[k].text.starts_with("Centro di")) center = k;
    if (head[k].text == "Note") note = k;
  }
  // Only a span that runs under the Tipo label: a description line may end with a word that
  // reads as a Tipo ("QUALITA'") far left of it.
  auto tipo_at_end = [&](const Span& s) {
    const std::size_t cut = s.text.rfind(' ');
    // No anchor label (a table without Peso or Tipo, found by the fuzzer): no Tipo either.
    return anchor < merged.size() && s.x1 > merged[anchor].first &&
           tipo_keyword(std::string_view(s.text).substr(cut == std::string::npos ? 0 : cut + 1))
               .has_value();
  };
  auto has_anchor = [&](std::size_t i) {
    for (const auto& s : spans[i - at])
      if (column_of(s) == anchor || (by_labels && column_of(s) + 1 == anchor && tipo_at_end(s)))
        return true;
    return false;
  };
  for (std::size_t i = at; i < end; ++i) {
    if (i == at || lines[i].y - lines[i - 1].y > 1.25 * step ||
        (anchor < merged.size() && has_anchor(i) && !rows.back()[anchor].empty()))
      rows.emplace_back(merged.size());
    for (const auto& s : spans[i - at]) {
      // Label lines under the first are centred under theirs ("Previsto" under "Inizio").
      // Values are set centred or flush right under their label: nearest by centre too.
      std::size_t k = by_labels && (rows.size() == 1 || is_value_text(s.text))
                          ? nearest_label(head, s)
                          : column_of(s);
      if (k == merged.size()) return at;
      if (k == note && by_labels && rows.size() > 1 && split_n2_value(head, s, rows.back()))
        continue;
      // A Tipo keyword that -layout set a space after a long description, left of its label.
      // A centre is printed in capitals: lower-case words after it, a single space on, are
      // the start of the note the grid's rounding put under the centre's label.
      if (by_labels && k == center && note == center + 1 && at_note_edge(edges, s.x0, step))
        k = note;
      if (by_labels && rows.size() > 1 && k == center && note < merged.size()) {
        const std::size_t cut = first_lower_word(s.text);
        if (cut != std::string::npos) {
          const std::string head_part = cut > 0 ? s.text.substr(0, cut - 1) : std::string();
          if (has_letter(head_part)) rows.back()[k].push_back(head_part);
          rows.back()[note].push_back(has_letter(head_part) ? s.text.substr(cut) : s.text);
          continue;
        }
      }
      if (by_labels && k + 1 == anchor && tipo_at_end(s)) {
        const std::size_t cut = s.text.rfind(' ');
        if (cut != std::string::npos) rows.back()[k].push_back(s.text.substr(0, cut));
        rows.back()[anchor].push_back(cut == std::string::npos ? s.text : s.text.substr(cut + 1));
        continue;
      }
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
