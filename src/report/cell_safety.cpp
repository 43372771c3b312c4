#include "report/cell_safety.h"

namespace traguardi::report {

bool starts_like_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
  case '=':
  case '+':
  case '-':
  case '@':
  case '\t':
  case '\r':
    return true;
  default:
    return false;
  }
}

std::string spreadsheet_safe_text(std::string_view text) {
  if (!starts_like_formula(text)) return std::string(text);
  return "'" + std::string(text);
}

} // namespace traguardi::report
