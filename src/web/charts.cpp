#include "web/charts.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/italian.h"
#include "web/html.h"

namespace traguardi::web {
namespace {

/// Pixels of `v` on a scale where `full` maps to `width` (exact integer arithmetic).
long scale_px(Decimal v, Decimal full, long width) {
  if (full.units() <= 0) return 0;
  __int128 px = static_cast<__int128>(std::max<std::int64_t>(0, v.units())) * width / full.units();
  return static_cast<long>(std::min<__int128>(px, width));
}

std::string shorten(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut;
  return s.substr(0, cut) + "…";
}

} // namespace

std::string percent_bars_svg(const std::string& id, const std::string& title,
                             const std::vector<Bar>& bars) {
  const long label_w = 230, bar_w = 300, row_h = 26, top = 8;
  const long height = top + row_h * static_cast<long>(bars.size()) + 24;
  std::string desc;
  for (const auto& b : bars)
    desc +=
        b.label + ": " + (b.value ? italian::format_percent(*b.value) : "non disponibile") + "; ";
  std::string out = fmt::format(
      "<svg class=\"tg-chart\" role=\"img\" aria-labelledby=\"{0}-t {0}-d\" viewBox=\"0 0 {1} "
      "{2}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{0}-t\">{3}</title><desc "
      "id=\"{0}-d\">{4}</desc>",
      id, label_w + bar_w + 80, height, esc(title), esc(desc));
  long y = top;
  for (const auto& b : bars) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" "
                       "fill=\"#1a1a1a\">{}</text>",
                       label_w - 8, y + 17, esc(shorten(b.label, 34)));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#e6e9f2\"/>",
                       label_w, y + 3, bar_w);
    if (b.value) {
      long w = scale_px(*b.value, Decimal::from_int(100), bar_w);
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#0066cc\"/>",
                         label_w, y + 3, w);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
                       label_w + bar_w + 6, y + 17,
                       esc(b.value ? italian::format_percent(*b.value, 1) : "n.d."));
    y += row_h;
  }
  for (int pct : {0, 50, 100})
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
                       "fill=\"#404040\">{}%</text>",
                       label_w + bar_w * pct / 100, y + 14, pct);
  return out + "</svg>";
}

std::string history_svg(const std::string& id, const std::string& title,
                        const std::vector<Point>& points, std::optional<Decimal> target) {
  const long w = 420, h = 190, left = 60, bottom = 30, top = 24;
  Decimal maxv = target.value_or(Decimal());
  for (const auto& p : points)
    if (p.value) maxv = max(maxv, *p.value);
  if (maxv.units() <= 0) maxv = Decimal::from_int(1);
  std::string desc;
  for (const auto& p : points)
    desc +=
        p.label + ": " + (p.value ? italian::format_number(*p.value) : "non disponibile") + "; ";
  if (target) desc += "valore atteso " + italian::format_number(*target);
  std::string out = fmt::format(
      "<svg class=\"tg-chart\" role=\"img\" aria-labelledby=\"{0}-t {0}-d\" viewBox=\"0 0 {1} "
      "{2}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{0}-t\">{3}</title>"
      "<desc id=\"{0}-d\">{4}</desc>",
      id, w, h, esc(title), esc(desc));
  const long plot_h = h - bottom - top;
  const long n = std::max<long>(1, static_cast<long>(points.size()));
  const long slot = (w - left - 10) / n;
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#404040\"/>", left,
                     h - bottom, w - 10);
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" "
                     "fill=\"#404040\">{}</text>",
                     left - 4, top + 4, esc(italian::format_number(maxv)));
  for (long i = 0; i < static_cast<long>(points.size()); ++i) {
    const auto& p = points[i];
    const long x = left + i * slot + slot / 4;
    if (p.value) {
      long bh = scale_px(*p.value, maxv, plot_h);
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#0066cc\"/>", x,
                         h - bottom - bh, slot / 2, bh);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
                         "fill=\"#1a1a1a\">{}</text>",
                         x + slot / 4, h - bottom - bh - 3, esc(italian::format_number(*p.value)));
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" "
                       "fill=\"#1a1a1a\">{}</text>",
                       x + slot / 4, h - bottom + 16, esc(p.label));
  }
  if (target) {
    long ty = h - bottom - scale_px(*target, maxv, plot_h);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#a61919\" "
                       "stroke-dasharray=\"6 4\" stroke-width=\"2\"/><text x=\"4\" y=\"{3}\" "
                       "font-size=\"11\" text-anchor=\"start\" fill=\"#a61919\">atteso</text>",
                       left, ty, w - 10, ty + 4);
  }
  return out + "</svg>";
}

} // namespace traguardi::web
