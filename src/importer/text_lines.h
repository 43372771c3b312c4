// Text normalisation for extracted sheets, keeping the original line numbers.
//
// The same sheet reaches us through different PDF-to-text tools (seed-spec §4 Q3): cells may be
// separated by runs of spaces or TABs, labels glued ("NoteInizio"), words wrapped in emphasis
// markup (**Stato**, _x_). Everything downstream parses one canonical form: trimmed lines, single
// spaces, no markup. We never merge or split lines here, so line i of the result is line i of
// the file and every finding can point to the line a user sees.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace traguardi::importer {

// Storage for the lines the importer had to rewrite; a deque so that views into it stay valid.
using TextArena = std::deque<std::string>;

// Lines are views: into the imported text when it is already canonical (most lines), into a
// TextArena otherwise. Both must outlive the Line.
struct Line {
  Line() = default;
  Line(int number_, std::string_view text_, bool page_break_ = false)
      : text(text_), number(number_), page_break(page_break_) {}
  // The view first: 24 bytes instead of 32, and every stage copies lines around.
  std::string_view text;   // normalised; empty for blank lines
  int number = 0;          // 1-based line in the original text
  bool page_break = false; // synthetic marker between two pages of the same objective
  // classify_heading(text) once a stage has computed it (sheet_labels.h), -1 until then: the
  // section split classifies every line and the row parsers would do it again.
  signed char heading = -1;
  bool blank() const { return text.empty(); }
};

/// Normalises one line: white space (TAB, NBSP, form feed) to single spaces, ligatures ("ﬁ")
/// to their letters, markup removed, known glued labels split. Invalid UTF-8 bytes are kept as they
/// are. `s` without its leading and trailing spaces (cells cut from a line laid out with spaces).
inline std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

std::string normalize_line(std::string_view raw);

/// Splits `text` on \n (\r\n and \r accepted) and normalises every line; rewritten lines are
/// kept in `arena`.
std::vector<Line> split_lines(std::string_view text, TextArena& arena);

} // namespace traguardi::importer
