#include "app/demo_write.h"

#include "app/demo_district.h"

namespace traguardi::app {

DemoOutcome write_demo(Session& s, const demo::Options& opt,
                       const std::function<void(int)>& on_ente, bool district) {
  DemoOutcome out;
  s.store(OpenMode::create)
      .replace_many(
          [&]() -> std::optional<Dataset> {
            if (out.enti >= opt.enti) return std::nullopt;
            Dataset d = demo::make_ente(out.enti++, opt);
            out.objectives += static_cast<long>(d.objectives.size());
            if (on_ente) on_ente(out.enti);
            return d;
          },
          s.author());
  if (district) {
    auto enti = demo::make_district();
    for (const auto& d : enti)
      s.store().replace(d, s.author());
    out.district = enti.front().ente.code;
    out.comuni = enti.front().district->comuni.size();
    out.district_enti = enti.size() - 1;
  }
  return out;
}

} // namespace traguardi::app
