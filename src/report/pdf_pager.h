// Pagination of a sheet: page band, repeated objective header, body cursor, footer.
//
// Every page of an objective re-prints its header block and tables re-print their column
// labels after a break (seed-spec §3.1.1). The "Pagina N di M" footer needs M, so a document is
// laid out twice: first into cairo recording surfaces (on several threads) to count the pages,
// then directly onto the PDF surface with the footers, now that M is known. Only the second
// pass tags the content for screen readers (headings, paragraphs, tables with header cells,
// figures, in reading order): cairo 1.16 loses the structure tags of content replayed from a
// recording surface. The block drawers (paragraphs, tables, GANTT) only ask the pager for room
// and name the structure of what they draw (begin_tag / end_tag).
#pragma once

#include <cairo.h>

#include <vector>

#include "report/document.h"
#include "report/pdf_canvas.h"
#include "report/pdf_renderer.h"

namespace traguardi::report::pdf {

inline constexpr double kPageWidth = 841.89; // A4 landscape, points
inline constexpr double kPageHeight = 595.28;
inline constexpr double kMarginX = 28;
inline constexpr double kBodyWidth = kPageWidth - 2 * kMarginX;
inline constexpr double kBodyBottom = kPageHeight - 30;

class Pager {
public:
  /// Lays out into recording surfaces (finish() returns them), untagged.
  Pager(const Document& d, const Typesetter& t);
  /// Draws directly onto `target` (a PDF surface's context): tagged, each page ended with its
  /// footer "Pagina N di `pages`" (the count of the recorded pass).
  Pager(const Document& d, const Typesetter& t, cairo_t* target, int pages);
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

  void cover();
  /// Starts a section on a new page.
  void begin_section(const Section& s);
  void new_page();

  cairo_t* cr() const { return cr_; }
  const Typesetter& type() const { return type_; }
  double y() const { return y_; }
  void advance(double dy) { y_ += dy; }
  double room() const { return kBodyBottom - y_; }
  /// Room on a page that has nothing but its header.
  double fresh_room() const { return fresh_room_; }
  /// Breaks the page unless `h` points fit (or the page is still empty).
  void ensure(double h);
  bool at_page_top() const { return y_ <= body_top_ + 0.01; }

  /// A heading is held back until the block under it knows how much room its first lines need
  /// (keep_heading), so a heading never ends a page alone.
  void heading(const Heading& h);
  /// Draws a held heading, breaking the page first unless it fits with `first_content` points.
  void keep_heading(double first_content);
  void paragraph(const Paragraph& p);
  void table(const Table& t);
  void gantt(const Gantt& g);
  /// Signature boxes of the responsabile, the controllo di gestione and the OIV.
  void sign_off(const SignOff& s);

  /// What each page holds so far (pdf_renderer.h PageContent).
  const std::vector<PageContent>& contents() const { return contents_; }
  PageContent& here() { return contents_.back(); }

  /// Structure of what is drawn next (PDF tags: "H2", "P", "Table", "TR", "TH", "TD",
  /// "Figure"); nothing on recorded pages. A page break closes the tags still open: a table
  /// continued on the next page is a table of its own there, with its header row.
  void begin_tag(const char* name);
  /// Closes `name` if it is the innermost open tag (a page break may have closed it already).
  void end_tag(const char* name);

  /// Ends the last page and returns the recorded pages (the caller owns them; none when
  /// drawing onto a target).
  std::vector<cairo_surface_t*> finish();

private:
  /// The objective header laid out once per section and drawn on each of its pages.
  struct HeaderCell {
    double x = 0;
    Text label, value;
  };
  struct HeaderRow {
    double height = 0;
    std::vector<HeaderCell> cells;
  };

  void band();
  /// Closes the open tags and, on a target, ends the page with its footer.
  void end_page();
  void close_tags();
  void lay_out_header(const HeaderBlock& h);
  double draw_header();

  const Document& doc_;
  const Typesetter& type_;
  const Section* section_ = nullptr;
  Text band_ente_, band_title_;
  std::vector<HeaderRow> header_;
  std::vector<cairo_surface_t*> pages_;
  std::vector<PageContent> contents_;
  bool section_start_ = false;
  Text pending_heading_;
  cairo_t* cr_ = nullptr;
  cairo_t* target_ = nullptr; // direct, tagged drawing (second pass)
  int pages_total_ = 0, page_no_ = 0;
  bool section_tag_ = false;
  std::vector<const char*> open_tags_;
  double y_ = 0, body_top_ = 0, fresh_room_ = 0;
};

/// Footer "Data elaborazione … / Pagina N di M" on a finished page, and the "BOZZA" watermark
/// of a draft.
void draw_footer(cairo_t* cr, const Typesetter& t, const Document& d, int page, int pages);

} // namespace traguardi::report::pdf
