#include "web/json_body.h"

#include <fmt/format.h>

namespace traguardi::web {
namespace {

/// Builds the document like nlohmann's DOM parser, but keeps fractional numbers as their text
/// (in a binary value, which JSON text itself can never produce) and stops past kMaxBodyDepth.
class ExactSax {
public:
  explicit ExactSax(Json& root) : dom_(root, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t, const Json::string_t& text) {
    Json::binary_t bytes(std::vector<std::uint8_t>(text.begin(), text.end()));
    return dom_.binary(bytes);
  }
  bool string(Json::string_t& v) { return dom_.string(v); }
  bool binary(Json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return ++depth_ <= kMaxBodyDepth && dom_.start_object(n); }
  bool key(Json::string_t& k) { return dom_.key(k); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return ++depth_ <= kMaxBodyDepth && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception&) {
    error_at = pos;
    return false;
  }
  bool too_deep() const { return depth_ > kMaxBodyDepth; }
  std::size_t error_at = 0;

private:
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  int depth_ = 0;
};

} // namespace

ParsedBody parse_json_body(const std::string& content_type, const std::string& body) {
  ParsedBody out;
  const std::string type = content_type.substr(0, content_type.find(';'));
  if (type != "application/json" && type != "application/merge-patch+json") {
    out.problem = Problem{415,
                          "",
                          "il corpo della richiesta deve essere JSON (Content-Type: "
                          "application/json)",
                          {}};
    return out;
  }
  if (body.size() > kMaxBodyBytes) {
    out.problem = Problem{413,
                          "Richiesta troppo grande",
                          fmt::format("il corpo della richiesta supera {} byte", kMaxBodyBytes),
                          {}};
    return out;
  }
  ExactSax sax(out.value);
  const bool ok = Json::sax_parse(body, &sax, nlohmann::detail::input_format_t::json, true);
  if (!ok) {
    out.value = Json();
    const std::string detail =
        sax.too_deep()
            ? fmt::format("il JSON è annidato oltre {} livelli", kMaxBodyDepth)
            : fmt::format("il corpo non è JSON valido in UTF-8 (errore vicino al byte {})",
                          sax.error_at);
    out.problem = Problem{400, "", detail, {}};
    return out;
  }
  if (!out.value.is_object()) {
    out.value = Json();
    // Pointer "" is the whole document (RFC 6901).
    out.problem = Problem{400,
                          "",
                          "il corpo deve essere un oggetto JSON",
                          {ProblemField{"", "", "atteso un oggetto JSON"}}};
  }
  return out;
}

std::optional<std::string> number_text(const Json& v) {
  if (v.is_binary()) return std::string(v.get_binary().begin(), v.get_binary().end());
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  return std::nullopt;
}

} // namespace traguardi::web
