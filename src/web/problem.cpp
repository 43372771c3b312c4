#include "web/problem.h"

#include <nlohmann/json.hpp>

#include "web/routes.h"

namespace traguardi::web {
namespace {

const char* title_of(int status) {
  switch (status) {
  case 400:
    return "Richiesta non valida";
  case 401:
    return "Autenticazione richiesta";
  case 403:
    return "Operazione non consentita";
  case 404:
    return "Risorsa non trovata";
  case 405:
    return "Metodo non consentito";
  case 409:
    return "Conflitto con una modifica concorrente";
  case 412:
    return "Versione non più attuale";
  case 415:
    return "Formato della richiesta non supportato";
  case 428:
    return "Versione richiesta";
  case 422:
    return "Valori non validi";
  case 429:
    return "Troppe richieste";
  case 503:
    return "Servizio non disponibile";
  default:
    return "Errore";
  }
}

} // namespace

void send_problem(httplib::Response& res, const Problem& p) {
  using J = nlohmann::ordered_json;
  J body{{"type", "urn:traguardi:problema:" + std::to_string(p.status)},
         {"title", p.title.empty() ? title_of(p.status) : p.title},
         {"status", p.status},
         {"detail", p.detail}};
  if (!p.errors.empty()) {
    J errors = J::array();
    for (const auto& e : p.errors) {
      J item = J::object();
      if (!e.parameter.empty())
        item["parameter"] = e.parameter;
      else
        item["pointer"] = e.pointer;
      item["detail"] = e.detail;
      errors.push_back(std::move(item));
    }
    body["errors"] = std::move(errors);
  }
  res.status = p.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, J::error_handler_t::replace),
                  "application/problem+json");
}

Problem problem_of(ErrorKind kind, const std::string& detail) {
  return Problem{http_status(kind), "", detail, {}};
}

} // namespace traguardi::web
