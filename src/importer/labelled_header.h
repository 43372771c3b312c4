// An objective header whose labels stand alone on their lines, each value after its label.
//
// traguardi prints its header as a row of labelled boxes. pdftotext's default mode and mutool
// write the labels on lines of their own, before the code or interleaved with the values
// ("Assessorato" / name / "Deleghe" / name / "Centro di Responsabilità" / centre), and keep the
// values in the order of the labels. The legacy print never has "Assessorato" or "Area
// Tematica" alone on a line, so that is what selects this reading. Labels queue up in printed
// order (sheet_templates.h); each block of values goes to the first queued label whose shape it
// has (an area starts with its number, a centre is in capitals or names a councillor); a label
// whose value does not come is an empty cell, and what no label takes is the description.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "importer/sheet_layout.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// Whether lines[from, to) print the header labels alone on their lines.
bool labels_alone(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                  SheetTemplate templ);

/// Fills the header cells of `h` from lines[from, to): labels, the code line at `code` (its
/// words after the code are `code_rest`) and the values. Returns whether the centre's label is
/// still waiting for its value, printed after "Responsabile".
bool fill_labelled_header(const std::vector<Line>& lines, std::size_t from, std::size_t code,
                          std::size_t to, std::string_view code_rest, SheetTemplate templ,
                          PageHeader& h);

/// "Assessore Riccardo Visentin", "Sindaco": the centres named after a councillor, printed in
/// mixed case.
bool is_councillor_center(std::string_view line);

} // namespace traguardi::importer
