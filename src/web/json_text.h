// JSON written straight into a string, for the API's long lists.
//
// Building an nlohmann tree for a 100-objective page and then serialising it cost more than
// everything else the request does (bench/api_bench.sh: most of the time in allocation and in
// the tree's destruction). Lists are therefore written field by field here; single records
// keep using nlohmann (api_json.h), parsed from the same text where they share a shape.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace traguardi::web {

class JsonText {
public:
  JsonText& begin_object();
  JsonText& end_object();
  JsonText& begin_array();
  JsonText& end_array();
  /// The key of the next value in the current object.
  JsonText& key(std::string_view k);
  JsonText& string(std::string_view s);
  /// A string, or null when empty.
  JsonText& text_or_null(std::string_view s);
  JsonText& number(std::int64_t n);
  JsonText& null();
  /// A value already in JSON (a nested document).
  JsonText& raw(std::string_view json);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

private:
  void before_value();
  std::string out_;
  std::vector<bool> first_; // per open container: no value written yet
  bool after_key_ = false;
};

/// Appends `s` as a JSON string literal; bytes that are not UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view s);

} // namespace traguardi::web
