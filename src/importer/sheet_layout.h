// Cover, pages and objective headers of a legacy sheet (extraction style A).
//
// Every page of a sheet reprints the title line and the objective header block (seed-spec §3.1.1,
// Q5); the body continues where the previous page stopped. This file turns the normalised lines
// into the cover parameters plus a list of pages, each with its header fields parsed by labels
// and value shapes (Q9-Q13) and its body lines, so later stages never see header lines.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/model.h"
#include "importer/findings.h"
#include "importer/sheet_cover.h"
#include "importer/sheet_templates.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// Cells of the objective header before "Responsabile", each separated by an empty line in the
/// legacy print: programme (assessorato, Deleghe, description), peg_objectives (assessorato with
/// CdR, description), peg_report (area, assessorato, description).
int header_cells(SheetTemplate templ);

struct PageHeader {
  std::string code;
  std::string area_text;   // "4. PRIMA LA NOSTRA GENTE" (peg_report)
  std::string assessorato; // as printed, wrapped lines joined
  std::string delegations; // "Deleghe:" text (programme)
  std::string center_name; // CdR long description
  std::string description; // header description (may end with "...")
  std::string responsible;
  int first_line = 0, last_line = 0;
  // Header cells told apart by empty lines: of two copies of one header (printed again on every
  // page, by some tools with empty lines lost or added) the one nearer header_cells() wins.
  int cells = 0;
  bool cells_by_shape = false; // told apart by name_continues, not by empty lines
};

struct Page {
  int title_line = 0;
  std::string ente; // text before the title on the page header line
  std::optional<PageHeader> header;
  std::span<const Line> body; // part of read_layout's `lines`, which must outlive the layout
};

struct SheetLayout {
  Cover cover;
  SheetTemplate templ = SheetTemplate::peg_objectives;
  std::vector<Page> pages;
};

/// Reads cover and pages. Fails (with one Italian sentence) when the text is not a sheet.
/// Page bodies are views of `lines`.
Result<SheetLayout> read_layout(const std::vector<Line>& lines, FindingSink& sink);

} // namespace traguardi::importer
