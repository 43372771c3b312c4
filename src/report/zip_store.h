// A ZIP archive of a few small text files, stored without compression.
//
// The CSV of a sheet is one table per file (csv_renderer.h); a browser download or a single
// --out file needs them in one archive. Entries are stored (method 0) with a fixed date, so the
// archive is byte-reproducible and needs no compression library; the files are small.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace traguardi::report {

/// The bytes of a ZIP holding `files` (name, content) in order, each dated `when`.
std::string zip_store(const std::vector<std::pair<std::string, std::string>>& files,
                      const Date& when);

} // namespace traguardi::report
