#include "report/pdf_language.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <optional>

namespace traguardi::report {
namespace {

Error broken(const std::string& what) {
  return Error{ErrorKind::internal, "PDF non riconosciuto (" + what + "): lingua non aggiunta", ""};
}

/// The integer after `key` (e.g. "/Root") inside `text`, skipping blanks.
std::optional<long long> number_after(std::string_view text, std::string_view key) {
  const std::size_t at = text.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t p = at + key.size();
  while (p < text.size() && (text[p] == ' ' || text[p] == '\n' || text[p] == '\r'))
    ++p;
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data() + p, text.data() + text.size(), v);
  if (ec != std::errc() || end == text.data() + p) return std::nullopt;
  return v;
}

/// Where "N 0 obj" starts at the beginning of a line.
std::optional<std::size_t> object_offset(std::string_view pdf, long long n) {
  const std::string head = fmt::format("{} 0 obj", n);
  for (std::size_t p = pdf.rfind(head); p != std::string_view::npos;
       p = p == 0 ? std::string_view::npos : pdf.rfind(head, p - 1))
    if (p == 0 || pdf[p - 1] == '\n' || pdf[p - 1] == '\r') return p;
  return std::nullopt;
}

} // namespace

Result<std::string> with_document_language(std::string pdf, std::string_view language) {
  const std::string_view all(pdf);
  const std::size_t trailer_at = all.rfind("trailer");
  const std::size_t startxref_at = all.rfind("startxref");
  if (trailer_at == std::string_view::npos || startxref_at == std::string_view::npos ||
      startxref_at < trailer_at)
    return tl::unexpected(broken("trailer"));
  const std::string_view trailer = all.substr(trailer_at, startxref_at - trailer_at);
  const auto root = number_after(trailer, "/Root");
  const auto size = number_after(trailer, "/Size");
  const auto prev = number_after(all.substr(startxref_at), "startxref");
  if (!root || !size || !prev) return tl::unexpected(broken("trailer"));
  const auto at = object_offset(all, *root);
  if (!at) return tl::unexpected(broken("catalogo"));
  const std::size_t open = all.find("<<", *at), end = all.find("endobj", *at);
  const std::size_t close = end == std::string_view::npos ? end : all.rfind(">>", end);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return tl::unexpected(broken("catalogo"));
  // A copy: `pdf` grows below, which may move the bytes `all` points into.
  const std::string entries(all.substr(open + 2, close - open - 2));
  if (entries.find("/Lang") != std::string::npos) return pdf;
  // The text string is written literally: the tag is ASCII letters, digits and '-'.
  for (char c : language)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
      return tl::unexpected(broken("codice di lingua"));

  std::string info;
  if (const auto i = number_after(trailer, "/Info")) info = fmt::format(" /Info {} 0 R", *i);
  if (!pdf.empty() && pdf.back() != '\n') pdf += '\n'; // the new object starts a line
  const std::size_t catalog_at = pdf.size();
  std::string update =
      fmt::format("{} 0 obj\n<<{}   /Lang ({})\n>>\nendobj\n", *root, entries, language);
  const std::size_t xref_at = catalog_at + update.size();
  update += fmt::format("xref\n{} 1\n{:010d} 00000 n \n", *root, catalog_at);
  update += fmt::format("trailer\n<< /Size {} /Root {} 0 R{} /Prev {} >>\nstartxref\n{}\n%%EOF\n",
                        *size, *root, info, *prev, xref_at);
  pdf += update;
  return pdf;
}

} // namespace traguardi::report
