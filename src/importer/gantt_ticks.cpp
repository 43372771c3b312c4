#include "importer/gantt_ticks.h"

#include <algorithm>
#include <array>

#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

bool is_month(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"};
  return std::find(kMonths.begin(), kMonths.end(), t) != kMonths.end();
}

bool is_tick(std::string_view t) {
  return is_month(t) || is_year_word(t);
}

bool is_legend(std::string_view t) {
  return t.starts_with("Previsto (contorno)") || t.starts_with("Avanzamento (riempimento") ||
         t.starts_with("Effettivo (barra piena") || t.starts_with("Data di riferimento ");
}

} // namespace

void gantt_ticks_under_heading(std::vector<Line>& lines, FindingSink& sink) {
  const std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].blank() || !is_tick(lines[i].text)) continue;
    std::size_t end = i, months = 0;
    for (std::size_t k = i; k < n; ++k) {
      const std::string_view t = lines[k].text;
      if (t.empty()) continue;
      if (!is_tick(t) && !(months >= 6 && is_legend(t))) break;
      months += is_month(t);
      end = k + 1;
    }
    if (months < 6) {
      i = end - 1;
      continue;
    }
    std::size_t heading = end;
    // Not past the page, nor into the next objective (whose GANTT the ticks are not).
    while (heading < n && classify_heading(lines[heading].text) != Heading::gantt &&
           !is_page_furniture(lines[heading].text) && !is_page_title(lines[heading].text) &&
           !level_label(lines[heading].text))
      ++heading;
    if (heading == n || classify_heading(lines[heading].text) != Heading::gantt) {
      i = end - 1;
      continue;
    }
    sink.info(lines[i].number, "gantt_prima_del_titolo",
              "mesi del grafico GANTT stampati prima del titolo GANTT",
              "i mesi sotto il titolo GANTT",
              "mesi spostati sotto il titolo e saltati con il grafico");
    std::rotate(lines.begin() + static_cast<std::ptrdiff_t>(i),
                lines.begin() + static_cast<std::ptrdiff_t>(end),
                lines.begin() + static_cast<std::ptrdiff_t>(heading) + 1);
    i = heading;
  }
}

} // namespace traguardi::importer
