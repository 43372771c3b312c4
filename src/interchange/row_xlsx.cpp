#include <expat.h>

#include <fstream>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "interchange/sheet_table.h"
#include "interchange/zip_reader.h"

namespace traguardi::interchange {
namespace {

using Attributes = std::map<std::string, std::string, std::less<>>;

std::string local_name(const char* qualified) {
  std::string_view n(qualified);
  const auto colon = n.rfind(':');
  return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

/// SAX over one XML part: element names without their prefix, attributes likewise.
struct XmlEvents {
  std::function<void(const std::string&, const Attributes&)> open;
  std::function<void(const std::string&)> close;
  std::function<void(std::string_view)> text;
};

Result<void> parse_xml(const std::string& xml, XmlEvents& ev, const std::string& part) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) return fail("memoria insufficiente per leggere il foglio");
  XML_SetUserData(p, &ev);
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char** attrs) {
        auto& e = *static_cast<XmlEvents*>(data);
        if (!e.open) return;
        Attributes a;
        for (int i = 0; attrs[i]; i += 2)
          a[local_name(attrs[i])] = attrs[i + 1];
        e.open(local_name(name), a);
      },
      [](void* data, const XML_Char* name) {
        auto& e = *static_cast<XmlEvents*>(data);
        if (e.close) e.close(local_name(name));
      });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* s, int len) {
    auto& e = *static_cast<XmlEvents*>(data);
    if (e.text) e.text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  std::string problem;
  if (!ok)
    problem = fmt::format("{} non è XML valido (riga {}: {})", part, XML_GetCurrentLineNumber(p),
                          XML_ErrorString(XML_GetErrorCode(p)));
  XML_ParserFree(p);
  if (!ok) return fail("il file non è un XLSX leggibile: " + problem);
  return {};
}

Result<std::optional<std::string>> part(std::string_view zip, const std::string& name) {
  auto m = zip_member(zip, name);
  if (m && *m && (*m)->size() > static_cast<std::size_t>(INT32_MAX))
    return fail("parte " + name + " troppo grande");
  return m;
}

/// "xl/worksheets/sheet1.xml" of the first sheet, through the workbook's relationships.
Result<std::string> first_sheet_part(std::string_view zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = part(zip, "xl/workbook.xml");
  if (!workbook) return tl::unexpected(workbook.error());
  if (!*workbook) return fallback;
  std::string rid;
  XmlEvents ev;
  ev.open = [&](const std::string& n, const Attributes& a) {
    if (n == "sheet" && rid.empty())
      if (auto it = a.find("id"); it != a.end()) rid = it->second;
  };
  if (auto ok = parse_xml(**workbook, ev, "xl/workbook.xml"); !ok)
    return tl::unexpected(ok.error());
  auto rels = part(zip, "xl/_rels/workbook.xml.rels");
  if (!rels) return tl::unexpected(rels.error());
  if (!*rels || rid.empty()) return fallback;
  std::string target;
  XmlEvents rv;
  rv.open = [&](const std::string& n, const Attributes& a) {
    auto id = a.find("Id"), t = a.find("Target");
    if (n == "Relationship" && id != a.end() && t != a.end() && id->second == rid)
      target = t->second;
  };
  if (auto ok = parse_xml(**rels, rv, "xl/_rels/workbook.xml.rels"); !ok)
    return tl::unexpected(ok.error());
  if (target.empty()) return fallback;
  return target.front() == '/' ? target.substr(1) : "xl/" + target;
}

Result<std::vector<std::string>> shared_strings(std::string_view zip) {
  std::vector<std::string> out;
  auto xml = part(zip, "xl/sharedStrings.xml");
  if (!xml) return tl::unexpected(xml.error());
  if (!*xml) return out;
  int in_t = 0, in_phonetic = 0;
  XmlEvents ev;
  ev.open = [&](const std::string& n, const Attributes&) {
    if (n == "si") out.emplace_back();
    if (n == "t") ++in_t;
    if (n == "rPh") ++in_phonetic;
  };
  ev.close = [&](const std::string& n) {
    if (n == "t") --in_t;
    if (n == "rPh") --in_phonetic;
  };
  ev.text = [&](std::string_view s) {
    if (in_t > 0 && in_phonetic == 0 && !out.empty()) out.back() += s;
  };
  if (auto ok = parse_xml(**xml, ev, "xl/sharedStrings.xml"); !ok)
    return tl::unexpected(ok.error());
  return out;
}

/// "C12" → 2 (0-based column); -1 when there is no column part.
int column_of(const std::string& ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 || col > 16384 ? -1 : col - 1;
}

constexpr int kMaxColumns = 1024;

struct SheetReader {
  explicit SheetReader(const std::vector<std::string>& s) : strings(s) {}
  const std::vector<std::string>& strings;
  std::vector<SheetRow> rows;
  std::string problem;
  int next_row = 1, next_col = 0, col = 0;
  std::string type, value;
  bool in_cell = false, in_value = false, formula = false;

  void open(const std::string& n, const Attributes& a) {
    if (n == "row") {
      SheetRow r;
      auto it = a.find("r");
      r.row = it != a.end() ? std::atoi(it->second.c_str()) : next_row;
      if (r.row <= 0) r.row = next_row;
      next_row = r.row + 1;
      next_col = 0;
      rows.push_back(std::move(r));
    } else if (n == "c" && !rows.empty()) {
      auto r = a.find("r"), t = a.find("t");
      col = r != a.end() ? column_of(r->second) : next_col;
      if (col < 0) col = next_col;
      // The shape has 30 columns: a cell far to the right is refused rather than making every
      // row of a hostile file thousands of cells wide.
      if (col >= kMaxColumns && problem.empty())
        problem = fmt::format("riga {}: celle oltre la colonna {}", rows.back().row, kMaxColumns);
      if (col >= kMaxColumns) col = 0;
      next_col = col + 1;
      type = t != a.end() ? t->second : "n";
      value.clear();
      in_cell = true;
      formula = false;
    } else if (in_cell && (n == "v" || n == "t")) {
      in_value = true;
    } else if (in_cell && n == "f") {
      formula = true;
    }
  }
  void close(const std::string& n) {
    if (n == "v" || n == "t") in_value = false;
    if (n != "c" || !in_cell) return;
    in_cell = false;
    if (formula && value.empty() && problem.empty())
      problem = fmt::format("riga {}: la colonna {} contiene una formula senza valore calcolato; "
                            "aprire e salvare il foglio con un programma di calcolo, oppure "
                            "scrivere il valore",
                            rows.back().row, col + 1);
    SheetCell cell;
    if (type == "s") {
      const auto i = static_cast<std::size_t>(std::atol(value.c_str()));
      if (i < strings.size())
        cell.text = strings[i];
      else if (problem.empty())
        problem = fmt::format("riga {}: testo condiviso {} mancante", rows.back().row, value);
    } else if (type == "n") {
      cell.text = value;
      cell.number = !value.empty();
    } else if (type == "b") {
      cell.text = value == "1" ? "1" : "0";
      cell.number = true;
    } else if (type == "e") {
      cell.text = value; // "#N/D!": refused later by the field it lands in
    } else {
      cell.text = value; // str, inlineStr, d (ISO date, which the date parser reads)
    }
    auto& cells = rows.back().cells;
    if (cells.size() <= static_cast<std::size_t>(col))
      cells.resize(static_cast<std::size_t>(col) + 1);
    cells[static_cast<std::size_t>(col)] = std::move(cell);
  }
};

Result<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("impossibile leggere il file");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size > kMaxSheetBytes) return fail("file troppo grande");
  in.seekg(0);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return fail("impossibile leggere il file");
  return bytes;
}

Result<SheetTable> read(const std::string& path) {
  auto zip = read_bytes(path);
  if (!zip) return tl::unexpected(zip.error());
  auto sheet_name = first_sheet_part(*zip);
  if (!sheet_name) return tl::unexpected(sheet_name.error());
  auto strings = shared_strings(*zip);
  if (!strings) return tl::unexpected(strings.error());
  auto xml = part(*zip, *sheet_name);
  if (!xml) return tl::unexpected(xml.error());
  if (!*xml) return fail("il file non è un XLSX leggibile: manca il foglio " + *sheet_name);
  SheetReader r(*strings);
  XmlEvents ev;
  ev.open = [&](const std::string& n, const Attributes& a) { r.open(n, a); };
  ev.close = [&](const std::string& n) { r.close(n); };
  ev.text = [&](std::string_view s) {
    if (r.in_value) r.value += s;
  };
  if (auto ok = parse_xml(**xml, ev, *sheet_name); !ok) return tl::unexpected(ok.error());
  if (!r.problem.empty()) return fail("il file non è un XLSX leggibile: " + r.problem);
  SheetTable t;
  bool header = true;
  for (auto& row : r.rows) {
    bool any = false;
    for (const auto& c : row.cells)
      any = any || !c.text.empty();
    if (!any) continue;
    if (header) {
      for (auto& c : row.cells)
        t.header.push_back(std::move(c.text));
      header = false;
    } else {
      t.rows.push_back(std::move(row));
    }
  }
  if (header) return fail("il foglio è vuoto: manca la riga di intestazione");
  return t;
}

} // namespace

Result<SheetTable> read_xlsx_table(const std::string& path) {
  auto t = read(path);
  if (!t) {
    Error e = t.error();
    e.where = path;
    return tl::unexpected(e);
  }
  return t;
}

} // namespace traguardi::interchange
