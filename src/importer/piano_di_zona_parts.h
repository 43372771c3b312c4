// The section parsers of the Piano di Zona importer (one file each), shared by
// piano_di_zona_import.cpp. Each reads the lines of the whole document, finds its section by
// headings and shapes (seed-spec §3.5, §4.8) and reports what it could not read as findings.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "importer/findings.h"
#include "importer/piano_di_zona_text.h"

namespace traguardi::importer::pdz {

/// Tabella per la valutazione degli esiti: one row per evaluated objective.
std::vector<EvaluationRow> parse_evaluation(const std::vector<TextLine>& lines,
                                            const std::string& file, FindingSink& sink);

/// Member comuni (with the capofila named by "ambito di ...") and the ambito's name.
struct Territory {
  std::string ambito_name;
  std::vector<MemberComune> comuni;
};
Territory parse_territory(const std::vector<TextLine>& lines, FindingSink& sink);
const MemberComune* capofila_of(const Territory&);

/// Governance bodies named by the document, first mention first.
std::vector<GovernanceBody> parse_governance(const std::vector<TextLine>& lines,
                                             const std::string& file);

/// Macro areas with their macro-obiettivi and actions (section "LA NUOVA PROGRAMMAZIONE").
void parse_new_programming(const std::vector<TextLine>& lines, const std::string& file,
                           DistrictPlan& plan, FindingSink& sink);

/// Obiettivi strategici of the year (section "OBIETTIVI STRATEGICI").
std::vector<StrategicObjective> parse_strategic(const std::vector<TextLine>& lines,
                                                const std::string& file, FindingSink& sink);

/// Every per-territory statistics table, value by value.
std::vector<StatValue> parse_statistics(const std::vector<TextLine>& lines,
                                        const std::vector<MemberComune>& comuni,
                                        const std::string& ambito, const std::string& file,
                                        FindingSink& sink);

/// Figures printed in the narrative that the statistics must be checked against.
std::vector<StatValue> parse_printed_figures(const std::vector<TextLine>& lines,
                                             const std::string& ambito, const std::string& file);

} // namespace traguardi::importer::pdz
