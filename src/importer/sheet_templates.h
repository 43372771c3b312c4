// The sheet kinds and, in one table, the cells each prints in a fixed order.
//
// Extractors that print one cell per line (pdftotext's default mode, mutool, pdfminer on
// traguardi's own sheets) keep the order of the cells but lose the rows and columns: a header
// prints its labels and then its values, a table row its values one by one. What tells the
// cells apart is then the order each kind of sheet prints them in and the shape of each value.
// Every stage that reads cells by order takes that order from here, never from a line position.
#pragma once

#include <span>
#include <string_view>

namespace traguardi::importer {

enum class SheetTemplate {
  programme,      // SCHEDA OBIETTIVI, OBIETTIVO DI PROGRAMMA (code, assessorato, deleghe)
  peg_objectives, // SCHEDA OBIETTIVI, OBIETTIVO DI PEG (code, assessorato, CdR)
  peg_report,     // SCHEDA PEG DI RENDICONTAZIONE (code, area, assessorato; CdR after)
};

/// A cell of the objective header, by the label printed above it.
enum class HeaderCell { area, assessorato, delegations, center, direction, director };

struct HeaderLabel {
  std::string_view label; // as printed alone on its line
  HeaderCell cell;
};

/// The labels of the objective header traguardi prints above their values, in printed order
/// (the level label, above the code, and "Responsabile" aside).
std::span<const HeaderLabel> header_labels(SheetTemplate templ);

/// The header label `line` is, alone on its line, among those of `templ`; nullptr otherwise.
const HeaderLabel* header_label_alone(SheetTemplate templ, std::string_view line);

/// The value columns of an INDICATORI row after the Tipo, in printed order: atteso,
/// raggiunto, N-1, N-2 (the same on every sheet kind).
inline constexpr int kIndicatorValues = 4;

} // namespace traguardi::importer
