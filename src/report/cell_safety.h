// Text cells that a spreadsheet would run as a formula (CSV/formula injection).
//
// A description typed by anyone ("=HYPERLINK(...)", "@SUM(...)", "+cmd|...") becomes a live
// formula when a CSV or XLSX export is opened in Excel or LibreOffice. Following the OWASP CSV
// injection guidance, a text cell starting with = + - @ TAB or CR is written with a leading
// apostrophe, so the spreadsheet shows it as text. Numbers and dates are written as such and
// never pass through here, so a negative amount keeps its sign.
#pragma once

#include <string>
#include <string_view>

namespace traguardi::report {

/// True when a spreadsheet could read `text` as a formula.
bool starts_like_formula(std::string_view text);
/// `text`, with a leading apostrophe when it starts like a formula.
std::string spreadsheet_safe_text(std::string_view text);

} // namespace traguardi::report
