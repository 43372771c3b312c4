#include "importer/indicator_rows.h"

#include <algorithm>
#include <span>

#include "core/normalize.h"
#include "importer/empty_cell.h"
#include "importer/indicator_stream.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"
#include "importer/wrapped_cells.h"

namespace traguardi::importer {
namespace {

struct Row {
  Indicator ind;
  std::vector<std::vector<std::string_view>> note_blocks; // views of the section's lines
  bool inline_note = false;
  bool standalone_value_line = false;
};

void add_note_lines(Row& row, std::span<const Line> lines) {
  bool new_block = true;
  for (const auto& l : lines) {
    if (l.blank()) {
      new_block = true;
      continue;
    }
    if (new_block || row.note_blocks.empty()) row.note_blocks.emplace_back();
    new_block = false;
    row.note_blocks.back().push_back(l.text);
    row.ind.source.line_to = std::max(row.ind.source.line_to, l.number);
  }
}

std::string joined_note(const Row& r) {
  std::string out;
  for (const auto& b : r.note_blocks) {
    std::string para;
    for (const auto& s : b) {
      if (!para.empty()) para += ' ';
      para += s;
    }
    if (para.empty()) continue;
    if (!out.empty()) out += '\n';
    out += para;
  }
  return out;
}

bool contains_key(const std::string& key, std::string_view needle) {
  return key.find(needle) != std::string::npos;
}

// Case-insensitive search of a lower-case ASCII needle (its first byte a letter).
bool icontains(std::string_view s, std::string_view lower_needle) {
  const char lo = lower_needle[0], up = static_cast<char>(lo - 32);
  for (std::size_t i = 0; i + lower_needle.size() <= s.size(); ++i)
    if ((s[i] == lo || s[i] == up) && istarts_with(s.substr(i), lower_needle)) return true;
  return false;
}

// Whether the text, without leading white space, starts with the lower-case ASCII prefix.
bool istarts_trimmed(std::string_view s, std::string_view lower_prefix) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
    s.remove_prefix(1);
  return istarts_with(s, lower_prefix);
}

bool has_any(const Indicator& ind, char byte) {
  return ind.description.find(byte) != std::string::npos ||
         ind.note.find(byte) != std::string::npos;
}

// Lower-cased neighbour of t[p] in direction step, white space skipped (0 at either end).
char neighbour(std::string_view t, std::size_t p, int step) {
  for (std::size_t q = p + static_cast<std::size_t>(step); q < t.size();
       q += static_cast<std::size_t>(step)) {
    char c = t[q];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return 0;
}

bool is_white(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether matching_key(t) without spaces contains SI=1, (SI/NO), FATTO=1 or 1=FATTO. Each marker
// has a '=' between I, O or 1 and 1 or F, or a '/' between I and N (spaces aside), and spans
// at most 6 characters on either side of it, all ASCII (one byte each). matching_key folds word
// by word, so the key of a few whole words around such a byte equals that part of the key of
// the whole text; long notes are never folded whole.
bool has_boolean_marker(std::string_view t) {
  for (std::size_t p = 0; p < t.size(); ++p) {
    // Notes are long and rarely hold either byte: let memchr skip to the next one.
    std::size_t eq = t.find('=', p), slash = t.find('/', p);
    p = std::min(eq, slash);
    if (p == std::string_view::npos) break;
    char before = neighbour(t, p, -1), after = neighbour(t, p, 1);
    bool candidate = t[p] == '=' ? (before == 'i' || before == 'o' || before == '1') &&
                                       (after == '1' || after == 'f')
                                 : before == 'i' && after == 'n';
    if (!candidate) continue;
    std::size_t b = p, e = p + 1;
    for (int seen = 0; b > 0 && seen < 16;)
      if (!is_white(t[--b])) ++seen;
    while (b > 0 && !is_white(t[b - 1]))
      --b;
    for (int seen = 0; e < t.size() && seen < 16; ++e)
      if (!is_white(t[e])) ++seen;
    while (e < t.size() && !is_white(t[e]))
      ++e;
    std::string k;
    for (char c : matching_key(t.substr(b, e - b)))
      if (c != ' ') k += c; // "SI = 1" and "SI=1" alike
    if (contains_key(k, "SI=1") || contains_key(k, "(SI/NO)") || contains_key(k, "FATTO=1") ||
        contains_key(k, "1=FATTO") || contains_key(k, "SI=1,NO=0"))
      return true;
  }
  return false;
}

// Whether matching_key(d) contains "INFERIORE A" or starts with RIDOTTO or RIDURRE, folding only
// the words concerned (see has_boolean_marker): the first word for the prefixes, the word with
// "nferiore" and the next one for the other.
bool lower_is_better(std::string_view d) {
  std::size_t b = 0;
  while (b < d.size() && is_white(d[b]))
    ++b;
  std::size_t e = b;
  while (e < d.size() && !is_white(d[e]))
    ++e;
  if (e > b) {
    std::string k = matching_key(d.substr(b, e - b));
    if (k.rfind("RIDOTTO", 0) == 0 || k.rfind("RIDURRE", 0) == 0) return true;
  }
  for (std::size_t p = 0; p + 8 <= d.size(); ++p) {
    if (!istarts_with(d.substr(p), "nferiore")) continue;
    std::size_t wb = p, we = p + 8;
    while (wb > 0 && !is_white(d[wb - 1]))
      --wb;
    while (we < d.size() && !is_white(d[we]))
      ++we;
    while (we < d.size() && is_white(d[we]))
      ++we;
    while (we < d.size() && !is_white(d[we]))
      ++we;
    if (contains_key(matching_key(d.substr(wb, we - wb)), "INFERIORE A")) return true;
  }
  return false;
}

bool year_prefixed(std::string_view t) {
  return t.size() > 7 && t.substr(4, 3) == " - " &&
         t.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos;
}

// Lines of pending[start..] that are the previous row's note printed in its narrow column, with
// no empty line before the next description (pdftotext's default and -raw modes): the
// description starts at the first markedly wider line, the value line's own words included.
std::size_t narrow_note_lines(const std::vector<Line>& pending, std::size_t start,
                              std::string_view inline_description, const IndicatorContext& ctx,
                              FindingSink& sink) {
  thread_local std::vector<std::string_view> texts;
  texts.clear();
  for (std::size_t i = start; i < pending.size(); ++i)
    texts.push_back(pending[i].text);
  if (!inline_description.empty()) texts.push_back(inline_description);
  const std::size_t n = narrow_prefix_end(texts);
  if (n == 0) return 0;
  // Programme sheets open every description with its year ("2020 - "): the split must too.
  if (ctx.year_prefix && !year_prefixed(texts[n])) return 0;
  sink.info(pending[start].number, "nota_per_larghezza",
            "nota senza riga vuota prima della descrizione dell'indicatore seguente",
            "una riga vuota fra la nota e la descrizione",
            "righe strette attribuite alla nota dell'indicatore precedente");
  return n;
}

} // namespace

void classify_scale(Indicator& ind) {
  // matching_key folds only case, quotes and spaces and reads a word-initial 'l' as 'I': every
  // boolean marker needs a '=', or a '(' and a '/', in the printed text; "INFERIORE A" needs
  // "nferiore", and a key starting with RIDOTTO or RIDURRE a description starting with "ridott"
  // or "ridurr" (any case).
  // Texts without them skip building the keys; the answer is the same.
  bool may_be_boolean = has_any(ind, '=') || (has_any(ind, '(') && has_any(ind, '/'));
  if (may_be_boolean && has_boolean_marker(ind.description + " " + ind.note))
    ind.scale = Scale::boolean;
  else if (ind.description.find('%') != std::string::npos)
    ind.scale = Scale::percent;
  else
    ind.scale = Scale::count;
  if (!icontains(ind.description, "nferiore") && !istarts_trimmed(ind.description, "ridott") &&
      !istarts_trimmed(ind.description, "ridurr"))
    return;
  if (lower_is_better(ind.description)) ind.polarity = Polarity::lower_is_better;
}

std::vector<Indicator> parse_indicators(const std::vector<Line>& section,
                                        const IndicatorContext& ctx, FindingSink& sink) {
  // One cell per line (traguardi's own table through pdftotext, mutool): rows rebuilt first.
  TextArena rebuilt_text;
  std::vector<Line> rebuilt;
  const bool per_line = indicator_cells_per_line(section);
  if (per_line) {
    rebuilt = indicator_rows_from_cells(section, ctx.year_prefix, rebuilt_text, sink);
    sink.info(section.front().number, "indicatori_una_cella_per_riga",
              "tabella INDICATORI stampata una cella per riga",
              "una riga per indicatore con Tipo e valori",
              "righe ricostruite dall'ordine delle colonne e dalla forma dei valori");
  }
  const std::vector<Line>& lines = per_line ? rebuilt : section;
  std::vector<Row> rows;
  std::vector<Line> pending;
  std::optional<std::pair<int, int>> years;
  std::string label_run;
  std::vector<std::string_view> w;
  std::optional<Decimal> probe;
  if (ctx.objective_year) years = std::pair{*ctx.objective_year - 1, *ctx.objective_year - 2};
  auto close_row = [&](Row& r) {
    r.ind.note = joined_note(r);
    classify_scale(r.ind);
  };
  for (const auto& line : lines) {
    if (line.blank() || line.page_break) {
      pending.push_back(Line{line.number, "", false});
      continue;
    }
    if (heading_of(line) == Heading::indicatori) continue;
    if (is_label_line(line.text) || (!label_run.empty() && label_run_continues(line.text))) {
      // Column labels may be wrapped by the extractor: read the years over the whole run.
      if (!label_run.empty()) label_run += ' ';
      label_run += line.text;
      if (auto y = history_years(label_run)) years = y;
      continue;
    }
    split_words(line.text, w);
    // Years printed on a line of their own under the column labels ("2018 2017").
    if (!label_run.empty() && !w.empty() && std::all_of(w.begin(), w.end(), is_year_word)) continue;
    label_run.clear();
    std::size_t k = w.size();
    std::optional<IndicatorType> type;
    for (std::size_t i = 0; i + 1 < w.size(); ++i)
      if ((type = tipo_keyword(w[i])) && value_cell(w, i + 1, probe) > 0) {
        k = i;
        break;
      }
    if (k == w.size()) {
      pending.push_back(line);
      continue;
    }
    // Description block: the lines right before the value line (inline rows), or the block
    // before the empty line that precedes a standalone value line.
    while (k == 0 && !pending.empty() && pending.back().blank())
      pending.pop_back();
    std::size_t start = pending.size();
    while (start > 0 && !pending[start - 1].blank())
      --start;
    if (!rows.empty()) start += narrow_note_lines(pending, start, words_span(w, 0, k), ctx, sink);
    std::span<const Line> before(pending.data(), start);
    if (!rows.empty()) {
      add_note_lines(rows.back(), before);
      bool ambiguous_owner =
          rows.size() >= 2 && rows.back().standalone_value_line && !rows.back().inline_note &&
          rows[rows.size() - 2].note_blocks.empty() && !rows.back().note_blocks.empty();
      if (ambiguous_owner)
        sink.info(rows.back().ind.source.line_from, "nota_ambigua",
                  "nota che potrebbe riferirsi all'indicatore precedente",
                  "la nota subito dopo i valori del proprio indicatore",
                  "nota attribuita all'indicatore più vicino che la precede");
      close_row(rows.back());
    } else {
      for (const auto& l : before)
        if (!l.blank())
          sink.warn(l.number, "riga_indicatore_ignorata",
                    "riga prima del primo indicatore non interpretata",
                    "descrizione di un indicatore", "riga ignorata");
    }
    Row row;
    Indicator& ind = row.ind;
    ind.order = static_cast<int>(rows.size()) + 1;
    ind.type = *type;
    std::string desc;
    desc.reserve(256); // description lines and the prefix: one allocation
    int first = line.number;
    for (std::size_t i = start; i < pending.size(); ++i) {
      if (!desc.empty()) desc += ' ';
      desc += pending[i].text;
      first = std::min(first, pending[i].number);
    }
    std::string_view prefix = words_span(w, 0, k);
    if (!prefix.empty()) {
      if (!desc.empty()) desc += ' ';
      desc += prefix;
    }
    pending.clear();
    row.standalone_value_line = prefix.empty();
    if (ctx.year_prefix && desc.size() > 7 && desc[4] == ' ' && desc[5] == '-' && desc[6] == ' ' &&
        desc.substr(0, 4).find_first_not_of("0123456789") == std::string::npos) {
      ind.reference_year = std::stoi(desc.substr(0, 4));
      desc = desc.substr(7);
    }
    ind.description = desc;
    if (desc.empty())
      sink.warn(line.number, "indicatore_senza_descrizione", "indicatore senza descrizione",
                "righe di descrizione prima del Tipo", "indicatore importato senza descrizione");
    std::vector<std::optional<Decimal>> values; // a marked empty cell keeps its column
    values.reserve(4);
    std::size_t v = k + 1;
    while (v < w.size() && values.size() < 4)
      if (std::size_t took = value_cell(w, v, probe)) {
        values.push_back(probe);
        v += took;
      } else {
        break;
      }
    for (std::size_t x = k + 1; x < w.size(); ++x)
      if (damaged_value(w[x])) {
        sink.warn(line.number, "indicatore_illeggibile",
                  "valore «" + std::string(w[x]) + "» non leggibile nella riga dell'indicatore",
                  "numeri come 1.134,00", "indicatore importato senza quel valore");
        break;
      }
    ind.target = values[0];
    if (values.size() > 1) ind.actual = values[1];
    int y1 = years ? years->first : 0, y2 = years ? years->second : 0;
    if (values.size() == 3) {
      ind.history.push_back(HistoryValue{y1, values[2], 1, true});
      sink.info(line.number, "storico_ambiguo",
                "tre valori: il terzo può essere dell'anno " + std::to_string(y1) + " o " +
                    std::to_string(y2),
                "quattro valori (atteso, raggiunto, N-1, N-2)",
                "terzo valore assegnato a " + std::to_string(y1) + " e segnato come ambiguo");
    } else if (values.size() == 4) {
      if (values[2]) ind.history.push_back(HistoryValue{y1, values[2], 1, false});
      if (values[3]) ind.history.push_back(HistoryValue{y2, values[3], 2, false});
    }
    std::string_view rest = words_span(w, v, w.size());
    if (!rest.empty()) {
      row.note_blocks.push_back({rest});
      row.inline_note = true;
    }
    ind.source = Provenance{ctx.document, first, line.number};
    rows.push_back(std::move(row));
  }
  if (!rows.empty()) {
    add_note_lines(rows.back(), pending);
    close_row(rows.back());
  } else {
    for (const auto& l : pending)
      if (!l.blank())
        sink.warn(l.number, "riga_indicatore_ignorata",
                  "riga della sezione INDICATORI non "
                  "interpretata",
                  "una riga con Tipo e valori", "riga ignorata");
  }
  std::vector<Indicator> out;
  for (auto& r : rows)
    out.push_back(std::move(r.ind));
  return out;
}

} // namespace traguardi::importer
