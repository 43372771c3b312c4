// Strict reading of the interchange format, one JSON value at a time: every key declared, every
// value checked for its type and range, every refusal carrying the JSON path of the bad field
// ("$.enti[0].objectives[3].weight") and an Italian message. Shared by the plan reader
// (json_reader.cpp) and the Piano di Zona part (district_json.cpp), so both refuse alike.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/decimal.h"
#include "core/provenance.h"
#include "core/utf8.h"

namespace traguardi::interchange {

/// Thrown by JsonNode; the readers turn it into an Error value at their boundary.
struct JsonFieldError {
  std::string path, message;
};

class JsonNode {
public:
  using J = nlohmann::json;

  JsonNode(const J& j, std::string path) : j_(j), path_(std::move(path)) {}

  /// Declares the keys an object may have; anything else is refused.
  const JsonNode& keys(std::initializer_list<const char*> allowed) const {
    if (!j_.is_object()) throw JsonFieldError{path_, "atteso un oggetto JSON"};
    std::set<std::string> ok(allowed.begin(), allowed.end());
    for (const auto& [k, v] : j_.items())
      if (!ok.count(k)) throw JsonFieldError{path_ + "." + k, "campo sconosciuto"};
    return *this;
  }
  /// Keys that must be present and not null; every other declared key has a default (empty,
  /// null, 0).
  const JsonNode& require(std::initializer_list<const char*> needed) const {
    for (const char* k : needed) {
      if (!j_.contains(k)) throw JsonFieldError{path_ + "." + k, "campo obbligatorio mancante"};
      if (j_.at(k).is_null())
        throw JsonFieldError{path_ + "." + k, "campo obbligatorio: null non ammesso"};
    }
    return *this;
  }
  /// Refuses the value under `key` (or this node itself when `key` is empty).
  [[noreturn]] void bad(const std::string& key, const std::string& message) const {
    throw JsonFieldError{key.empty() ? path_ : path_ + "." + key, message};
  }
  bool has(const char* k) const { return j_.contains(k) && !j_.at(k).is_null(); }
  JsonNode at(const char* k) const {
    static const J empty = J::object();
    return JsonNode(has(k) ? j_.at(k) : empty, path_ + "." + k);
  }

  std::string str(const char* k) const {
    if (!has(k)) return {};
    const J& v = j_.at(k);
    if (!v.is_string()) throw JsonFieldError{path_ + "." + k, "atteso un testo"};
    const auto& s = v.get_ref<const std::string&>();
    if (auto c = utf8::first_control(s))
      throw JsonFieldError{
          path_ + "." + k,
          fmt::format("carattere di controllo non ammesso nel testo (posizione {})", *c + 1)};
    return s;
  }
  /// A code (ente, ...): printable, without spaces.
  std::string code(const char* k) const {
    std::string s = str(k);
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        throw JsonFieldError{path_ + "." + k,
                             fmt::format("spazio non ammesso in un codice (posizione {})", i + 1)};
    return s;
  }
  /// Record versions only grow from 1; a file cannot bring one that would wrap.
  std::int64_t version(const char* k) const {
    auto n = integer(k, 1);
    if (n < 1 || n > (std::int64_t{1} << 53))
      throw JsonFieldError{path_ + "." + k, "versione fuori intervallo (da 1 a 9007199254740992)"};
    return n;
  }
  std::int64_t integer(const char* k, std::int64_t fallback = 0) const {
    if (!has(k)) return fallback;
    const J& v = j_.at(k);
    if (!v.is_number_integer()) throw JsonFieldError{path_ + "." + k, "atteso un numero intero"};
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
      throw JsonFieldError{path_ + "." + k, "numero fuori intervallo"};
    return v.get<std::int64_t>();
  }
  int small(const char* k) const {
    auto n = integer(k);
    if (n < -1000000 || n > 1000000)
      throw JsonFieldError{path_ + "." + k, "numero fuori intervallo"};
    return static_cast<int>(n);
  }
  bool boolean(const char* k) const {
    if (!has(k)) return false;
    const J& v = j_.at(k);
    if (!v.is_boolean()) throw JsonFieldError{path_ + "." + k, "atteso true o false"};
    return v.get<bool>();
  }
  std::optional<int> opt_int(const char* k) const {
    if (!has(k)) return std::nullopt;
    return small(k);
  }
  std::optional<Decimal> opt_decimal(const char* k) const {
    if (!has(k)) return std::nullopt;
    const J& v = j_.at(k);
    if (!v.is_string())
      throw JsonFieldError{path_ + "." + k,
                           "atteso un numero decimale scritto come testo, es. \"12.5\""};
    auto d = Decimal::parse(v.get<std::string>());
    if (!d && Decimal::too_large(v.get<std::string>()))
      throw JsonFieldError{path_ + "." + k, Decimal::too_large_message()};
    if (!d)
      throw JsonFieldError{path_ + "." + k, fmt::format("«{}» non è un numero decimale (formato "
                                                        "\"1234.56\", al massimo 6 decimali)",
                                                        v.get<std::string>())};
    return d;
  }
  std::optional<Date> opt_date(const char* k) const {
    if (!has(k)) return std::nullopt;
    const J& v = j_.at(k);
    if (!v.is_string()) throw JsonFieldError{path_ + "." + k, "attesa una data \"AAAA-MM-GG\""};
    auto d = Date::parse_iso(v.get<std::string>());
    if (!d)
      throw JsonFieldError{path_ + "." + k, fmt::format("«{}» non è una data valida \"AAAA-MM-GG\"",
                                                        v.get<std::string>())};
    return d;
  }
  template <typename E, typename P>
  E enumeration(const char* k, P parse, const char* list, E fallback) const {
    if (!has(k)) return fallback;
    auto s = str(k);
    auto e = parse(s);
    if (!e)
      throw JsonFieldError{path_ + "." + k, fmt::format("valore «{}» non ammesso ({})", s, list)};
    return *e;
  }
  std::vector<std::string> strings(const char* k) const {
    std::vector<std::string> out;
    for_each(k, [&](const JsonNode& n) {
      if (!n.j_.is_string()) throw JsonFieldError{n.path_, "atteso un testo"};
      out.push_back(n.j_.get<std::string>());
    });
    return out;
  }
  template <typename F> void for_each(const char* k, F f) const {
    if (!has(k)) return;
    const J& v = j_.at(k);
    std::string p = path_ + "." + k;
    if (!v.is_array()) throw JsonFieldError{p, "atteso un elenco (array JSON)"};
    for (std::size_t i = 0; i < v.size(); ++i)
      f(JsonNode(v[i], fmt::format("{}[{}]", p, i)));
  }
  const J& json() const { return j_; }
  const std::string& path() const { return path_; }

private:
  const J& j_;
  std::string path_;
};

/// A "source" object: the document and lines a record was read from.
inline Provenance read_provenance(JsonNode n) {
  n.keys({"document", "line_from", "line_to"});
  return {n.str("document"), n.small("line_from"), n.small("line_to")};
}

} // namespace traguardi::interchange
