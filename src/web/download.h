// A rendered sheet or report sent as a download, the same way by the pages and the API: one
// place that names the file for the browser and says how it may be cached.
#pragma once

#include <httplib.h>

#include "app/sheet_views.h"

namespace traguardi::web {

/// 200 with `file` as an attachment under its own name; `cache_control` is the pages'
/// "no-store" or the API's "private, no-cache" (whose ETag, if any, the caller sets).
void send_download(httplib::Response& res, app::SheetFile&& file, const char* cache_control);

} // namespace traguardi::web
