// Tables in the PDF: measured rows, page breaks between rows, repeated column labels.
#include <algorithm>

#include "report/pdf_pager.h"

namespace traguardi::report::pdf {
namespace {

constexpr double kCellPadX = 2.5, kCellPadY = 1.8;

PangoAlignment align_of(ValueKind k) {
  switch (k) {
  case ValueKind::number:
  case ValueKind::percent:
    return PANGO_ALIGN_RIGHT;
  case ValueKind::date:
    return PANGO_ALIGN_CENTER;
  case ValueKind::text:
    break;
  }
  return PANGO_ALIGN_LEFT;
}

void grid(cairo_t* cr, const std::vector<double>& xs, double y, double h) {
  set_color(cr, kRule);
  cairo_set_line_width(cr, 0.4);
  for (double x : xs) {
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x, y + h);
  }
  cairo_move_to(cr, xs.front(), y + h);
  cairo_line_to(cr, xs.back(), y + h);
  cairo_stroke(cr);
}

} // namespace

void Pager::table(const Table& t) {
  if (t.columns.empty()) return;
  double total = 0;
  for (const auto& c : t.columns)
    total += c.width;
  std::vector<double> xs{kMarginX};
  for (const auto& c : t.columns)
    xs.push_back(xs.back() + kBodyWidth * c.width / total);
  auto inner = [&](std::size_t i) { return xs[i + 1] - xs[i] - 2 * kCellPadX; };

  std::vector<Text> head;
  double head_h = 0;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    head.emplace_back(type_, t.columns[i].header, Font::small_bold, inner(i),
                      align_of(t.columns[i].kind));
    head_h = std::max(head_h, head.back().height());
  }
  head_h += 2 * kCellPadY;
  Text heading_text;
  if (!t.heading.empty()) heading_text = Text(type_, t.heading, Font::heading, kBodyWidth);
  const double heading_h = heading_text.empty() ? 0 : heading_text.height() + 2;

  auto draw_head = [&] {
    if (!heading_text.empty()) {
      set_color(cr_, kAccent);
      begin_tag("H3");
      heading_text.draw(cr_, kMarginX, y_);
      end_tag("H3");
      ++here().headings;
      y_ += heading_h;
    }
    begin_tag("Table"); // again after a page break: each page's part has its header row
    set_color(cr_, kHeaderFill);
    cairo_rectangle(cr_, xs.front(), y_, xs.back() - xs.front(), head_h);
    cairo_fill(cr_);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.4);
    cairo_move_to(cr_, xs.front(), y_);
    cairo_line_to(cr_, xs.back(), y_);
    cairo_stroke(cr_);
    grid(cr_, xs, y_, head_h);
    set_color(cr_, kInk);
    begin_tag("TR");
    for (std::size_t i = 0; i < head.size(); ++i) {
      begin_tag("TH");
      head[i].draw(cr_, xs[i] + kCellPadX, y_ + kCellPadY);
      end_tag("TH");
    }
    end_tag("TR");
    y_ += head_h;
  };

  auto measure_row = [&](const std::vector<Cell>& row, std::vector<Text>& cells) {
    cells.clear();
    double h = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      // Empty cells (many notes, values not measured) need no layout at all.
      if (i >= row.size() || row[i].text.empty()) {
        cells.emplace_back();
        continue;
      }
      cells.emplace_back(type_, row[i].text, Font::small, inner(i), align_of(t.columns[i].kind));
      h = std::max(h, cells.back().height());
    }
    return h + 2 * kCellPadY;
  };

  std::vector<Text> cells, ahead;
  const std::size_t n = t.rows.size();
  double first_h = n == 0 ? 0 : measure_row(t.rows.front(), cells);
  const double second_h = n < 2 ? 0 : measure_row(t.rows[1], ahead);
  std::vector<Text> notes;
  double notes_h = 0;
  for (const auto& note : t.notes) {
    notes.emplace_back(type_, note, Font::small, kBodyWidth);
    notes_h += notes.back().height() + 1 + (notes.size() == 1 ? 10 : 0);
  }
  // Heading and column labels never stand alone: they keep the first two rows (and the legend
  // when nothing else follows).
  double keep = heading_h + head_h + first_h + second_h + (n <= 2 ? notes_h : 0);
  // A short table (up to four rows) is kept whole: split, it would leave one or two rows alone.
  if (n > 2 && n <= 4) {
    for (std::size_t r = 2; r < n; ++r)
      keep += measure_row(t.rows[r], ahead);
    keep += notes_h;
  }
  const double body_room = fresh_room() - heading_h - head_h;
  const bool under_heading = !pending_heading_.empty();
  keep_heading(std::min(keep, fresh_room() - 30));
  if (!under_heading && !at_page_top()) y_ += 6;
  ensure(std::min(keep, fresh_room()));
  draw_head();
  for (std::size_t r = 0; r < n; ++r) {
    const double h = r == 0 ? first_h : measure_row(t.rows[r], cells);
    // The last row never goes alone to a new page: the one before it goes with it. A row that
    // fits a page is never split.
    double need = h;
    if (r + 2 == n && r > 0) {
      measure_row(t.rows[r + 1], ahead);
      double last_h = 0;
      for (const auto& c : ahead)
        last_h = std::max(last_h, c.height());
      last_h += 2 * kCellPadY;
      if (h <= room() && h + last_h + notes_h > room() && h + last_h + notes_h <= body_room)
        need = h + last_h + notes_h;
    }
    if (r + 1 == n && h + notes_h <= body_room) need = std::max(need, h + notes_h);
    if (need > room() && h <= body_room) {
      new_page();
      draw_head();
    }
    // A row taller than a whole page continues on the next one, line by line in every cell.
    std::vector<double> from(cells.size(), 0);
    for (;;) {
      const double avail = room() - 2 * kCellPadY;
      double part = 0;
      std::vector<double> to(cells.size());
      for (std::size_t i = 0; i < cells.size(); ++i) {
        to[i] = cells[i].fit(from[i], avail);
        part = std::max(part, to[i] - from[i]);
      }
      if (part <= 0 && !at_page_top()) {
        new_page();
        draw_head();
        continue;
      }
      part += 2 * kCellPadY;
      set_color(cr_, kInk);
      begin_tag("TR");
      for (std::size_t i = 0; i < cells.size(); ++i) {
        begin_tag("TD");
        cells[i].draw_range(cr_, xs[i] + kCellPadX, y_ + kCellPadY, from[i], to[i]);
        end_tag("TD");
      }
      end_tag("TR");
      grid(cr_, xs, y_, part);
      ++here().rows;
      y_ += part;
      bool done = true;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        from[i] = to[i];
        if (from[i] < cells[i].height() - 0.01) done = false;
      }
      if (done || part <= 2 * kCellPadY) break;
      new_page();
      draw_head();
    }
  }
  end_tag("Table");
  if (!notes.empty()) {
    // A clear gap: readers of the sheet (src/importer) end the table at the first wide gap.
    y_ += 10;
    ensure(notes_h);
    set_color(cr_, kMuted);
    for (const auto& note : notes) {
      begin_tag("P");
      note.draw(cr_, kMarginX, y_);
      end_tag("P");
      y_ += note.height() + 1;
    }
  }
  y_ += 2;
}

} // namespace traguardi::report::pdf
