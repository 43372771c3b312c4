// The GANTT in the PDF: planned and actual bars per fase on the shared time scale.
#include <algorithm>

#include "report/gantt_layout.h"
#include "report/pdf_pager.h"

namespace traguardi::report::pdf {
namespace {

constexpr double kBandH = 10, kRowH = 20, kLegendH = 14;
// Planned, progress and actual differ in lightness and shape (outline, half fill, solid), so
// the three stay apart in greyscale and at 60 dpi.
constexpr Rgb kPlannedFill{1, 1, 1};
constexpr Rgb kPlannedLine{0.10, 0.16, 0.30};
constexpr Rgb kProgress{0.62, 0.68, 0.78};
constexpr Rgb kActual{0.09, 0.17, 0.36};
constexpr Rgb kReference{0.80, 0.10, 0.10};

void box(cairo_t* cr, double x, double y, double w, double h, Rgb fill) {
  set_color(cr, fill);
  cairo_rectangle(cr, x, y, std::max(w, 0.8), h);
  cairo_fill(cr);
}

void outline(cairo_t* cr, double x, double y, double w, double h, Rgb line) {
  set_color(cr, line);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, x, y, std::max(w, 0.8), h);
  cairo_stroke(cr);
}

/// Planned bar: an outline filled with the progress share; actual bar: solid, below it.
void bars(cairo_t* cr, const GanttPhase& p, const Gantt& g, const TimeScale& scale, double cx,
          double cw, double y) {
  if (auto s = planned_span(p, g, scale)) {
    const double x0 = cx + s->x0 * cw, w = (s->x1 - s->x0) * cw;
    box(cr, x0, y + 3, w, 6, kPlannedFill);
    if (p.progress) {
      const double f =
          std::clamp(static_cast<double>(p.progress->units()) / Decimal::kScale / 100.0, 0.0, 1.0);
      box(cr, x0, y + 3, w * f, 6, kProgress);
    }
    outline(cr, x0, y + 3, w, 6, kPlannedLine);
  }
  if (auto s = actual_span(p, g, scale)) {
    box(cr, cx + s->x0 * cw, y + 11, (s->x1 - s->x0) * cw, 5, kActual);
    if (s->open_end) { // still open: an arrow head says it goes on
      const double x = cx + s->x1 * cw;
      set_color(cr, kActual);
      cairo_move_to(cr, x, y + 9.5);
      cairo_line_to(cr, x + 4, y + 13.5);
      cairo_line_to(cr, x, y + 17.5);
      cairo_close_path(cr);
      cairo_fill(cr);
    }
  }
}

} // namespace

void Pager::gantt(const Gantt& g) {
  const TimeScale scale = make_time_scale(g);
  if (scale.empty) {
    paragraph(Paragraph{"", "Nessuna data delle fasi disponibile per il GANTT.", false});
    return;
  }
  const double label_w = kBodyWidth * 0.28;
  const double cx = kMarginX + label_w + 6, cw = kBodyWidth - label_w - 6;
  const double axis_h = kBandH * (scale.units.empty() ? 1 : 2);

  auto axis = [&] {
    auto band = [&](const std::vector<TimeBand>& bands, double y) {
      for (const auto& b : bands) {
        const double x0 = cx + b.x0 * cw, x1 = cx + b.x1 * cw;
        set_color(cr_, kHeaderFill);
        cairo_rectangle(cr_, x0, y, x1 - x0, kBandH);
        cairo_fill(cr_);
        set_color(cr_, kRule);
        cairo_set_line_width(cr_, 0.4);
        cairo_rectangle(cr_, x0, y, x1 - x0, kBandH);
        cairo_stroke(cr_);
        Text label = Text::single_line(type_, b.label, Font::label, std::max(x1 - x0 - 2, 1.0),
                                       PANGO_ALIGN_CENTER);
        set_color(cr_, kInk);
        label.draw(cr_, x0 + 1, y + (kBandH - label.height()) / 2);
      }
    };
    band(scale.years, y_);
    if (!scale.units.empty()) band(scale.units, y_ + kBandH);
    y_ += axis_h;
  };

  auto legend = [&] {
    double x = cx;
    const double y = y_ + 3;
    auto label = [&](const std::string& text) {
      Text t(type_, text, Font::label, 0);
      set_color(cr_, kInk);
      t.draw(cr_, x + 17, y);
      x += 17 + t.width() + 14;
    };
    box(cr_, x, y + 1, 14, 6, kPlannedFill);
    outline(cr_, x, y + 1, 14, 6, kPlannedLine);
    label(std::string(kLegendPlanned) + " (contorno)");
    box(cr_, x, y + 1, 14, 6, kProgress);
    outline(cr_, x, y + 1, 14, 6, kPlannedLine);
    label(std::string(kLegendProgress) + " (riempimento del previsto)");
    box(cr_, x, y + 1.5, 14, 5, kActual);
    label(std::string(kLegendActual) + " (barra piena; ▸ fase ancora aperta)");
    if (g.reference) {
      set_color(cr_, kReference);
      cairo_set_line_width(cr_, 1);
      cairo_move_to(cr_, x + 4, y - 1);
      cairo_line_to(cr_, x + 4, y + 9);
      cairo_stroke(cr_);
      x -= 8;
      label(reference_label(g));
    }
    y_ += kLegendH;
  };

  // Labels wrap in their column: a long fase name makes its row taller, never cut.
  std::vector<Text> labels;
  std::vector<double> heights;
  for (const auto& p : g.phases) {
    labels.emplace_back(type_, p.label, Font::small, label_w);
    heights.push_back(std::max(kRowH, labels.back().height() + 4));
  }
  double first = 0;
  for (std::size_t k = 0; k < g.phases.size() && k < 3; ++k)
    first += heights[k];
  keep_heading(axis_h + first + kLegendH);
  ensure(axis_h + first + kLegendH);
  std::size_t i = 0;
  while (i < g.phases.size()) {
    // As many rows as fit, then the axis again on the next page.
    std::size_t end = i;
    for (double used = axis_h + kLegendH; end < g.phases.size() && used + heights[end] <= room();)
      used += heights[end++];
    if (end == i) {
      if (at_page_top())
        end = i + 1; // a row taller than a page: draw it anyway
      else {
        new_page();
        continue;
      }
    }
    // Never leave a single fase alone on the next page.
    if (end + 1 == g.phases.size() && end - i >= 3) --end;
    begin_tag("Figure"); // the chart of this page: its fase labels are read as its text
    axis();
    const double rows_top = y_;
    for (; i < end; ++i) {
      const GanttPhase& p = g.phases[i];
      set_color(cr_, kInk);
      labels[i].draw(cr_, kMarginX, y_ + (heights[i] - labels[i].height()) / 2);
      set_color(cr_, kRule);
      cairo_set_line_width(cr_, 0.3);
      cairo_move_to(cr_, kMarginX, y_ + heights[i]);
      cairo_line_to(cr_, cx + cw, y_ + heights[i]);
      cairo_stroke(cr_);
      bars(cr_, p, g, scale, cx, cw, y_ + (heights[i] - kRowH) / 2);
      ++here().gantt_rows;
      y_ += heights[i];
    }
    if (g.reference && *g.reference >= scale.from && *g.reference <= scale.to) {
      const double x = cx + scale.after(*g.reference) * cw;
      set_color(cr_, kReference);
      cairo_set_line_width(cr_, 0.9);
      cairo_move_to(cr_, x, rows_top - axis_h);
      cairo_line_to(cr_, x, y_);
      cairo_stroke(cr_);
    }
    legend();
    end_tag("Figure");
    if (i < g.phases.size()) new_page();
  }
  y_ += 2;
}

} // namespace traguardi::report::pdf
