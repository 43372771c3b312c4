// INDICATORI rows: description, Tipo, values, previous-year values and notes.
//
// A row is anchored on its value line, the one where a Tipo keyword is followed by Italian
// numbers (seed-spec Q38, Q41). The description is the block of lines that ends at the value
// line (inline when short, the block before it otherwise, §3.1.5); whatever lies between the
// previous value line and that block is the previous row's note (Q42). Columns dropped by the
// extractor make three-value rows ambiguous (Q39): the third value goes to N-1, flagged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

struct IndicatorContext {
  std::string document;
  bool year_prefix = false;          // programme sheets print "2019 - " before descriptions
  std::optional<int> objective_year; // fallback for the history column years
};

std::vector<Indicator> parse_indicators(const std::vector<Line>& lines, const IndicatorContext& ctx,
                                        FindingSink& sink);

/// Scale and polarity guessed from the words of description and note (si=1 no=0, %, ...).
void classify_scale(Indicator& ind);

} // namespace traguardi::importer
