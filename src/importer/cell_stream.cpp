#include "importer/cell_stream.h"

#include "importer/html_lexer.h"
#include "importer/sheet_labels.h"
#include "importer/table_blocks.h"
#include "importer/table_rows.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// "[text]{.class}" -> "text"; "![alt](target)" -> "".
std::string without_spans(std::string s) {
  for (std::size_t at; (at = s.find("![")) != std::string::npos;) {
    std::size_t close = s.find("](", at);
    std::size_t end = close == std::string::npos ? close : s.find(')', close);
    if (end == std::string::npos) break;
    // The image's attribute block goes with it: "![](data:…){.tg-gantt}".
    if (end + 1 < s.size() && s[end + 1] == '{')
      if (std::size_t attr = s.find('}', end + 1); attr != std::string::npos) end = attr;
    s.erase(at, end - at + 1);
  }
  for (std::size_t from = 0, at; (at = s.find("]{", from)) != std::string::npos;) {
    std::size_t open = s.rfind('[', at), end = s.find('}', at);
    if (open == std::string::npos || end == std::string::npos) break;
    s.erase(at, end - at + 1);
    s.erase(open, 1);
    from = open;
  }
  return s;
}

// HTML tags left in Markdown ("<div>", "</div>"): "<" then a letter or "/" and a letter.
std::string without_tags(std::string s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at)) {
    std::size_t n = at + 1 < s.size() && s[at + 1] == '/' ? at + 2 : at + 1;
    std::size_t end = s.find('>', at);
    if (n >= s.size() || !letter(s[n]) || end == std::string::npos) {
      ++at;
      continue;
    }
    s.erase(at, end - at + 1);
  }
  return s;
}

std::string without_escapes(std::string_view s, bool markdown) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && (i + 1 == s.size() || is_punct(s[i + 1]))) {
      if (i + 1 < s.size()) out += s[++i]; // the escaped character, never a dash pair
      continue;
    }
    if (markdown && s[i] == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      const bool em = i + 2 < s.size() && s[i + 2] == '-';
      out += em ? "\xE2\x80\x94" : "\xE2\x80\x93";
      i += em ? 2 : 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

} // namespace

std::string plain_cell_text(std::string_view raw, bool markdown) {
  std::string decoded;
  if (raw.find('&') != std::string_view::npos) {
    decoded = decode_entities(raw);
    raw = decoded;
  }
  std::string_view s = trim(raw);
  if (s.starts_with(":::") || s == "[]") return "";
  if (s.starts_with('#')) {
    std::size_t h = s.find_first_not_of('#');
    if (h != std::string_view::npos && s[h] == ' ') s = trim(s.substr(h));
  }
  // A trailing attribute block: "2020_A01_00 {#tg-obiettivo-1 .tg-code}".
  if (s.ends_with('}'))
    if (std::size_t b = s.rfind(" {");
        b != std::string_view::npos && (s[b + 2] == '#' || s[b + 2] == '.'))
      s = trim(s.substr(0, b));
  // A definition (":   value") or a caption (": FASI").
  if (s.starts_with(": ")) s = trim(s.substr(2));
  std::string out(s);
  if (out.find('<') != std::string::npos) out = without_tags(std::move(out));
  if (out.find('[') != std::string::npos) out = without_spans(std::move(out));
  if (out.find('\\') != std::string::npos || (markdown && out.find("--") != std::string::npos))
    out = without_escapes(out, markdown);
  return out;
}

namespace {

class StreamWriter {
public:
  StreamWriter(TextArena& arena, bool markdown) : arena_(arena), markdown_(markdown) {}

  // docx2txt prints every paragraph on one line, with no empty line between, and drops line
  // breaks ("2019" then the text becomes "2019Cinisello ..."): each line is then a paragraph,
  // and a year glued to a word is a lead of its own.
  void paragraph_lines() { paragraph_lines_ = true; }

  void text(int number, std::string_view raw) {
    std::string t = plain_cell_text(raw, markdown_);
    if (paragraph_lines_ && glued_year(t)) {
      line(number, t.substr(0, 4));
      blank(number);
      t.erase(0, 4);
    }
    line(number, t);
    if (paragraph_lines_) blank(number);
  }

  void line(int number, const std::string& t) {
    if (t.empty()) return blank(number);
    arena_.push_back(normalize_line(t));
    if (arena_.back().empty()) return blank(number);
    lines_.push_back(Line{number, arena_.back()});
  }

  static bool glued_year(std::string_view t) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto letter = [](unsigned char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC3;
    };
    return t.size() > 5 && (t.starts_with("19") || t.starts_with("20")) && digit(t[2]) &&
           digit(t[3]) && letter(static_cast<unsigned char>(t[4]));
  }

  void blank(int number) {
    if (!lines_.empty() && !lines_.back().blank()) lines_.push_back(Line{number, ""});
  }

  void table(const CellTable& t) {
    if (!t.caption.empty()) {
      blank(t.number);
      text(t.number, t.caption);
    }
    blank(t.number);
    std::vector<std::string> labels;
    for (const auto& l : t.labels)
      labels.push_back(plain_cell_text(l, markdown_));
    text(t.number, join_cells(labels));
    blank(t.number);
    const auto roles = column_roles(labels);
    for (const auto& r : t.rows) {
      std::vector<std::string> cells;
      for (const auto& c : r.cells)
        cells.push_back(plain_cell_text(c, markdown_));
      if (roles.empty()) {
        text(r.number, join_cells(cells));
        continue;
      }
      std::string written;
      write_table_row(roles, cells, written);
      for (std::size_t b = 0, e; b < written.size(); b = e + 1) {
        e = written.find('\n', b);
        if (e == std::string::npos) e = written.size();
        text(r.number, std::string_view(written).substr(b, e - b));
      }
    }
    blank(t.number);
  }

  std::vector<Line>& lines() { return lines_; }

private:
  TextArena& arena_;
  bool markdown_;
  bool paragraph_lines_ = false;
  std::vector<Line> lines_;
};

bool is_level_label(std::string_view t) {
  for (std::string_view l : {"OBIETTIVO DI PEG", "OBIETTIVO DI PROGRAMMA", "OBIETTIVO DI MISSIONE",
                             "OBIETTIVO DI MANDATO"})
    if (iequals(t, l)) return true;
  return false;
}

// An HTML sheet prints no page title: a page starts where an objective header does, at the
// level label followed by the objective's code alone on its line.
std::vector<Line> with_page_titles(std::vector<Line> lines, TextArena& arena) {
  std::size_t t0 = 0;
  std::string ente;
  while (t0 < lines.size() && !is_page_title(lines[t0].text, nullptr, &ente))
    ++t0;
  if (t0 == lines.size()) return lines;
  std::string title(lines[t0].text);
  if (ente.empty())
    for (std::size_t p = t0; p-- > 0;)
      if (!lines[p].blank()) {
        if (!is_page_title(lines[p].text)) title = std::string(lines[p].text) + " " + title;
        break;
      }
  arena.push_back(title);
  const std::string_view page_title = arena.back();
  std::vector<Line> out;
  out.reserve(lines.size() + 64);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > t0 && is_level_label(lines[k].text)) {
      std::size_t n = k + 1;
      while (n < lines.size() && lines[n].blank())
        ++n;
      if (n < lines.size() && is_objective_code(lines[n].text)) {
        out.push_back(Line{lines[k].number, ""});
        out.push_back(Line{lines[k].number, page_title});
        out.push_back(Line{lines[k].number, ""});
      }
    }
    out.push_back(lines[k]);
  }
  return out;
}

} // namespace

std::vector<Line> cell_stream_lines(std::string_view text, TextArena& arena) {
  std::vector<CellItem> items =
      has_html_rows(text) ? html_items(text) : text_items(unwrapped_lines(text));
  // pandoc's Markdown: its fenced divs or bracketed spans give it away.
  const bool markdown =
      text.find("\n:::") != std::string_view::npos || text.find("]{.") != std::string_view::npos;
  StreamWriter w(arena, markdown);
  for (const auto& item : items)
    if (const auto* t = std::get_if<CellTable>(&item); t && t->one_cell_per_line) {
      w.paragraph_lines();
      break;
    }
  for (const auto& item : items) {
    if (const auto* l = std::get_if<TextLine>(&item))
      w.text(l->number, l->text);
    else
      w.table(std::get<CellTable>(item));
  }
  return with_page_titles(std::move(w.lines()), arena);
}

} // namespace traguardi::importer
