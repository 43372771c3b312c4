// Reads the invented fixture sheets committed under tests/importer/fixtures.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

inline std::string fixture_path(const std::string& name) {
  return std::string(TRAGUARDI_SOURCE_DIR) + "/tests/importer/fixtures/" + name;
}

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
