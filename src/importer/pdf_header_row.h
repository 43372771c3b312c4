// The objective header of traguardi's own Scheda Obiettivi, read by column position.
//
// traguardi prints the header of a programme (mandate, mission) objective as one row of labelled
// cells side by side: code, Assessorato, Deleghe, Centro di Responsabilità. Text rebuilt line by
// line from word boxes mixes the cells ("DUP_04_1201_0601 Centralità ... Centralità ..."), and
// no text rule can tell the assessorato from its delegations when both read alike. The cells are
// left-aligned under their labels, so each word goes to the column of the label it stands under;
// the row is then written in the line structure the text parser reads (sheet_layout.h): the
// code with the assessorato, "Deleghe: ..." as a block of its own, the centre under its label.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "importer/pdf_tables.h"

namespace traguardi::importer::pdf {

/// If lines[at] is the label row of a programme-level objective header ("OBIETTIVO DI
/// PROGRAMMA", "Assessorato", ...), appends the header cells to `out` and returns the index of
/// the first line after its values; otherwise returns `at` and leaves `out` alone.
std::size_t read_header_row(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                            std::string& out);

} // namespace traguardi::importer::pdf
