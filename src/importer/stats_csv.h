// Territorial base data in long format: one CSV row per value
// (territorio, misura, data, dimensione, valore, unità, fonte).
//
// Shaped so that the open population files of the national statistics office (resident
// population by single year of age and sex per comune) can be reshaped into it with any tool.
// Every row is validated; the result is either all rows or the list of row errors, so a bad
// row means nothing is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/statistics.h"

namespace traguardi::importer {

struct StatsCsvResult {
  std::vector<StatValue> values;
  std::vector<Error> errors; // one per bad row, with file:row
};

/// Separator ';' means Italian numbers ("1.234,5"), ',' neutral ones ("1234.5").
/// Dates are "AAAA-MM-GG", "GG/MM/AAAA" or a year "AAAA".
StatsCsvResult parse_stats_csv(std::string_view text, const std::string& file);

} // namespace traguardi::importer
