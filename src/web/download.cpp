#include "web/download.h"

namespace traguardi::web {

void send_download(httplib::Response& res, app::SheetFile&& file, const char* cache_control) {
  res.set_header("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
  res.set_header("Cache-Control", cache_control);
  res.status = 200;
  res.body = std::move(file.body); // what set_content does, without copying a large PDF
  res.set_header("Content-Type", file.content_type);
}

} // namespace traguardi::web
