#include "importer/page_starts.h"

#include <algorithm>

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

// A level label alone on its line, right after a page's footer and right before an objective
// code: a page whose title the tool printed elsewhere.
bool opens_untitled_page(const std::vector<Line>& lines, std::size_t k,
                         std::string_view ente_line) {
  if (k == 0 || !level_label(lines[k].text)) return false;
  const std::size_t before = next_printed(lines, k - 1, -1, ente_line);
  if (before >= lines.size() || !is_page_furniture(lines[before].text)) return false;
  const std::size_t after = next_printed(lines, k + 1, +1, ente_line);
  if (after >= lines.size()) return false;
  auto words = split_words(lines[after].text);
  return !words.empty() && is_objective_code(words[0]);
}

// The ente printed alone above the cover's title, if the text starts so.
std::string_view ente_above_title(const std::vector<Line>& lines) {
  const std::size_t first = next_printed(lines, 0, +1, {});
  if (first >= lines.size()) return {};
  const std::size_t second = next_printed(lines, first + 1, +1, {});
  if (second >= lines.size() || !is_page_title(lines[second].text)) return {};
  return lines[first].text;
}

} // namespace

void titles_to_page_starts(std::vector<Line>& lines, FindingSink& sink) {
  const std::string_view ente_line = ente_above_title(lines);
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (!opens_untitled_page(lines, k, ente_line)) continue;
    std::size_t t = k + 1;
    while (t < lines.size() && !is_page_title(lines[t].text) && !is_page_furniture(lines[t].text))
      ++t;
    if (t == lines.size() || !is_page_title(lines[t].text)) continue;
    sink.info(lines[t].number, "titolo_nella_pagina",
              "titolo della pagina stampato dentro la pagina", "il titolo in cima alla pagina",
              "titolo riportato all'inizio della pagina, prima del livello dell'obiettivo");
    const auto at = lines.begin() + static_cast<std::ptrdiff_t>(k);
    std::rotate(at, lines.begin() + static_cast<std::ptrdiff_t>(t),
                lines.begin() + static_cast<std::ptrdiff_t>(t) + 1);
  }
}

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
