// The static files of the web kit (Bootstrap Italia's built CSS, JS, fonts, icon sprite) and
// our own stylesheet, served by traguardi itself — never from a CDN.
//
// Loaded once at start-up from the web-assets folder the build places next to the binary
// (copied from npm's node_modules/bootstrap-italia/dist), so each request is a map lookup.
// Every file carries a strong ETag (its content hash) and a long cache lifetime.
#pragma once

#include <map>
#include <string>

namespace traguardi::web {

struct Asset {
  std::string body;
  std::string content_type;
  std::string etag; // quoted
};

class Assets {
public:
  /// Reads every file under `dir` (missing folder: no assets, pages render unstyled).
  explicit Assets(const std::string& dir);
  const Asset* find(const std::string& path) const;
  /// An asset made at start-up (not read from the folder).
  void add(const std::string& path, std::string body, std::string content_type);
  std::size_t size() const { return files_.size(); }
  const std::string& dir() const { return dir_; }

private:
  std::string dir_;
  std::map<std::string, Asset, std::less<>> files_;
};

/// `web-assets` beside the running executable, or $TRAGUARDI_WEB_ASSETS.
std::string default_assets_dir();

} // namespace traguardi::web
