// HTML/XML escaping shared by the report HTML, the inline SVG Gantt and the web pages.
//
// Everything printed comes from user data (narratives typed by offices, imported sheets), so
// every text node and attribute goes through this one function.
#pragma once

#include <string>
#include <string_view>

namespace traguardi {

/// Escapes & < > " ' for text nodes and quoted attributes.
std::string html_escape(std::string_view text);

} // namespace traguardi
