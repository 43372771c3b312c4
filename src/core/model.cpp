#include "core/model.h"

#include <algorithm>
#include <array>
#include <utility>

namespace traguardi {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char*>, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (s == name) return e;
  return std::nullopt;
}
template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& table, E e) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return "?";
}

constexpr std::array<std::pair<Level, const char*>, 4> kLevels{{{Level::mandato, "mandato"},
                                                                {Level::missione, "missione"},
                                                                {Level::programma, "programma"},
                                                                {Level::peg, "peg"}}};
constexpr std::array<std::pair<IndicatorType, const char*>, 5> kTypes{
    {{IndicatorType::efficacia, "efficacia"},
     {IndicatorType::efficienza, "efficienza"},
     {IndicatorType::quantitativo, "quantitativo"},
     {IndicatorType::qualita, "qualita"},
     {IndicatorType::altro, "altro"}}};
constexpr std::array<std::pair<Scale, const char*>, 6> kScales{{{Scale::count, "count"},
                                                                {Scale::percent, "percent"},
                                                                {Scale::boolean, "boolean"},
                                                                {Scale::euro, "euro"},
                                                                {Scale::index, "index"},
                                                                {Scale::other, "other"}}};
constexpr std::array<std::pair<Polarity, const char*>, 2> kPolarities{
    {{Polarity::higher_is_better, "higher_is_better"},
     {Polarity::lower_is_better, "lower_is_better"}}};
constexpr std::array<std::pair<EnteKind, const char*>, 4> kEnteKinds{{{EnteKind::comune, "comune"},
                                                                      {EnteKind::unione, "unione"},
                                                                      {EnteKind::ambito, "ambito"},
                                                                      {EnteKind::altro, "altro"}}};

template <typename C, typename P> auto find_in(C& items, P pred) -> decltype(&*items.begin()) {
  auto it = std::find_if(items.begin(), items.end(), pred);
  return it == items.end() ? nullptr : &*it;
}

} // namespace

const char* to_string(Level v) {
  return name_of(kLevels, v);
}
const char* to_string(IndicatorType v) {
  return name_of(kTypes, v);
}
const char* to_string(Scale v) {
  return name_of(kScales, v);
}
const char* to_string(Polarity v) {
  return name_of(kPolarities, v);
}
const char* to_string(EnteKind v) {
  return name_of(kEnteKinds, v);
}
std::optional<Level> level_from_string(std::string_view s) {
  return lookup(kLevels, s);
}
std::optional<IndicatorType> indicator_type_from_string(std::string_view s) {
  return lookup(kTypes, s);
}
std::optional<Scale> scale_from_string(std::string_view s) {
  return lookup(kScales, s);
}
std::optional<Polarity> polarity_from_string(std::string_view s) {
  return lookup(kPolarities, s);
}
std::optional<EnteKind> ente_kind_from_string(std::string_view s) {
  return lookup(kEnteKinds, s);
}

const char* level_label(Level l) {
  switch (l) {
  case Level::mandato:
    return "OBIETTIVO DI MANDATO";
  case Level::missione:
    return "OBIETTIVO DI MISSIONE";
  case Level::programma:
    return "OBIETTIVO DI PROGRAMMA";
  case Level::peg:
    return "OBIETTIVO DI PEG";
  }
  return "OBIETTIVO";
}

const char* indicator_type_label(IndicatorType t) {
  switch (t) {
  case IndicatorType::efficacia:
    return "EFFICACIA";
  case IndicatorType::efficienza:
    return "EFFICIENZA";
  case IndicatorType::quantitativo:
    return "QUANTITATIVO";
  case IndicatorType::qualita:
    return "QUALITA";
  case IndicatorType::altro:
    return "ALTRO";
  }
  return "ALTRO";
}

const Objective* find_objective(const Dataset& d, std::string_view vista, std::string_view code) {
  return find_in(d.objectives,
                 [&](const Objective& o) { return o.vista == vista && o.code == code; });
}
Objective* find_objective(Dataset& d, std::string_view vista, std::string_view code) {
  return find_in(d.objectives,
                 [&](const Objective& o) { return o.vista == vista && o.code == code; });
}
const ResponsibilityCenter* find_center(const Dataset& d, std::string_view code) {
  return find_in(d.centers, [&](const ResponsibilityCenter& c) { return c.code == code; });
}
const Person* find_person(const Dataset& d, std::string_view key) {
  return find_in(d.persons, [&](const Person& p) { return p.key == key; });
}
const Assessorato* find_assessorato(const Dataset& d, std::string_view key) {
  return find_in(d.assessorati, [&](const Assessorato& a) { return a.key == key; });
}
const Vista* find_vista(const Dataset& d, std::string_view code) {
  return find_in(d.vistas, [&](const Vista& v) { return v.code == code; });
}

} // namespace traguardi
