#include "report/pdf_renderer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <thread>

#include "io/output_file.h"
#include "report/pdf_language.h"
#include "report/pdf_pager.h"

namespace traguardi::report {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// Sections [from, to), preceded by the cover when asked, onto the pager's pages.
void draw_sections(pdf::Pager& pager, const Document& d, std::size_t from, std::size_t to,
                   bool cover) {
  if (cover) pager.cover();
  for (std::size_t s = from; s < to; ++s) {
    const Section& section = d.sections[s];
    pager.begin_section(section);
    for (std::size_t i = 0; i < section.blocks.size(); ++i) {
      const Block& b = section.blocks[i];
      if (const auto* h = std::get_if<Heading>(&b))
        pager.heading(*h);
      else if (const auto* p = std::get_if<Paragraph>(&b))
        pager.paragraph(*p);
      else if (const auto* t = std::get_if<Table>(&b))
        pager.table(*t);
      else if (const auto* g = std::get_if<Gantt>(&b))
        pager.gantt(*g);
    }
    if (d.sign_off) pager.sign_off(*d.sign_off);
  }
}

/// Lays out sections [from, to), preceded by the cover when asked, into recorded pages.
std::vector<cairo_surface_t*> lay_out(const Document& d, std::size_t from, std::size_t to,
                                      bool cover) {
  pdf::Typesetter type; // one per thread: Pango's default font map is per thread
  pdf::Pager pager(d, type);
  draw_sections(pager, d, from, to, cover);
  return pager.finish();
}

/// Every objective starts on a new page, so contiguous runs of sections can be laid out on
/// separate threads and their pages concatenated; the result does not depend on the split.
std::vector<cairo_surface_t*> lay_out_pages(const Document& d, int threads) {
  std::size_t n = threads > 0 ? static_cast<std::size_t>(threads)
                              : std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
  if (d.sections.size() < 16) n = 1; // not worth a thread
  n = std::min(n, std::max<std::size_t>(1, d.sections.size()));
  std::vector<std::vector<cairo_surface_t*>> parts(n);
  std::vector<std::exception_ptr> errors(n);
  auto work = [&](std::size_t k) {
    try {
      const std::size_t from = d.sections.size() * k / n, to = d.sections.size() * (k + 1) / n;
      parts[k] = lay_out(d, from, to, k == 0);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t k = 1; k < n; ++k)
    pool.emplace_back(work, k);
  work(0);
  for (auto& t : pool)
    t.join();
  std::vector<cairo_surface_t*> pages;
  for (auto& part : parts)
    pages.insert(pages.end(), part.begin(), part.end());
  for (auto& e : errors) {
    if (!e) continue;
    for (auto* p : pages)
      cairo_surface_destroy(p);
    std::rethrow_exception(e);
  }
  return pages;
}

} // namespace

std::vector<PageContent> pdf_page_contents(const Document& d) {
  pdf::Typesetter type;
  pdf::Pager pager(d, type);
  draw_sections(pager, d, 0, d.sections.size(), true);
  std::vector<PageContent> out = pager.contents();
  for (auto* p : pager.finish())
    cairo_surface_destroy(p);
  return out;
}

Result<std::string> render_pdf(const Document& d, int threads) {
  // First pass: the page count, for "Pagina N di M" (pdf_pager.h explains the two passes).
  std::vector<cairo_surface_t*> recorded = lay_out_pages(d, threads);
  const int total = static_cast<int>(recorded.size());
  for (auto* p : recorded)
    cairo_surface_destroy(p);

  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append, &bytes, pdf::kPageWidth, pdf::kPageHeight);
  // A fixed creation date makes the file byte-reproducible (STACK.md §A.8).
  const std::string when = d.produced.iso() + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, when.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (d.title + " – " + d.ente).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "traguardi");
  cairo_t* cr = cairo_create(surface);
  std::size_t drawn = 0;
  {
    // Second pass: straight onto the PDF surface, tagged, with the footers.
    const pdf::Typesetter type;
    pdf::Pager pager(d, type, cr, total);
    draw_sections(pager, d, 0, d.sections.size(), true);
    pager.finish();
    drawn = pager.contents().size();
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return fail(std::string("Impossibile generare il PDF: ") + cairo_status_to_string(status), "",
                ErrorKind::internal);
  if (drawn != static_cast<std::size_t>(total))
    return fail("Impossibile generare il PDF: le due impaginazioni non coincidono", "",
                ErrorKind::internal);
  // The document language, which cairo cannot set: screen readers choose their voice by it.
  return with_document_language(std::move(bytes), "it-IT");
}

Result<void> write_pdf(const Document& d, const std::string& path, int threads) {
  auto bytes = render_pdf(d, threads);
  if (!bytes) return tl::unexpected(bytes.error());
  return io::write_file_atomically(path, std::string_view(bytes->data(), bytes->size()));
}

} // namespace traguardi::report
