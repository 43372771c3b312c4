#include "report/svg_gantt.h"
#include <charconv>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/html_escape.h"
#include "core/italian.h"
#include "report/gantt_layout.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

constexpr double kWidth = 1000, kLabelW = 300, kChartX = kLabelW + 8, kChartW = kWidth - kChartX;
constexpr double kBandH = 16, kRowH = 22, kLegendH = 24;

std::string num(double v) {
  // Drawing coordinates, not figures: binary floating point is fine here. to_chars gives the
  // same digits as "%.2f" without printf's locale and parsing cost (a page draws hundreds).
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string rect(double x, double y, double w, double h, const char* cls) {
  return "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
         "\" width=\"" + num(w < 1 ? 1 : w) + "\" height=\"" + num(h) + "\"/>";
}

std::string text(double x, double y, const std::string& t, const char* cls) {
  return "<text class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\">" +
         html_escape(t) + "</text>";
}

/// Greedy word wrap by characters: SVG text does not wrap by itself, and a fase name is never cut.
std::vector<std::string> wrap(const std::string& t, std::size_t width) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t end = t.find(' ', start);
    if (end == std::string::npos) end = t.size();
    const std::string word = t.substr(start, end - start);
    if (!lines.back().empty() && utf8_length(lines.back()) + 1 + utf8_length(word) > width)
      lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return lines;
}

std::string dates(const std::optional<Date>& a, const std::optional<Date>& b) {
  auto f = [](const std::optional<Date>& d) { return d ? italian::format_date(*d) : "—"; };
  return f(a) + " – " + f(b);
}

} // namespace

std::string render_svg_gantt(const Gantt& g, const std::string& title, const std::string& id) {
  const TimeScale s = make_time_scale(g);
  if (s.empty) return "<p>Nessuna data delle fasi disponibile per il GANTT.</p>";
  const double axis_h = kBandH * (s.units.empty() ? 1 : 2);
  std::vector<std::vector<std::string>> labels;
  double rows_h = 0;
  for (const auto& p : g.phases) {
    labels.push_back(wrap(p.label, 46));
    rows_h += std::max(kRowH, 13.0 * static_cast<double>(labels.back().size()) + 6);
  }
  const double height = axis_h + rows_h + kLegendH;
  std::string out = "<svg class=\"tg-gantt\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
                    "viewBox=\"0 0 " +
                    num(kWidth) + " " + num(height) + "\" aria-labelledby=\"";
  out += id + "-t " + id + "-d\"><title id=\"" + id + "-t\">" + html_escape(title) + "</title>";
  // The description lets a screen reader get what the bars show.
  std::string desc;
  for (const auto& p : g.phases) {
    desc += p.label + ": previsto " + dates(p.planned_start, p.planned_end) + ", effettivo " +
            dates(p.actual_start, p.actual_end);
    if (p.progress) desc += ", avanzamento " + italian::format_percent(*p.progress);
    desc += ". ";
  }
  if (g.reference) desc += reference_label(g) + ".";
  out += "<desc id=\"" + id + "-d\">" + html_escape(desc) + "</desc>";

  auto band = [&](const std::vector<TimeBand>& bands, double y) {
    for (const auto& b : bands) {
      const double x0 = kChartX + b.x0 * kChartW, w = (b.x1 - b.x0) * kChartW;
      out += rect(x0, y, w, kBandH, "tg-g-band");
      if (w > 18) out += text(x0 + w / 2, y + kBandH - 4.5, b.label, "tg-g-axis");
    }
  };
  band(s.years, 0);
  if (!s.units.empty()) band(s.units, kBandH);
  double y = axis_h;
  for (std::size_t k = 0; k < g.phases.size(); ++k) {
    const GanttPhase& p = g.phases[k];
    const double row_h = std::max(kRowH, 13.0 * static_cast<double>(labels[k].size()) + 6);
    out += "<g><title>" + html_escape(p.label) + "</title>";
    for (std::size_t l = 0; l < labels[k].size(); ++l)
      out += text(0, y + 14 + 13.0 * static_cast<double>(l), labels[k][l], "tg-g-label");
    out += "<line class=\"tg-g-rule\" x1=\"0\" x2=\"" + num(kWidth) + "\" y1=\"" + num(y + row_h) +
           "\" y2=\"" + num(y + row_h) + "\"/>";
    const double top = y + (row_h - kRowH) / 2;
    if (auto b = planned_span(p, g, s)) {
      const double x0 = kChartX + b->x0 * kChartW, w = (b->x1 - b->x0) * kChartW;
      out += rect(x0, top + 3, w, 8, "tg-g-planned");
      if (p.progress) {
        double f = static_cast<double>(p.progress->units()) / Decimal::kScale / 100.0;
        f = f < 0 ? 0 : (f > 1 ? 1 : f);
        out += rect(x0, top + 3, w * f, 8, "tg-g-progress");
        out += rect(x0, top + 3, w, 8, "tg-g-outline");
      }
    }
    if (auto b = actual_span(p, g, s))
      out += rect(kChartX + b->x0 * kChartW, top + 13, (b->x1 - b->x0) * kChartW, 7, "tg-g-actual");
    out += "</g>";
    y += row_h;
  }
  if (g.reference && *g.reference >= s.from && *g.reference <= s.to) {
    const double x = kChartX + s.after(*g.reference) * kChartW;
    out += "<line class=\"tg-g-reference\" x1=\"" + num(x) + "\" x2=\"" + num(x) +
           "\" y1=\"0\" y2=\"" + num(y) + "\"/>";
  }
  double x = kChartX;
  const double ly = y + 8;
  auto item = [&](const char* cls, const std::string& label) {
    out += rect(x, ly, 18, 8, cls);
    out += text(x + 22, ly + 8, label, "tg-g-legend");
    x += 22 + 7.0 * static_cast<double>(utf8_length(label)) + 18;
  };
  item("tg-g-planned", std::string(kLegendPlanned) + " (contorno)");
  item("tg-g-progress", std::string(kLegendProgress) + " (riempimento del previsto)");
  item("tg-g-actual", std::string(kLegendActual) + " (barra piena)");
  if (g.reference) {
    out += "<line class=\"tg-g-reference\" x1=\"" + num(x + 4) + "\" x2=\"" + num(x + 4) +
           "\" y1=\"" + num(ly - 2) + "\" y2=\"" + num(ly + 10) + "\"/>";
    out += text(x + 10, ly + 8, reference_label(g), "tg-g-legend");
  }
  out += "</svg>";
  return out;
}

} // namespace traguardi::report
