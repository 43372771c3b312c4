#include "web/html.h"

#include <fmt/format.h>

#include "core/html_escape.h"

namespace traguardi::web {

std::string esc(std::string_view text) {
  return html_escape(text);
}

std::string clip(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string url_encode(std::string_view text) {
  static const char* hexd = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hexd[c >> 4];
      out += hexd[c & 15];
    }
  }
  return out;
}

namespace {

std::string nav_link(const PageFrame& f, const char* key, const char* href, const char* label) {
  bool on = f.active == key;
  return fmt::format("<li class=\"nav-item\"><a class=\"nav-link{}\" href=\"{}\"{}>{}</a></li>",
                     on ? " active fw-bold" : "", href, on ? " aria-current=\"page\"" : "", label);
}

std::string header(const PageFrame& f) {
  std::string user_zone;
  if (f.user) {
    user_zone = fmt::format(
        "<span class=\"me-3 text-white\">{} <span class=\"visually-hidden\">ruolo</span>"
        "<span class=\"badge bg-white text-primary ms-1\">{}</span></span>"
        "{}<form method=\"post\" action=\"/esci\" class=\"d-inline\">{}"
        "<button type=\"submit\" class=\"btn btn-sm btn-outline-light\">Esci</button></form>",
        esc(f.user->username), app::user_role_label(f.user->role),
        f.ente_switch ? "<a class=\"btn btn-sm btn-outline-light me-2\" href=\"/enti\">Cambia "
                        "ente</a>"
                      : "",
        csrf_field(*f.user));
  }
  std::string out = fmt::format(
      "<header class=\"it-header-wrapper\">"
      "<div class=\"it-header-slim-wrapper\"><div class=\"container\"><div class=\"row\">"
      "<div class=\"col-12\"><div class=\"it-header-slim-wrapper-content\">"
      "<span class=\"navbar-brand text-white\">{}</span>"
      "<div class=\"it-header-slim-right-zone\">{}</div></div></div></div></div></div>"
      "<div class=\"it-header-center-wrapper\"><div class=\"container\"><div class=\"row\">"
      "<div class=\"col-12\"><div class=\"it-header-center-content-wrapper\">"
      "<div class=\"it-brand-wrapper\"><a href=\"/\"><div class=\"it-brand-text\">"
      "<div class=\"it-brand-title\">Traguardi</div>"
      "<div class=\"it-brand-tagline d-none d-md-block\">Obiettivi, fasi e indicatori "
      "dell'ente</div></div></a></div></div></div></div></div></div></header>",
      esc(f.ente_name.empty() ? "Traguardi" : f.ente_name), user_zone);
  if (f.user) {
    out += "<nav class=\"tg-nav border-bottom\" aria-label=\"Menu principale\"><div "
           "class=\"container\"><ul class=\"nav\">";
    out += nav_link(f, "cruscotto", "/", "Cruscotto");
    out += nav_link(f, "piano", "/piano", "Piano degli obiettivi");
    out += nav_link(f, "organizzazione", "/organizzazione", "Organizzazione");
    if (!f.district_href.empty())
      out += nav_link(f, "distretto", f.district_href.c_str(), "Piano di Zona");
    out += nav_link(f, "registro", "/registro", "Registro delle modifiche");
    if (f.user->role == app::UserRole::amministratore || f.user->role == app::UserRole::controllo)
      out += nav_link(f, "importa", "/importa", "Importa una scheda");
    if (f.user->role == app::UserRole::amministratore)
      out += nav_link(f, "utenti", "/utenti", "Utenti");
    out += nav_link(f, "token", "/token", "Token API");
    out += "</ul></div></nav>";
  }
  return out;
}

std::string breadcrumbs(const PageFrame& f) {
  if (f.crumbs.empty()) return {};
  std::string out = "<nav class=\"breadcrumb-container\" aria-label=\"Percorso\"><ol "
                    "class=\"breadcrumb\">";
  for (const auto& c : f.crumbs) {
    if (c.href.empty())
      out += "<li class=\"breadcrumb-item active\" aria-current=\"page\">" + esc(c.label) + "</li>";
    else
      out += "<li class=\"breadcrumb-item\"><a href=\"" + esc(c.href) + "\">" + esc(c.label) +
             "</a><span class=\"separator\">/</span></li>";
  }
  return out + "</ol></nav>";
}

} // namespace

std::string render_page(const PageFrame& f, std::string_view body) {
  std::string out;
  out.reserve(body.size() + 4096);
  out += "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>";
  out += esc(f.title);
  out += " – Traguardi</title>"
         "<link rel=\"stylesheet\" href=\"/static/bootstrap-italia/css/bootstrap-italia.min.css\">"
         "<link rel=\"stylesheet\" href=\"/static/traguardi.css\">"
         "<link rel=\"stylesheet\" href=\"/static/gantt.css\">"
         "</head><body>"
         "<a class=\"visually-hidden-focusable tg-skip\" href=\"#contenuto\">Vai al contenuto</a>";
  out += header(f);
  out += "<main id=\"contenuto\" class=\"container my-4\" tabindex=\"-1\">";
  out += breadcrumbs(f);
  out += "<h1 class=\"h2 mb-4\">" + esc(f.title) + "</h1>";
  out += body;
  out += "</main><footer class=\"it-footer\"><div class=\"it-footer-small-prints clearfix\">"
         "<div class=\"container\"><p class=\"text-white py-3 mb-0\">Traguardi – pianificazione, "
         "monitoraggio e rendicontazione degli obiettivi</p></div></div></footer>"
         "<script src=\"/static/bootstrap-italia/js/bootstrap-italia.bundle.min.js\" defer>"
         "</script></body></html>";
  return out;
}

std::string csrf_field(const app::Principal& p) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.csrf) + "\">";
}

std::string alert(std::string_view kind, std::string_view text) {
  return fmt::format("<div class=\"alert alert-{}\" role=\"{}\">{}</div>", kind,
                     kind == "danger" || kind == "warning" ? "alert" : "status", esc(text));
}

std::string input_field(const Field& f) {
  std::string described;
  std::string after;
  if (!f.hint.empty()) {
    described += "h-" + f.name;
    after += "<small id=\"h-" + esc(f.name) + "\" class=\"form-text\">" + esc(f.hint) + "</small>";
  }
  if (!f.error.empty()) {
    described += (described.empty() ? "" : " ") + std::string("e-") + f.name;
    after += "<div id=\"e-" + esc(f.name) + "\" class=\"invalid-feedback d-block\">" +
             esc(f.error) + "</div>";
  }
  return fmt::format(
      "<div class=\"form-group mb-4\"><label for=\"f-{0}\" class=\"active\">{1}</label>"
      "<input type=\"{2}\" class=\"form-control{3}\" id=\"f-{0}\" name=\"{0}\" value=\"{4}\"{5}{6} "
      "{7}>{8}</div>",
      esc(f.name), esc(f.label), f.type, f.error.empty() ? "" : " is-invalid", esc(f.value),
      described.empty() ? "" : " aria-describedby=\"" + esc(described) + "\"",
      f.error.empty() ? "" : " aria-invalid=\"true\"", f.extra, after);
}

} // namespace traguardi::web
