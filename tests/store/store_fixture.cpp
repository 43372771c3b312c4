#include "store_fixture.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

namespace traguardi::testing {

#ifdef TRAGUARDI_HAVE_POSTGRES
std::string fresh_pg_location(); // pg_fixture.cpp
#endif

std::vector<std::string> store_backends() {
  std::vector<std::string> out{"sqlite"};
#ifdef TRAGUARDI_HAVE_POSTGRES
  // Always listed, so ctest's build-time discovery sees it; skipped without a server.
  out.push_back("postgresql");
#endif
  return out;
}

bool backend_available(const std::string& backend) {
  return backend != "postgresql" || std::getenv("TRAGUARDI_TEST_PG_URL") != nullptr;
}

std::string fresh_location([[maybe_unused]] const std::string& backend) {
#ifdef TRAGUARDI_HAVE_POSTGRES
  if (backend == "postgresql") return fresh_pg_location();
#endif
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() / fmt::format("traguardi-test-{}", getpid());
  std::filesystem::create_directories(dir);
  auto path = dir / fmt::format("t{}.db", counter++);
  std::filesystem::remove(path);
  return path.string();
}

} // namespace traguardi::testing
