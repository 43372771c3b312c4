// The GANTT in the PDF: planned and actual bars per fase on the shared time scale.
#include <algorithm>

#include "report/gantt_layout.h"
#include "report/pdf_pager.h"

namespace traguardi::report::pdf {
namespace {

constexpr double kBandH = 10, kRowH = 15, kLegendH = 14;
constexpr Rgb kPlanned{0.70, 0.79, 0.90};
constexpr Rgb kActual{0.13, 0.33, 0.60};
constexpr Rgb kProgress{0.27, 0.58, 0.30};
constexpr Rgb kReference{0.80, 0.10, 0.10};

void box(cairo_t* cr, double x, double y, double w, double h, Rgb fill) {
  set_color(cr, fill);
  cairo_rectangle(cr, x, y, std::max(w, 0.8), h);
  cairo_fill(cr);
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
    auto item = [&](Rgb c, const std::string& label) {
      box(cr_, x, y + 1, 14, 6, c);
      Text t(type_, label, Font::label, 0);
      set_color(cr_, kInk);
      t.draw(cr_, x + 17, y);
      x += 17 + t.width() + 14;
    };
    item(kPlanned, kLegendPlanned);
    item(kProgress, kLegendProgress);
    item(kActual, kLegendActual);
    if (g.reference) {
      set_color(cr_, kReference);
      cairo_set_line_width(cr_, 1);
      cairo_move_to(cr_, x + 4, y - 1);
      cairo_line_to(cr_, x + 4, y + 9);
      cairo_stroke(cr_);
      Text t(type_, reference_label(g), Font::label, 0);
      set_color(cr_, kInk);
      t.draw(cr_, x + 9, y);
    }
    y_ += kLegendH;
  };

  ensure(axis_h + kRowH * std::min<std::size_t>(g.phases.size(), 3) + kLegendH);
  std::size_t i = 0;
  while (i < g.phases.size()) {
    // As many rows as fit, then the axis again on the next page.
    std::size_t fit = static_cast<std::size_t>(std::max(0.0, (room() - axis_h - kLegendH) / kRowH));
    if (fit == 0) {
      new_page();
      continue;
    }
    const std::size_t end = std::min(g.phases.size(), i + fit);
    axis();
    const double rows_top = y_;
    for (; i < end; ++i) {
      const GanttPhase& p = g.phases[i];
      Text label = Text::single_line(type_, p.label, Font::small, label_w);
      set_color(cr_, kInk);
      label.draw(cr_, kMarginX, y_ + (kRowH - label.height()) / 2);
      set_color(cr_, kRule);
      cairo_set_line_width(cr_, 0.3);
      cairo_move_to(cr_, kMarginX, y_ + kRowH);
      cairo_line_to(cr_, cx + cw, y_ + kRowH);
      cairo_stroke(cr_);
      if (auto s = planned_span(p, g, scale)) {
        const double x0 = cx + s->x0 * cw, w = (s->x1 - s->x0) * cw;
        box(cr_, x0, y_ + 2.5, w, 5, kPlanned);
        if (p.progress) {
          const double f = std::clamp(
              static_cast<double>(p.progress->units()) / Decimal::kScale / 100.0, 0.0, 1.0);
          box(cr_, x0, y_ + 4, w * f, 2, kProgress);
        }
      }
      if (auto s = actual_span(p, g, scale))
        box(cr_, cx + s->x0 * cw, y_ + 8.5, (s->x1 - s->x0) * cw, 4.5, kActual);
      y_ += kRowH;
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
    if (i < g.phases.size()) new_page();
  }
  y_ += 2;
}

} // namespace traguardi::report::pdf
