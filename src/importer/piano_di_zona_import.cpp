#include "importer/piano_di_zona_import.h"

#include <fstream>
#include <regex>

#include <fmt/format.h>

#include "core/district_levels.h"
#include "importer/pdf_text.h"
#include "importer/piano_di_zona_parts.h"
#include "importer/sheet_import.h"

namespace traguardi::importer {
namespace {

/// The running title printed in the page footers ("DOCUMENTO DI PROGRAMMAZIONE … 2018/2020").
std::string running_title(const std::vector<pdz::TextLine>& lines) {
  for (const auto& l : lines)
    if (pdz::is_page_footer(l)) return l.text.substr(l.text.find(' ') + 1);
  return {};
}

std::string code_of(const std::string& text) {
  std::string code;
  for (unsigned char c : text) {
    if (std::isalnum(c))
      code += static_cast<char>(std::toupper(c));
    else if (!code.empty() && code.back() != '_')
      code += '_';
  }
  while (!code.empty() && code.back() == '_')
    code.pop_back();
  return code;
}

} // namespace

Result<ImportedDistrict> parse_piano_di_zona(std::string_view text, const std::string& name) {
  auto lines = pdz::split_text(text);
  FindingSink sink(name);
  auto territory = pdz::parse_territory(lines, sink);
  auto evaluation = pdz::parse_evaluation(lines, name, sink);
  if (territory.comuni.empty() && evaluation.empty())
    return fail("il file non è un Piano di Zona (nessun elenco dei comuni dell'ambito e nessuna "
                "tabella di valutazione degli esiti)",
                name, ErrorKind::invalid_input);
  ImportedDistrict out;
  Dataset& d = out.ambito;
  std::string title = running_title(lines);
  static const std::regex kYears(R"((\d{4})/(\d{4}))");
  static const std::regex kDistrict(R"(DISTRETTO \d+)");
  std::smatch m;
  int from = 0, to = 0;
  if (std::regex_search(title, m, kYears)) from = std::stoi(m[1].str()), to = std::stoi(m[2].str());
  std::string district = std::regex_search(title, m, kDistrict) ? m[0].str() : "";
  d.ente.code = district.empty() ? code_of(territory.ambito_name) : code_of(district);
  if (d.ente.code.empty()) d.ente.code = "AMBITO";
  d.ente.name = territory.ambito_name;
  if (!district.empty()) {
    std::string shown = district;
    for (std::size_t i = 1; i < shown.size(); ++i)
      shown[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(shown[i])));
    d.ente.name += " (" + shown + ")";
  }
  d.ente.kind = EnteKind::ambito;

  Vista v;
  v.code = from ? fmt::format("PDZ_{}_{}", from, to) : "PDZ";
  v.description = title.empty() ? "Piano di Zona" : title;
  v.year_from = from;
  v.year_to = to;
  v.level_definitions = piano_di_zona_levels();
  d.vistas.push_back(v);

  DistrictPlan plan;
  plan.title = v.description;
  plan.vista = v.code;
  plan.year_from = from;
  plan.year_to = to;
  plan.comuni = territory.comuni;
  plan.governance = pdz::parse_governance(lines, name);
  plan.evaluation = std::move(evaluation);
  pdz::parse_new_programming(lines, name, plan, sink);
  plan.strategic = pdz::parse_strategic(lines, name, sink);
  d.district = std::move(plan);
  d.statistics = pdz::parse_statistics(lines, territory.comuni, d.ente.name, name, sink);
  auto printed = pdz::parse_printed_figures(lines, d.ente.name, name);
  d.statistics.insert(d.statistics.end(), printed.begin(), printed.end());

  SourceDocument doc;
  doc.name = name;
  doc.sha256 = sha256_hex(text);
  doc.kind = "PIANO_DI_ZONA";
  doc.vista = v.code;
  d.documents.push_back(doc);
  out.findings = std::move(sink.items());
  return out;
}

Result<ImportedDistrict> import_piano_di_zona_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("Impossibile leggere il file " + path + ".", path, ErrorKind::not_found);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.starts_with("%PDF")) {
    auto text = pdf_to_text(bytes, path);
    if (!text) return tl::unexpected(text.error());
    auto r = parse_piano_di_zona(*text, path);
    if (r) r->ambito.documents.front().sha256 = sha256_hex(bytes);
    return r;
  }
  return parse_piano_di_zona(bytes, path);
}

} // namespace traguardi::importer
