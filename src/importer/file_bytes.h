// Whole-file reads for the importer: one read per file.
//
// An office imports hundreds of sheets in one command; reading each one byte by byte through
// a stream iterator cost about a tenth of the whole import. The size is known up front, so
// the buffer is allocated once and filled with read(2).
#pragma once

#include <optional>
#include <string>

namespace traguardi::importer {

/// All bytes of `path`; nullopt when it cannot be opened or read.
std::optional<std::string> read_file_bytes(const std::string& path);

} // namespace traguardi::importer
