// FASI rows: weights, progress, dates, responsabile, centro and notes of each phase.
//
// Both templates print a phase as description lines, one value line (F001: peso avanz dates;
// F003: dates peso avanz — seed-spec Q23), the tail of the row (responsabile, centro wrapped,
// notes interleaved, Q24-Q30) and a closing line with the actual dates, possibly glued to the
// last note line (Q29). Rows are found by the shape of the values, cells split by a dictionary
// of centre names with a heuristic fallback, and missing cells (Q31-Q33) resolved by count.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model.h"
#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

struct ParsedPhase {
  Phase phase;                 // responsible/center left empty; see the raw fields
  std::string responsible_raw; // as printed, wrapped parts joined
  std::string center_raw;      // short description of the centre, wrapped parts joined
};

/// Length in words of the known centre short name that starts at words[i], or 0.
using CenterLookup =
    std::function<std::size_t(const std::vector<std::string_view>& words, std::size_t i)>;

/// Parses the lines of a FASI section (headings and column labels included).
std::vector<ParsedPhase> parse_phases(const std::vector<Line>& lines, const CenterLookup& known,
                                      const std::string& document, FindingSink& sink);

/// Whether a word opens a centre short name (SERVIZIO, SERV., SETT., AREA-UO, UO, CORPO, ...).
bool is_center_starter(std::string_view word);

} // namespace traguardi::importer
