// `summary` as a use case: counts per level and the derived figures of every objective of the
// session's ente, with their inputs and the roll-ups (core/figures.h).
//
// The JSON shape is read by other tools (docs/cli.md): keep the documented keys stable. The
// plain-text table is the front end's business; it reads the same SummaryOutcome.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/overview.h"
#include "app/session.h"
#include "core/figures.h"

namespace traguardi::app {

struct SummaryOutcome {
  Dataset dataset;
  std::vector<ObjectiveFigures> figures; // parallel to dataset.objectives
  std::vector<RollupFigure> rollups;
  std::size_t by_level[4] = {0, 0, 0, 0}; // mandato, missione, programma, peg
  std::size_t phases = 0, indicators = 0;
  /// The tree roll-up of an objective (mean of its PEG objectives), or nullptr.
  const RollupFigure* rollup_of(const Objective& o) const;

private:
  friend Result<SummaryOutcome> summarize(Session& s);
  std::map<std::string, std::size_t> tree_; // "vista/code" → index in rollups
};

Result<SummaryOutcome> summarize(Session& s);
/// The documented JSON document (indented, final newline).
std::string summary_json(const SummaryOutcome& sum);

/// `summary --all`: calls `each` for every ente in code order, streamed.
void overview_enti(Session& s, const std::function<void(const EnteOverview&)>& each);
/// One ente of `summary --all --json` on one line.
std::string overview_json_line(const EnteOverview& o);

} // namespace traguardi::app
