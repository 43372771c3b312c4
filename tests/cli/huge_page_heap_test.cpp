// The heap of the executables is marked for transparent huge pages (src/cli/huge_page_heap.cpp).
//
// The allocator is installed through a weak hook of tcmalloc: if the hook stopped being picked
// up (a change of link order, a static tcmalloc, a renamed symbol) nothing would fail, the
// import would only get slower again. This binary is linked like `traguardi` and checks, in the
// kernel's own account of the process's mappings, that heap memory (the first allocations made
// before main as well as large ones) lies in mappings with the "hg" (MADV_HUGEPAGE) flag.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

// The VmFlags of the mapping that contains `address`, from /proc/self/smaps ("" if none).
std::string mapping_flags(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > line.find(' ')) {
      inside = from <= at && at < to;
      continue;
    }
    if (inside && line.starts_with("VmFlags:")) return line;
  }
  return {};
}

bool huge_pages_supported() {
  return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled");
}

// Allocated during static initialisation, before main and before gtest.
void* const early = std::malloc(48);

TEST(HugePageHeap, EarlyAllocationsAreOnHugePageMappings) {
  if (!huge_pages_supported()) GTEST_SKIP() << "kernel without transparent huge pages";
  const std::string flags = mapping_flags(early);
  ASSERT_FALSE(flags.empty()) << "no mapping holds the early allocation";
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
}

TEST(HugePageHeap, LargeHeapsAreOnHugePageMappings) {
  if (!huge_pages_supported()) GTEST_SKIP() << "kernel without transparent huge pages";
  // 48 MB in blocks of 64 KB and 400 bytes: tcmalloc takes all of it from its system allocator.
  std::vector<std::unique_ptr<char[]>> blocks;
  for (int k = 0; k < 1536; ++k) {
    blocks.emplace_back(new char[k % 2 == 0 ? 64 * 1024 : 400]);
    blocks.back()[0] = static_cast<char>(k);
  }
  for (std::size_t k : {std::size_t{0}, blocks.size() / 2, blocks.size() - 1, blocks.size() - 2}) {
    const std::string flags = mapping_flags(blocks[k].get());
    ASSERT_FALSE(flags.empty()) << "no mapping holds block " << k;
    EXPECT_NE(flags.find(" hg"), std::string::npos) << "block " << k << ": " << flags;
  }
}

} // namespace
