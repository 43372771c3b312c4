// What the web pages show of the report layer: the Gantt, the "DATI CALCOLATI" table and the
// downloadable sheets, through app so that src/web never includes a renderer.
//
// The objective page must explain each figure with the same words as the printed sheet, and
// draw the same Gantt; reusing the report's builders (scheda_parts.h, svg_gantt.h) here keeps
// the two from drifting. Downloads are the `traguardi report` output for one objective or for
// the filtered list, in memory.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"

namespace traguardi::app {

/// A table as plain strings (already Italian-formatted).
struct TextTable {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

/// The "DATI CALCOLATI" rows of an objective (rule, inputs, weights), as in the sheets.
TextTable computed_figures(const Dataset& d, const Objective& o);
/// The objective's Gantt as inline SVG (empty when it has no fasi).
std::string gantt_svg(const Objective& o, const std::string& id);

/// The rules of the report's stylesheet that colour the Gantt SVG (classes tg-g-*), so the
/// web page and the HTML sheet draw it alike.
std::string gantt_stylesheet();

/// Filters of the web's plan list, also applied to list downloads.
struct PlanFilter {
  std::string vista;
  std::string center;      // CdR code, includes sub-centres
  std::string responsible; // person key
  std::string assessorato; // key
  std::string state;       // stato as stored
  std::string text;        // contained in code, descrizione sintetica or descrizione
  std::string level;       // "peg", "programma", ... empty: every level
  int year = 0;
};

/// Objectives matching the filter, in dataset order.
std::vector<const Objective*> filter_objectives(const Dataset& d, const PlanFilter& f);
/// Does `center` equal `root` or sit below it in the CdR tree?
bool center_within(const Dataset& d, const std::string& center, const std::string& root);

struct SheetFile {
  std::string content_type;
  std::string filename;
  std::string body;
};

/// SCHEDA PEG DI RENDICONTAZIONE (PEG objectives) or SCHEDA OBIETTIVI of the objectives, as
/// "pdf", "xlsx" or "csv". InvalidInput for another format or no objective.
Result<SheetFile> render_sheet(const Dataset& d, const std::vector<const Objective*>& objectives,
                               const std::string& format, const std::string& name);

} // namespace traguardi::app
