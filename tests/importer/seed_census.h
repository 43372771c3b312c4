// The ground-truth census of seed-spec §5 for the three sheets, and the checks against it.
//
// The tables are transcribed from the spec (objectives, fasi with pesi and avanzamento,
// indicator counts, the 3- and 4-value rows of Q39, the F000 values per year). Variant, PDF
// and merge tests reuse the same checks so that every extraction must yield the same census.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importer/sheet_import.h"

namespace census {

/// Text of seed `prefix` ("000", "001", "003") or nullopt when ../shared/seeds is absent.
std::optional<std::string> read_seed(const std::string& prefix);
std::string seed_path(const std::string& prefix);

/// Checks every census figure with gtest assertions (call inside a TEST).
void check_f000(const traguardi::importer::ImportedSheet& s);
void check_f001(const traguardi::importer::ImportedSheet& s);
void check_f003(const traguardi::importer::ImportedSheet& s);
void check(const std::string& prefix, const traguardi::importer::ImportedSheet& s);

/// True when the CI environment variable is "true".
bool in_ci();

} // namespace census

/// Data from ../shared missing: a failure in CI (CI=true), a skip on a developer's machine.
#define SHARED_MISSING(what)                                                                       \
  do {                                                                                             \
    if (census::in_ci())                                                                           \
      FAIL() << what << " non trovato: in CI i dati condivisi sono obbligatori";                   \
    GTEST_SKIP() << what << " non trovato: test saltato";                                          \
  } while (0)

#define SKIP_WITHOUT_SEEDS(text, prefix)                                                           \
  auto text = census::read_seed(prefix);                                                           \
  if (!text) SHARED_MISSING("seed " prefix " in ../shared/seeds")
