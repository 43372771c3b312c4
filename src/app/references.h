// Names users type for people, CdR, assessorati: resolved to the keys the model stores.
//
// An office types "Rossi Mario", "rossi", the username or the key; a CdR by code or by name.
// Unknown names are refused with the list of the closest known ones, so that a typo never
// creates a second person.
#pragma once

#include <string>

#include "core/error.h"
#include "core/model.h"

namespace traguardi::app {

Result<std::string> person_key(const Dataset& d, const std::string& text, const std::string& field);
Result<std::string> center_code(const Dataset& d, const std::string& text,
                                const std::string& field);
Result<std::string> assessorato_key(const Dataset& d, const std::string& text,
                                    const std::string& field);

} // namespace traguardi::app
