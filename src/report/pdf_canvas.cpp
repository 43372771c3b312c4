#include "report/pdf_canvas.h"

#include <utility>

namespace traguardi::report::pdf {

void set_color(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

Typesetter::Typesetter() {
  PangoFontMap* map = pango_cairo_font_map_get_default(); // per thread, owned by Pango
  context_ = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(context_, 72);
  // Unhinted metrics: what is measured here is exactly what the PDF shows at any zoom.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  const char* specs[] = {"DejaVu Sans 7.5",      "DejaVu Sans Bold 7.5", "DejaVu Sans 6.8",
                         "DejaVu Sans Bold 6.8", "DejaVu Sans 6",        "DejaVu Sans Bold 8.5",
                         "DejaVu Sans Bold 16",  "DejaVu Sans Bold 9",   "DejaVu Sans Bold 120"};
  for (int i = 0; i < 9; ++i)
    fonts_[i] = pango_font_description_from_string(specs[i]);
}

Typesetter::~Typesetter() {
  for (auto* f : fonts_)
    pango_font_description_free(f);
  g_object_unref(context_);
}

Text::Text(const Typesetter& t, std::string_view text, Font font, double width,
           PangoAlignment align) {
  layout_ = pango_layout_new(t.context());
  pango_layout_set_font_description(layout_, t.font(font));
  if (width > 0) {
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout_, align);
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
  measure();
}

Text Text::single_line(const Typesetter& t, std::string_view text, Font font, double width,
                       PangoAlignment align) {
  Text out(t, text, font, width, align);
  pango_layout_set_ellipsize(out.layout_, PANGO_ELLIPSIZE_END);
  pango_layout_set_height(out.layout_, -1); // -1 = one line per paragraph, ellipsized
  out.measure();
  return out;
}

Text Text::with_lead(const Typesetter& t, std::string_view lead, std::string_view text,
                     double width) {
  std::string all = std::string(lead) + " " + std::string(text);
  Text out(t, all, Font::body, width);
  PangoAttrList* attrs = pango_attr_list_new();
  PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = static_cast<unsigned>(lead.size());
  pango_attr_list_insert(attrs, bold);
  pango_layout_set_attributes(out.layout_, attrs);
  pango_attr_list_unref(attrs);
  out.measure();
  return out;
}

Text::~Text() {
  if (layout_) g_object_unref(layout_);
}

Text::Text(Text&& o) noexcept
    : layout_(std::exchange(o.layout_, nullptr)), height_(o.height_), width_(o.width_) {}

Text& Text::operator=(Text&& o) noexcept {
  if (this != &o) {
    if (layout_) g_object_unref(layout_);
    layout_ = std::exchange(o.layout_, nullptr);
    height_ = o.height_;
    width_ = o.width_;
  }
  return *this;
}

void Text::measure() {
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  width_ = static_cast<double>(w) / PANGO_SCALE;
  height_ = static_cast<double>(h) / PANGO_SCALE;
}

void Text::draw(cairo_t* cr, double x, double y) const {
  if (!layout_) return;
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_);
}

namespace {

// Calls `f(iter, top, bottom)` for each line of the layout that starts at or below `from`
// (points from the layout's top) and ends by `to`; the first line past `to` stops the walk.
// fit() and draw_range() share it so that what is measured is exactly what is drawn.
template <typename F> void each_line_between(PangoLayout* layout, double from, double to, F f) {
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double bottom = static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
    if (top + 0.01 < from) continue;
    if (bottom > to + 0.01) break;
    f(it, logical, bottom);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

} // namespace

double Text::fit(double from, double room) const {
  if (!layout_) return from;
  double best = from;
  each_line_between(layout_, from, from + room,
                    [&](PangoLayoutIter*, const PangoRectangle&, double bottom) { best = bottom; });
  return best;
}

void Text::draw_range(cairo_t* cr, double x, double y, double from, double to) const {
  if (!layout_) return;
  each_line_between(
      layout_, from, to, [&](PangoLayoutIter* it, const PangoRectangle& logical, double) {
        const double baseline =
            static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + baseline - from);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
      });
}

} // namespace traguardi::report::pdf
