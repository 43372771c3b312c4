#include "app/clock.h"

#include <ctime>

#include "report/text_rules.h"

namespace traguardi::app {

std::string iso_now(std::chrono::seconds offset) {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + offset);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date today() {
  return report::production_date();
}

} // namespace traguardi::app
