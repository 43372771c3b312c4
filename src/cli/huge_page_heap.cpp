// The process heap on transparent huge pages.
//
// An import of hundreds of sheets builds tens of megabytes of model. On the virtual machines we
// run on, where every page fault traps to the hypervisor, touching that memory 4 KB at a time
// cost more than parsing it: about 7,000 faults, a third of the whole command (BENCHMARKS.md,
// "Costs that grow linearly"). tcmalloc takes its memory from a pluggable system allocator;
// this one hands it out of 2 MB-aligned mappings marked MADV_HUGEPAGE, so that the kernel backs
// them with huge pages when it can (THP in "madvise" mode) and with 4 KB pages when it cannot.
//
// tcmalloc asks for its system allocator through the weak hook `tc_get_sysalloc_override`,
// once, on the first allocation of the process (before any constructor of ours has run): the
// hook is defined here, so this file belongs only to executables linked with tcmalloc.
#include <cstdint>
#include <new>

#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t small_page = 4096;

std::size_t round_up(std::size_t n, std::size_t to) {
  return (n + to - 1) / to * to;
}

// Bump allocation out of 2 MB-aligned regions. tcmalloc calls Alloc under its own lock, asks
// about 1 MB at a time and never hands memory back through this interface (it releases pages
// with madvise, which splits a huge page).
class HugePageAllocator : public SysAllocator {
public:
  explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

  void* Alloc(std::size_t size, std::size_t* actual_size, std::size_t alignment) override {
    if (alignment > huge_page || size == 0 || size > (std::size_t{1} << 40))
      return fallback_->Alloc(size, actual_size, alignment);
    size = round_up(size, small_page);
    if (round_up(next_, alignment) + size > end_ && !map(size))
      return fallback_->Alloc(size, actual_size, alignment);
    const std::uintptr_t at = round_up(next_, alignment);
    next_ = at + size;
    if (actual_size) *actual_size = size;
    return reinterpret_cast<void*>(at);
  }

private:
  // A new region of at least `size`, on a 2 MB boundary so that huge pages can map it.
  bool map(std::size_t size) {
    const std::size_t length = round_up(size, huge_page);
    const std::size_t want = length + huge_page;
    void* p = ::mmap(nullptr, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
    const auto start = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t aligned = round_up(start, huge_page);
    if (aligned > start) ::munmap(p, aligned - start);
    if (start + want > aligned + length)
      ::munmap(reinterpret_cast<void*>(aligned + length), start + want - aligned - length);
    ::madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
    next_ = aligned;
    end_ = aligned + length;
    return true;
  }

  SysAllocator* fallback_;
  std::uintptr_t next_ = 0, end_ = 0;
};

// Static storage without a constructor: the hook runs before static initialisation.
alignas(HugePageAllocator) unsigned char allocator_space[sizeof(HugePageAllocator)];

} // namespace

// Called by tcmalloc with its default (sbrk, then mmap) allocator, which stays the fallback.
SysAllocator* tc_get_sysalloc_override(SysAllocator* fallback) {
  return new (allocator_space) HugePageAllocator(fallback);
}
