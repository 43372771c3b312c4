#include "report/zip_store.h"

#include <array>
#include <cstdint>

namespace traguardi::report {
namespace {

std::uint32_t crc32(const std::string& data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data)
    c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void u16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void u32(std::string& out, std::uint32_t v) {
  u16(out, v & 0xFFFF);
  u16(out, v >> 16);
}

} // namespace

std::string zip_store(const std::vector<std::pair<std::string, std::string>>& files,
                      const Date& when) {
  const int year = when.year < 1980 ? 1980 : when.year;
  const std::uint32_t dos_date =
      static_cast<std::uint32_t>(((year - 1980) << 9) | (when.month << 5) | when.day);
  std::string out, central;
  for (const auto& [name, data] : files) {
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data), size = static_cast<std::uint32_t>(data.size());
    auto header = [&](std::string& h, bool central_entry) {
      u32(h, central_entry ? 0x02014b50u : 0x04034b50u);
      if (central_entry) u16(h, 20); // version made by
      u16(h, 20);                    // version needed
      u16(h, 0x0800);                // UTF-8 names
      u16(h, 0);                     // stored
      u16(h, 0);                     // time 00:00
      u16(h, dos_date);
      u32(h, crc);
      u32(h, size);
      u32(h, size);
      u16(h, static_cast<std::uint32_t>(name.size()));
      u16(h, 0); // extra
      if (central_entry) {
        u16(h, 0); // comment
        u16(h, 0); // disk
        u16(h, 0); // internal attributes
        u32(h, 0); // external attributes
        u32(h, offset);
      }
      h += name;
    };
    header(out, false);
    out += data;
    header(central, true);
  }
  const std::uint32_t central_at = static_cast<std::uint32_t>(out.size());
  out += central;
  u32(out, 0x06054b50u);
  u16(out, 0);
  u16(out, 0);
  u16(out, static_cast<std::uint32_t>(files.size()));
  u16(out, static_cast<std::uint32_t>(files.size()));
  u32(out, static_cast<std::uint32_t>(central.size()));
  u32(out, central_at);
  u16(out, 0);
  return out;
}

} // namespace traguardi::report
