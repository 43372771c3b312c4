#include "importer/header_cells.h"

#include <array>

#include "importer/value_shapes.h"
#include "importer/wrapped_cells.h"

namespace traguardi::importer {
namespace {

constexpr std::array<std::string_view, 14> kLongCenterStarters{
    "AREA",    "SETTORE",   "CORPO",   "UNITA'", "UNITA\xE2\x80\x99", "UNITÀ", "SERVIZIO",
    "SERVIZI", "DIREZIONE", "UFFICIO", "STAFF",  "SEGRETERIA",        "UO",    "POLIZIA"};

std::string_view after_label(std::string_view line, std::string_view label) {
  line.remove_prefix(label.size());
  while (!line.empty() && line.front() == ' ')
    line.remove_prefix(1);
  return line;
}

} // namespace

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

bool all_upper(std::string_view line) {
  for (auto w : split_words(line))
    if (!is_upper_word(w)) return false;
  return true;
}

namespace {

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

// "4. PRIMA LA NOSTRA GENTE": the area number and at most 30 characters of capitals.
std::size_t area_words(const std::vector<std::string_view>& words, std::string& area) {
  if (words.empty() || words[0].size() < 2 || words[0].back() != '.' ||
      words[0].find_first_not_of("0123456789") != words[0].size() - 1)
    return 0;
  area = std::string(words[0]);
  std::size_t k = 1;
  while (k < words.size() && is_upper_word(words[k]) && has_letter(words[k]) &&
         utf8_length(area) + 1 + utf8_length(words[k]) <= 30) {
    area += ' ';
    area += words[k];
    ++k;
  }
  return k;
}

// A SCHEDA PEG DI RENDICONTAZIONE header without the empty lines between area, assessorato and
// description (or with only the one after the area): the area by its number, the assessorato
// as the name that starts after it and ends where its text closes (name_continues), the
// description the rest. False when the blocks are separated as printed.
bool report_cells_by_shape(const std::vector<Block>& blocks, PageHeader& h) {
  bool area_alone = false;
  if (blocks.size() == 2 && blocks[0].size() == 1) {
    auto w = split_words(blocks[0][0]);
    std::string area;
    area_alone = area_words(w, area) == w.size();
  }
  if (blocks.size() != 1 && !area_alone) return false;
  Block lines;
  for (const auto& b : blocks)
    lines.insert(lines.end(), b.begin(), b.end());
  // The area may wrap ("10. SEMPLIFICAZIONE," + "PARTECIPA Sindaco"): read it over the words
  // of the first lines, then go on from the line where it ends.
  std::size_t i = 0;
  std::string assess;
  std::vector<std::string_view> words;
  std::vector<std::size_t> line_of;
  for (std::size_t l = 0; l < lines.size() && l < 3; ++l)
    for (auto w : split_words(lines[l])) {
      words.push_back(w);
      line_of.push_back(l);
    }
  if (std::size_t k = area_words(words, h.area_text); k > 0) {
    i = line_of[k - 1] + 1;
    std::size_t end = k;
    while (end < words.size() && line_of[end] == line_of[k - 1])
      ++end;
    assess = join_words(words, k, end);
  }
  if (assess.empty() && i < lines.size()) assess = std::string(lines[i++]);
  while (i < lines.size() && name_continues(assess, lines[i])) {
    assess += ' ';
    assess += lines[i++];
  }
  // A name that never closes leaves no description: said by parse_header, not guessed.
  h.assessorato = assess;
  h.description = join_block(Block(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.end()));
  h.cells_by_shape = true;
  return true;
}

} // namespace

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
      // No empty line after "Deleghe:" (the last block): the delegations end where their text
      // is a closed name, the description starts there.
      const bool last = b + 1 == blocks.size();
      for (const auto& l : blocks[b]) {
        if (state != desc_cell && istarts_with(l, "Deleghe:")) {
          state = deleghe_cell;
          deleghe.push_back(after_label(l, "Deleghe:"));
          continue;
        }
        if (state == deleghe_cell && last && !name_continues(join_block(deleghe), l)) {
          state = desc_cell;
          h.cells_by_shape = true;
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
    if (report_cells_by_shape(blocks, h)) break;
    // The area as a block of its own (the PDF path writes each cell so): the assessorato is
    // the next block, whatever its letter case.
    if (blocks.size() >= 3) {
      const std::string first = join_block(blocks[0]); // the words are views of it
      auto w = split_words(first);
      std::string area;
      if (area_words(w, area) == w.size()) {
        h.area_text = area;
        Block assess;
        for (std::size_t b = 1; b + 1 < blocks.size(); ++b)
          assess.insert(assess.end(), blocks[b].begin(), blocks[b].end());
        h.assessorato = join_block(assess);
        h.description = join_block(blocks.back());
        break;
      }
    }
    Block pre;
    for (std::size_t b = 0; b + 1 < blocks.size(); ++b)
      pre.insert(pre.end(), blocks[b].begin(), blocks[b].end());
    std::string text = join_block(pre);
    auto words = split_words(text);
    std::size_t k = area_words(words, h.area_text);
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

int header_cells(SheetTemplate templ) {
  return templ == SheetTemplate::peg_objectives ? 2 : 3;
}

} // namespace traguardi::importer
