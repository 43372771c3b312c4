#include "importer/tsv_words.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "importer/pdf_text.h"

namespace traguardi::importer {
namespace {

constexpr std::string_view kColumns = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\t"
                                      "left\ttop\twidth\theight\tconf\ttext";

// The fields of one row; the text is the rest of the line (it never holds a TAB).
bool split_row(std::string_view line, std::string_view (&f)[12]) {
  for (int i = 0; i < 11; ++i) {
    auto tab = line.find('\t');
    if (tab == std::string_view::npos) return false;
    f[i] = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  f[11] = line;
  return true;
}

// Coordinates are printed with a decimal point whatever the locale. Anything else (nan, inf,
// absurd sizes: a damaged or hand-made file) makes the row unusable, not the layout undefined.
std::optional<double> number(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || std::abs(v) > 1e6)
    return std::nullopt;
  return v;
}

} // namespace

bool is_word_box_tsv(std::string_view text) {
  return text.starts_with(kColumns);
}

std::optional<std::string> word_box_tsv_to_text(std::string_view text) {
  std::string out;
  std::vector<pdf::Word> words;
  std::string_view page;
  bool any = false;
  auto flush = [&] {
    if (!words.empty()) out += words_to_text(std::move(words));
    words.clear();
  };
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view f[12];
    if (!split_row(line, f) || f[0] != "5" || f[11].empty() || f[11].starts_with("###")) continue;
    if (f[1] != page) flush();
    page = f[1];
    auto left = number(f[6]), top = number(f[7]), width = number(f[8]), height = number(f[9]);
    if (!left || !top || !width || !height || *width < 0 || *height <= 0) continue;
    words.push_back(
        pdf::Word{*left, *left + *width, *top + *height / 2, *height, std::string(f[11])});
    any = true;
  }
  flush();
  if (!any) return std::nullopt;
  return out;
}

} // namespace traguardi::importer
