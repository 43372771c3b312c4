// Demo data: a fictional comune ("Comune di Valdora") and, for benchmarks, many more enti.
//
// A new user needs something real-looking to open before importing their own plans: a DUP
// vista with mandato, missione and programma objectives, a PEG year with objectives, fasi and
// indicators across five centri di responsabilità, and three years of indicator history.
// Everything is generated deterministically from the ente index, so benchmarks and tests see
// the same data every run. No text comes from real sheets.
#pragma once

#include "core/model.h"

namespace traguardi::demo {

struct Options {
  int enti = 1;
  int peg_objectives = 30; // PEG objectives per ente
};

/// PEG codes have a two-digit sequence per centre (5 centres): 5 × 99.
constexpr int kMaxPegObjectives = 495;

/// Ente number `index` (0 = Comune di Valdora, others "Comune demo NNNN").
Dataset make_ente(int index, const Options& options);

} // namespace traguardi::demo
