#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/csv_text.h"
#include "core/utf8.h"
#include "interchange/sheet_table.h"

namespace traguardi::interchange {
namespace {

Result<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("impossibile leggere il file", path);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size > kMaxSheetBytes)
    return fail(fmt::format("file troppo grande ({} byte, al massimo {})", size, kMaxSheetBytes),
                path);
  in.seekg(0);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return fail("impossibile leggere il file", path);
  return bytes;
}

char separator_of(std::string_view text) {
  const auto end = text.find_first_of("\r\n");
  const auto first = text.substr(0, end);
  return first.find(';') == std::string_view::npos && first.find(',') != std::string_view::npos
             ? ','
             : ';';
}

} // namespace

Result<SheetTable> read_csv_table(const std::string& path) {
  auto bytes = read_whole(path);
  if (!bytes) return tl::unexpected(bytes.error());
  std::string_view text = *bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.empty()) return fail("il file è vuoto: manca la riga di intestazione", path);
  // Cells end up in messages and in the plan: bytes that are not UTF-8 are refused here, once.
  if (auto bad = utf8::first_invalid(text)) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n');
    return fail("il file non è testo UTF-8 valido: salvarlo come «CSV UTF-8» e riprovare",
                fmt::format("{}:{}", path, line));
  }
  auto grid = parse_csv(text, separator_of(text));
  if (grid.empty()) return fail("il file è vuoto: manca la riga di intestazione", path);
  SheetTable t;
  t.header = std::move(grid.front());
  for (std::size_t i = 1; i < grid.size(); ++i) {
    SheetRow r;
    r.row = static_cast<int>(i) + 1;
    bool any = false;
    r.cells.reserve(grid[i].size());
    for (auto& text_cell : grid[i]) {
      any = any || !text_cell.empty();
      r.cells.push_back({std::move(text_cell), false});
    }
    if (any) t.rows.push_back(std::move(r));
  }
  return t;
}

} // namespace traguardi::interchange
