#include "importer/indicator_stream.h"

#include <deque>
#include <optional>
#include <string>

#include "importer/sheet_labels.h"
#include "importer/sheet_templates.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

enum class Kind { text, tipo, value, skip };

struct Cell {
  Kind kind = Kind::skip;
  std::string_view text; // the text before a Tipo ending its line, or the whole line
  std::string_view tipo;
  std::string_view note; // text after the last value on its line: the note's first line
  int line = 0;
};

// Words that open the line and make one value cell ("10,00 % (*)"); 0 when it opens otherwise.
std::size_t leading_value(const std::vector<std::string_view>& w) {
  std::optional<Decimal> v;
  return w.empty() ? 0 : value_cell(w, 0, v);
}

// The column labels of the table, wrapped or split one per line, and the years under them.
bool column_labels(const std::vector<std::string_view>& w) {
  for (auto x : w) {
    if (!is_year_word(x) && x != "Descrizione" && x != "Tipo" && x != "Valore" && x != "Atteso" &&
        x != "Raggiunto" && x != "Note")
      return false;
  }
  return true;
}

Cell classify(const Line& l) {
  thread_local std::vector<std::string_view> w;
  Cell c{Kind::skip, l.text, {}, {}, l.number};
  if (l.blank() || is_page_furniture(l.text) || heading_of(l) == Heading::indicatori) return c;
  split_words(l.text, w);
  if (column_labels(w)) return c;
  if (const std::size_t n = leading_value(w); n > 0) {
    c.kind = Kind::value;
    c.text = words_span(w, 0, n);
    c.note = words_span(w, n, w.size());
  } else if (tipo_keyword(w.back())) {
    c.kind = Kind::tipo;
    c.tipo = w.back();
    c.text = words_span(w, 0, w.size() - 1);
  } else {
    c.kind = Kind::text;
  }
  return c;
}

// A Tipo keyword that ends a line of text ("… indifferibili EFFICACIA") is the Tipo cell only
// when values come before the next Tipo: "… CONTROLLO QUALITA'" in a description is text.
std::vector<Cell> classify_all(const std::vector<Line>& lines) {
  std::vector<Cell> cells;
  cells.reserve(lines.size());
  for (const auto& l : lines)
    cells.push_back(classify(l));
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].kind != Kind::tipo || cells[i].text.empty()) continue;
    std::size_t j = i + 1;
    while (j < cells.size() && cells[j].kind != Kind::tipo && cells[j].kind != Kind::value)
      ++j;
    if (j == cells.size() || cells[j].kind == Kind::tipo) {
      cells[i].kind = Kind::text;
      cells[i].text = lines[i].text;
    }
  }
  return cells;
}

bool year_prefixed(std::string_view t) {
  return t.size() > 7 && t.substr(4, 3) == " - " &&
         t.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos;
}

struct Record {
  std::string description, tipo, values;
  std::vector<std::string> note; // paragraphs
  int line = 0, note_line = 0;
};

void append(std::string& to, std::string_view s) {
  if (s.empty()) return;
  if (!to.empty()) to += ' ';
  to += s;
}

} // namespace

bool indicator_cells_per_line(const std::vector<Line>& lines) {
  bool lone_tipo = false, lone_value = false;
  for (const auto& l : lines) {
    Cell c = classify(l);
    lone_tipo = lone_tipo || c.kind == Kind::tipo;
    lone_value = lone_value || (c.kind == Kind::value && c.note.empty());
  }
  return lone_tipo && lone_value;
}

std::vector<Line> indicator_rows_from_cells(const std::vector<Line>& lines, bool year_prefix,
                                            TextArena& arena, FindingSink& sink) {
  // Text blocks (lines between empty lines and other cells), then records.
  struct Block {
    std::string text;
    int line = 0;
    std::size_t after_records = 0; // records opened before the block
  };
  std::deque<Block> blocks;
  std::vector<Record> records;
  std::vector<std::pair<std::size_t, Block>> notes; // record index, block
  bool open_block = false;                          // the last cell was text of this block
  bool tipo_text = false; // text right after a Tipo, before an empty line or a value
  int values = -1;        // values of the last record; -1 before the first Tipo
  auto take_description = [&](Record& r) {
    // Programme sheets: the next block that opens with its year; every block before it is the
    // note of the row it follows.
    while (year_prefix && !blocks.empty() && !year_prefixed(blocks.front().text)) {
      if (blocks.front().after_records > 0)
        notes.emplace_back(blocks.front().after_records - 1, blocks.front());
      else
        sink.warn(blocks.front().line, "riga_indicatore_ignorata",
                  "testo prima del primo indicatore non interpretato",
                  "una descrizione che inizia con il suo anno («2020 - …»)", "testo ignorato");
      blocks.pop_front();
    }
    if (blocks.empty()) return;
    r.description = std::move(blocks.front().text);
    r.line = blocks.front().line;
    blocks.pop_front();
  };
  std::vector<std::string_view> years; // under the column labels, wherever they were printed
  const std::vector<Cell> cells = classify_all(lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank() || l.page_break) {
      open_block = tipo_text = false;
      continue;
    }
    Cell c = cells[i];
    if (c.kind == Kind::skip && years.size() < 2)
      for (auto w : split_words(l.text))
        if (is_year_word(w)) years.push_back(w);
    // A number closing a paragraph of a note ("contributo di €" / "129.223,36").
    if (c.kind == Kind::value && open_block && values >= kIndicatorValues) c.kind = Kind::text;
    if (c.kind != Kind::text) open_block = false;
    switch (c.kind) {
    case Kind::skip:
      break;
    case Kind::text:
      if (tipo_text) { // "… indifferibili EFFICACIA" / "e urgenti …": the description goes on
        append(records.back().description, c.text);
        break;
      }
      // On programme sheets a description opens with its year, empty line or not.
      if (!open_block || (year_prefix && year_prefixed(c.text)))
        blocks.push_back(Block{{}, c.line, records.size()});
      append(blocks.back().text, c.text);
      open_block = true;
      if (values > 0) values = kIndicatorValues; // a note closes the row
      break;
    case Kind::tipo: {
      if (!c.text.empty()) blocks.push_back(Block{std::string(c.text), c.line, records.size()});
      Record r;
      r.tipo = std::string(c.tipo);
      r.line = c.line;
      // More blocks than this row needs, the first written after the row before: its note.
      if (!year_prefix && blocks.size() > 1 && blocks.front().after_records > 0) {
        notes.emplace_back(blocks.front().after_records - 1, blocks.front());
        blocks.pop_front();
      }
      take_description(r);
      if (r.description.empty())
        sink.warn(c.line, "indicatore_senza_descrizione",
                  "Tipo «" + r.tipo + "» senza una descrizione prima",
                  "la descrizione dell'indicatore prima del suo Tipo",
                  "indicatore importato senza descrizione");
      records.push_back(std::move(r));
      values = 0;
      tipo_text = true;
      break;
    }
    case Kind::value:
      tipo_text = false;
      if (values < 0 || values >= kIndicatorValues) {
        sink.warn(c.line, "valore_indicatore_illeggibile",
                  "valore «" + std::string(c.text) + "» senza un Tipo di indicatore prima",
                  "i valori di un indicatore dopo il suo Tipo, al più quattro", "valore ignorato");
        break;
      }
      append(records.back().values, c.text);
      ++values;
      if (!c.note.empty()) { // the last value, then the note in its column
        blocks.push_back(Block{std::string(c.note), c.line, records.size()});
        open_block = true;
        values = kIndicatorValues;
      }
      break;
    }
  }
  for (auto& b : blocks) {
    if (b.after_records > 0)
      notes.emplace_back(b.after_records - 1, std::move(b));
    else
      sink.warn(b.line, "riga_indicatore_ignorata",
                "testo della sezione INDICATORI senza indicatore",
                "una descrizione seguita dal suo Tipo", "testo ignorato");
  }
  for (auto& [r, b] : notes) {
    if (records[r].note.empty()) records[r].note_line = b.line;
    records[r].note.push_back(std::move(b.text));
  }
  std::vector<Line> out;
  // The years of the previous-value columns, for parse_indicators to read as labels.
  if (years.size() == 2)
    out.push_back(Line{lines.front().number,
                       arena.emplace_back("Valore Raggiunto " + std::string(years[0]) +
                                          " Valore Raggiunto " + std::string(years[1]))});
  for (const auto& r : records) {
    out.push_back(Line{r.line, "", false});
    if (!r.description.empty()) out.push_back(Line{r.line, arena.emplace_back(r.description)});
    out.push_back(Line{r.line, arena.emplace_back(r.tipo + " " + r.values)});
    for (const auto& paragraph : r.note) {
      out.push_back(Line{r.note_line, "", false});
      out.push_back(Line{r.note_line, arena.emplace_back(paragraph)});
    }
  }
  return out;
}

} // namespace traguardi::importer
