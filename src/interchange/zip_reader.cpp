#include "interchange/zip_reader.h"

#include <zlib.h>

#include <cstdint>

#include <fmt/format.h>

#include "interchange/sheet_table.h"

namespace traguardi::interchange {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;

std::uint32_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return u16(b, at) | u16(b, at + 2) << 16;
}

tl::unexpected<Error> damaged(const std::string& what) {
  return fail("il file non è un archivio XLSX leggibile (" + what + ")");
}

Result<std::string> inflate_raw(std::string_view in, std::size_t expected) {
  if (expected > kMaxSheetBytes) return damaged("parte troppo grande");
  std::string out(expected, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return damaged("zlib");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  const auto produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != expected) return damaged("dati compressi non validi");
  return out;
}

} // namespace

Result<std::optional<std::string>> zip_member(std::string_view zip, std::string_view name) {
  if (zip.size() < 22) return damaged("troppo corto");
  std::size_t end = std::string_view::npos;
  const std::size_t lowest = zip.size() > 22 + 65535 ? zip.size() - 22 - 65535 : 0;
  for (std::size_t i = zip.size() - 22 + 1; i-- > lowest;)
    if (u32(zip, i) == kEndOfDirectory) {
      end = i;
      break;
    }
  if (end == std::string_view::npos) return damaged("manca l'indice dell'archivio");
  const std::size_t entries = u16(zip, end + 10);
  std::size_t at = u32(zip, end + 16);
  for (std::size_t n = 0; n < entries; ++n) {
    if (at + 46 > zip.size() || u32(zip, at) != kDirectoryEntry) return damaged("indice rovinato");
    const std::uint32_t flags = u16(zip, at + 8), method = u16(zip, at + 10);
    const std::size_t packed = u32(zip, at + 20), size = u32(zip, at + 24);
    const std::size_t name_len = u16(zip, at + 28), extra = u16(zip, at + 30),
                      comment = u16(zip, at + 32);
    const std::size_t local = u32(zip, at + 42);
    if (at + 46 + name_len > zip.size()) return damaged("indice rovinato");
    const std::string_view member = zip.substr(at + 46, name_len);
    at += 46 + name_len + extra + comment;
    if (member != name) continue;
    if (flags & 1) return damaged("parte cifrata");
    if (packed == 0xFFFFFFFF || size == 0xFFFFFFFF || local == 0xFFFFFFFF)
      return damaged("ZIP64 non supportato");
    if (local + 30 > zip.size() || u32(zip, local) != kLocalHeader)
      return damaged("intestazione locale rovinata");
    const std::size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (data > zip.size() || packed > zip.size() - data) return damaged("parte troncata");
    const std::string_view bytes = zip.substr(data, packed);
    if (method == 0) {
      if (size != packed) return damaged("dimensioni incoerenti");
      return std::optional<std::string>(std::string(bytes));
    }
    if (method != 8)
      return damaged(fmt::format("metodo di compressione {} non supportato", method));
    auto out = inflate_raw(bytes, size);
    if (!out) return tl::unexpected(out.error());
    return std::optional<std::string>(std::move(*out));
  }
  return std::optional<std::string>();
}

} // namespace traguardi::interchange
