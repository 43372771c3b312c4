// The GANTT as inline SVG for the HTML rendition.
//
// Browsers print SVG as vectors and screen readers can read its title and description, so the
// HTML sheet embeds the chart instead of a picture. Positions come from gantt_layout.h, the
// same scale the PDF uses.
#pragma once

#include <string>

#include "report/document.h"

namespace traguardi::report {

/// An <svg role="img"> with a <title>, a <desc> summarising the fasi, bars, axis and legend.
/// `title` names the chart for assistive technology ("GANTT dell'obiettivo 2024_S05_07");
/// `id` prefixes the element ids and must be unique in the page.
std::string render_svg_gantt(const Gantt& g, const std::string& title, const std::string& id);

} // namespace traguardi::report
