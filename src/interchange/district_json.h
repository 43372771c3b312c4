// The Piano di Zona part of the interchange format: level definitions of a vista, the district
// plan ("piano_di_zona") and the territorial statistics ("statistiche").
//
// Kept apart from json_writer/json_reader so the district's fields live in one place. Keys are
// written only when the dataset has something for them, so a comune's export stays as before.
// Reading is as strict as the rest of the format: unknown keys and bad values are refused with
// their JSON path (JsonFieldError, turned into the reader's error value).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/model.h"

namespace traguardi::interchange {

/// Adds "level_definitions" to vistas and "piano_di_zona"/"statistiche" to the ente object.
void write_district_json(const Dataset& d, nlohmann::ordered_json& ente_object);
/// Reads what write_district_json wrote; `path` is the JSON path of the ente object.
/// Throws JsonFieldError (interchange/json_node.h).
void read_district_json(const nlohmann::json& ente_object, const std::string& path, Dataset& d);

} // namespace traguardi::interchange
