#include "importer/sheet_layout.h"

#include <array>

#include "core/italian.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

constexpr std::array<std::string_view, 14> kLongCenterStarters{
    "AREA",    "SETTORE",   "CORPO",   "UNITA'", "UNITA\xE2\x80\x99", "UNITÀ", "SERVIZIO",
    "SERVIZI", "DIREZIONE", "UFFICIO", "STAFF",  "SEGRETERIA",        "UO",    "POLIZIA"};

constexpr std::array<std::string_view, 8> kFilterLabels{"Centro di Responsabilità",
                                                        "Centro di responsabilita'",
                                                        "Descrizione sintetica",
                                                        "Assessorato",
                                                        "Area Tematica",
                                                        "Responsabile",
                                                        "Obiettivo",
                                                        "Anno"};

std::string_view trim_copy(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

std::string_view after_prefix(std::string_view line, std::string_view prefix) {
  return trim_copy(line.substr(prefix.size()));
}

std::optional<Level> level_from_label(std::string_view text) {
  if (istarts_with(text, "OBIETTIVO DI MANDATO")) return Level::mandato;
  if (istarts_with(text, "OBIETTIVO DI MISSIONE")) return Level::missione;
  if (istarts_with(text, "OBIETTIVO DI PROGRAMMA")) return Level::programma;
  if (istarts_with(text, "OBIETTIVO DI PEG")) return Level::peg;
  return std::nullopt;
}

void parse_cover(const std::vector<Line>& lines, std::size_t from, std::size_t to, Cover& c,
                 FindingSink& sink) {
  bool after_level = false;
  for (std::size_t i = from; i < to; ++i) {
    std::string_view t = lines[i].text;
    if (t.empty()) continue;
    if (istarts_with(t, "Data elaborazione")) {
      std::string_view rest = after_prefix(t, "Data elaborazione");
      for (auto w : split_words(rest))
        if (auto d = cell_date(w)) c.produced = d;
      c.produced_line = lines[i].number;
      if (!c.produced)
        sink.warn(lines[i].number, "data_elaborazione", "data di elaborazione illeggibile",
                  "una data gg/mm/aaaa", "documento senza data");
    } else if (istarts_with(t, "Parametri selezionati")) {
      continue;
    } else if (istarts_with(t, "Vista")) {
      std::string_view rest = after_prefix(t, "Vista");
      auto words = split_words(rest);
      if (!words.empty()) {
        c.vista_code = std::string(words[0]);
        c.vista_description = join_words(words, 1, words.size());
      }
    } else if (istarts_with(t, "Livello")) {
      c.level_text = std::string(after_prefix(t, "Livello"));
      c.level = level_from_label(c.level_text);
      after_level = true;
    } else if (after_level && c.filter_label.empty()) {
      for (auto label : kFilterLabels)
        if (istarts_with(t, label)) {
          c.filter_label = std::string(t.substr(0, label.size()));
          c.filter_value = std::string(after_prefix(t, label));
        }
      if (c.filter_label.empty()) {
        c.filter_value = std::string(t);
        sink.info(lines[i].number, "filtro_sconosciuto", "parametro di selezione non riconosciuto",
                  "Centro di Responsabilità o Descrizione sintetica",
                  "testo conservato come valore del filtro");
      }
    } else {
      sink.info(lines[i].number, "copertina", "riga della copertina non interpretata",
                "un parametro selezionato", "riga ignorata");
    }
  }
}

bool is_responsible_label(std::string_view t) {
  return iequals(t, "Responsabile") || (iends_with(t, "Responsabile") && is_label_line(t));
}

using Block = std::vector<std::string_view>;

std::string join_block(const Block& b) {
  std::string out;
  std::size_t n = 0;
  for (const auto& l : b)
    n += l.size() + 1;
  out.reserve(n);
  for (const auto& l : b) {
    if (l.empty()) continue;
    if (!out.empty()) out += ' ';
    out += l;
  }
  return out;
}

void split_assessorato_center(std::string_view text, std::string& assessorato,
                              std::string& center) {
  auto words = split_words(text);
  std::size_t cut = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Every starter begins with one of these letters; other words need no comparison.
    char first = words[i][0];
    if (first != 'A' && first != 'S' && first != 'C' && first != 'U' && first != 'D' &&
        first != 'P')
      continue;
    bool starter = false;
    for (auto s : kLongCenterStarters)
      if (words[i] == s || (words[i].size() > s.size() && words[i].substr(0, s.size()) == s &&
                            words[i][s.size()] == '-'))
        starter = true;
    if (starter) {
      cut = i;
      break;
    }
  }
  assessorato = join_words(words, 0, cut);
  center = join_words(words, cut, words.size());
}

void fill_cells(SheetTemplate templ, const std::vector<Block>& blocks, PageHeader& h) {
  if (blocks.empty()) return;
  switch (templ) {
  case SheetTemplate::programme: {
    // Cells: assessorato (first block), "Deleghe: ..." (own block), description (the rest).
    enum { assess_cell, deleghe_cell, desc_cell } state = assess_cell;
    Block assess, deleghe, desc;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (b > 0)
        state = state == assess_cell && istarts_with(blocks[b].front(), "Deleghe:") ? deleghe_cell
                                                                                    : desc_cell;
      for (const auto& l : blocks[b]) {
        if (state != desc_cell && istarts_with(l, "Deleghe:")) {
          state = deleghe_cell;
          deleghe.push_back(after_prefix(l, "Deleghe:"));
          continue;
        }
        (state == assess_cell ? assess : state == deleghe_cell ? deleghe : desc).push_back(l);
      }
    }
    h.assessorato = join_block(assess);
    h.delegations = join_block(deleghe);
    h.description = join_block(desc);
    break;
  }
  case SheetTemplate::peg_objectives: {
    const Block& first = blocks[0];
    std::string assessorato, center;
    split_assessorato_center(first.empty() ? std::string_view() : first[0], assessorato, center);
    for (std::size_t i = 1; i < first.size(); ++i) {
      std::string& cell = is_upper_word(first[i]) ? center : assessorato;
      if (!cell.empty()) cell += ' ';
      cell += first[i];
    }
    h.assessorato = assessorato;
    h.center_name = center;
    Block desc;
    for (std::size_t b = 1; b < blocks.size(); ++b)
      desc.insert(desc.end(), blocks[b].begin(), blocks[b].end());
    h.description = join_block(desc);
    break;
  }
  case SheetTemplate::peg_report: {
    Block pre;
    for (std::size_t b = 0; b + 1 < blocks.size(); ++b)
      pre.insert(pre.end(), blocks[b].begin(), blocks[b].end());
    std::string text = join_block(pre);
    auto words = split_words(text);
    std::size_t k = 0;
    if (!words.empty() && words[0].size() >= 2 && words[0].back() == '.' &&
        words[0].find_first_not_of("0123456789") == words[0].size() - 1) {
      std::string area(words[0]);
      k = 1;
      while (k < words.size() && is_upper_word(words[k]) && has_letter(words[k]) &&
             utf8_length(area) + 1 + utf8_length(words[k]) <= 30) {
        area += ' ';
        area += words[k];
        ++k;
      }
      h.area_text = area;
    }
    h.assessorato = join_words(words, k, words.size());
    h.description = join_block(blocks.back());
    break;
  }
  }
}

// Without the empty line between the cells (pdftotext's default mode drops it), the header of
// a SCHEDA OBIETTIVI di PEG is still told apart by shape: the CdR is printed in capitals, the
// description in mixed case, so the trailing run of mixed-case lines is the description.
void split_by_shape(SheetTemplate templ, std::vector<Block>& blocks, int line, FindingSink& sink) {
  if (templ != SheetTemplate::peg_objectives || blocks.size() != 1 || blocks[0].size() < 2) return;
  Block& b = blocks[0];
  std::size_t from = b.size();
  while (from > 1 && !is_upper_word(b[from - 1]))
    --from;
  if (from == b.size() || (from > 1 && !is_upper_word(b[from - 1]))) return;
  Block desc(b.begin() + static_cast<std::ptrdiff_t>(from), b.end());
  b.resize(from);
  blocks.push_back(std::move(desc));
  sink.info(line, "intestazione_per_forma",
            "intestazione senza righe vuote fra le celle: descrizione riconosciuta dalle minuscole",
            "una riga vuota fra centro di responsabilità e descrizione",
            "descrizione dalle righe in minuscolo dopo il centro in maiuscolo");
}

// Parses the header block at the top of a page; returns the index of the first body line.
std::size_t parse_header(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                         SheetTemplate templ, Page& page, FindingSink& sink) {
  std::size_t i = from;
  while (i < to && (lines[i].blank() || is_label_line(lines[i].text)))
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
  for (; j < to && j < i + 80; ++j) {
    std::string_view t = lines[j].text;
    if (is_responsible_label(t)) break;
    if (t.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back().reserve(8);
      continue;
    }
    blocks.back().push_back(t);
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
  h.cells = static_cast<int>(blocks.size());
  split_by_shape(templ, blocks, h.first_line, sink);
  fill_cells(templ, blocks, h);
  bool center_after = istarts_with(lines[j].text, "Centro");
  h.last_line = lines[j].number;
  std::size_t k = j + 1;
  auto skip_blank = [&] {
    while (k < to && lines[k].blank())
      ++k;
  };
  skip_blank();
  if (center_after) {
    Block center;
    while (k < to && !lines[k].blank() && classify_heading(lines[k].text) == Heading::none) {
      center.push_back(lines[k].text);
      h.last_line = lines[k].number;
      ++k;
    }
    h.center_name = join_block(center);
    skip_blank();
  }
  if (k < to && classify_heading(lines[k].text) == Heading::none && !is_label_line(lines[k].text)) {
    h.responsible = std::string(lines[k].text);
    h.last_line = lines[k].number;
    ++k;
  }
  page.header = std::move(h);
  return k;
}

} // namespace

int header_cells(SheetTemplate templ) {
  return templ == SheetTemplate::peg_objectives ? 2 : 3;
}

Result<SheetLayout> read_layout(const std::vector<Line>& lines, FindingSink& sink) {
  SheetLayout layout;
  std::size_t i = 0;
  int seen = 0;
  for (; i < lines.size() && seen < 5; ++i) {
    if (lines[i].blank()) continue;
    ++seen;
    if (is_page_title(lines[i].text, &layout.cover.title)) break;
  }
  if (i >= lines.size() || (seen >= 5 && layout.cover.title.empty()))
    return fail("Il file non è una scheda obiettivi né una scheda PEG di rendicontazione: "
                "manca il titolo della scheda nelle prime righe.",
                sink.file());
  std::size_t cover_end = i + 1;
  while (cover_end < lines.size() && !is_page_title(lines[cover_end].text))
    ++cover_end;
  parse_cover(lines, i + 1, cover_end, layout.cover, sink);
  if (layout.cover.title == "SCHEDA PEG DI RENDICONTAZIONE")
    layout.templ = SheetTemplate::peg_report;
  else if (layout.cover.level == Level::programma)
    layout.templ = SheetTemplate::programme;
  else
    layout.templ = SheetTemplate::peg_objectives;

  std::size_t p = cover_end;
  while (p < lines.size()) {
    std::size_t next = p + 1;
    while (next < lines.size() && !is_page_title(lines[next].text))
      ++next;
    Page page;
    page.title_line = lines[p].number;
    is_page_title(lines[p].text, nullptr, &page.ente);
    std::size_t body = parse_header(lines, p + 1, next, layout.templ, page, sink);
    std::size_t end = next;
    while (end > body && lines[end - 1].blank())
      --end;
    page.body = std::span<const Line>(lines).subspan(body, end - body);
    layout.pages.push_back(std::move(page));
    p = next;
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
