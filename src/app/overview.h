// The figures of every ente in one pass: what a province, a consortium or a SaaS provider
// looks at first ("how are all our enti doing?").
//
// Built on Store::scan_for_figures, so a national database (thousands of enti) is read with
// three ordered scans rather than a full load per ente. Each ente's figures are the same as
// `traguardi summary` computes for it (core/figures.h).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/decimal.h"
#include "store/store.h"

namespace traguardi {

struct EnteOverview {
  std::string ente;
  int objectives = 0;
  int peg_objectives = 0;
  int with_progress = 0;
  int with_achievement = 0;
  Decimal progress_sum;    // Σ of objective progress (percent), for exact totals
  Decimal achievement_sum; // Σ of objective achievement (percent)
  std::optional<Decimal> mean_progress() const;
  std::optional<Decimal> mean_achievement() const;
};

/// Calls `each` with the overview of every ente, in ente code order.
void overview_all(Store& store, const std::function<void(const EnteOverview&)>& each);

} // namespace traguardi
