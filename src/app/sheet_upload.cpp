#include "app/sheet_upload.h"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include "core/utf8.h"

namespace traguardi::app {
namespace {

Error upload_error(std::string message) {
  return Error{ErrorKind::invalid_input, std::move(message), "file"};
}

std::string size_text(std::size_t bytes) {
  if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

/// Text as the importer reads it: no NUL and few C0 control characters (extractions carry
/// form feeds and tabs, binary files carry many controls).
bool looks_like_text(std::string_view b) {
  if (b.find('\0') != std::string_view::npos) return false;
  std::size_t controls = 0;
  for (unsigned char c : b)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  return controls * 100 <= b.size();
}

} // namespace

Result<void> check_sheet_upload(const SheetUpload& u) {
  if (u.bytes.empty())
    return tl::unexpected(upload_error("nessun file caricato, oppure il file è vuoto: scegliere "
                                       "il testo estratto di una scheda"));
  if (u.bytes.size() > kMaxSheetUploadBytes)
    return tl::unexpected(upload_error(
        fmt::format("il file «{}» è troppo grande ({}): il massimo accettato è {}", u.name,
                    size_text(u.bytes.size()), size_text(kMaxSheetUploadBytes))));
  if (u.bytes.starts_with("%PDF"))
    return tl::unexpected(upload_error(fmt::format(
        "il file «{}» è un PDF: caricare il testo estratto (per esempio con «pdftotext -layout») "
        "oppure importare il PDF da riga di comando con «traguardi import-sheet»",
        u.name)));
  if (!looks_like_text(u.bytes))
    return tl::unexpected(upload_error(fmt::format(
        "il file «{}» non è un file di testo: caricare l'estrazione in testo (.txt) di una "
        "scheda obiettivi o di una scheda PEG",
        u.name)));
  return {};
}

std::string upload_display_name(std::string_view client_name) {
  auto slash = client_name.find_last_of("/\\");
  if (slash != std::string_view::npos) client_name.remove_prefix(slash + 1);
  std::string out;
  for (unsigned char c : client_name)
    if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
  if (!utf8::valid(out)) out = utf8::from_windows1252(out);
  if (out.size() > 120) {
    std::size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
      --cut;
    out.resize(cut);
  }
  return out.empty() ? "scheda.txt" : out;
}

std::string seal_sheet_upload(const SheetUpload& u, std::string_view secret) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium non inizializzabile");
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
  crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key, sizeof key);
  // Lengths first, so that no two (name, bytes) pairs hash the same text.
  const std::string head =
      fmt::format("traguardi-scheda-v1\n{}\n{}\n{}{}\n", u.name.size(), u.bytes.size(),
                  u.partial ? 'P' : '-', u.overwrite ? 'S' : '-');
  auto feed = [&](std::string_view v) {
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(v.data()), v.size());
  };
  feed(head);
  feed(u.name);
  feed(u.bytes);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

bool sheet_upload_seal_matches(const SheetUpload& u, std::string_view secret,
                               std::string_view seal) {
  const std::string expected = seal_sheet_upload(u, secret);
  return seal.size() == expected.size() &&
         sodium_memcmp(seal.data(), expected.data(), expected.size()) == 0;
}

std::string encode_base64(std::string_view bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium non inizializzabile");
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1); // the terminating NUL
  return out;
}

Result<std::string> decode_base64(std::string_view text) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium non inizializzabile");
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), "\r\n ", &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return fail("il contenuto del file non è leggibile (base64 non valido): caricare di nuovo "
                "il file",
                "contenuto");
  out.resize(len);
  return out;
}

Result<SheetImportOutcome> import_sheet_upload(Session& s, const SheetUpload& u, bool dry_run) {
  if (auto ok = check_sheet_upload(u); !ok) return tl::unexpected(ok.error());
  if (s.ente.empty()) return fail("ente di destinazione non indicato", "ente");
  SheetImportOptions opt;
  opt.texts.push_back({u.name, u.bytes});
  opt.dry_run = dry_run;
  opt.partial = u.partial;
  opt.overwrite = u.overwrite;
  opt.new_ente = false;
  return import_sheets(s, opt);
}

} // namespace traguardi::app
