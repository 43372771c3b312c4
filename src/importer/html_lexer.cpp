#include "importer/html_lexer.h"

#include <array>
#include <optional>

namespace traguardi::importer {
namespace {

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The entity at s[i] == '&': appends its text and returns its length, 0 when it is none.
std::size_t entity(std::string_view s, std::size_t i, std::string& out) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10 || semi == i + 1) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  if (name[0] == '#') {
    unsigned long cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    append_utf8(out, cp);
    return semi - i + 1;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed{
      {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
  for (const auto& [n, text] : kNamed)
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  return 0;
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kBlocks{
      "p",          "div",     "h1",     "h2",     "h3",      "h4",     "h5",
      "h6",         "br",      "li",     "ul",     "ol",      "dl",     "dt",
      "dd",         "section", "header", "footer", "article", "figure", "figcaption",
      "blockquote", "hr",      "thead",  "tbody",  "colgroup"};
  for (auto b : kBlocks)
    if (name == b) return true;
  return false;
}

// Elements whose content is no text of the sheet.
bool is_skipped(std::string_view name) {
  return name == "svg" || name == "style" || name == "script" || name == "title";
}

class HtmlReader {
public:
  explicit HtmlReader(std::string_view t) : t_(t) {}

  std::vector<CellItem> run() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const char c = t_[i];
      if (c == '<') {
        std::size_t end = t_.find('>', i);
        if (end == std::string_view::npos) end = t_.size() - 1;
        tag(t_.substr(i + 1, end - i - 1));
        for (std::size_t k = i; k < end; ++k)
          if (t_[k] == '\n') ++line_;
        i = end;
        continue;
      }
      if (skip_ > 0) {
        if (c == '\n') ++line_;
        continue;
      }
      if (c == '\n') {
        if (cell_)
          add(" ");
        else
          flush();
        ++line_;
        continue;
      }
      if (c == '&')
        if (std::string e; std::size_t n = entity(t_, i, e)) {
          add(e);
          i += n - 1;
          continue;
        }
      add(std::string_view(&t_[i], 1));
    }
    flush();
    return std::move(out_);
  }

private:
  void add(std::string_view s) {
    std::string* target = &buf_;
    if (cell_ && table_ && !table_->rows.empty() && !table_->rows.back().cells.empty())
      target = &table_->rows.back().cells.back();
    else if (caption_ && table_)
      target = &table_->caption;
    if (target == &buf_ && buf_.empty()) buf_line_ = line_;
    *target += s;
  }

  void flush() {
    std::size_t b = buf_.find_first_not_of(' ');
    if (b != std::string::npos) out_.push_back(TextLine{buf_line_, buf_});
    buf_.clear();
  }

  void blank() {
    flush();
    if (!out_.empty())
      if (auto* l = std::get_if<TextLine>(&out_.back()); l && l->text.empty()) return;
    out_.push_back(TextLine{line_, ""});
  }

  bool data_table() const { return !layout_.empty() && !layout_.back() && table_; }

  void tag(std::string_view body) {
    if (body.starts_with("!--")) return;
    const bool closing = !body.empty() && body[0] == '/';
    if (closing) body.remove_prefix(1);
    std::size_t n = 0;
    while (n < body.size() &&
           ((body[n] >= 'a' && body[n] <= 'z') || (body[n] >= '0' && body[n] <= '9') ||
            (body[n] >= 'A' && body[n] <= 'Z')))
      ++n;
    std::string name(body.substr(0, n));
    for (char& ch : name)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    if (is_skipped(name)) {
      if (!(body.size() && body.back() == '/')) skip_ += closing ? -1 : 1;
      if (skip_ < 0) skip_ = 0;
      return;
    }
    if (skip_ > 0) return;
    if (name == "table") return closing ? end_table() : start_table(body);
    if (name == "caption" && data_table()) {
      caption_ = !closing;
      return;
    }
    if ((name == "tr" || name == "td" || name == "th") && data_table())
      return row_tag(name, closing);
    if (cell_) {
      if (is_block(name)) add(" ");
      return;
    }
    if (name == "tr" || name == "td" || name == "th" || is_block(name)) {
      if (closing &&
          (name == "p" || name[0] == 'h' || name == "div" || name == "dd" || name == "td"))
        blank();
      else
        flush();
    }
  }

  void start_table(std::string_view body) {
    cell_ = caption_ = false; // a table inside a cell ends that cell's text
    blank();
    const bool layout = body.find("presentation") != std::string_view::npos;
    layout_.push_back(layout);
    if (!layout) {
      tables_.emplace_back();
      tables_.back().number = line_;
      table_ = &tables_.back();
    }
  }

  void end_table() {
    if (layout_.empty()) return;
    const bool layout = layout_.back();
    layout_.pop_back();
    if (!layout && table_) {
      CellTable t = std::move(*table_);
      tables_.pop_back();
      table_ = tables_.empty() ? nullptr : &tables_.back();
      cell_ = caption_ = false;
      for (auto& c : t.caption)
        if (c == '\n') c = ' ';
      if (!t.rows.empty()) {
        // The first row holds the column labels.
        for (auto& cell : t.rows.front().cells)
          t.labels.push_back(cell);
        t.number = t.rows.front().number;
        t.rows.erase(t.rows.begin());
      }
      out_.emplace_back(std::move(t));
    }
    blank();
  }

  void row_tag(const std::string& name, bool closing) {
    if (name == "tr") {
      cell_ = false;
      if (!closing) table_->rows.push_back({line_, {}});
      return;
    }
    if (closing) {
      cell_ = false;
      return;
    }
    if (table_->rows.empty()) table_->rows.push_back({line_, {}});
    table_->rows.back().cells.emplace_back();
    cell_ = true;
  }

  std::string_view t_;
  int line_ = 1, buf_line_ = 1, skip_ = 0;
  std::string buf_;
  bool cell_ = false, caption_ = false;
  std::vector<bool> layout_;
  std::vector<CellTable> tables_; // data tables open, innermost last
  CellTable* table_ = nullptr;
  std::vector<CellItem> out_;
};

} // namespace

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&')
      if (std::size_t n = entity(s, i, out)) {
        i += n - 1;
        continue;
      }
    out += s[i];
  }
  return out;
}

bool has_html_rows(std::string_view text) {
  return text.find("<tr") != std::string_view::npos && text.find("</td>") != std::string_view::npos;
}

std::vector<CellItem> html_items(std::string_view text) {
  return HtmlReader(text).run();
}

} // namespace traguardi::importer
