// Writing an output file so that a failure or a kill never leaves a wrong file behind.
//
// Every file traguardi writes (export, reports, lists) goes through here, so the guarantees of
// docs/reliability.md hold for all of them at once: the content goes to a temporary created with
// mkstemp (O_CREAT|O_EXCL, never following a symlink an attacker planted) in the target's folder,
// is fsynced, renamed over the target and the folder is fsynced; on any failure the temporary is
// removed and the target is left as it was. The database in use (and its -wal/-shm/-journal
// files) is registered by the store when opened and is never accepted as an output.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace traguardi::io {

/// Marks a database file as in use: writing an output over it (or its sidecar files) is refused.
void protect_database(const std::string& path);

/// Refuses (invalid_input) a path that is a database in use or one of its sidecar files, or a
/// folder.
Result<void> check_output_path(const std::string& path);

/// Writes `content` to `path` atomically (see above).
Result<void> write_file_atomically(const std::string& path, std::string_view content);

/// For writers that need a file name of their own (libxlsxwriter): `write` fills the temporary
/// whose path it receives; then it is committed as above. The temporary is removed on failure.
Result<void> write_via_temporary(const std::string& path,
                                 const std::function<Result<void>(const std::string&)>& write);

} // namespace traguardi::io
