// Helpers for the report tests: a scratch folder, reading files, running poppler tools.
#pragma once

#include <string>

namespace traguardi::testing {

/// A fresh folder under the build tree, kept after the run so pages can be inspected.
std::string scratch_dir(const std::string& name);
std::string read_file(const std::string& path);
/// Standard output of a shell command; the test fails when the command fails.
std::string run(const std::string& command);
/// Number of occurrences of `needle` in `hay`.
int count(const std::string& hay, const std::string& needle);

} // namespace traguardi::testing
