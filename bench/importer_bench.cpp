// Parser throughput on legacy sheet texts: parses each file repeatedly for at least
// --seconds and prints bytes per second (see bench/importer_bench.sh and BENCHMARKS.md).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "importer/sheet_import.h"

int main(int argc, char** argv) {
  double seconds = 3;
  std::vector<std::string> texts, names;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::stod(argv[++i]);
      continue;
    }
    std::ifstream in(a, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    names.push_back(a);
  }
  if (texts.empty()) {
    std::cerr << "uso: importer_bench [--seconds S] FILE...\n";
    return 2;
  }
  std::size_t bytes = 0, rounds = 0, objectives = 0;
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      auto s = traguardi::importer::parse_sheet_text(texts[i], names[i]);
      if (!s) {
        std::cerr << s.error().full() << "\n";
        return 1;
      }
      objectives += s->objectives.size();
      bytes += texts[i].size();
    }
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);
  std::printf("importer: %zu rounds, %zu bytes, %.3f s, %.2f MB/s, %zu objectives\n", rounds, bytes,
              elapsed, static_cast<double>(bytes) / elapsed / 1e6, objectives);
  std::printf("bytes_per_second=%.0f\n", static_cast<double>(bytes) / elapsed);
  return 0;
}
