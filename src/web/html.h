// The frame every page of the web application shares, and the small HTML helpers pages use.
//
// Pages are server-rendered strings: one layout (Bootstrap Italia header, skip link, navigation,
// footer) so that every page is keyboard-usable and announces its language and title the same
// way, and one escaping function that every piece of user data goes through.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/auth.h"

namespace traguardi::web {

/// Escapes & < > " ' for text nodes and quoted attributes.
std::string esc(std::string_view text);
/// At most `max` bytes of UTF-8 text, cut at a character boundary, with "…" when cut.
std::string clip(std::string_view text, std::size_t max);
/// Percent-encodes a query-string value.
std::string url_encode(std::string_view text);

struct Crumb {
  std::string label;
  std::string href; // empty: current page
};

struct PageFrame {
  std::string title; // <title> and <h1>
  const app::Principal* user = nullptr;
  std::string ente_name; // shown in the slim header
  std::string active;    // navigation key: cruscotto, piano, registro, utenti, distretto, token
  std::vector<Crumb> crumbs;
  std::string district_href = {}; // the ente is an ambito: link to its Piano di Zona pages
  bool ente_switch = false; // the user may open several enti: link to the picker
};

/// The complete HTML document around `body` (which starts after the <h1>).
std::string render_page(const PageFrame& f, std::string_view body);

/// <input type="hidden" name="csrf" ...> for the signed-in user's forms.
std::string csrf_field(const app::Principal& p);

/// A Bootstrap Italia alert (kind: danger, warning, success, info) with a role that screen
/// readers announce.
std::string alert(std::string_view kind, std::string_view text);

/// A labelled text input with its validation message next to it (aria-describedby).
struct Field {
  std::string name, label, value, error, hint;
  std::string type = "text";
  std::string extra; // more attributes, e.g. inputmode="decimal"
};
std::string input_field(const Field& f);

} // namespace traguardi::web
