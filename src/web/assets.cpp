#include "web/assets.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/auth.h"

namespace traguardi::web {
namespace {

std::string type_of(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".png") return "image/png";
  return "application/octet-stream";
}

} // namespace

Assets::Assets(const std::string& dir) : dir_(dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec || !it->is_regular_file()) continue;
    const std::string ext = it->path().extension().string();
    if (ext == ".map" || ext == ".eot" || ext == ".txt") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Asset a;
    a.body = ss.str();
    a.content_type = type_of(it->path());
    a.etag = "\"" + app::sha256_hex(a.body).substr(0, 32) + "\"";
    files_.emplace(fs::relative(it->path(), dir).generic_string(), std::move(a));
  }
}

const Asset* Assets::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

void Assets::add(const std::string& path, std::string body, std::string content_type) {
  Asset a;
  a.etag = "\"" + app::sha256_hex(body).substr(0, 32) + "\"";
  a.body = std::move(body);
  a.content_type = std::move(content_type);
  files_.insert_or_assign(path, std::move(a));
}

std::string default_assets_dir() {
  if (const char* env = std::getenv("TRAGUARDI_WEB_ASSETS"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "web-assets";
  return (exe.parent_path() / "web-assets").string();
}

} // namespace traguardi::web
