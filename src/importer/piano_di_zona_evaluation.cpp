// Evaluation tables of the previous plan (seed-spec §2.23.4, §4.8 Q48).
//
// The tables are dumped column by column per page fragment, so cell boundaries cannot be
// recovered everywhere. What is reliable: the row starts at the line carrying the type word
// (Strategico|Specifico); the name is the text before it; the first page fragment of a row is
// split into columns by truly empty lines (blank lines inside a cell keep one space); the
// tempistica is the last column of that first fragment. Everything else is kept as text blocks
// in page order.
#include <fmt/format.h>

#include "importer/piano_di_zona_parts.h"

namespace traguardi::importer::pdz {
namespace {

const char* kTypes[] = {"Strategico", "Specifico"};

/// Position of the type word in the line, or npos; `type` receives it.
std::size_t type_word(const std::string& text, std::string* type) {
  for (const char* t : kTypes) {
    std::string w(t);
    for (std::size_t p = text.find(w); p != std::string::npos; p = text.find(w, p + 1)) {
      bool start_ok = p == 0 || text[p - 1] == ' ';
      std::size_t e = p + w.size();
      bool end_ok = e == text.size() || text[e] == ' ' || text[e] == ':';
      if (start_ok && end_ok) {
        *type = w;
        return p;
      }
    }
  }
  return std::string::npos;
}

bool has_lower(const std::string& s) {
  for (unsigned char c : s)
    if (std::islower(c)) return true;
  return false;
}

/// An area heading: short, capitalised, no closing punctuation, followed by narrative.
bool is_area_heading(const std::vector<TextLine>& lines, std::size_t i) {
  const std::string& t = lines[i].text;
  if (t.size() < 3 || t.size() > 60) return false;
  unsigned char first = static_cast<unsigned char>(t[0]);
  if (!std::isupper(first)) return false;
  char last = t.back();
  // Closing punctuation ends sentences, not headings (an acronym's final dot is fine).
  if (last == ',' || last == ';' || last == ':' || last == ')') return false;
  if (last == '.' && has_lower(t)) return false;
  // A heading follows a blank line or the end of a paragraph.
  if (i > 0 && !lines[i - 1].blank() && lines[i - 1].text.back() != '.') return false;
  int seen = 0;
  for (std::size_t k = i + 1; k < lines.size() && seen < 2; ++k) {
    if (lines[k].blank()) continue;
    ++seen;
    if (lines[k].text.size() > 90) return true;
  }
  return false;
}

struct Block {
  std::size_t from, to; // [from, to) line indices
};

/// Blocks of [from, to) separated by empty raw lines (a line with only spaces is not one).
std::vector<Block> column_blocks(const std::vector<TextLine>& lines, std::size_t from,
                                 std::size_t to) {
  std::vector<Block> out;
  std::size_t start = from;
  for (std::size_t i = from; i <= to; ++i) {
    bool cut = i == to || lines[i].raw.empty();
    if (!cut) continue;
    bool any = false;
    for (std::size_t k = start; k < i; ++k)
      any = any || !lines[k].blank();
    if (any) out.push_back({start, i});
    start = i + 1;
  }
  return out;
}

/// Splits a cell by its sub-labels ("Bisogni", "Target", ...): label → text after it.
std::string labelled(const std::string& cell, std::initializer_list<const char*> labels,
                     std::initializer_list<const char*> stops) {
  std::string folded = fold(cell);
  std::size_t at = std::string::npos, len = 0;
  for (const char* l : labels) {
    auto p = folded.find(fold(l));
    if (p != std::string::npos && p < at) at = p, len = fold(l).size();
  }
  if (at == std::string::npos) return {};
  std::size_t end = cell.size();
  for (const char* s : stops) {
    auto p = folded.find(fold(s), at + len);
    if (p != std::string::npos && p < end) end = p;
  }
  std::string out = cell.substr(at + len, end - at - len);
  while (!out.empty() && (out.front() == ' ' || out.front() == ':'))
    out.erase(0, 1);
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

/// "INFORMARE: Fornire consulenza ..." segments of a name cell: each upper-case run of lines
/// (the label) opens a segment, the sentence after it belongs to it.
std::vector<std::string> sub_goals(const std::vector<TextLine>& lines, std::size_t from,
                                   std::size_t to) {
  std::vector<std::string> out;
  bool in_label = false;
  for (std::size_t i = from; i < to; ++i) {
    const std::string& t = lines[i].text;
    if (t.empty()) continue;
    bool upper = !has_lower(t);
    if (upper && !in_label)
      out.push_back(t);
    else if (!out.empty())
      out.back() += ' ' + t;
    in_label = upper;
  }
  if (out.size() < 2) return {};
  return out;
}

struct Table {
  std::size_t header, body; // header line; first line after the column labels
  std::string area;
};

} // namespace

std::vector<EvaluationRow> parse_evaluation(const std::vector<TextLine>& lines,
                                            const std::string& file, FindingSink& sink) {
  std::vector<EvaluationRow> rows;
  std::size_t begin = find_line(lines, "TABELLA PER LA VALUTAZIONE DEGLI ESITI");
  if (begin == lines.size()) {
    sink.warn(0, "pdz_valutazione_assente", "tabella per la valutazione degli esiti non trovata",
              "un titolo «TABELLA PER LA VALUTAZIONE DEGLI ESITI»", "valutazione non importata");
    return rows;
  }
  // The section ends at the next numbered chapter (" 2. La fotografia del territorio").
  std::size_t end = begin + 1;
  for (; end < lines.size(); ++end) {
    const std::string& t = lines[end].text;
    if (t.size() < 60 && t.size() > 3 && std::isdigit(static_cast<unsigned char>(t[0])) &&
        t[1] == '.' && t[2] == ' ' && has_lower(t))
      break;
  }
  // Tables, area headings and type lines in order.
  std::vector<Table> tables;
  std::vector<std::size_t> boundaries; // headers and area headings: a row never crosses them
  std::string area, pending_area;
  bool last_was_heading = false;
  std::vector<std::pair<std::size_t, std::size_t>> type_lines; // line, table index
  for (std::size_t i = begin + 2; i < end; ++i) {
    const std::string& t = lines[i].text;
    if (t.empty()) continue;
    if (fold(t).rfind(fold("Nome obiettivo Tipo di obiettivo"), 0) == 0) {
      std::size_t body = i + 1;
      while (body < end && lines[body].text != "Tempistica")
        ++body;
      tables.push_back({i, body + 1, area});
      boundaries.push_back(i);
      i = body;
      last_was_heading = false;
      continue;
    }
    if (is_area_heading(lines, i)) {
      area = last_was_heading ? area + " \xE2\x80\x93 " + t : t;
      boundaries.push_back(i);
      last_was_heading = true;
      continue;
    }
    last_was_heading = false;
    std::string type;
    if (!tables.empty() && tables.back().body <= i && type_word(t, &type) != std::string::npos &&
        (boundaries.empty() || boundaries.back() <= tables.back().header))
      type_lines.emplace_back(i, tables.size() - 1);
  }
  (void)pending_area;
  // Name start of each row: right after the column labels for the first row of a table, the
  // upper-case block just above the type line for the next ones.
  std::vector<std::size_t> name_start(type_lines.size());
  for (std::size_t r = 0; r < type_lines.size(); ++r) {
    auto [line, table] = type_lines[r];
    bool first = r == 0 || type_lines[r - 1].second != table;
    if (first) {
      name_start[r] = tables[table].body;
      continue;
    }
    std::size_t k = line;
    while (k > 0 && lines[k - 1].blank())
      --k;
    while (k > 0 && !lines[k - 1].blank() && !has_lower(lines[k - 1].text))
      --k;
    name_start[r] = k;
  }
  for (std::size_t r = 0; r < type_lines.size(); ++r) {
    auto [line_binding, table] = type_lines[r];
    const auto line = line_binding; // a plain variable: clang 14 lambdas cannot capture bindings
    std::size_t stop = end;
    if (r + 1 < type_lines.size()) stop = name_start[r + 1];
    for (std::size_t b : boundaries)
      if (b > line && b < stop) stop = b;
    EvaluationRow row;
    row.order = static_cast<int>(r) + 1;
    row.area = tables[table].area;
    std::size_t at = type_word(lines[line].text, &row.type);
    std::string name = join_text(lines, name_start[r], line);
    std::string prefix = lines[line].text.substr(0, at);
    while (!prefix.empty() && prefix.back() == ' ')
      prefix.pop_back();
    if (!prefix.empty()) name += (name.empty() ? "" : " ") + prefix;
    row.name = name;
    row.sub_goals = sub_goals(lines, name_start[r], line);
    row.source = {file, lines[name_start[r]].number, lines[stop - 1].number};
    // First page fragment: up to the first line that opens a continuation (leading space).
    std::size_t fragment_end = stop;
    for (std::size_t k = line + 1; k < stop; ++k)
      if (lines[k].leading_space() && !is_page_footer(lines[k])) {
        fragment_end = k;
        break;
      }
    auto blocks = column_blocks(lines, line, fragment_end);
    std::string first_cell = lines[line].text.substr(at + row.type.size());
    auto cell_text = [&](const Block& b) {
      std::string s = join_text(lines, b.from, b.to);
      if (b.from == line) s = first_cell + " " + join_text(lines, b.from + 1, b.to);
      auto p = s.find_first_not_of(" :");
      return p == std::string::npos ? std::string() : s.substr(p);
    };
    if (!blocks.empty()) row.timing = cell_text(blocks.back());
    if (blocks.size() == 5) {
      std::string c3 = cell_text(blocks[0]), c4 = cell_text(blocks[1]);
      row.needs = labelled(c3, {"Bisogni"}, {"Target", "Interventi/"});
      row.target = labelled(c3, {"Target"}, {"Interventi/"});
      row.interventions = labelled(c3, {"Interventi/attori", "Interventi/operatori"}, {});
      if (row.needs.empty() && row.target.empty() && row.interventions.empty())
        row.interventions = c3;
      row.financial_resources =
          labelled(c4, {"Risorse finanziarie", "Risorse economiche"},
                   {"Risorse professionali", "Risorse di personale", "Risorse Umane"});
      row.professional_resources =
          labelled(c4, {"Risorse professionali", "Risorse di personale", "Risorse Umane"}, {});
      row.instruments = cell_text(blocks[2]);
      row.indicators = cell_text(blocks[3]);
    } else {
      sink.info(lines[line].number, "pdz_colonne_incerte",
                fmt::format("riga di valutazione «{}»: {} colonne nel primo frammento", row.name,
                            blocks.size()),
                "5 colonne (interventi, risorse, strumenti, indicatori, tempistica)",
                "tenuta la tempistica (ultima colonna) e il resto come blocchi di testo");
    }
    for (const auto& b : column_blocks(lines, line, stop)) {
      std::string s = cell_text(b);
      if (!s.empty()) row.text_blocks.push_back(s);
    }
    if (row.timing.empty())
      sink.warn(lines[line].number, "pdz_tempistica_assente",
                fmt::format("tempistica non riconosciuta per «{}»", row.name),
                "l'ultima colonna del primo frammento della riga", "tempistica lasciata vuota");
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace traguardi::importer::pdz
