#include "importer/layout_boxes.h"

#include <vector>

#include "importer/pdf_text.h"

namespace traguardi::importer {
namespace {

// Points per character column and per line: about those of traguardi's print, so that the
// gaps words_to_text measures (cell gutters, line steps) keep their proportions.
constexpr double kColumn = 5.0, kLine = 10.0, kHeight = 8.0;

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void add_words(std::string_view line, int row, std::vector<pdf::Word>& words) {
  std::size_t column = 0; // in code points
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ' || line[i] == '\r') {
      ++i, ++column;
      continue;
    }
    const std::size_t start = i, first = column;
    while (i < line.size() && line[i] != ' ' && line[i] != '\r') {
      if (!continuation_byte(line[i])) ++column;
      ++i;
    }
    words.push_back(pdf::Word{first * kColumn, column * kColumn, row * kLine + kHeight / 2, kHeight,
                              std::string(line.substr(start, i - start))});
  }
}

} // namespace

bool is_own_layout(std::string_view text) {
  for (std::size_t at = text.find("\xE2\x80\x93 Data elaborazione "); at != std::string_view::npos;
       at = text.find("\xE2\x80\x93 Data elaborazione ", at + 1)) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view rest = text.substr(at, end - at);
    if (rest.find("   Pagina ") != std::string_view::npos) return true;
  }
  return false;
}

std::string layout_to_text(std::string_view text) {
  std::string out;
  std::vector<pdf::Word> words;
  int row = 0;
  auto flush = [&] {
    if (!words.empty()) out += words_to_text(std::move(words));
    words.clear();
    row = 0;
  };
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    while (!line.empty() && line.front() == '\f') {
      flush();
      line.remove_prefix(1);
    }
    add_words(line, row++, words);
  }
  flush();
  return out;
}

} // namespace traguardi::importer
