#include "importer/pdf_text.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include <poppler-document.h>
#include <poppler-page.h>

namespace traguardi::importer {
namespace {

struct Word {
  double x, y, h;
  std::string text;
  bool space_after;
};

struct TextLine {
  double y = 0, h = 0;
  std::vector<Word> words;
};

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string page_text(const poppler::page& page) {
  std::vector<Word> words;
  for (const auto& box : page.text_list()) {
    auto r = box.bbox();
    words.push_back(
        Word{r.x(), r.y() + r.height() / 2, r.height(), utf8(box.text()), box.has_space_after()});
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.y < b.y; });
  std::vector<TextLine> lines;
  for (auto& w : words) {
    if (lines.empty() || std::abs(w.y - lines.back().y) > std::max(1.0, w.h * 0.4)) {
      lines.push_back(TextLine{w.y, w.h, {}});
    }
    lines.back().words.push_back(std::move(w));
  }
  // Typical distance between consecutive lines: the smallest frequent gap.
  std::vector<double> gaps;
  for (std::size_t i = 1; i < lines.size(); ++i)
    gaps.push_back(lines[i].y - lines[i - 1].y);
  double step = 0;
  if (!gaps.empty()) {
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    step = sorted[sorted.size() / 4];
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && step > 0) {
      long blanks = std::lround((lines[i].y - lines[i - 1].y) / step) - 1;
      for (long b = 0; b < std::min(blanks, 3L); ++b)
        out += '\n';
    }
    auto& ws = lines[i].words;
    std::sort(ws.begin(), ws.end(), [](const Word& a, const Word& b) { return a.x < b.x; });
    for (std::size_t k = 0; k < ws.size(); ++k) {
      out += ws[k].text;
      if (k + 1 < ws.size()) out += ' ';
    }
    out += '\n';
  }
  return out;
}

} // namespace

Result<std::string> pdf_to_text(std::string_view bytes, const std::string& name) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked())
    return fail("Il PDF non si può leggere (danneggiato o protetto da password).", name);
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (p) text += page_text(*p);
  }
  if (text.empty())
    return fail("Il PDF non contiene testo estraibile (forse è una scansione).", name);
  return text;
}

} // namespace traguardi::importer
