// Texts derived from one version of a cached plan, computed once instead of on every request.
//
// The objective page draws a Gantt chart and a history chart per indicator, and the dashboard
// computes every figure and roll-up: together most of a page's cost, yet they change only when
// the plan changes. PlanCache hands out the same Dataset object until the ente's change stamp
// moves, so a text remembered against that object (held weakly) is exactly what the page would
// compute again; a new version of the plan is a new object and starts with an empty memo.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/model.h"

namespace traguardi::app {

class ViewMemo {
public:
  /// The text stored under `key` for this plan object, made by `make` on first use.
  std::string text(const std::shared_ptr<const Dataset>& plan, const std::string& key,
                   const std::function<std::string()>& make);

private:
  struct Slot {
    std::weak_ptr<const Dataset> plan;
    std::unordered_map<std::string, std::string> texts;
  };
  void sweep(); // drops the slots of plans no longer alive
  std::mutex mutex_;
  std::unordered_map<const Dataset*, Slot> slots_;
  std::size_t texts_ = 0;
};

} // namespace traguardi::app
