#include "importer/sheet_layout.h"

#include <array>

#include "core/italian.h"
#include "importer/header_cells.h"
#include "importer/labelled_header.h"
#include "importer/page_starts.h"
#include "importer/sheet_cover.h"
#include "importer/sheet_labels.h"
#include "importer/text_lines.h"
#include "importer/value_shapes.h"
#include "importer/wrapped_cells.h"

namespace traguardi::importer {
namespace {

bool lines_blank(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k)
    if (!lines[k].blank()) return false;
  return true;
}

// A header label printed on a line of its own (label above value: traguardi's own sheets read
// back by pdftotext, mutool): the column labels, and the single-word ones is_label_line leaves
// to the data ("Assessorato", "Direzione", ...).
bool is_header_label(std::string_view t) {
  for (std::string_view w : {"Assessorato", "Deleghe", "Direzione", "Direttore", "Descrizione"})
    if (iequals(t, w)) return true;
  // "Descrizione (già troncata nella scheda di origine)": traguardi labels a description the
  // source had already cut (a tool may wrap the label, so its closing parenthesis may be on
  // the next line).
  if (istarts_with(t, "Descrizione (")) return true;
  return is_label_line(t);
}

bool is_responsible_label(std::string_view t) {
  return iequals(t, "Responsabile") || (iends_with(t, "Responsabile") && is_label_line(t));
}

// Parses the header block at the top of a page; returns the index of the first body line.
std::size_t parse_header(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                         SheetTemplate templ, Page& page, FindingSink& sink) {
  std::size_t i = from;
  while (i < to && (lines[i].blank() || is_header_label(lines[i].text)))
    ++i;
  if (i == to) return to;
  thread_local std::vector<std::string_view> first_words;
  split_words(lines[i].text, first_words);
  if (first_words.empty() || !is_objective_code(first_words[0])) {
    sink.warn(lines[i].number, "intestazione_senza_codice",
              "intestazione di pagina senza codice obiettivo",
              "il codice dell'obiettivo (DUP_.. o AAAA_X00_00) dopo le etichette",
              "pagina letta come continuazione dell'obiettivo precedente");
    return i;
  }
  PageHeader h;
  h.code = std::string(first_words[0]);
  h.first_line = lines[i].number;
  std::vector<Block> blocks(1);
  blocks.reserve(8);
  blocks[0].reserve(8);
  // The rest of the code line, as a view of the line itself (words are single-spaced).
  std::string_view first_rest;
  if (first_words.size() > 1)
    first_rest =
        std::string_view(first_words[1].data(), static_cast<std::size_t>(first_words.back().data() +
                                                                         first_words.back().size() -
                                                                         first_words[1].data()));
  blocks[0].push_back(first_rest);
  std::size_t j = i + 1;
  bool center_label = false; // "Centro di responsabilità" on a line of its own
  std::size_t center_block = 0;
  std::size_t description_block = 0; // after a "Descrizione" label (HTML: label above value)
  for (; j < to && j < i + 80; ++j) {
    std::string_view t = lines[j].text;
    if (is_responsible_label(t)) break;
    if (!t.empty() && is_header_label(t)) {
      if (!blocks.back().empty()) blocks.emplace_back().reserve(8);
      if (!center_label && istarts_with(t, "Centro")) {
        center_label = true;
        center_block = blocks.size() - 1;
      }
      if (center_label && istarts_with(t, "Descrizione")) description_block = blocks.size() - 1;
      continue;
    }
    if (t.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back().reserve(8);
      continue;
    }
    blocks.back().push_back(t);
  }
  // Labels alone on their lines, values after them (traguardi's own sheets, one cell per line).
  const bool labelled = j < to && j < i + 80 && labels_alone(lines, from, j, templ);
  if (labelled) center_label = fill_labelled_header(lines, from, i, j, first_rest, templ, h);
  // Values between the centre's label and "Responsabile" (label, value, label, value): the
  // centre in capitals, then the description. Nothing between them: the centre follows the
  // responsible's label, as in the legacy print.
  std::string labelled_center, labelled_description;
  if (center_label && !labelled) {
    Block after;
    for (std::size_t b = center_block; b < blocks.size(); ++b)
      after.insert(after.end(), blocks[b].begin(), blocks[b].end());
    if (!after.empty()) {
      // The centre kept apart from the description by an empty line (the PDF path writes it
      // so) is the first block, whatever its case ("Assessore ..."); run together, the centre
      // is the leading run of lines in capitals.
      std::size_t u = 0;
      if (description_block > center_block) {
        // Every value under its own label: the centre is what lies between its label and the
        // description's, whatever its case ("Assessore Riccardo Visentin").
        for (std::size_t b = center_block; b < description_block; ++b)
          u += blocks[b].size();
      } else if (blocks.size() > center_block + 1 && !blocks[center_block].empty()) {
        u = blocks[center_block].size();
      } else {
        while (u < after.size() && all_upper(after[u]))
          ++u;
      }
      // A councillor's centre is printed in mixed case ("Assessore Riccardo Visentin"): alone
      // on the first line, it is the centre.
      if (u == 0 && after.size() >= 2 && is_councillor_center(after[0])) {
        u = 1;
        sink.info(lines[i].number, "centro_per_forma",
                  "centro di responsabilità senza riga vuota prima della descrizione",
                  "una riga vuota fra centro di responsabilità e descrizione",
                  "la prima riga, «Assessore …» o «Sindaco», letta come centro");
      }
      labelled_center = join_block(Block(after.begin(), after.begin() + static_cast<long>(u)));
      labelled_description = join_block(Block(after.begin() + static_cast<long>(u), after.end()));
      blocks.resize(center_block);
      if (blocks.empty()) blocks.emplace_back();
      center_label = false;
    }
  }
  for (auto& b : blocks)
    if (!b.empty() && b.front().empty()) b.erase(b.begin());
  std::erase_if(blocks, [](const Block& b) { return b.empty(); });
  if (j >= to || j >= i + 80) {
    sink.warn(h.first_line, "intestazione_incompleta",
              "intestazione senza l'etichetta «Responsabile»",
              "l'etichetta Responsabile alla fine dell'intestazione",
              "intestazione ignorata, pagina letta come corpo");
    page.header = std::move(h);
    return i + 1;
  }
  h.cells = labelled ? header_cells(templ) : static_cast<int>(blocks.size());
  if (!labelled) {
    split_by_shape(templ, blocks, h.first_line, sink);
    fill_cells(templ, blocks, h);
  }
  if (!labelled_center.empty()) h.center_name = labelled_center;
  if (!labelled_description.empty()) h.description = labelled_description;
  // A cell the header should have but that could not be told apart is said, never left blank
  // in silence.
  const bool wants_assessorato = templ != SheetTemplate::peg_objectives;
  if (wants_assessorato && h.assessorato.empty())
    sink.warn(h.first_line, "assessorato_non_trovato",
              "intestazione di " + h.code + ": nessun valore per l'etichetta «Assessorato»",
              "il nome dell'assessorato fra il codice e la descrizione",
              "obiettivo senza assessorato");
  if (h.description.empty())
    sink.warn(h.first_line, "descrizione_non_trovata",
              "intestazione di " + h.code + ": nessuna descrizione dell'obiettivo",
              "la descrizione prima dell'etichetta «Responsabile»", "obiettivo senza descrizione");
  if (h.cells_by_shape) {
    h.cells = header_cells(templ);
    sink.info(
        h.first_line, "intestazione_per_forma",
        "intestazione senza righe vuote fra le celle: celle riconosciute dalla forma del testo",
        "una riga vuota fra una cella e l'altra dell'intestazione",
        "ogni nome termina dove il testo si chiude; il resto è la descrizione");
  }
  bool center_after = center_label || istarts_with(lines[j].text, "Centro");
  h.last_line = lines[j].number;
  std::size_t k = j + 1;
  auto skip_blank = [&] {
    while (k < to && lines[k].blank())
      ++k;
  };
  skip_blank();
  if (center_after) {
    Block center;
    // Centre and person are printed in capitals: a line in mixed case after them is the body
    // (a page that continues a narrative), whatever empty lines the extractor dropped.
    while (k < to && !lines[k].blank() && classify_heading(lines[k].text) == Heading::none &&
           (center.empty() || all_upper(lines[k].text))) {
      center.push_back(lines[k].text);
      h.last_line = lines[k].number;
      ++k;
    }
    const bool separated = k < to && lines[k].blank();
    skip_blank();
    // No empty line before the responsible (pdftotext's default mode): the last line of the
    // centre block is the person when the centre's name closes before it.
    if (!separated && k < to && center.size() >= 2) {
      Block name(center.begin(), center.end() - 1);
      if (!name_continues(join_block(name), center.back())) {
        h.responsible = std::string(center.back());
        center = std::move(name);
        sink.info(h.last_line, "responsabile_per_forma",
                  "responsabile senza riga vuota dopo il centro di responsabilità",
                  "una riga vuota fra centro di responsabilità e responsabile",
                  "responsabile letto dall'ultima riga del blocco");
      }
    }
    h.center_name = join_block(center);
  }
  if (h.responsible.empty() && k < to && classify_heading(lines[k].text) == Heading::none &&
      !is_label_line(lines[k].text)) {
    h.responsible = std::string(lines[k].text);
    h.last_line = lines[k].number;
    ++k;
  }
  page.header = std::move(h);
  return k;
}

} // namespace

Result<SheetLayout> read_layout(const std::vector<Line>& lines, FindingSink& sink) {
  SheetLayout layout;
  std::size_t i = 0;
  int seen = 0;
  // The ente printed on a line of its own above a title that stands alone (pdftotext, mutool
  // on traguardi's own sheets): page furniture wherever it comes back before a title.
  std::string_view ente_line;
  for (; i < lines.size() && seen < 5; ++i) {
    if (lines[i].blank()) continue;
    ++seen;
    std::string ente;
    if (is_page_title(lines[i].text, &layout.cover.title, &ente)) break;
    ente_line = lines[i].text;
  }
  if (i >= lines.size() || (seen >= 5 && layout.cover.title.empty()))
    return fail("Il file non è una scheda obiettivi né una scheda PEG di rendicontazione: "
                "manca il titolo della scheda nelle prime righe.",
                sink.file());
  std::size_t cover_end = i + 1;
  while (cover_end < lines.size() && !is_page_title(lines[cover_end].text))
    ++cover_end;
  // traguardi's own sheets print the running title, then the cover's own title: the cover
  // starts at the last of titles that only empty lines separate.
  while (cover_end < lines.size() && cover_end < i + 8 && lines_blank(lines, i + 1, cover_end)) {
    i = cover_end;
    cover_end = i + 1;
    while (cover_end < lines.size() && !is_page_title(lines[cover_end].text))
      ++cover_end;
  }
  parse_cover(lines, i + 1, cover_end, ente_line, layout.cover, sink);
  if (layout.cover.title == "SCHEDA PEG DI RENDICONTAZIONE")
    layout.templ = SheetTemplate::peg_report;
  else if (layout.cover.level == Level::programma)
    layout.templ = SheetTemplate::programme;
  else
    layout.templ = SheetTemplate::peg_objectives;

  const auto starts = page_starts(lines, cover_end, ente_line);
  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t p = starts[s].line;
    const std::size_t next = s + 1 < starts.size() ? starts[s + 1].line : lines.size();
    Page page;
    page.title_line = lines[p].number;
    is_page_title(lines[p].text, nullptr, &page.ente);
    if (page.ente.empty()) page.ente = std::string(ente_line);
    // An untitled page's header starts at its level label.
    std::size_t body =
        parse_header(lines, starts[s].titled ? p + 1 : p, next, layout.templ, page, sink);
    std::size_t end = next;
    while (end > body &&
           (lines[end - 1].blank() || (!ente_line.empty() && lines[end - 1].text == ente_line)))
      --end;
    page.body = std::span<const Line>(lines).subspan(body, end - body);
    layout.pages.push_back(std::move(page));
  }
  bool any_code = false;
  for (const auto& pg : layout.pages)
    if (pg.header && !pg.header->code.empty()) any_code = true;
  if (!any_code)
    return fail("Il file ha il titolo di una scheda ma non contiene alcun obiettivo con codice "
                "riconoscibile.",
                sink.file());
  if (layout.cover.vista_code.empty())
    sink.warn(0, "vista_mancante", "la copertina non indica la vista",
              "la riga «Vista DUP_AAAA_AAAA ...»", "vista ricavata dall'anno degli obiettivi");
  return layout;
}

} // namespace traguardi::importer
