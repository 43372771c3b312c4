// Pango text and cairo pages for the PDF renderer: measuring before drawing.
//
// A sheet must know how tall a wrapped cell or paragraph is before it decides where a page
// breaks (STACK.md §A.8), and long narratives must continue on the next page line by line.
// These helpers wrap PangoLayout with that in mind: one shared PangoContext at 72 dpi without
// hinting (so points measured are points printed), RAII for the GObject references, and
// drawing of a range of lines of a layout.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>

namespace traguardi::report::pdf {

struct Rgb {
  double r, g, b;
};
void set_color(cairo_t* cr, Rgb c);

inline constexpr Rgb kInk{0.08, 0.08, 0.1};
inline constexpr Rgb kMuted{0.35, 0.37, 0.42};
inline constexpr Rgb kAccent{0.09, 0.23, 0.45};
inline constexpr Rgb kRule{0.62, 0.64, 0.68};
inline constexpr Rgb kHeaderFill{0.88, 0.91, 0.96};

enum class Font { body, bold, small, small_bold, label, heading, title, band, watermark };

/// Fonts and the Pango context shared by every layout of one document.
class Typesetter {
public:
  Typesetter();
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  PangoContext* context() const { return context_; }
  const PangoFontDescription* font(Font f) const { return fonts_[static_cast<int>(f)]; }

private:
  PangoContext* context_ = nullptr;
  PangoFontDescription* fonts_[9] = {};
};

/// A laid-out block of text. Sizes are in points.
class Text {
public:
  Text() = default;
  /// Wraps at `width` points; width <= 0 means one unbounded line.
  Text(const Typesetter& t, std::string_view text, Font font, double width,
       PangoAlignment align = PANGO_ALIGN_LEFT);
  /// One line, ellipsized at the end when wider than `width`.
  static Text single_line(const Typesetter& t, std::string_view text, Font font, double width,
                          PangoAlignment align = PANGO_ALIGN_LEFT);
  /// Bold `lead` followed by regular `text` in the same wrapped block.
  static Text with_lead(const Typesetter& t, std::string_view lead, std::string_view text,
                        double width);
  ~Text();
  Text(Text&& o) noexcept;
  Text& operator=(Text&& o) noexcept;
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  double height() const { return height_; }
  double width() const { return width_; }
  bool empty() const { return layout_ == nullptr; }

  void draw(cairo_t* cr, double x, double y) const;
  /// The largest line boundary b with from < b <= from + room (in layout points); `from` when
  /// not even one line fits.
  double fit(double from, double room) const;
  /// Draws the lines between layout offsets [from, to) with `from` placed at page y `y`.
  void draw_range(cairo_t* cr, double x, double y, double from, double to) const;

private:
  void measure();
  PangoLayout* layout_ = nullptr;
  double height_ = 0, width_ = 0;
};

} // namespace traguardi::report::pdf
