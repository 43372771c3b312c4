#include "report/text_rules.h"

#include <cstdlib>
#include <ctime>

namespace traguardi::report {
namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

/// Byte offset of the code point number `n` (or the size when the text is shorter).
std::size_t byte_offset(std::string_view text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (count++ == n) return i;
  }
  return text.size();
}

} // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if (!is_continuation(c)) ++n;
  return n;
}

std::string utf8_prefix(std::string_view text, std::size_t n) {
  return std::string(text.substr(0, byte_offset(text, n)));
}

std::string header_description(std::string_view text) {
  constexpr std::size_t kMax = 255, kKept = 252;
  if (utf8_length(text) <= kMax) return std::string(text);
  std::string_view head = text.substr(0, byte_offset(text, kKept + 1));
  // Keep whole words: cut before the last space of the first 253 characters; a single
  // unbroken word is cut hard.
  std::size_t space = head.rfind(' ');
  std::string_view kept = space == std::string_view::npos ? text.substr(0, byte_offset(text, kKept))
                                                          : head.substr(0, space);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ','))
    kept.remove_suffix(1);
  return std::string(kept) + "...";
}

std::string short_name(std::string_view text) {
  std::string cut = utf8_prefix(text, 30);
  // A cut that ends on a space would print an invisible trailing blank.
  while (!cut.empty() && cut.back() == ' ')
    cut.pop_back();
  return cut;
}

std::vector<std::string_view> narrative_paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view piece = text.substr(0, end);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\r'))
      piece.remove_suffix(1);
    while (!piece.empty() && piece.front() == ' ')
      piece.remove_prefix(1);
    if (!piece.empty()) out.push_back(piece);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

Date production_date() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0)
      return Date::from_days(static_cast<long>(seconds / 86400));
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace traguardi::report
