#include "web/api_fields.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/user_session.h"
#include "core/italian.h"

namespace traguardi::web {

std::optional<std::string> json_field_text(const Json& v, FieldKind kind, std::string& why,
                                           const char* null_text, std::size_t max_text_bytes) {
  if (v.is_null()) return std::string(null_text);
  switch (kind) {
  case FieldKind::number: {
    std::optional<std::string> t = number_text(v);
    if (!t && v.is_string()) t = v.get<std::string>();
    auto d = t ? Decimal::parse(*t) : std::nullopt;
    if (!d) {
      why = t && Decimal::too_large(*t)
                ? Decimal::too_large_message()
                : "atteso un numero (o una stringa decimale come \"45.5\", al massimo 6 cifre "
                  "decimali, senza esponente) oppure null";
      return std::nullopt;
    }
    return italian::format_number(*d, Decimal::kScaleDigits);
  }
  case FieldKind::integer:
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_string()) {
      const std::string s = v.get<std::string>();
      if (!s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), ::isdigit)) return s;
    }
    why = "atteso un numero intero oppure null";
    return std::nullopt;
  case FieldKind::date: {
    auto d = v.is_string() ? Date::parse_iso(v.get<std::string>()) : std::nullopt;
    if (!d) {
      why = "attesa una data aaaa-mm-gg oppure null";
      return std::nullopt;
    }
    return italian::format_date(*d);
  }
  case FieldKind::text:
    if (!v.is_string()) {
      why = "attesa una stringa oppure null";
      return std::nullopt;
    }
    if (v.get<std::string>().size() > max_text_bytes) {
      why = fmt::format("testo troppo lungo (al massimo {} byte)", max_text_bytes);
      return std::nullopt;
    }
    return v.get<std::string>();
  }
  return std::nullopt;
}

void read_fields(const Json& body, const std::vector<FieldBinding>& fields, Problem& bad) {
  for (const auto& item : body.items()) {
    auto f = std::find_if(fields.begin(), fields.end(),
                          [&](const FieldBinding& b) { return item.key() == b.json; });
    if (f == fields.end()) {
      bad.errors.push_back({"/" + item.key(), "", "campo non previsto o non modificabile"});
      continue;
    }
    std::string why;
    if (auto t = json_field_text(item.value(), f->kind, why))
      *f->slot = *t;
    else
      bad.errors.push_back({"/" + item.key(), "", why});
  }
  for (const auto& f : fields)
    if (f.required && (!body.contains(f.json) || body[f.json].is_null()))
      bad.errors.push_back({std::string("/") + f.json, "", "campo obbligatorio"});
}

Problem problem_of_refusal(const Error& e, const std::vector<FieldBinding>& fields) {
  const std::string detail = "nessuna modifica è stata salvata: " + e.message;
  if (e.kind == ErrorKind::conflict) return {409, "", detail, {}};
  for (const auto& f : fields)
    if (e.where == f.where || e.where == f.json)
      return {422,
              "",
              "alcuni campi non sono validi: nessuna modifica è stata salvata",
              {{std::string("/") + f.json, "", e.message}}};
  if (e.kind == ErrorKind::not_found) return {404, "", e.message, {}};
  if (e.kind == ErrorKind::store) return {503, "", e.message, {}};
  return {422, "", detail, {}};
}

app::Session api_session(ApiCall& c, const std::string& ente) {
  return app::user_session(c.store, c.user, ente, c.env.ws.shown_location());
}

std::int64_t if_match_version(const std::string& h) {
  std::string v = h;
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit)) return -1;
  return std::stoll(v);
}

bool if_match_ok(ApiCall& c, std::int64_t current) {
  const std::string h = c.req.get_header_value("If-Match");
  if (h.empty() || h == "*" || if_match_version(h) == current) return true;
  send_problem(c.res,
               {412,
                "",
                fmt::format("la risorsa è alla versione {}, non a quella indicata in If-Match "
                            "({}): rileggerla e riprovare; nessuna modifica è stata salvata",
                            current, h),
                {}});
  return false;
}

bool if_match_required(ApiCall& c, std::int64_t current) {
  const std::string h = c.req.get_header_value("If-Match");
  if (h.empty() || h == "*") {
    send_problem(c.res, {428,
                         "",
                         "questa modifica indica l'elemento con la sua posizione, che cambia "
                         "dopo ogni eliminazione o spostamento: inviare If-Match con l'ETag "
                         "letto insieme alla posizione; nessuna modifica è stata salvata",
                         {}});
    return false;
  }
  return if_match_ok(c, current);
}

void send_forbidden(ApiCall& c, const std::string& detail) {
  send_problem(c.res, {403,
                       "",
                       detail.empty() ? "non è autorizzato a questa modifica: riguarda un altro "
                                        "centro di responsabilità oppure il ruolo consente solo "
                                        "la lettura"
                                      : detail,
                       {}});
}

} // namespace traguardi::web
