// Import findings: what the importer saw, what it expected and what it did.
//
// Legacy sheets are messy (seed-spec §4); the importer never stops at the first odd line. Each
// ambiguous or skipped line becomes a finding with file:line so that a user can open the sheet
// and check the decision. `--strict` turns warnings into errors; the CLI prints the list and a
// closing summary.
#pragma once

#include <string>
#include <vector>

#include "core/validation.h"

namespace traguardi::importer {

struct ImportFinding {
  Severity severity = Severity::warning;
  std::string file;
  int line = 0;         // 1-based line of the (extracted) text; 0 = whole file
  std::string code;     // stable identifier for tools, e.g. "storico_ambiguo"
  std::string message;  // Italian: what was found
  std::string expected; // Italian: what the importer expected there
  std::string action;   // Italian: what the importer did
  /// "scheda.txt:120: AVVISO: ... (atteso: ...; fatto: ...)"
  std::string format() const;
};

/// Collects findings for one file.
class FindingSink {
public:
  explicit FindingSink(std::string file) : file_(std::move(file)) {}
  void add(Severity s, int line, std::string code, std::string message, std::string expected = {},
           std::string action = {});
  void info(int line, std::string code, std::string message, std::string expected = {},
            std::string action = {}) {
    add(Severity::info, line, std::move(code), std::move(message), std::move(expected),
        std::move(action));
  }
  void warn(int line, std::string code, std::string message, std::string expected = {},
            std::string action = {}) {
    add(Severity::warning, line, std::move(code), std::move(message), std::move(expected),
        std::move(action));
  }
  const std::string& file() const { return file_; }
  std::vector<ImportFinding>& items() { return items_; }

private:
  std::string file_;
  std::vector<ImportFinding> items_;
};

/// In strict mode every warning counts as an error.
void apply_strict(std::vector<ImportFinding>& findings);
int count_severity(const std::vector<ImportFinding>& findings, Severity s);

} // namespace traguardi::importer
