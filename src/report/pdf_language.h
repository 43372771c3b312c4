// The document language of a PDF (/Lang in the Catalog), added after cairo has written the file.
//
// A screen reader picks its voice from the document language; PA documents published online
// must declare it (accessible, tagged PDF). cairo 1.16 has no setting for it, so the finished
// bytes get a standard incremental update (ISO 32000-1 §7.5.6): the Catalog object again, with
// the same entries plus /Lang, a one-entry cross-reference section and a trailer pointing back
// (/Prev) to cairo's. The original bytes stay as they are, so the file is still
// byte-reproducible and any reader follows the newest Catalog.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace traguardi::report {

/// `pdf` with /Lang (`language`, e.g. "it-IT") in its Catalog. A file whose Catalog already has
/// /Lang is returned unchanged; bytes that are not a PDF with a classic cross-reference table
/// and trailer (what cairo writes) are an internal error.
Result<std::string> with_document_language(std::string pdf, std::string_view language);

} // namespace traguardi::report
