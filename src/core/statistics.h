// Territorial statistics: base values per territory, kept apart from what documents print.
//
// A value is a measure (popolazione, nati, stranieri, famiglie, ...) for a territory (comune,
// ambito, regione, Italia) at a reference date, optionally split by dimensions ("eta=0-3",
// "sesso=F"), with unit and source. A figure a document prints (an index, a percentage, a
// district average) is stored with origin `printed`, beside the value computed from base data
// (core/formula_indicators.h) and never in place of it, so disagreements can be shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "core/provenance.h"

namespace traguardi {

enum class StatOrigin { base, printed };

struct StatValue {
  std::string table;            // "Tabella 1", or the title of an untitled table
  std::string territory;        // territory name as the ambito lists it ("Bussero", "Lombardia")
  std::string measure;          // "popolazione", "indice_vecchiaia", ...
  std::string dimension;        // "eta=0-3;sesso=F"; empty when the value is a total
  std::string reference;        // reference date: "2018-12-31", or a year "2018"
  std::optional<Decimal> value; // empty when the document leaves the cell blank
  std::string unit;             // "persone", "%", "indice", "euro", "per mille"
  std::string source;           // fonte
  StatOrigin origin = StatOrigin::base;
  Provenance provenance;
  bool operator==(const StatValue&) const = default;
};

const char* to_string(StatOrigin);
std::optional<StatOrigin> stat_origin_from_string(std::string_view);

/// "eta=0-3;sesso=F" → {{"eta","0-3"},{"sesso","F"}}; malformed parts are skipped.
std::vector<std::pair<std::string, std::string>> dimension_parts(std::string_view dimension);
/// The value of one dimension key, or empty.
std::string dimension_value(std::string_view dimension, std::string_view key);
/// A reference is "YYYY" or "YYYY-MM-DD".
bool valid_reference(std::string_view reference);

} // namespace traguardi
