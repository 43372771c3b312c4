#include "web/district_frame.h"

#include <fmt/format.h>

namespace traguardi::web {

std::optional<app::DistrictView> district_or_answer(Call& c) {
  const std::string requested = c.req.get_param_value("ente");
  if (!app::may_open_ente(c.user, requested)) {
    error_page(c, 403, "Accesso non consentito",
               "Il Piano di Zona richiesto non è dell'ente della sua utenza.");
    return std::nullopt;
  }
  auto v = app::district_view(c.store, c.user, requested, c.env.ws.plans());
  if (!v) {
    error_page(c, http_status(v.error().kind), "Piano di Zona non disponibile", v.error().message);
    return std::nullopt;
  }
  return std::move(*v);
}

std::string ente_query(const Call& c, const Dataset& d) {
  return c.user.ente.empty() ? "?ente=" + url_encode(d.ente.code) : "";
}

namespace {

struct Tab {
  const char* key;
  const char* path;
  const char* label;
};
constexpr Tab kTabs[] = {{"piano", "/distretto", "Piano e collegamenti"},
                         {"valutazione", "/distretto/valutazione", "Valutazione degli esiti"},
                         {"statistiche", "/distretto/statistiche", "Statistiche territoriali"}};

std::string tabs(const Call& c, const Dataset& d, const std::string& active) {
  std::string out = "<nav aria-label=\"Sezioni del Piano di Zona\" class=\"mb-4\"><ul "
                    "class=\"nav nav-tabs\">";
  for (const auto& t : kTabs) {
    const bool on = active == t.key;
    out += fmt::format("<li class=\"nav-item\"><a class=\"nav-link{}\" href=\"{}{}\"{}>{}</a></li>",
                       on ? " active" : "", t.path, esc(ente_query(c, d)),
                       on ? " aria-current=\"page\"" : "", t.label);
  }
  return out + "</ul></nav>";
}

std::string downloads(const Call& c, const Dataset& d) {
  struct Report {
    const char* kind;
    const char* label;
  };
  constexpr Report reports[] = {{"piano-di-zona", "Piano di Zona"},
                                {"valutazione-esiti", "Valutazione degli esiti"},
                                {"statistiche-territoriali", "Statistiche territoriali"}};
  std::string out = "<section class=\"mt-5\" aria-labelledby=\"scarica\"><h2 id=\"scarica\" "
                    "class=\"h4\">Scarica i rapporti</h2><ul>";
  const std::string q = esc(ente_query(c, d));
  for (const auto& r : reports) {
    out += fmt::format("<li>{}:", r.label);
    const std::pair<const char*, const char*> formats[] = {
        {"pdf", "PDF"}, {"html", "HTML"}, {"xlsx", "XLSX"}, {"csv", "CSV (ZIP)"}};
    bool first = true;
    for (const auto& [ext, name] : formats) {
      out += fmt::format("{} <a href=\"/distretto/{}.{}{}\">{}<span class=\"visually-hidden\"> "
                         "– {}</span></a>",
                         first ? "" : ",", r.kind, ext, q, name, r.label);
      first = false;
    }
    out += "</li>";
  }
  return out + "</ul></section>";
}

} // namespace

std::string district_page(const Call& c, const Dataset& d, const std::string& title,
                          const std::string& tab, const std::string& body) {
  PageFrame f = frame(c, title, "distretto", &d);
  f.crumbs = {{"Cruscotto", "/"}, {"Piano di Zona", ""}};
  if (tab != "piano") {
    f.crumbs.back().href = "/distretto" + ente_query(c, d);
    f.crumbs.push_back({title, ""});
  }
  return render_page(f, tabs(c, d, tab) + body + downloads(c, d));
}

std::string scroll_box(const std::string& label) {
  return "<div class=\"table-responsive\" tabindex=\"0\" role=\"region\" aria-label=\"" +
         esc(label) + "\">";
}

std::string lines_html(const std::string& text) {
  std::string out = esc(text);
  for (std::size_t p = out.find('\n'); p != std::string::npos; p = out.find('\n', p + 4))
    out.replace(p, 1, "<br>");
  return out;
}

} // namespace traguardi::web
