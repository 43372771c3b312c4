// Shapes of the values printed in sheet cells: Italian numbers, dates, codes, Tipo keywords.
//
// The importer finds table rows by the shape of their values rather than by column positions
// (seed-spec §4 Q3, Q29, Q38): a phase row is the line where weights and dates appear, an
// indicator row the line where a Tipo keyword is followed by numbers. These predicates are the
// single definition of those shapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/model.h"

namespace traguardi::importer {

std::vector<std::string_view> split_words(std::string_view s);
/// The same into `out` (cleared first), so that a loop can reuse one vector's capacity.
void split_words(std::string_view s, std::vector<std::string_view>& out);
std::string join_words(const std::vector<std::string_view>& words, std::size_t from,
                       std::size_t to);

/// The text from words[from] to words[to - 1] as one view of the line they were split from:
/// join_words without the copy, for normalised (single-spaced) lines only.
std::string_view words_span(const std::vector<std::string_view>& words, std::size_t from,
                            std::size_t to);

/// A value cell: "1.134,00", "100,00", "5,00" (always a decimal comma).
std::optional<Decimal> cell_number(std::string_view token);
/// The value cell at words[i]: a number, the empty-cell mark, or a yes/no value as traguardi
/// prints it ("1 (sì)", "0 (no)", two words). Returns how many words it takes, 0 when words[i]
/// is no value; `value` gets the number (nullopt for an empty cell).
std::size_t value_cell(const std::vector<std::string_view>& words, std::size_t i,
                       std::optional<Decimal>& value);
/// "0,00%"
std::optional<Decimal> cell_percent(std::string_view token);
/// "31/12/2021"
std::optional<Date> cell_date(std::string_view token);
/// A word printed where a value belongs but not readable as one: a number with a letter in it
/// ("3O,00", "1O0,00": a misread digit) or a date that does not exist ("31/13/2021"). Taking
/// it for text would silently shift the other values of the row.
bool damaged_value(std::string_view token);
/// EFFICACIA, EFFICIENZA, QUANTITATIVO, QUALITA (QUALITÀ accepted).
std::optional<IndicatorType> tipo_keyword_slow(std::string_view token);
inline std::optional<IndicatorType> tipo_keyword(std::string_view token) {
  // Every word of an indicator row is tried: reject most here, without a call.
  if (token.size() < 7 || (token[0] != 'E' && token[0] != 'Q')) return std::nullopt;
  return tipo_keyword_slow(token);
}
/// DUP_04, DUP_04_1201, DUP_04_1201_0601, 2021_S08_20.
bool is_objective_code(std::string_view token);
/// No lower-case letter (ASCII or accented): "SETT.", "CENTRALITA'", "E", "PIANIF.ORGAN.CONTR".
bool is_upper_word(std::string_view token);
/// Has at least one letter.
bool has_letter(std::string_view token);
/// Starts with a capital, ASCII or Latin-1 accented (À…Þ): "Il", "È".
bool starts_upper(std::string_view text);

/// Four digits: a year as the tables print it under "Valore Raggiunto" or on a GANTT axis.
bool is_year_word(std::string_view text);
/// Starts with a lower-case letter, ASCII or Latin-1 accented (à…ÿ): "delle", "è".
bool starts_lower(std::string_view text);
/// Case-insensitive comparison of ASCII letters (accents compared as bytes). Inline: the
/// heading and label checks call these for nearly every line.
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
inline bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}
/// UTF-8 code points (for the 30-character short-description rule).
std::size_t utf8_length(std::string_view s);

} // namespace traguardi::importer
