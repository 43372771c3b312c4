#include "interchange/json_stream.h"

#include <cmath>
#include <cstdlib>
#include <iterator>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

namespace traguardi::interchange {
namespace {

using J = nlohmann::json;

// What the input iterator has seen; it also cuts the input short (as if it ended) when a
// single token or the file grows beyond the limits, so that the parser never buffers it.
struct Counter {
  std::uint64_t bytes = 0, lines = 1, last_event = 0;
  std::uint64_t token_limit = 0, file_limit = 0;
  enum class Cut { none, token, file } cut = Cut::none;
};

template <typename Base> struct CountingIt {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  Base it, end;
  Counter* c = nullptr;

  bool at_end() const { return c->cut != Counter::Cut::none || it == end; }
  char operator*() const { return *it; }
  CountingIt& operator++() {
    if (*it == '\n') ++c->lines;
    ++it;
    ++c->bytes;
    if (c->bytes > c->file_limit)
      c->cut = Counter::Cut::file;
    else if (c->bytes - c->last_event > c->token_limit)
      c->cut = Counter::Cut::token;
    return *this;
  }
  CountingIt operator++(int) {
    CountingIt old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const CountingIt& a, const CountingIt& b) {
    return a.at_end() == b.at_end();
  }
  friend bool operator!=(const CountingIt& a, const CountingIt& b) { return !(a == b); }
};

struct Frame {
  bool object = false;
  bool enti = false; // the $.enti array: its elements are handed out, not kept
  J* node = nullptr;
  std::string key;
  std::size_t count = 0; // elements started (arrays)
  std::unordered_set<std::string> keys;
};

class Sax {
public:
  Sax(const std::string& source, const ReadLimits& limits, Counter& counter,
      const HeaderCheck& header, const EnteSink& each)
      : source_(source), limits_(limits), counter_(counter), header_check_(header), each_(each) {}

  std::optional<Error> error;
  std::size_t enti = 0;
  bool saw_enti = false;

  bool null() { return scalar(J()); }
  bool boolean(bool v) { return scalar(J(v)); }
  bool number_integer(std::int64_t v) { return scalar(J(v)); }
  bool number_unsigned(std::uint64_t v) { return scalar(J(v)); }
  bool number_float(double v, const std::string&) {
    if (!std::isfinite(v)) return refuse(path(), "numero fuori intervallo");
    return scalar(J(v));
  }
  bool string(std::string& v) {
    if (v.size() > limits_.text_bytes)
      return refuse(path(), fmt::format("testo troppo lungo ({} byte, al massimo {}; il limite si "
                                        "alza con TRAGUARDI_MAX_TEXT_BYTES)",
                                        v.size(), limits_.text_bytes));
    return scalar(J(std::move(v)));
  }
  bool binary(J::binary_t&) { return refuse(path(), "valore binario non ammesso"); }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool key(std::string& k) {
    event();
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) return refuse(path(), "chiave duplicata nello stesso oggetto");
    if (frames_.size() == 1 && k == "enti") {
      if (auto ok = check_header(); !ok) return fail_with(ok.error());
    }
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    if (error) return false;
    const std::string where = fmt::format("{}:{}", source_, counter_.lines);
    if (counter_.cut == Counter::Cut::file)
      error = Error{ErrorKind::invalid_input,
                    fmt::format("file troppo grande (al massimo {} byte; il limite si alza con "
                                "TRAGUARDI_MAX_FILE_BYTES)",
                                limits_.file_bytes),
                    where};
    else if (counter_.cut == Counter::Cut::token)
      error = Error{ErrorKind::invalid_input,
                    fmt::format("elemento troppo lungo (un testo può avere al massimo {} byte; il "
                                "limite si alza con TRAGUARDI_MAX_TEXT_BYTES)",
                                limits_.text_bytes),
                    where};
    else if (std::string_view(e.what()).find("UTF-8") != std::string_view::npos)
      error = Error{ErrorKind::invalid_input,
                    fmt::format("testo non UTF-8 valido (byte {} del file): salvare il file in "
                                "UTF-8",
                                counter_.bytes),
                    where};
    else
      error = Error{ErrorKind::invalid_input, "JSON non valido (sintassi)", where};
    return false;
  }

  /// After a successful parse: the checks that need the whole document.
  Result<void> finish() {
    if (!saw_enti) {
      if (auto ok = check_header(); !ok) return ok;
      return fail("campo obbligatorio mancante", source_ + ": $.enti");
    }
    return {};
  }

private:
  const std::string& source_;
  const ReadLimits& limits_;
  Counter& counter_;
  const HeaderCheck& header_check_;
  const EnteSink& each_;
  J header_ = J::object();
  J ente_;
  std::uint64_t ente_start_ = 0;
  bool header_checked_ = false;
  std::vector<Frame> frames_;

  void event() { counter_.last_event = counter_.bytes; }

  std::string path() const {
    std::string p = "$";
    for (const Frame& f : frames_) {
      if (f.object) {
        if (!f.key.empty()) p += "." + f.key;
      } else if (f.count > 0) {
        p += fmt::format("[{}]", f.count - 1);
      }
    }
    return p;
  }

  bool refuse(const std::string& where, std::string message) {
    if (!error) error = Error{ErrorKind::invalid_input, std::move(message), source_ + ": " + where};
    return false;
  }
  bool fail_with(Error e) {
    if (!error) error = std::move(e);
    return false;
  }

  Result<void> check_header() {
    if (header_checked_) return {};
    header_checked_ = true;
    return header_check_(header_);
  }

  bool in_ente() const { return frames_.size() >= 2 && frames_[1].enti; }

  // Where a new value goes; nullptr for an element of $.enti (built in ente_).
  J* place(J&& v) {
    if (frames_.empty()) {
      header_ = std::move(v);
      return &header_;
    }
    Frame& f = frames_.back();
    if (f.object) {
      if (frames_.size() == 1 && f.key == "enti") {
        saw_enti = true;
        return nullptr;
      }
      J& slot = (*f.node)[f.key];
      slot = std::move(v);
      return &slot;
    }
    ++f.count;
    if (f.enti) {
      ente_ = std::move(v);
      ente_start_ = counter_.bytes;
      return &ente_;
    }
    f.node->push_back(std::move(v));
    return &f.node->back();
  }

  bool check_size() {
    if (in_ente() && counter_.bytes - ente_start_ > limits_.ente_bytes)
      return refuse(frames_.size() > 1 ? fmt::format("$.enti[{}]", frames_[1].count - 1) : "$",
                    fmt::format("ente troppo grande (al massimo {} byte di JSON; il limite si alza "
                                "con TRAGUARDI_MAX_ENTE_BYTES)",
                                limits_.ente_bytes));
    return true;
  }

  bool scalar(J&& v) {
    event();
    if (frames_.empty()) return refuse("$", "il documento deve essere un oggetto JSON");
    const bool root_enti = frames_.size() == 1 && frames_.back().key == "enti";
    if (root_enti) return refuse("$.enti", "atteso un elenco (array JSON) di enti");
    J* slot = place(std::move(v));
    if (frames_.back().enti && slot == &ente_) return emit();
    return check_size();
  }

  bool open(bool object) {
    event();
    if (frames_.size() >= limits_.depth) return refuse(path(), "annidamento troppo profondo");
    if (frames_.empty() && !object) return refuse("$", "il documento deve essere un oggetto JSON");
    const bool root_enti = frames_.size() == 1 && frames_.back().key == "enti";
    if (root_enti && object) return refuse("$.enti", "atteso un elenco (array JSON) di enti");
    J* slot = place(object ? J::object() : J::array());
    Frame f;
    f.object = object;
    f.enti = root_enti;
    f.node = slot;
    frames_.push_back(std::move(f));
    return check_size();
  }

  bool close() {
    event();
    frames_.pop_back();
    if (frames_.size() == 2 && frames_[1].enti) return emit();
    return check_size();
  }

  bool emit() {
    const std::size_t index = frames_[1].count - 1;
    auto ok = each_(std::move(ente_), index);
    ente_ = J();
    ++enti;
    if (!ok) return fail_with(ok.error());
    return true;
  }
};

template <typename It>
Result<std::size_t> run(It first, It last, Counter& counter, const std::string& source,
                        const ReadLimits& limits, const HeaderCheck& header, const EnteSink& each) {
  counter.token_limit = limits.text_bytes * 6 + 4096; // \uXXXX escapes take 6 bytes a character
  counter.file_limit = limits.file_bytes;
  Sax sax(source, limits, counter, header, each);
  const bool ok = J::sax_parse(first, last, &sax, J::input_format_t::json, true, false);
  if (sax.error) return tl::unexpected(*sax.error);
  if (!ok) return fail("JSON non valido (sintassi)", fmt::format("{}:{}", source, counter.lines));
  if (auto done = sax.finish(); !done) return tl::unexpected(done.error());
  return sax.enti;
}

std::size_t env_size(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  unsigned long long n = std::strtoull(v, &end, 10);
  return end && *end == '\0' && n > 0 ? static_cast<std::size_t>(n) : fallback;
}

} // namespace

ReadLimits ReadLimits::from_environment() {
  ReadLimits l;
  l.text_bytes = env_size("TRAGUARDI_MAX_TEXT_BYTES", l.text_bytes);
  l.ente_bytes = env_size("TRAGUARDI_MAX_ENTE_BYTES", l.ente_bytes);
  l.file_bytes = env_size("TRAGUARDI_MAX_FILE_BYTES", l.file_bytes);
  return l;
}

Result<std::size_t> read_stream(std::istream& in, const std::string& source,
                                const ReadLimits& limits, const HeaderCheck& header,
                                const EnteSink& each) {
  using Base = std::istreambuf_iterator<char>;
  Counter counter;
  CountingIt<Base> first{Base(in), Base(), &counter}, last{Base(), Base(), &counter};
  return run(first, last, counter, source, limits, header, each);
}

Result<std::size_t> read_text(std::string_view text, const std::string& source,
                              const ReadLimits& limits, const HeaderCheck& header,
                              const EnteSink& each) {
  Counter counter;
  const char* b = text.data();
  const char* e = text.data() + text.size();
  CountingIt<const char*> first{b, e, &counter}, last{e, e, &counter};
  return run(first, last, counter, source, limits, header, each);
}

} // namespace traguardi::interchange
