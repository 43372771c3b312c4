// Other extractions of the same sheet, derived at run time (seed-spec §4 Q3).
//
// Each function rewrites a sheet text the way another PDF-to-text tool might: TABs and runs of
// spaces between cells, narrative lines re-wrapped at another width, labels glued to their
// neighbours, inline emphasis markup. The census must not change.
#pragma once

#include <string>

namespace variants {

std::string tab_separated(const std::string& text);
std::string rewrapped(const std::string& text, std::size_t width = 70);
std::string glued_labels(const std::string& text);
std::string emphasized(const std::string& text);
std::string crlf(const std::string& text);
/// A printed page ending inside a cell: an empty line and a form feed line (mutool's page end).
std::string page_feeds(const std::string& text);

} // namespace variants
