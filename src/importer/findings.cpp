#include "importer/findings.h"

#include <algorithm>

namespace traguardi::importer {

std::string ImportFinding::format() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  out += severity_label(severity);
  out += ": " + message;
  if (!expected.empty() || !action.empty()) {
    out += " (";
    if (!expected.empty()) out += "atteso: " + expected;
    if (!expected.empty() && !action.empty()) out += "; ";
    if (!action.empty()) out += "fatto: " + action;
    out += ")";
  }
  return out;
}

void FindingSink::add(Severity s, int line, std::string code, std::string message,
                      std::string expected, std::string action) {
  items_.push_back(ImportFinding{s, file_, line, std::move(code), std::move(message),
                                 std::move(expected), std::move(action)});
}

void apply_strict(std::vector<ImportFinding>& findings) {
  for (auto& f : findings)
    if (f.severity == Severity::warning) f.severity = Severity::error;
}

int count_severity(const std::vector<ImportFinding>& findings, Severity s) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [s](const auto& f) { return f.severity == s; }));
}

} // namespace traguardi::importer
