#include "importer/sheet_templates.h"

#include <array>

#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

constexpr std::array<HeaderLabel, 4> kProgramme{{{"Assessorato", HeaderCell::assessorato},
                                                 {"Deleghe", HeaderCell::delegations},
                                                 {"Centro di Responsabilità", HeaderCell::center},
                                                 {"Centro di responsabilità", HeaderCell::center}}};
constexpr std::array<HeaderLabel, 3> kPegObjectives{
    {{"Assessorato", HeaderCell::assessorato},
     {"Centro di Responsabilità", HeaderCell::center},
     {"Centro di responsabilità", HeaderCell::center}}};
constexpr std::array<HeaderLabel, 6> kPegReport{{{"Area Tematica", HeaderCell::area},
                                                 {"Assessorato", HeaderCell::assessorato},
                                                 {"Direzione", HeaderCell::direction},
                                                 {"Direttore", HeaderCell::director},
                                                 {"Centro di responsabilità", HeaderCell::center},
                                                 {"Centro di Responsabilità", HeaderCell::center}}};

} // namespace

std::span<const HeaderLabel> header_labels(SheetTemplate templ) {
  switch (templ) {
  case SheetTemplate::programme:
    return kProgramme;
  case SheetTemplate::peg_objectives:
    return kPegObjectives;
  case SheetTemplate::peg_report:
    return kPegReport;
  }
  return {};
}

const HeaderLabel* header_label_alone(SheetTemplate templ, std::string_view line) {
  if (line.empty() || line.size() > 26) return nullptr;
  for (const auto& l : header_labels(templ))
    if (iequals(line, l.label)) return &l;
  return nullptr;
}

} // namespace traguardi::importer
