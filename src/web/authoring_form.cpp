#include "web/authoring_form.h"

#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/sheet_views.h"
#include "app/user_session.h"
#include "core/italian.h"

namespace traguardi::web {
namespace {

std::string described_by(const FormField& f, bool error) {
  std::string ids;
  if (!f.hint.empty()) ids = "h-" + f.name;
  if (error) ids += (ids.empty() ? "" : " ") + std::string("e-") + f.name;
  return ids.empty() ? "" : " aria-describedby=\"" + esc(ids) + "\"";
}

std::string after_field(const FormField& f, const std::string& error) {
  std::string out;
  if (!f.hint.empty())
    out += "<small id=\"h-" + esc(f.name) + "\" class=\"form-text\">" + esc(f.hint) + "</small>";
  if (!error.empty())
    out += "<div id=\"e-" + esc(f.name) + "\" class=\"invalid-feedback d-block\">" + esc(error) +
           "</div>";
  return out;
}

std::string label_of(const FormField& f) {
  return esc(f.label) + (f.required ? " <span class=\"visually-hidden\">(obbligatorio)</span>"
                                      "<span aria-hidden=\"true\">*</span>"
                                    : "");
}

std::string field_html(const FormField& f, const std::string& value, const std::string& error) {
  const std::string invalid = error.empty() ? "" : " is-invalid";
  const std::string aria =
      described_by(f, !error.empty()) + (error.empty() ? "" : " aria-invalid=\"true\"") +
      (f.required ? " aria-required=\"true\"" : "") + (f.disabled ? " disabled" : "");
  // The next field's floating label rises into this field's margin by more than mb-4: with it
  // the label touches this field's box, or reads as close to its hint as to its own box.
  const char* margin = "mb-5";
  switch (f.kind) {
  case FormField::Kind::textarea:
    return fmt::format("<div class=\"form-group {6}\"><label for=\"f-{0}\" class=\"active\">{1}"
                       "</label><textarea class=\"form-control{2}\" id=\"f-{0}\" name=\"{0}\" "
                       "rows=\"3\"{3}>{4}</textarea>{5}</div>",
                       esc(f.name), label_of(f), invalid, aria, esc(value), after_field(f, error),
                       margin);
  case FormField::Kind::select: {
    std::string opts = "<option value=\"\">— nessuno —</option>";
    bool found = value.empty();
    for (const auto& [v, text] : f.options) {
      found = found || v == value;
      opts += fmt::format("<option value=\"{}\"{}>{}</option>", esc(v),
                          v == value ? " selected" : "", esc(text));
    }
    if (!found) // a value no longer (or not yet) among the choices stays visible and kept
      opts += fmt::format("<option value=\"{0}\" selected>{0}</option>", esc(value));
    return fmt::format("<div class=\"select-wrapper {6}\"><label for=\"f-{0}\">{1}</label>"
                       "<select id=\"f-{0}\" name=\"{0}\" class=\"{2}\"{3}>{4}</select>{5}</div>",
                       esc(f.name), label_of(f), invalid, aria, opts, after_field(f, error),
                       margin);
  }
  case FormField::Kind::text:
    break;
  }
  return fmt::format("<div class=\"form-group {7}\"><label for=\"f-{0}\" class=\"active\">{1}"
                     "</label><input type=\"text\" class=\"form-control{2}\" id=\"f-{0}\" "
                     "name=\"{0}\" value=\"{3}\"{4} {5}>{6}</div>",
                     esc(f.name), label_of(f), invalid, esc(value), aria, f.extra,
                     after_field(f, error), margin);
}

std::string get_or_empty(const Values& v, const std::string& k) {
  auto it = v.find(k);
  return it == v.end() ? std::string() : it->second;
}

std::string changes_table(const std::vector<app::FieldDiff>& diffs) {
  if (diffs.empty()) return {};
  std::string out =
      "<h2 class=\"h5\">Cosa è cambiato nel frattempo</h2><div class=\"table-responsive\">"
      "<table class=\"table table-sm\"><thead><tr><th scope=\"col\">Campo</th><th "
      "scope=\"col\">Quando ha aperto il modulo</th><th scope=\"col\">Valore attuale</th>"
      "</tr></thead><tbody>";
  for (const auto& d : diffs)
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", esc(d.label),
                       esc(d.shown.empty() ? "(vuoto)" : d.shown),
                       esc(d.current.empty() ? "(vuoto)" : d.current));
  return out + "</tbody></table></div>";
}

/// At most ~80 bytes, cut at a character boundary.
std::string short_text(const std::string& s) {
  if (s.size() <= 80) return s;
  std::size_t n = 80;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
    --n;
  return s.substr(0, n) + "…";
}

} // namespace

AuthoringForm::AuthoringForm(Call& c, FormPage page, std::vector<FormField> fields)
    : c_(c), page_(std::move(page)), fields_(std::move(fields)) {}

void AuthoringForm::render(int status, const std::string& top, const Values& typed,
                           const Current& now, const std::vector<app::FieldIssue>& issues) {
  PageFrame fr = frame(c_, page_.title, page_.active, page_.d);
  fr.crumbs = page_.crumbs;
  std::string form = "<form method=\"post\" action=\"" + esc(page_.action) +
                     "\" enctype=\"multipart/form-data\" class=\"tg-form\" novalidate>" +
                     csrf_field(c_.user);
  if (page_.d)
    form += "<input type=\"hidden\" name=\"ente\" value=\"" + esc(page_.d->ente.code) + "\">";
  if (now.version)
    form += fmt::format("<input type=\"hidden\" name=\"versione\" value=\"{}\">", *now.version);
  for (const auto& [k, v] : now.values)
    form += "<input type=\"hidden\" name=\"orig_" + esc(k) + "\" value=\"" + esc(v) + "\">";
  for (const auto& f : fields_) {
    std::string error;
    for (const auto& i : issues)
      if (i.field == f.name) error = i.message;
    auto it = typed.find(f.name);
    form += field_html(f, it == typed.end() ? get_or_empty(now.values, f.name) : it->second, error);
  }
  if (page_.reason)
    form += field_html({"motivo", "Motivo della modifica",
                        "Facoltativo: resta nel registro "
                        "delle modifiche con il suo nome"},
                       sub_.reason, "");
  form += "<button type=\"submit\" class=\"btn btn-primary me-2\">" + esc(page_.submit) +
          "</button><a class=\"btn btn-outline-primary\" href=\"" + esc(page_.cancel) +
          "\">Annulla</a></form>";
  std::string body = page_.intro + top + "<div class=\"row\"><div class=\"col-lg-8\">" + form +
                     "</div></div>" + page_.after;
  send_html(c_.res, render_page(fr, body), status);
}

void AuthoringForm::show(const Current& now) {
  render(200, "", now.values, now, {});
}

bool AuthoringForm::read(const Current& now) {
  const std::string v = c_.req.get_param_value("versione");
  sub_.version = v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit)
                     ? -1
                     : std::stoll(v);
  sub_.reason = c_.req.get_param_value("motivo");
  for (const auto& f : fields_) {
    if (c_.req.has_param("orig_" + f.name))
      sub_.shown[f.name] = c_.req.get_param_value("orig_" + f.name);
    if (c_.req.has_param(f.name)) // a disabled field is not sent: crafted ones are refused later
      sub_.typed[f.name] = c_.req.get_param_value(f.name);
    else // not submitted (or not for this user): left as the form showed it
      sub_.typed[f.name] = get_or_empty(sub_.shown, f.name);
  }
  if (now.version && sub_.version != *now.version) {
    stale(now, fmt::format("qualcun altro ha modificato questi dati dopo che il modulo è stato "
                           "aperto (versione {} invece di {})",
                           *now.version, sub_.version < 0 ? 0 : sub_.version));
    return false;
  }
  for (const auto& [k, shown] : sub_.shown)
    if (auto it = now.values.find(k); it != now.values.end() && it->second != shown) {
      stale(now, "qualcun altro ha modificato questi dati dopo che il modulo è stato aperto");
      return false;
    }
  return true;
}

void AuthoringForm::stale(const Current& now, const std::string& why) {
  std::vector<app::FieldDiff> diffs;
  for (const auto& f : fields_) {
    auto shown = sub_.shown.find(f.name);
    auto current = now.values.find(f.name);
    if (shown != sub_.shown.end() && current != now.values.end() &&
        shown->second != current->second)
      diffs.push_back({f.name, f.label, shown->second, current->second});
  }
  std::string top = alert("warning", "Modifica non salvata: " + why + ".") + changes_table(diffs) +
                    "<p>Il modulo qui sotto conserva i valori che ha scritto ed è aggiornato alla "
                    "versione attuale: li controlli e salvi di nuovo.</p>";
  render(409, top, sub_.typed, now, {});
}

app::FieldText AuthoringForm::asked(const std::string& field) const {
  const std::string typed = get_or_empty(sub_.typed, field);
  if (typed == get_or_empty(sub_.shown, field)) return std::nullopt;
  return typed.empty() ? std::string("-") : typed;
}

app::FieldText AuthoringForm::given(const std::string& field) const {
  const std::string typed = get_or_empty(sub_.typed, field);
  if (typed.empty()) return std::nullopt;
  return typed;
}

app::Session AuthoringForm::session(const std::string& ente) const {
  app::Session s = app::user_session(c_.store, c_.user, ente, c_.env.ws.shown_location());
  s.reason = sub_.reason;
  return s;
}

void AuthoringForm::invalid(int status, const std::string& field, const std::string& message) {
  Current shown{sub_.shown, sub_.version >= 0 ? std::optional(sub_.version) : std::nullopt};
  bool known = false;
  for (const auto& f : fields_)
    known = known || f.name == field;
  const std::string top =
      alert("danger", "Modifica non salvata: " +
                          (known ? std::string("alcuni campi non sono validi") : message) + ".");
  render(status, top, sub_.typed, shown,
         known ? std::vector<app::FieldIssue>{{field, message}} : std::vector<app::FieldIssue>{});
}

void AuthoringForm::answer(const Result<app::EditOutcome>& r, const std::string& done,
                           const std::function<Current()>& reload,
                           const std::string& conflict_field) {
  if (r) return redirect(c_.res, done);
  const Error& e = r.error();
  switch (e.kind) {
  case ErrorKind::invalid_input:
    return invalid(400, e.where, e.message);
  case ErrorKind::conflict:
    if (!conflict_field.empty()) return invalid(409, conflict_field, e.message);
    return stale(reload(), "qualcun altro ha modificato questi dati mentre salvava");
  case ErrorKind::not_found:
    return error_page(c_, 404, "Non trovato", e.message);
  default:
    app::raise(e);
  }
}

void refuse(Call& c, const std::string& message) {
  error_page(c, 403, "Accesso negato", message + " Nessuna modifica è stata salvata.");
}

std::shared_ptr<const Dataset> plan_or_404(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) {
    error_page(c, 404, "Ente non trovato", d.error().message);
    return nullptr;
  }
  return *d;
}

std::string number_text(const std::optional<Decimal>& d) {
  if (!d) return {};
  std::string t = italian::format_number(*d, Decimal::kScaleDigits);
  if (t.find(',') != std::string::npos) {
    while (t.back() == '0')
      t.pop_back();
    if (t.back() == ',') t.pop_back();
  }
  return t;
}

std::string date_text(const std::optional<Date>& d) {
  return d ? italian::format_date(*d) : std::string();
}

Options center_options(const Dataset& d, const std::string& within) {
  Options out;
  for (const auto& c : d.centers)
    if (within.empty() || app::center_within(d, c.code, within))
      out.push_back({c.code, c.code + " – " + c.name});
  return out;
}

Options person_options(const Dataset& d) {
  Options out;
  for (const auto& p : d.persons)
    out.push_back({p.key, p.name});
  return out;
}

Options assessorato_options(const Dataset& d) {
  Options out;
  for (const auto& a : d.assessorati)
    out.push_back({a.key, a.description});
  return out;
}

Options area_options(const Dataset& d, const std::string& vista) {
  Options out;
  for (const auto& a : d.areas)
    if (vista.empty() || a.vista == vista)
      out.push_back({std::to_string(a.number), (vista.empty() ? a.vista + " · " : std::string()) +
                                                   std::to_string(a.number) + " – " +
                                                   a.description});
  return out;
}

Options parent_options(const Dataset& d, const std::string& vista) {
  Options out;
  for (const auto& o : d.objectives)
    if (o.level != Level::peg && (vista.empty() || o.vista == vista))
      out.push_back({o.code, (vista.empty() ? o.vista + " · " : std::string()) + o.code + " – " +
                                 short_text(o.short_description.empty() ? o.description
                                                                        : o.short_description)});
  return out;
}

} // namespace traguardi::web
