#include "importer/pdf_text.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <regex>
#include <vector>

#include <poppler-document.h>
#include <poppler-page.h>

#include "importer/pdf_tables.h"

namespace traguardi::importer {
namespace {

using pdf::VisualLine;
using pdf::Word;

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string plain(const VisualLine& l) {
  std::string s;
  for (std::size_t k = 0; k < l.words.size(); ++k) {
    if (k > 0) s += ' ';
    s += l.words[k].text;
  }
  return s;
}

// "... Pagina 3 di 12" on the last line of a page is page furniture (traguardi's footer), not
// part of the sheet: left in, it would be read as the tail of the last note.
bool is_footer(const VisualLine& l) {
  static const std::regex page_of(R"((^|\s)Pagina \d+ di \d+$)");
  return std::regex_search(plain(l), page_of);
}

std::vector<Word> page_words(const poppler::page& page) {
  std::vector<Word> words;
  for (const auto& box : page.text_list()) {
    auto r = box.bbox();
    words.push_back(
        Word{r.x(), r.x() + r.width(), r.y() + r.height() / 2, r.height(), utf8(box.text())});
  }
  return words;
}

} // namespace

std::string words_to_text(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.y < b.y; });
  std::vector<VisualLine> lines;
  for (auto& w : words) {
    if (lines.empty() || std::abs(w.y - lines.back().y) > std::max(1.0, w.h * 0.4)) {
      lines.push_back(VisualLine{w.y, w.h, {}});
    }
    lines.back().h = std::max(lines.back().h, w.h);
    lines.back().words.push_back(std::move(w));
  }
  for (auto& l : lines)
    std::sort(l.words.begin(), l.words.end(),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  if (!lines.empty() && is_footer(lines.back())) lines.pop_back();
  // Distance between two lines of one paragraph: the smallest gap that is a whole line (not a
  // sub- or superscript). A page of mostly spaced-out blocks (a short sheet: header, headings,
  // one-row tables) has few such gaps, so a quantile would take a block gap for the line step
  // and lose the empty lines between header cells.
  double step = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double gap = lines[i].y - lines[i - 1].y;
    if (gap >= 0.8 * std::min(lines[i].h, lines[i - 1].h) && (step == 0 || gap < step)) step = gap;
  }
  const double gutter = pdf::cell_gutter(lines);
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    if (i > 0 && step > 0) {
      long blanks = std::lround((lines[i].y - lines[i - 1].y) / step) - 1;
      for (long b = 0; b < std::min(blanks, 3L); ++b)
        out += '\n';
    }
    if (std::size_t next = pdf::skip_figures(lines, i, gutter); next > i) {
      i = next;
      continue;
    }
    if (std::size_t next = pdf::read_header_row(lines, i, gutter, out); next > i) {
      i = next;
      continue;
    }
    if (std::size_t next = pdf::read_table(lines, i, gutter, out); next > i) {
      i = next;
      continue;
    }
    out += plain(lines[i]);
    out += '\n';
    ++i;
  }
  return out;
}

Result<std::string> pdf_to_text(std::string_view bytes, const std::string& name) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked())
    return fail("Il PDF non si può leggere (danneggiato o protetto da password).", name);
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (p) text += words_to_text(page_words(*p));
  }
  if (text.empty())
    return fail("Il PDF non contiene testo estraibile (forse è una scansione).", name);
  return text;
}

} // namespace traguardi::importer
