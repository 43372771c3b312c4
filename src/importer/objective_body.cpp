#include "importer/objective_body.h"

#include "core/codes.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

enum class Section {
  none,
  links,
  purpose,
  strategic,
  operational,
  implementation,
  status,
  structures,
  people,
  state,
  phases,
  indicators,
  gantt,
  computed // DATI CALCOLATI: traguardi computes these again from the imported values
};

// "OBIETTIVO DI MANDATO: DUP_04 PRIMA LA NOSTRA GENTE" (the space after ':' may be missing).
bool parse_link(const Line& l, LinkLine& out) {
  std::string_view t = l.text;
  if (!istarts_with(t, "OBIETTIVO DI ")) return false;
  auto colon = t.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view label = t.substr(13, colon - 13);
  while (!label.empty() && label.back() == ' ')
    label.remove_suffix(1);
  thread_local std::vector<std::string_view> words;
  split_words(t.substr(colon + 1), words);
  if (words.empty() || !is_objective_code(words[0])) return false;
  out.level_label = std::string(label);
  out.code = std::string(words[0]);
  out.name = join_words(words, 1, words.size());
  out.line = l.number;
  return true;
}

// A link's name wrapped onto the next line by the extractor has no label of its own.
bool has_colon(std::string_view t) {
  return t.find(':') != std::string_view::npos;
}

} // namespace

namespace {

// "- voce", "• voce", "*) voce", "1) voce", "a) voce": a list item is a paragraph of its own.
bool starts_list_item(std::string_view t) {
  for (std::string_view mark : {"- ", "\xE2\x80\x93 ", "\xE2\x80\xA2 ", "* ", "*) "})
    if (t.starts_with(mark)) return true;
  std::size_t n = 0;
  while (n < t.size() && n < 2 && t[n] >= '0' && t[n] <= '9')
    ++n;
  if (n == 0 && !t.empty() && t[0] >= 'a' && t[0] <= 'z') n = 1;
  return n > 0 && t.size() > n + 1 && t[n] == ')' && t[n + 1] == ' ';
}

std::size_t first_word_length(std::string_view t) {
  return utf8_length(t.substr(0, std::min(t.find(' '), t.size())));
}

// A line whose next line's first word would have fitted on it, followed by a capital, was
// broken on purpose: an item of a list whose glyph the extractor lost, or a paragraph with no
// empty line after it. A tool that wraps greedily at an exact width (html2text) breaks a line
// only for a word that does not fit, so there any word after room starts a paragraph ("lo
// studio …" after "Comprende:").
bool hard_break(std::string_view line, std::string_view next, TextWrap width) {
  return width.chars > 0 && (width.exact || starts_upper(next)) &&
         utf8_length(line) + 1 + first_word_length(next) <= width.chars;
}

} // namespace

TextWrap text_width(const std::vector<const std::vector<Line>*>& sections, bool exact) {
  std::size_t width = 0;
  for (const auto* lines : sections)
    for (const Line& l : *lines)
      width = std::max(width, utf8_length(l.text));
  if (exact) return {width, true};
  // A count of characters says what fits on a line only as well as the lines that certainly
  // were wrapped (the next goes on in lower case) show: on a fixed-width print none of them had
  // room for the next word; a proportional font (the seeds are pdftotext's reading of one)
  // wraps some a few characters short. Twice the largest such room is kept as margin.
  int wrapped = 0;
  std::size_t room = 0;
  for (const auto* lines : sections)
    for (std::size_t i = 0; i + 1 < lines->size(); ++i) {
      const Line& a = (*lines)[i];
      const Line& b = (*lines)[i + 1];
      if (a.blank() || b.page_break || !starts_lower(b.text) || starts_list_item(b.text)) continue;
      const std::size_t needed = utf8_length(a.text) + 1 + first_word_length(b.text);
      if (needed <= width) room = std::max(room, width - needed + 1);
      ++wrapped;
    }
  return wrapped >= 2 && 2 * room < width ? width - 2 * room : 0;
}

std::string join_paragraphs(const std::vector<Line>& lines, TextWrap width, std::size_t from,
                            std::size_t to) {
  std::string out;
  bool paragraph_break = false;
  to = std::min(to, lines.size());
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i)
    n += lines[i].text.size() + 1;
  out.reserve(n);
  std::string_view previous;
  bool page_break = false; // the empty lines after a page break say nothing (seed-spec Q6)
  for (std::size_t i = from; i < to; ++i) {
    const Line& l = lines[i];
    if (l.page_break) {
      if (!out.empty()) {
        char last = out.back();
        if (last == '.' || last == ':' || last == ';' || last == '!' || last == '?')
          paragraph_break = true;
      }
      page_break = true;
      continue;
    }
    if (l.blank()) {
      if (!out.empty() && !page_break) paragraph_break = true;
      continue;
    }
    page_break = false;
    if (!previous.empty() && (starts_list_item(l.text) || hard_break(previous, l.text, width)))
      paragraph_break = true;
    if (!out.empty()) out += paragraph_break ? '\n' : ' ';
    paragraph_break = false;
    out += l.text;
    previous = l.text;
  }
  return out;
}

namespace {

// Sections grow line by line; one allocation for the usual sizes instead of a chain of them.
void add(std::vector<Line>& section, const Line& l) {
  if (section.capacity() == 0) section.reserve(32);
  section.push_back(l);
}

} // namespace

ObjectiveBody split_sections(const std::vector<Line>& body, FindingSink& sink) {
  ObjectiveBody b;
  Section s = Section::none;
  bool expect_state = false;
  bool link_open = false;  // the previous line was a link: a line without a label wraps it
  bool gantt_said = false; // the finding about the chart's text, once per chart
  for (const Line& l : body) {
    if (!l.page_break && !l.blank()) {
      if (b.first_line == 0) b.first_line = l.number;
      b.last_line = l.number;
    }
    if (!l.blank() && is_page_furniture(l.text)) continue;
    std::string_view rest;
    Heading h = l.blank() ? Heading::none : classify_heading(l.text, &rest);
    Line kept = l; // what the sections keep, with its heading for the row parsers
    kept.heading = static_cast<signed char>(h);
    // Sections come in a fixed order and the tables are last: inside FASI only phase and
    // indicator headings count, inside INDICATORI none does (an upper-case note can read
    // "STATO" on a line of its own).
    if (s == Section::phases && h != Heading::fase && h != Heading::fasi &&
        h != Heading::indicatori && h != Heading::dati_calcolati)
      h = Heading::none;
    if (s == Section::indicators && h != Heading::indicatori && h != Heading::dati_calcolati)
      h = Heading::none;
    // FASE and FASI headings belong to the phase rows; "Stato" only opens its one-line value.
    switch (h) {
    case Heading::collegato:
      s = Section::links;
      if (!rest.empty()) b.objective_type = std::string(rest);
      continue;
    case Heading::finalita:
      s = Section::purpose;
      continue;
    case Heading::strategico:
    case Heading::operativo:
      s = h == Heading::strategico ? Section::strategic : Section::operational;
      if (!rest.empty())
        add(s == Section::strategic ? b.strategic : b.operational, {l.number, rest});
      continue;
    case Heading::modalita:
      s = Section::implementation;
      continue;
    case Heading::stato_attuazione:
      s = Section::status;
      b.status_year_end = iends_with(l.text, "DICEMBRE");
      continue;
    case Heading::gantt:
      s = Section::gantt;
      gantt_said = false;
      continue;
    case Heading::strutture:
      s = Section::structures;
      continue;
    case Heading::soggetti:
      s = Section::people;
      continue;
    case Heading::stato:
      s = Section::state;
      expect_state = true;
      continue;
    case Heading::fasi:
    case Heading::fase:
      if (s != Section::phases) s = Section::phases;
      add(b.phases, kept);
      continue;
    case Heading::indicatori:
      s = Section::indicators;
      add(b.indicators, kept);
      continue;
    case Heading::dati_calcolati:
      s = Section::computed;
      continue;
    case Heading::tipo_obiettivo:
      if (!rest.empty()) b.objective_type = std::string(rest);
      continue;
    case Heading::none:
      break;
    }
    switch (s) {
    case Section::links: {
      const bool wraps = link_open;
      link_open = false;
      if (l.blank() || l.page_break) continue;
      LinkLine link;
      if (parse_link(l, link)) {
        b.links.push_back(std::move(link));
        link_open = true;
      } else if (wraps && !istarts_with(l.text, "OBIETTIVO DI ") && !has_colon(l.text)) {
        b.links.back().name += (b.links.back().name.empty() ? "" : " ") + std::string(l.text);
        link_open = true;
      } else
        sink.warn(l.number, "collegamento_illeggibile", "riga di «Collegato a» non interpretata",
                  "OBIETTIVO DI <LIVELLO>: <codice> <descrizione sintetica>", "riga ignorata");
      break;
    }
    case Section::strategic:
      add(b.strategic, kept);
      break;
    case Section::operational:
      add(b.operational, kept);
      break;
    case Section::implementation:
      add(b.implementation, kept);
      break;
    case Section::status:
      add(b.status, kept);
      break;
    case Section::structures:
      add(b.structures, kept);
      break;
    case Section::people:
      add(b.people, kept);
      break;
    case Section::phases:
      add(b.phases, kept);
      break;
    case Section::indicators:
      add(b.indicators, kept);
      break;
    case Section::state:
      if (l.blank() || l.page_break) continue;
      if (expect_state) {
        b.state = std::string(l.text);
        expect_state = false;
      } else {
        sink.warn(l.number, "riga_fuori_sezione", "riga dopo lo stato non interpretata",
                  "un'intestazione di sezione (FASI, INDICATORI, ...)", "riga ignorata");
      }
      break;
    case Section::computed:
      continue;
    case Section::gantt:
      // The legacy GANTT is a picture (no text); traguardi draws it from the fasi, and what a
      // tool reads of the drawing (year, month ticks, numbered fase labels, legend) is derived
      // data: skipped, said once per chart.
      if (l.blank() || l.page_break || gantt_said) continue;
      gantt_said = true;
      sink.info(l.number, "gantt_saltato", "testo del grafico GANTT saltato",
                "nessun testo sotto GANTT (nelle schede originali è un'immagine)",
                "righe ignorate fino alla sezione seguente: il grafico è ricavato dalle fasi");
      continue;
    case Section::purpose:
    case Section::none:
      if (l.blank() || l.page_break) continue;
      sink.warn(l.number, "riga_fuori_sezione", "riga fuori da ogni sezione nota",
                "un'intestazione di sezione (Collegato a, STATO DI ATTUAZIONE, FASI, ...)",
                "riga ignorata");
      break;
    }
  }
  return b;
}

} // namespace traguardi::importer
