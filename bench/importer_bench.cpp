// Parser throughput on legacy sheet texts: parses each file repeatedly for at least
// --seconds and prints bytes per second (see bench/importer_bench.sh and BENCHMARKS.md).
#include <algorithm>
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
  int runs = 1;
  std::vector<std::string> texts, names;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::stod(argv[++i]);
      continue;
    }
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::stoi(argv[++i]));
      continue;
    }
    std::ifstream in(a, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    names.push_back(a);
  }
  if (texts.empty()) {
    std::cerr << "uso: importer_bench [--seconds S] [--runs N] FILE...\n";
    return 2;
  }
  // Each run parses every file again and again for at least `seconds`; the best run is
  // reported, as the script does for grep (best of three), so that both sides of the ratio
  // are measured the same way on a shared machine.
  double best = 0, total_bytes = 0, total_elapsed = 0;
  std::size_t objectives = 0;
  for (int run = 1; run <= runs; ++run) {
    std::size_t bytes = 0, rounds = 0;
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
    double bps = static_cast<double>(bytes) / elapsed;
    std::printf("run %d: %zu rounds, %zu bytes, %.3f s, %.2f MB/s\n", run, rounds, bytes, elapsed,
                bps / 1e6);
    best = std::max(best, bps);
    total_bytes += static_cast<double>(bytes);
    total_elapsed += elapsed;
  }
  std::printf("importer: best of %d runs %.2f MB/s, mean %.2f MB/s, %zu objectives\n", runs,
              best / 1e6, total_bytes / total_elapsed / 1e6, objectives);
  std::printf("bytes_per_second=%.0f\n", best);
  return 0;
}
