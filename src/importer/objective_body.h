// The section state machine over the body of one objective (all its pages joined).
//
// The open section is carried across pages (seed-spec Q6, Q7), repeated table headings are
// skipped (Q8), every section is optional (Q18) and headings count only as whole lines (Q20).
// The result is the raw lines of each section; narrative sections are joined into paragraphs
// here, table sections are handed to the row parsers.
#pragma once

#include <string>
#include <vector>

#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

struct LinkLine {
  std::string level_label; // MANDATO, MISSIONE, PROGRAMMA, PEG
  std::string code;
  std::string name;
  int line = 0;
};

struct ObjectiveBody {
  std::string objective_type; // "Gestionale"
  std::vector<LinkLine> links;
  std::vector<Line> strategic, operational, implementation, status, structures, people, phases,
      indicators;
  std::string state;            // "In Corso"
  bool status_year_end = false; // "STATO DI ATTUAZIONE AL 31 DICEMBRE"
  int first_line = 0, last_line = 0;
};

/// Splits the body lines (page breaks marked) into sections; unknown lines become findings.
ObjectiveBody split_sections(const std::vector<Line>& body, FindingSink& sink);

/// How many characters a line of the narratives certainly holds (0: the text does not tell),
/// and whether the text was wrapped greedily at a fixed count of characters (`exact`: a tool
/// that lays traguardi's HTML sheet out as text), where a line with room for the next word
/// ended on purpose whatever that word's case.
struct TextWrap {
  TextWrap(std::size_t chars_ = 0, bool exact_ = false) : chars(chars_), exact(exact_) {}
  std::size_t chars = 0;
  bool exact = false;
  bool operator==(const TextWrap&) const = default;
};

/// The narratives' widest line, less a margin as large as the text's wrapped lines show a
/// count of characters to be off (none on a fixed-width print); with `exact` (a text made of
/// the HTML sheet), the widest line itself.
TextWrap text_width(const std::vector<const std::vector<Line>*>& sections, bool exact = false);

/// Joins narrative lines: a line break inside a paragraph becomes a space, an empty line a new
/// paragraph ("\n"); a page break ends the paragraph only after sentence punctuation. A list
/// item ("- …", "1) …") and, given the text's `width`, a line after one that ends short of it
/// with room for the next word and a capital after it (any word when the width is exact), also
/// start a paragraph (seed-spec Q4: list glyphs are lost).
std::string join_paragraphs(const std::vector<Line>& lines, TextWrap width = {},
                            std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1));

} // namespace traguardi::importer
