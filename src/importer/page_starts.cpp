#include "importer/page_starts.h"

#include "core/italian.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

// The next line that is neither empty nor the ente alone, from `k` on in direction `step`.
std::size_t next_printed(const std::vector<Line>& lines, std::size_t k, int step,
                         std::string_view ente_line) {
  while (k < lines.size() &&
         (lines[k].blank() || (!ente_line.empty() && lines[k].text == ente_line)))
    k = step > 0 ? k + 1 : (k == 0 ? lines.size() : k - 1);
  return k;
}

bool is_level_label(std::string_view t) {
  return istarts_with(t, "OBIETTIVO DI PROGRAMMA") || istarts_with(t, "OBIETTIVO DI PEG") ||
         istarts_with(t, "OBIETTIVO DI MISSIONE") || istarts_with(t, "OBIETTIVO DI MANDATO");
}

// A level label alone on its line, right after a page's footer and right before an objective
// code: a page whose title the tool printed elsewhere.
bool opens_untitled_page(const std::vector<Line>& lines, std::size_t k,
                         std::string_view ente_line) {
  if (k == 0 || !is_level_label(lines[k].text)) return false;
  const std::size_t before = next_printed(lines, k - 1, -1, ente_line);
  if (before >= lines.size() || !is_page_furniture(lines[before].text)) return false;
  const std::size_t after = next_printed(lines, k + 1, +1, ente_line);
  if (after >= lines.size()) return false;
  auto words = split_words(lines[after].text);
  return !words.empty() && is_objective_code(words[0]);
}

} // namespace

std::vector<PageStart> page_starts(const std::vector<Line>& lines, std::size_t from,
                                   std::string_view ente_line) {
  std::vector<PageStart> starts;
  bool inside_untitled = false; // since the last untitled start, no footer yet
  for (std::size_t k = from; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    if (t.empty()) continue;
    if (is_page_title(t)) {
      if (!inside_untitled || k == from) starts.push_back({k, true});
    } else if (opens_untitled_page(lines, k, ente_line)) {
      starts.push_back({k, false});
      inside_untitled = true;
    } else if (is_page_furniture(t)) {
      inside_untitled = false;
    }
  }
  return starts;
}

} // namespace traguardi::importer
