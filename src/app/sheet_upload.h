// Importing a legacy sheet that arrives as an upload (the web form, the API) rather than as a
// file on disk: the same use case as `import-sheet` (app/import_sheets.h) with the checks an
// upload needs, and a seal that lets a stateless server carry the upload from the dry run to
// the confirmation.
//
// The server keeps nothing between requests (several `serve` processes may stand behind one
// proxy), so the dry-run answer hands the file back to the client (base64) together with a
// seal: HMAC-SHA256 keyed by a secret of the signed-in session (the web form token) over the
// file name, the options and the bytes. The confirmation recomputes it: a file changed in
// between, or sealed for another session, is refused before anything is parsed. Who may
// import (amministratore, controllo: app::can_author_plan) is checked by the front end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "app/import_sheets.h"
#include "app/session.h"

namespace traguardi::app {

/// Largest upload accepted: the biggest real sheet extraction is ~150 KB.
constexpr std::size_t kMaxSheetUploadBytes = 4u * 1024 * 1024;

struct SheetUpload {
  std::string name;       // the client's file name (only the last path component is kept)
  std::string bytes;      // the file as uploaded
  bool partial = false;   // --parziale
  bool overwrite = false; // --sovrascrivi
};

/// InvalidInput with field "file" and an Italian sentence when the upload is empty, larger
/// than kMaxSheetUploadBytes, a PDF or not text (NUL or other binary bytes).
Result<void> check_sheet_upload(const SheetUpload& u);

/// The file name as shown and sealed: last path component, no control characters, at most
/// 120 characters, "scheda.txt" when nothing is left.
std::string upload_display_name(std::string_view client_name);

/// hex HMAC-SHA256 over name, options and bytes, keyed by `secret`.
std::string seal_sheet_upload(const SheetUpload& u, std::string_view secret);
/// Constant-time check of a seal received back from the client.
bool sheet_upload_seal_matches(const SheetUpload& u, std::string_view secret,
                               std::string_view seal);

/// Standard base64 (with padding), for carrying the bytes in a form field or JSON.
std::string encode_base64(std::string_view bytes);
/// InvalidInput (field "contenuto") when `text` is not base64.
Result<std::string> decode_base64(std::string_view text);

/// Checks the upload and imports it into the session's ente (which must exist: an upload never
/// creates an ente). `dry_run`: everything is analysed, nothing written.
Result<SheetImportOutcome> import_sheet_upload(Session& s, const SheetUpload& u, bool dry_run);

} // namespace traguardi::app
