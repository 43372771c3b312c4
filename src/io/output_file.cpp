#include "io/output_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

namespace traguardi::io {
namespace {

namespace fs = std::filesystem;

std::mutex protected_mutex;
std::vector<fs::path> protected_paths; // absolute, lexically normal

fs::path absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path, ec).lexically_normal();
  return p;
}

std::string reason(int err) {
  if (err == ENOSPC || err == EDQUOT) return "spazio su disco esaurito";
  if (err == EACCES || err == EPERM) return "permesso negato";
  if (err == EROFS) return "file system in sola lettura";
  if (err == ENOENT) return "la cartella non esiste";
  if (err == ENOTDIR) return "un elemento del percorso non è una cartella";
  return std::strerror(err);
}

tl::unexpected<Error> io_failure(const std::string& path, int err) {
  ErrorKind kind = err == ENOSPC || err == EDQUOT ? ErrorKind::store : ErrorKind::invalid_input;
  return fail(fmt::format("Impossibile scrivere il file «{}»: {}.", path, reason(err)), "", kind);
}

fs::path folder_of(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

struct Temporary {
  std::string path;
  int fd = -1;
  bool committed = false;
  ~Temporary() {
    if (fd >= 0) ::close(fd);
    if (!committed && !path.empty()) ::unlink(path.c_str());
  }
};

Result<void> create_temporary(const std::string& target, Temporary& tmp) {
  std::string name =
      (folder_of(target) / ("." + fs::path(target).filename().string() + ".traguardi-XXXXXX"))
          .string();
  std::vector<char> buf(name.begin(), name.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data()); // O_CREAT|O_EXCL, mode 0600
  if (fd < 0) return io_failure(target, errno);
  tmp.fd = fd;
  tmp.path = buf.data();
  // Readable like any file the user creates (mkstemp gives 0600).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return {};
}

Result<void> write_all(int fd, std::string_view content, const std::string& target) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_failure(target, errno);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

Result<void> commit(Temporary& tmp, const std::string& target) {
  if (::fsync(tmp.fd) != 0) return io_failure(target, errno);
  if (::close(tmp.fd) != 0) {
    tmp.fd = -1;
    return io_failure(target, errno);
  }
  tmp.fd = -1;
  if (::rename(tmp.path.c_str(), target.c_str()) != 0) return io_failure(target, errno);
  tmp.committed = true;
  int dir = ::open(folder_of(target).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir); // the rename itself survives a power cut
    ::close(dir);
  }
  return {};
}

} // namespace

void protect_database(const std::string& path) {
  std::lock_guard lock(protected_mutex);
  protected_paths.push_back(absolute_normal(path));
}

Result<void> check_output_path(const std::string& path) {
  if (path.empty()) return fail("manca il nome del file da scrivere");
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return fail(path + ": è una cartella: indicare il nome di un file");
  fs::path out = absolute_normal(path);
  std::lock_guard lock(protected_mutex);
  for (const auto& db : protected_paths) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::path guarded = db;
      guarded += suffix;
      if (out == guarded || fs::equivalent(out, guarded, ec))
        return fail(fmt::format("{}: è il database in uso{}: scegliere un altro file di "
                                "destinazione",
                                path, *suffix ? fmt::format(" (file {} di SQLite)", suffix) : ""));
    }
  }
  return {};
}

Result<void> write_file_atomically(const std::string& path, std::string_view content) {
  if (auto ok = check_output_path(path); !ok) return ok;
  Temporary tmp;
  if (auto ok = create_temporary(path, tmp); !ok) return ok;
  if (auto ok = write_all(tmp.fd, content, path); !ok) return ok;
  return commit(tmp, path);
}

Result<void> write_via_temporary(const std::string& path,
                                 const std::function<Result<void>(const std::string&)>& write) {
  if (auto ok = check_output_path(path); !ok) return ok;
  Temporary tmp;
  if (auto ok = create_temporary(path, tmp); !ok) return ok;
  if (auto ok = write(tmp.path); !ok) return ok;
  // The writer wrote through its own handle: reopen ours to fsync what it wrote.
  ::close(tmp.fd);
  tmp.fd = ::open(tmp.path.c_str(), O_RDWR | O_NOFOLLOW);
  if (tmp.fd < 0) return io_failure(path, errno);
  return commit(tmp, path);
}

} // namespace traguardi::io
