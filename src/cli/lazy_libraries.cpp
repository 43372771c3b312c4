// Rarely used libraries loaded on first use, not at start-up.
//
// Every traguardi process loaded about seventy shared libraries, most of them for three
// commands: poppler (PDF sheets), pango and cairo (PDF reports), xlsxwriter (XLSX) and
// cpp-httplib with OpenSSL (`serve`). Mapping and relocating them cost more than an
// `import-sheet` of a hundred text sheets spends reading them (BENCHMARKS.md, "Costs that
// grow linearly"). The executable defines each function it calls from those libraries as a
// trampoline: the first call loads the library with dlopen, finds the function with dlsym,
// stores its address in the trampoline's slot and jumps there; later calls jump straight to
// it. The linker then finds nothing it needs in those libraries and, with --as-needed, does not
// record them. The code calling them is unchanged, and the tests, linked without this file,
// call the libraries directly. The same idea as libpq in store/pg_library.h, for libraries
// with many functions, some of them C++.
//
// Only functions can be taken this way (no variables, vtables or type information: the list
// below is every symbol the executable takes from these libraries, all functions). A call to
// a function of theirs that is not in the list links the library again, which only makes
// start-up slower; tests/cli/lazy_libraries_test.py catches it. Linux x86-64 only.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>

namespace {

// The libraries, by the index used in the list below.
constexpr const char* libraries[] = {
    "libpoppler-cpp.so.0",    // 0: import of PDF sheets
    "libpangocairo-1.0.so.0", // 1: PDF reports
    "libpango-1.0.so.0",      // 2
    "libgobject-2.0.so.0",    // 3
    "libcairo.so.2",          // 4
    "libxlsxwriter.so.4",     // 5: XLSX reports and exports
    "libcpp-httplib.so.0.11", // 6: traguardi serve
};
constexpr const char* purposes[] = {
    "l'importazione di schede PDF",
    "i report PDF",
    "i report PDF",
    "i report PDF",
    "i report PDF",
    "i file XLSX",
    "traguardi serve",
};

// X(symbol index, library index, symbol): the symbol index is the trampoline's slot.
// clang-format off
#define TRAGUARDI_LAZY_SYMBOLS(X) \
  X(0, 0, _ZN7poppler4pageD1Ev) \
  X(1, 0, _ZN7poppler7ustringD1Ev) \
  X(2, 0, _ZN7poppler8document18load_from_raw_dataEPKciRKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESA_) \
  X(3, 0, _ZN7poppler8documentD1Ev) \
  X(4, 0, _ZN7poppler8text_boxD1Ev) \
  X(5, 0, _ZNK7poppler4page9text_listEv) \
  X(6, 0, _ZNK7poppler7ustring7to_utf8Ev) \
  X(7, 0, _ZNK7poppler8document11create_pageEi) \
  X(8, 0, _ZNK7poppler8document5pagesEv) \
  X(9, 0, _ZNK7poppler8document9is_lockedEv) \
  X(10, 0, _ZNK7poppler8text_box4bboxEv) \
  X(11, 0, _ZNK7poppler8text_box4textEv) \
  X(12, 1, pango_cairo_context_set_font_options) \
  X(13, 1, pango_cairo_context_set_resolution) \
  X(14, 1, pango_cairo_font_map_get_default) \
  X(15, 1, pango_cairo_show_layout) \
  X(16, 1, pango_cairo_show_layout_line) \
  X(17, 2, pango_attr_list_insert) \
  X(18, 2, pango_attr_list_new) \
  X(19, 2, pango_attr_list_unref) \
  X(20, 2, pango_attr_weight_new) \
  X(21, 2, pango_font_description_free) \
  X(22, 2, pango_font_description_from_string) \
  X(23, 2, pango_font_map_create_context) \
  X(24, 2, pango_layout_get_iter) \
  X(25, 2, pango_layout_get_size) \
  X(26, 2, pango_layout_iter_free) \
  X(27, 2, pango_layout_iter_get_baseline) \
  X(28, 2, pango_layout_iter_get_line_extents) \
  X(29, 2, pango_layout_iter_get_line_readonly) \
  X(30, 2, pango_layout_iter_next_line) \
  X(31, 2, pango_layout_new) \
  X(32, 2, pango_layout_set_alignment) \
  X(33, 2, pango_layout_set_attributes) \
  X(34, 2, pango_layout_set_ellipsize) \
  X(35, 2, pango_layout_set_font_description) \
  X(36, 2, pango_layout_set_height) \
  X(37, 2, pango_layout_set_text) \
  X(38, 2, pango_layout_set_width) \
  X(39, 2, pango_layout_set_wrap) \
  X(40, 3, g_object_unref) \
  X(41, 4, cairo_close_path) \
  X(42, 4, cairo_create) \
  X(43, 4, cairo_destroy) \
  X(44, 4, cairo_fill) \
  X(45, 4, cairo_font_options_create) \
  X(46, 4, cairo_font_options_destroy) \
  X(47, 4, cairo_font_options_set_hint_metrics) \
  X(48, 4, cairo_font_options_set_hint_style) \
  X(49, 4, cairo_line_to) \
  X(50, 4, cairo_move_to) \
  X(51, 4, cairo_pdf_surface_create_for_stream) \
  X(52, 4, cairo_pdf_surface_set_metadata) \
  X(53, 4, cairo_recording_surface_create) \
  X(54, 4, cairo_rectangle) \
  X(55, 4, cairo_restore) \
  X(56, 4, cairo_rotate) \
  X(57, 4, cairo_save) \
  X(58, 4, cairo_set_line_width) \
  X(59, 4, cairo_set_source_rgb) \
  X(60, 4, cairo_set_source_rgba) \
  X(61, 4, cairo_show_page) \
  X(62, 4, cairo_status_to_string) \
  X(63, 4, cairo_stroke) \
  X(64, 4, cairo_surface_destroy) \
  X(65, 4, cairo_surface_finish) \
  X(66, 4, cairo_surface_status) \
  X(67, 4, cairo_tag_begin) \
  X(68, 4, cairo_tag_end) \
  X(69, 4, cairo_translate) \
  X(70, 5, format_set_align) \
  X(71, 5, format_set_bg_color) \
  X(72, 5, format_set_bold) \
  X(73, 5, format_set_border) \
  X(74, 5, format_set_num_format) \
  X(75, 5, format_set_text_wrap) \
  X(76, 5, lxw_strerror) \
  X(77, 5, workbook_add_format) \
  X(78, 5, workbook_add_worksheet) \
  X(79, 5, workbook_close) \
  X(80, 5, workbook_new_opt) \
  X(81, 5, workbook_set_properties) \
  X(82, 5, worksheet_autofilter) \
  X(83, 5, worksheet_freeze_panes) \
  X(84, 5, worksheet_set_column) \
  X(85, 5, worksheet_write_datetime) \
  X(86, 5, worksheet_write_number) \
  X(87, 5, worksheet_write_string) \
  X(88, 6, _ZN7httplib6Server10set_loggerESt8functionIFvRKNS_7RequestERKNS_8ResponseEEE) \
  X(89, 6, _ZN7httplib6Server12bind_to_portERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEii) \
  X(90, 6, _ZN7httplib6Server15set_tcp_nodelayEb) \
  X(91, 6, _ZN7httplib6Server16bind_to_any_portERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEi) \
  X(92, 6, _ZN7httplib6Server16set_read_timeoutEll) \
  X(93, 6, _ZN7httplib6Server17listen_after_bindEv) \
  X(94, 6, _ZN7httplib6Server17set_error_handlerESt8functionIFNS0_15HandlerResponseERKNS_7RequestERNS_8ResponseEEE) \
  X(95, 6, _ZN7httplib6Server18set_socket_optionsESt8functionIFviEE) \
  X(96, 6, _ZN7httplib6Server19set_default_headersESt8multimapINSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEES7_NS_6detail2ciESaISt4pairIKS7_S7_EEE) \
  X(97, 6, _ZN7httplib6Server21set_exception_handlerESt8functionIFvRKNS_7RequestERNS_8ResponseENSt15__exception_ptr13exception_ptrEEE) \
  X(98, 6, _ZN7httplib6Server22set_keep_alive_timeoutEl) \
  X(99, 6, _ZN7httplib6Server22set_payload_max_lengthEm) \
  X(100, 6, _ZN7httplib6Server23set_pre_routing_handlerESt8functionIFNS0_15HandlerResponseERKNS_7RequestERNS_8ResponseEEE) \
  X(101, 6, _ZN7httplib6Server24set_keep_alive_max_countEm) \
  X(102, 6, _ZN7httplib6Server3GetERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt8functionIFvRKNS_7RequestERNS_8ResponseEEE) \
  X(103, 6, _ZN7httplib6Server3PutERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt8functionIFvRKNS_7RequestERNS_8ResponseEEE) \
  X(104, 6, _ZN7httplib6Server4PostERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt8functionIFvRKNS_7RequestERNS_8ResponseEEE) \
  X(105, 6, _ZN7httplib6Server4stopEv) \
  X(106, 6, _ZN7httplib6Server5PatchERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt8functionIFvRKNS_7RequestERNS_8ResponseEEE) \
  X(107, 6, _ZN7httplib6Server6DeleteERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt8functionIFvRKNS_7RequestERNS_8ResponseEEE) \
  X(108, 6, _ZN7httplib6ServerC1Ev) \
  X(109, 6, _ZN7httplib8Response10set_headerERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEES8_) \
  X(110, 6, _ZN7httplib8Response11set_contentERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEES8_) \
  X(111, 6, _ZN7httplib9SSLServerC1EPKcS2_S2_S2_S2_) \
  X(112, 6, _ZNK7httplib7Request14get_file_valueERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE) \
  X(113, 6, _ZNK7httplib7Request15get_param_valueERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEm) \
  X(114, 6, _ZNK7httplib7Request16get_header_valueERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEm) \
  X(115, 6, _ZNK7httplib7Request22is_multipart_form_dataEv) \
  X(116, 6, _ZNK7httplib7Request8has_fileERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE) \
  X(117, 6, _ZNK7httplib7Request9has_paramERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE) \
  X(118, 6, _ZNK7httplib9SSLServer8is_validEv)
// clang-format on

struct Symbol {
  int library;
  const char* name;
};
#define TRAGUARDI_LAZY_ENTRY(k, library, name) {library, #name},
constexpr Symbol symbols[] = {TRAGUARDI_LAZY_SYMBOLS(TRAGUARDI_LAZY_ENTRY)};
#undef TRAGUARDI_LAZY_ENTRY
constexpr std::size_t symbol_count = sizeof(symbols) / sizeof(symbols[0]);

[[noreturn]] void missing(const char* what, int library) {
  std::fprintf(stderr,
               "traguardi: errore: la libreria di sistema %s, necessaria per %s, non si carica "
               "(%s): installarla\n",
               libraries[library], purposes[library], what ? what : "simbolo mancante");
  std::fflush(stderr);
  ::_exit(70);
}

} // namespace

// The slots of the trampolines: at first the address of each one's resolving stub.
extern "C" void* traguardi_lazy_slots[];

// Called by the resolving stub of trampoline `k` with the caller's arguments saved: loads the
// library, fills the slot, returns the function for the stub to jump to. Two threads may both
// get here for the same symbol; they store the same address.
extern "C" __attribute__((visibility("hidden"))) void* traguardi_lazy_resolve(std::size_t k) {
  static void* handles[sizeof(libraries) / sizeof(libraries[0])] = {};
  if (k >= symbol_count) std::abort();
  const Symbol& s = symbols[k];
  void* handle = __atomic_load_n(&handles[s.library], __ATOMIC_ACQUIRE);
  if (!handle) {
    handle = ::dlopen(libraries[s.library], RTLD_NOW | RTLD_LOCAL);
    if (!handle) missing(::dlerror(), s.library);
    __atomic_store_n(&handles[s.library], handle, __ATOMIC_RELEASE);
  }
  void* f = ::dlsym(handle, s.name);
  if (!f) missing(::dlerror(), s.library);
  __atomic_store_n(&traguardi_lazy_slots[k], f, __ATOMIC_RELEASE);
  return f;
}

// Each trampoline jumps through its slot; each stub pushes its index and goes to the common
// part, which saves the argument registers (integer and vector), resolves, restores them and
// jumps to the function with the caller's return address still on the stack.
#define TRAGUARDI_LAZY_TRAMPOLINE(k, library, name)                                                \
  ".globl " #name "\n"                                                                             \
  ".type " #name ", @function\n"                                                                   \
  ".p2align 4\n" #name ":\n"                                                                       \
  "  jmp *traguardi_lazy_slots+8*" #k "(%rip)\n"                                                   \
  ".size " #name ", .-" #name "\n"                                                                 \
  "traguardi_lazy_stub_" #k ":\n"                                                                  \
  "  pushq $" #k "\n"                                                                              \
  "  jmp traguardi_lazy_common\n"
#define TRAGUARDI_LAZY_SLOT(k, library, name) "  .quad traguardi_lazy_stub_" #k "\n"

// clang-format off
asm(".text\n"
    TRAGUARDI_LAZY_SYMBOLS(TRAGUARDI_LAZY_TRAMPOLINE)
    ".p2align 4\n"
    "traguardi_lazy_common:\n"
    // (%rsp): the index; 8(%rsp): the caller's return address. 8 pushes and 128 bytes keep
    // the stack 16-byte aligned for the call.
    "  pushq %rdi\n  pushq %rsi\n  pushq %rdx\n  pushq %rcx\n"
    "  pushq %r8\n  pushq %r9\n  pushq %rax\n  pushq %r10\n"
    "  subq $128, %rsp\n"
    "  movdqu %xmm0, 0(%rsp)\n  movdqu %xmm1, 16(%rsp)\n"
    "  movdqu %xmm2, 32(%rsp)\n  movdqu %xmm3, 48(%rsp)\n"
    "  movdqu %xmm4, 64(%rsp)\n  movdqu %xmm5, 80(%rsp)\n"
    "  movdqu %xmm6, 96(%rsp)\n  movdqu %xmm7, 112(%rsp)\n"
    "  movq 192(%rsp), %rdi\n"
    "  call traguardi_lazy_resolve\n"
    "  movq %rax, %r11\n"
    "  movdqu 0(%rsp), %xmm0\n  movdqu 16(%rsp), %xmm1\n"
    "  movdqu 32(%rsp), %xmm2\n  movdqu 48(%rsp), %xmm3\n"
    "  movdqu 64(%rsp), %xmm4\n  movdqu 80(%rsp), %xmm5\n"
    "  movdqu 96(%rsp), %xmm6\n  movdqu 112(%rsp), %xmm7\n"
    "  addq $128, %rsp\n"
    "  popq %r10\n  popq %rax\n  popq %r9\n  popq %r8\n"
    "  popq %rcx\n  popq %rdx\n  popq %rsi\n  popq %rdi\n"
    "  addq $8, %rsp\n"
    "  jmp *%r11\n"
    ".data\n"
    ".p2align 3\n"
    ".globl traguardi_lazy_slots\n"
    ".hidden traguardi_lazy_slots\n"
    "traguardi_lazy_slots:\n"
    TRAGUARDI_LAZY_SYMBOLS(TRAGUARDI_LAZY_SLOT)
    ".text\n");
// clang-format on
