// UTF-8 checks and the one conversion traguardi accepts (Windows-1252 / Latin-1).
//
// Text that is not UTF-8 once got into the database through a Latin-1 sheet and a CLI argument,
// and then `export` and `copy` failed for everyone. Every entry point now checks its text here:
// sheets are converted from Windows-1252 (a superset of Latin-1, what old Italian office
// software writes) with a finding; CLI arguments and JSON strings are refused with the
// position of the first bad byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace traguardi::utf8 {

/// Offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
/// surrogates and code points beyond U+10FFFF are ill-formed); nullopt when all is valid.
std::optional<std::size_t> first_invalid(std::string_view text);
inline bool valid(std::string_view text) {
  return !first_invalid(text);
}

/// Reads `text` as Windows-1252 (bytes 0x80–0x9F as its printable characters, the five
/// undefined ones as U+FFFD) and returns it as UTF-8.
std::string from_windows1252(std::string_view text);

/// First control character other than TAB, LF, CR (C0, DEL); for codes and names.
std::optional<std::size_t> first_control(std::string_view text);

} // namespace traguardi::utf8
