// The sheet as HTML: the same document for screens, browsers' print and the web application.
//
// The web application will embed sheets in its own pages, so the body is available as a
// fragment (one <article>, no <html> wrapper) next to the complete page. The page carries a
// print stylesheet (A4 landscape, one objective per page, the objective header and table
// column labels repeated on every printed page) and accessible markup: lang="it", headings,
// tables with captions and th scope, the GANTT as SVG with title and description.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

/// <article class="tg-scheda" lang="it">…</article>
std::string render_html_fragment(const Document& d);
/// The stylesheet the fragment expects (screen and print); the page inlines it.
std::string_view html_stylesheet();
/// A complete HTML5 page.
std::string render_html(const Document& d);
Result<void> write_html(const Document& d, const std::string& path);

} // namespace traguardi::report
