// Reading the interchange file as a stream, strictly, ente by ente.
//
// A 200 MB file once needed 1.08 GB to import and a 200 MB description was accepted whole.
// The document is now read by a SAX parser: everything outside `$.enti` is kept (a few keys),
// each element of `$.enti` is built, handed to the caller and dropped, so memory follows the
// largest ente rather than the file. The same pass refuses what a DOM reader would silently
// resolve: a key given twice in an object, a text beyond the limits, non-finite numbers,
// nesting deeper than any traguardi document. Every refusal names the JSON path (or the line,
// for syntax errors) in Italian. `format` and `format_version` must come before `enti`, as
// `export` writes them, so that no ente of a foreign file is ever handed out.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "interchange/json_format.h" // ReadLimits

namespace traguardi::interchange {

/// The root keys besides `enti`, checked before any ente is handed out.
using HeaderCheck = std::function<Result<void>(const nlohmann::json& header)>;
/// One element of `$.enti` (its path is "$.enti[i]"); an Error stops the reading.
using EnteSink = std::function<Result<void>(nlohmann::json&& ente, std::size_t index)>;

/// Parses `in` as one JSON document; `source` prefixes locations ("file.json:12" for syntax,
/// "file.json: $.enti[0].code" for content). Returns the number of enti read.
Result<std::size_t> read_stream(std::istream& in, const std::string& source,
                                const ReadLimits& limits, const HeaderCheck& header,
                                const EnteSink& each);
Result<std::size_t> read_text(std::string_view text, const std::string& source,
                              const ReadLimits& limits, const HeaderCheck& header,
                              const EnteSink& each);

} // namespace traguardi::interchange
