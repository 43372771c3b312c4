// Reading members of a ZIP archive held in memory: what an XLSX workbook is made of.
//
// Only what workbooks use: stored (method 0) and deflated (method 8) members, no encryption, no
// ZIP64. Each member's unpacked size is capped (sheet_table.h, kMaxSheetBytes) so that a small
// hostile file cannot unpack into gigabytes. The report side writes archives
// (report/zip_store.h); this side only reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace traguardi::interchange {

/// The unpacked content of member `name`, nullopt when the archive has no such member; an
/// Error (message only) when the archive is damaged or uses what is not supported.
Result<std::optional<std::string>> zip_member(std::string_view archive, std::string_view name);

} // namespace traguardi::interchange
