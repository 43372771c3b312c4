// District figures the narrative of a Piano di Zona prints (seed-spec §6.3.4): totals and shares
// of Tabella 1, district averages of the indices. They are stored as `printed` values of the
// ambito so that `check` and the statistics report can set them beside the computed ones.
#include <array>
#include <regex>

#include "importer/piano_di_zona_parts.h"

namespace traguardi::importer::pdz {
namespace {

struct Pattern {
  const char* regex;
  // For each capture group: measure, dimension, unit.
  std::vector<std::array<const char*, 3>> groups;
  const char* reference;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> p{
      {R"(al 31/12/(\d{4}) è di ([\d.]+) abitanti)",
       {{"", "", ""}, {"popolazione", "", "persone"}},
       "2018-12-31"},
      {R"(fascia di età 0-3 anni, il numero totale di abitanti è ([\d.]+), pari al ([\d,]+)%)",
       {{"popolazione", "eta=0-3", "persone"}, {"quota_popolazione", "eta=0-3", "%"}},
       "2018-12-31"},
      {R"(([\d.]+) gli abitanti con un'età compresa tra gli 0 e i 18 anni, pari al ([\d,]+)%)",
       {{"popolazione", "eta=0-18", "persone"}, {"quota_popolazione", "eta=0-18", "%"}},
       "2018-12-31"},
      {R"(([\d.]+) abitanti hanno un'età compresa tra 19 e 64 anni \(([\d,]+)%\))",
       {{"popolazione", "eta=19-64", "persone"}, {"quota_popolazione", "eta=19-64", "%"}},
       "2018-12-31"},
      {R"(anziani risultano essere ([\d.]+) abitanti \(([\d,]+)%\))",
       {{"popolazione", "eta=65+", "persone"}, {"quota_popolazione", "eta=65+", "%"}},
       "2018-12-31"},
      {R"(([\d.]+) formano la classe dei .{1,3}grandi vecchi.{1,3} \(([\d,]+)%\))",
       {{"popolazione", "eta=86+", "persone"}, {"quota_popolazione", "eta=86+", "%"}},
       "2018-12-31"},
      {R"(valore medio dell'Ambito .{0,60}? è di ([\d,]+) punti)",
       {{"indice_vecchiaia", "", "indice"}},
       "2019-01-01"},
      {R"(Nell'Ambito di .{0,40}? il valore è di ([\d,]+) in termini percentuali)",
       {{"indice_dipendenza_strutturale", "", "indice"}},
       "2019-01-01"},
      {R"(media per il tasso di occupazione al ([\d,]+)%)", {{"tasso_occupazione", "", "%"}}, ""},
      {R"(in media in misura similare, ([\d,]+)%)",
       {{"indice_carico_figli", "", "indice"}},
       "2019-01-01"},
  };
  return p;
}

} // namespace

std::vector<StatValue> parse_printed_figures(const std::vector<TextLine>& lines,
                                             const std::string& ambito, const std::string& file) {
  // One string for the whole text, with the line each character came from.
  std::string text;
  std::vector<int> line_at;
  for (const auto& l : lines) {
    std::string t = l.text;
    for (std::size_t p; (p = t.find("\xE2\x80\x99")) != std::string::npos;)
      t.replace(p, 3, "'");
    text += t + ' ';
    line_at.resize(text.size(), l.number);
  }
  std::vector<StatValue> out;
  for (const auto& p : patterns()) {
    std::regex re(p.regex);
    std::smatch m;
    if (!std::regex_search(text, m, re)) continue;
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
      const auto& [measure, dimension, unit] = p.groups[g];
      if (std::string(measure).empty()) continue;
      StatValue v;
      v.table = "Testo";
      v.territory = ambito;
      v.measure = measure;
      v.dimension = dimension;
      v.reference = p.reference;
      v.value = parse_document_number(m[g + 1].str());
      v.unit = unit;
      v.origin = StatOrigin::printed;
      int line = line_at[static_cast<std::size_t>(m.position(g + 1))];
      v.provenance = {file, line, line};
      out.push_back(std::move(v));
    }
  }
  return out;
}

} // namespace traguardi::importer::pdz
