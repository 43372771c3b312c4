#include "report/pdf_pager.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "core/italian.h"

namespace traguardi::report::pdf {
namespace {

constexpr double kBandTop = 16, kBandHeight = 20, kHeaderTop = 42;
constexpr double kPad = 3;

void rule(cairo_t* cr, double x0, double y0, double x1, double y1) {
  set_color(cr, kRule);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

} // namespace

Pager::Pager(const Document& d, const Typesetter& t) : doc_(d), type_(t) {}

Pager::Pager(const Document& d, const Typesetter& t, cairo_t* target, int pages)
    : doc_(d), type_(t), target_(target), pages_total_(pages) {
  cairo_tag_begin(target_, "Document", "");
}

Pager::~Pager() {
  if (cr_ && !target_) cairo_destroy(cr_);
  for (auto* p : pages_)
    cairo_surface_destroy(p);
}

void Pager::begin_tag(const char* name) {
  if (!target_) return;
  cairo_tag_begin(cr_, name, "");
  open_tags_.push_back(name);
}

void Pager::end_tag(const char* name) {
  if (!target_ || open_tags_.empty() || std::string_view(open_tags_.back()) != name) return;
  cairo_tag_end(cr_, name);
  open_tags_.pop_back();
}

void Pager::close_tags() {
  while (!open_tags_.empty())
    end_tag(open_tags_.back());
}

void Pager::end_page() {
  close_tags();
  if (!target_ || page_no_ == 0) return;
  draw_footer(cr_, type_, doc_, page_no_, pages_total_);
  cairo_show_page(cr_);
}

void Pager::new_page() {
  if (target_) {
    end_page();
    cr_ = target_;
    ++page_no_;
  } else {
    if (cr_) cairo_destroy(cr_);
    cairo_rectangle_t extents{0, 0, kPageWidth, kPageHeight};
    pages_.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    cr_ = cairo_create(pages_.back());
  }
  contents_.push_back({});
  contents_.back().section_start = std::exchange(section_start_, false);
  band();
  const double bottom = section_ ? draw_header() : kHeaderTop;
  body_top_ = bottom + 8;
  y_ = body_top_;
  fresh_room_ = kBodyBottom - body_top_;
}

void Pager::band() {
  set_color(cr_, kAccent);
  cairo_rectangle(cr_, kMarginX, kBandTop, kBodyWidth, kBandHeight);
  cairo_fill(cr_);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  Text title =
      Text::single_line(type_, doc_.title, Font::band, kBodyWidth / 2 - 8, PANGO_ALIGN_RIGHT);
  Text ente = Text::single_line(type_, doc_.ente, Font::band, kBodyWidth / 2 - 8);
  const double ty = kBandTop + (kBandHeight - ente.height()) / 2;
  ente.draw(cr_, kMarginX + 6, ty);
  title.draw(cr_, kMarginX + kBodyWidth / 2 + 2, ty);
}

void Pager::lay_out_header(const HeaderBlock& h) {
  header_.clear();
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    const auto& row = h.rows[r];
    double total = 0;
    for (const auto& f : row)
      total += f.width;
    HeaderRow out;
    double x = kMarginX;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const double next = x + kBodyWidth * row[i].width / total;
      const double w = next - x - 2 * kPad;
      HeaderCell cell;
      cell.x = x;
      // The description has no label on the legacy sheets: it speaks for itself.
      if (!row[i].mark.empty())
        cell.label = Text(type_, row[i].label + " " + row[i].mark, Font::label, w);
      else if (row.size() > 1 || row[i].label != "Descrizione")
        cell.label = Text(type_, row[i].label, Font::label, w);
      cell.value = Text(type_, row[i].value, r == 0 && i == 0 ? Font::bold : Font::body, w);
      out.height = std::max(out.height, cell.label.height() + cell.value.height());
      out.cells.push_back(std::move(cell));
      x = next;
    }
    out.height += 2 * kPad;
    header_.push_back(std::move(out));
  }
}

double Pager::draw_header() {
  double y = kHeaderTop;
  for (const HeaderRow& row : header_) {
    set_color(cr_, kHeaderFill);
    cairo_rectangle(cr_, kMarginX, y, kBodyWidth, row.height);
    cairo_fill(cr_);
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const HeaderCell& c = row.cells[i];
      // Label and value as two paragraphs: read as one they would run together.
      begin_tag("P");
      set_color(cr_, kMuted);
      c.label.draw(cr_, c.x + kPad, y + kPad);
      end_tag("P");
      begin_tag("P");
      set_color(cr_, kInk);
      c.value.draw(cr_, c.x + kPad, y + kPad + c.label.height());
      end_tag("P");
      if (i > 0) rule(cr_, c.x, y, c.x, y + row.height);
    }
    rule(cr_, kMarginX, y + row.height, kMarginX + kBodyWidth, y + row.height);
    y += row.height;
  }
  if (!header_.empty()) {
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.5);
    cairo_rectangle(cr_, kMarginX, kHeaderTop, kBodyWidth, y - kHeaderTop);
    cairo_stroke(cr_);
  }
  return y;
}

void Pager::cover() {
  section_ = nullptr;
  section_start_ = true;
  new_page();
  double y = 90;
  set_color(cr_, kAccent);
  Text title(type_, doc_.title, Font::title, kBodyWidth);
  begin_tag("H1");
  title.draw(cr_, kMarginX, y);
  end_tag("H1");
  y += title.height() + 8;
  set_color(cr_, kInk);
  Text date =
      Text::with_lead(type_, "Data elaborazione", italian::format_date(doc_.produced), kBodyWidth);
  begin_tag("P");
  date.draw(cr_, kMarginX, y);
  end_tag("P");
  y += date.height() + 18;
  Text params(type_, "Parametri selezionati:", Font::heading, kBodyWidth);
  set_color(cr_, kAccent);
  begin_tag("H2");
  params.draw(cr_, kMarginX, y);
  end_tag("H2");
  y += params.height() + 8;
  set_color(cr_, kInk);
  begin_tag("Table");
  for (const auto& p : doc_.parameters) {
    Text label(type_, p.label, Font::bold, 180);
    Text value(type_, p.value, Font::body, kBodyWidth - 190);
    begin_tag("TR");
    begin_tag("TH");
    label.draw(cr_, kMarginX, y);
    end_tag("TH");
    begin_tag("TD");
    value.draw(cr_, kMarginX + 190, y);
    end_tag("TD");
    end_tag("TR");
    y += std::max(label.height(), value.height()) + 4;
  }
  end_tag("Table");
}

void Pager::begin_section(const Section& s) {
  keep_heading(0);
  section_ = &s;
  section_start_ = true;
  lay_out_header(s.header);
  // Each objective is a section of the structure tree; its pages' content goes under it.
  if (target_) {
    close_tags();
    if (section_tag_) cairo_tag_end(target_, "Sect");
    cairo_tag_begin(target_, "Sect", "");
    section_tag_ = true;
  }
  new_page();
}

void Pager::ensure(double h) {
  if (h > room() && !at_page_top()) new_page();
}

void Pager::heading(const Heading& h) {
  keep_heading(0); // two headings in a row: the first goes with the second
  pending_heading_ = Text(type_, h.text, Font::heading, kBodyWidth);
}

void Pager::keep_heading(double first_content) {
  if (pending_heading_.empty()) return;
  if (!at_page_top()) y_ += 6;
  const double h = pending_heading_.height() + 2;
  ensure(h + std::min(first_content, fresh_room() - h));
  set_color(cr_, kAccent);
  begin_tag("H2");
  pending_heading_.draw(cr_, kMarginX, y_);
  end_tag("H2");
  ++here().headings;
  y_ += h;
  pending_heading_ = Text();
}

void Pager::paragraph(const Paragraph& p) {
  if (p.lead.empty() && p.text.empty()) return;
  Text body;
  if (p.lead_on_own_line || p.lead.empty()) {
    if (!p.lead.empty()) {
      Text lead(type_, p.lead, Font::bold, kBodyWidth);
      keep_heading(lead.height() * 2.5);
      ensure(lead.height() * 2.5);
      set_color(cr_, kInk);
      begin_tag("P");
      lead.draw(cr_, kMarginX, y_);
      end_tag("P");
      y_ += lead.height();
    }
    body = Text(type_, p.text, Font::body, kBodyWidth);
  } else {
    body = Text::with_lead(type_, p.lead, p.text, kBodyWidth);
  }
  // The heading above keeps at least two lines of its text.
  keep_heading(std::min(body.height(), body.fit(0, 26) > 0 ? body.fit(0, 26) : body.height()));
  // Narratives may run over several pages; they continue line by line, as on the old sheets.
  for (double from = 0;;) {
    double to = body.fit(from, room());
    if (to <= from) {
      if (at_page_top()) break; // a line taller than a page: nothing sensible left to do
      new_page();
      continue;
    }
    set_color(cr_, kInk);
    begin_tag("P");
    body.draw_range(cr_, kMarginX, y_, from, to);
    end_tag("P");
    ++here().lines;
    y_ += to - from;
    from = to;
    if (from >= body.height() - 0.01) break;
    new_page();
  }
  y_ += 3;
}

void Pager::sign_off(const SignOff& s) {
  keep_heading(0);
  std::vector<std::string> labels;
  for (const std::string* l : {&s.responsible, &s.control, &s.oiv})
    if (!l->empty()) labels.push_back(*l);
  if (labels.empty()) return;
  constexpr double kBoxH = 62;
  Text title(type_, "VISTI E FIRME", Font::heading, kBodyWidth);
  if (!at_page_top()) y_ += 8;
  ensure(title.height() + 2 + kBoxH); // the block is never split
  set_color(cr_, kAccent);
  begin_tag("H2");
  title.draw(cr_, kMarginX, y_);
  end_tag("H2");
  ++here().headings;
  ++here().rows;
  y_ += title.height() + 2;
  const double w = kBodyWidth / static_cast<double>(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double x = kMarginX + w * static_cast<double>(i);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.5);
    cairo_rectangle(cr_, x, y_, w, kBoxH);
    cairo_stroke(cr_);
    set_color(cr_, kInk);
    Text label(type_, labels[i], Font::small_bold, w - 2 * kPad);
    begin_tag("P");
    label.draw(cr_, x + kPad, y_ + kPad);
    Text date(type_, "Data ____ / ____ / ________", Font::small, w - 2 * kPad);
    date.draw(cr_, x + kPad, y_ + kBoxH - 2 * date.height() - 2 * kPad);
    Text sign(type_, "Firma ______________________________", Font::small, w - 2 * kPad);
    sign.draw(cr_, x + kPad, y_ + kBoxH - sign.height() - kPad);
    end_tag("P");
  }
  y_ += kBoxH + 2;
}

std::vector<cairo_surface_t*> Pager::finish() {
  keep_heading(0);
  if (target_) {
    close_tags();
    if (section_tag_) cairo_tag_end(target_, "Sect");
    section_tag_ = false;
    cairo_tag_end(target_, "Document");
    end_page();
    cr_ = nullptr;
    return {};
  }
  if (cr_) cairo_destroy(cr_);
  cr_ = nullptr;
  return std::exchange(pages_, {});
}

void draw_footer(cairo_t* cr, const Typesetter& t, const Document& d, int page, int pages) {
  const double y = kPageHeight - 20;
  rule(cr, kMarginX, y - 3, kMarginX + kBodyWidth, y - 3);
  set_color(cr, kMuted);
  // A draft says so in words too: the watermark is a picture to text extraction.
  Text left(t,
            std::string(d.draft ? "BOZZA – " : "") + d.ente + " – " + d.title +
                " – Data elaborazione " + italian::format_date(d.produced),
            Font::small, kBodyWidth * 0.7);
  Text right(t, "Pagina " + std::to_string(page) + " di " + std::to_string(pages), Font::small,
             kBodyWidth * 0.3, PANGO_ALIGN_RIGHT);
  left.draw(cr, kMarginX, y);
  right.draw(cr, kMarginX + kBodyWidth * 0.7, y);
  if (d.draft) {
    // Light and transparent: the sheet stays readable under it.
    Text mark(t, "BOZZA", Font::watermark, 0);
    cairo_save(cr);
    cairo_translate(cr, kPageWidth / 2, kPageHeight / 2);
    cairo_rotate(cr, -0.5);
    cairo_set_source_rgba(cr, 0.55, 0.1, 0.1, 0.16);
    mark.draw(cr, -mark.width() / 2, -mark.height() / 2);
    cairo_restore(cr);
  }
}

} // namespace traguardi::report::pdf
