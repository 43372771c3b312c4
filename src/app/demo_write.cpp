#include "app/demo_write.h"

#include <set>

#include "app/demo_district.h"

namespace traguardi::app {

DemoOutcome write_demo(Session& s, const demo::Options& opt,
                       const std::function<void(int)>& on_ente, bool district) {
  DemoOutcome out;
  std::optional<Dataset> capofila; // the Comune di Valdora, for the district's links
  s.store(OpenMode::create)
      .replace_many(
          [&]() -> std::optional<Dataset> {
            if (out.enti >= opt.enti) return std::nullopt;
            Dataset d = demo::make_ente(out.enti++, opt);
            out.objectives += static_cast<long>(d.objectives.size());
            if (district && out.enti == 1) capofila = d;
            if (on_ente) on_ente(out.enti);
            return d;
          },
          s.author());
  if (district) {
    auto enti = demo::make_district(capofila ? &*capofila : nullptr);
    for (const auto& d : enti)
      s.store().replace(d, s.author());
    out.district = enti.front().ente.code;
    out.comuni = enti.front().district->comuni.size();
    out.district_enti = enti.size() - 1;
    std::set<std::string> linked;
    for (const auto& m : enti.front().district->macro_objectives)
      for (const auto& l : m.links)
        linked.insert(l.ente), ++out.district_links;
    out.linked_comuni = linked.size();
    for (std::size_t i = 1; i < enti.size(); ++i)
      out.district_objectives += static_cast<long>(enti[i].objectives.size());
  }
  return out;
}

} // namespace traguardi::app
