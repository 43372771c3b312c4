// RFC 4180 CSV reading and writing on strings.
//
// Used for the shipped budget classification and for CSV exports; it works on text in memory so
// that core stays free of I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace traguardi {

/// Rows of fields; quoted fields may contain the separator, newlines and doubled quotes.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator);
/// One field, quoted when it contains the separator, a quote or a line break.
std::string csv_field(std::string_view value, char separator);

} // namespace traguardi
