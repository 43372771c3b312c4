// What the Piano di Zona pages share: who may open them (the ambito's own users, or national
// ones; another ente's users get 403), the frame with its sub-navigation between plan,
// evaluation and statistics, and the downloads of the three reports.
#pragma once

#include <optional>
#include <string>

#include "app/district_views.h"
#include "web/routes.h"

namespace traguardi::web {

/// The ambito the request asks for (?ente=, else the user's), or nullopt after answering with
/// the error page (403 for another ente, 404 for an ente without a Piano di Zona).
std::optional<app::DistrictView> district_or_answer(Call& c);

/// "?ente=CODE" for a national user (who may open several enti), "" otherwise.
std::string ente_query(const Call& c, const Dataset& d);

/// The page around `body`: frame, breadcrumbs, the sub-navigation (current: `tab`, one of
/// "piano", "valutazione", "statistiche") and the downloads.
std::string district_page(const Call& c, const Dataset& d, const std::string& title,
                          const std::string& tab, const std::string& body);

/// The evaluation and statistics pages (pages_district_data.cpp).
void register_district_data_pages(httplib::Server& s, Env& env);

/// `<div class="table-responsive" ...>` that keyboard users can scroll (focusable region named
/// after the table): wide tables scroll sideways on a phone.
std::string scroll_box(const std::string& label);

/// A multi-line text as HTML (escaped, line breaks kept).
std::string lines_html(const std::string& text);

} // namespace traguardi::web
