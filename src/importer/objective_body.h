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

/// Joins narrative lines: a line break inside a paragraph becomes a space, an empty line a new
/// paragraph ("\n"); a page break ends the paragraph only after sentence punctuation.
std::string join_paragraphs(const std::vector<Line>& lines, std::size_t from = 0,
                            std::size_t to = static_cast<std::size_t>(-1));

} // namespace traguardi::importer
