#include "importer/responsible_block.h"

#include <algorithm>

#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

// A line under the header that names the objective's type or its links.
bool is_link_line(std::string_view t) {
  return istarts_with(t, "Tipo di Obiettivo") || t == "Collegato a" ||
         (istarts_with(t, "OBIETTIVO DI ") && t.find(':') != std::string_view::npos);
}

} // namespace

void responsible_before_links(std::vector<Line>& lines, FindingSink& sink) {
  const std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].blank() || !istarts_with(lines[i].text, "Tipo di Obiettivo")) continue;
    std::size_t k = i;
    while (k < n && (lines[k].blank() || is_link_line(lines[k].text)))
      ++k;
    if (k + 1 >= n || lines[k].text != "Responsabile" || lines[k + 1].blank()) continue;
    // The label, its value's lines and the empty line after them.
    std::size_t end = k + 1;
    while (end < n && !lines[end].blank())
      ++end;
    if (end < n) ++end;
    sink.info(lines[k].number, "responsabile_dopo_collegamenti",
              "Responsabile stampato dopo «Tipo di Obiettivo» e «Collegato a»",
              "Responsabile nell'intestazione dell'obiettivo", "riportato nell'intestazione");
    std::rotate(lines.begin() + static_cast<std::ptrdiff_t>(i),
                lines.begin() + static_cast<std::ptrdiff_t>(k),
                lines.begin() + static_cast<std::ptrdiff_t>(end));
    i = end - 1;
  }
}

} // namespace traguardi::importer
