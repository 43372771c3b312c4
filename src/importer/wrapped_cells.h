// Where a cell wrapped over several lines ends, when no empty line says so.
//
// The legacy print separates header cells and table cells with empty lines; several extractors
// (pdftotext's default and -raw modes among them) drop those lines, so that an assessorato runs
// straight into the description and a note into the next indicator's description (issue 9).
// These rules tell the cells apart by the shape of their text alone: a name cell goes on while
// a parenthesis is open or its line ends with a separator or a conjunction; a note column is
// printed narrower than the description column that follows it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace traguardi::importer {

/// Whether `next` continues a name cell whose text so far is `so_far` ("Centralità della
/// persona" + "(Famiglie - Terzo", "Istruzione - Formazione Lavoro - Educazione e" + "Politiche
/// per l'Infanzia"): an open parenthesis, a trailing separator or conjunction, or a next line
/// that starts with a parenthesis, a separator or a lower-case letter.
bool name_continues(std::string_view so_far, std::string_view next);

/// Of lines with no empty line between them, the index of the first line of the description
/// that follows a note printed in a narrower column (the first line markedly wider than every
/// line before it); 0 when the lines do not show that shape.
std::size_t narrow_prefix_end(std::span<const std::string_view> lines);

/// The key without separator dashes ("A - B" -> "A B"): PDF tools drop a dash that ends a
/// printed line when they join the lines of a cell, so names are compared without them.
std::string without_separator_dashes(std::string_view key);

} // namespace traguardi::importer
