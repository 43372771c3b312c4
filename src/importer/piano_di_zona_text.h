// Lines of a Piano di Zona text (extraction style W, seed-spec §3.5) and the small readers the
// section parsers share: numbers in the document's mixed formats, page footers, headings.
//
// Style W keeps trailing spaces and turns lost bullet glyphs into one leading space, so each
// line keeps both its raw form (the leading space is information) and its trimmed text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"

namespace traguardi::importer::pdz {

struct TextLine {
  int number = 0;   // 1-based line of the file
  std::string raw;  // as read, without the line break
  std::string text; // white space collapsed and trimmed
  bool blank() const { return text.empty(); }
  /// A lost bullet glyph or a new page fragment: one leading space before the text.
  bool leading_space() const { return !raw.empty() && raw[0] == ' ' && !text.empty(); }
};

std::vector<TextLine> split_text(std::string_view text);

/// A number as the document prints it: "1.646", "170,9", "8,10%", "122517", "95.70"
/// (decimal point, §4.8 Q53: a dot followed by other than groups of three digits).
/// `decimal_point` is set when the dot was read as a decimal point.
std::optional<Decimal> parse_document_number(std::string_view token, bool* decimal_point = nullptr);

/// "Cassina de’ Pecchi" and "Cassina de' Pecchi" compare equal; case and accents folded.
std::string fold(std::string_view text);

/// "49 DOCUMENTO DI PROGRAMMAZIONE DEL WELFARE LOCALE – DISTRETTO 4 – 2018/2020": a page
/// number followed by an upper-case running title.
bool is_page_footer(const TextLine& line);

/// Index of the first line at or after `from` whose trimmed text starts with `prefix`
/// (folded comparison); lines.size() when none.
std::size_t find_line(const std::vector<TextLine>& lines, std::string_view prefix,
                      std::size_t from = 0);

/// Words of a line.
std::vector<std::string> words(std::string_view text);

/// Joins the trimmed texts of lines [from, to) with single spaces, skipping blanks and footers.
std::string join_text(const std::vector<TextLine>& lines, std::size_t from, std::size_t to);

} // namespace traguardi::importer::pdz
