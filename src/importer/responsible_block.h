// The Responsabile of an objective header put back in the header.
//
// pdfminer groups the text boxes of a page by their distances: on traguardi's own Scheda PEG the
// box of "Responsabile" and its value, set at the right of the header's last row, may come after
// the "Tipo di Obiettivo" and "Collegato a" lines under the header. The header reader ends the
// header at "Responsabile", so those lines would read as the objective's description.
#pragma once

#include <vector>

#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// Moves every "Responsabile" label (alone on its line) and its value that come right after the
/// "Tipo di Obiettivo" and "Collegato a" lines back before them; lines keep their numbers. Each
/// move is an INFO finding `responsabile_dopo_collegamenti` at the label's line.
void responsible_before_links(std::vector<Line>& lines, FindingSink& sink);

} // namespace traguardi::importer
