#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/references.h"
#include "core/utf8.h"
#include "core/value_bounds.h"
#include "interchange/audit_json.h"
#include "interchange/district_json.h"
#include "interchange/json_format.h"
#include "interchange/json_node.h"
#include "interchange/json_stream.h"

namespace traguardi::interchange {
namespace {

using J = nlohmann::json;

using Node = JsonNode;
using BadField = JsonFieldError;

Phase phase(Node n) {
  n.keys({"order", "description", "weight", "progress", "planned_start", "planned_end",
          "actual_start", "actual_end", "responsible", "center", "note", "version", "source"})
      .require({"order"});
  Phase p;
  p.order = n.small("order");
  p.description = n.str("description");
  p.weight = n.opt_decimal("weight");
  p.progress = n.opt_decimal("progress");
  p.planned_start = n.opt_date("planned_start");
  p.planned_end = n.opt_date("planned_end");
  p.actual_start = n.opt_date("actual_start");
  p.actual_end = n.opt_date("actual_end");
  p.responsible = n.str("responsible");
  p.center = n.str("center");
  p.note = n.str("note");
  p.version = n.version("version");
  p.source = read_provenance(n.at("source"));
  return p;
}

Indicator indicator(Node n) {
  n.keys({"order", "reference_year", "description", "type", "scale", "polarity", "target", "actual",
          "history", "note", "version", "source"})
      .require({"order"});
  Indicator i;
  i.order = n.small("order");
  i.reference_year = n.opt_int("reference_year");
  i.description = n.str("description");
  i.type = n.enumeration<IndicatorType>("type", indicator_type_from_string,
                                        "efficacia, efficienza, quantitativo, qualita, altro",
                                        IndicatorType::efficacia);
  i.scale = n.enumeration<Scale>("scale", scale_from_string,
                                 "count, percent, boolean, euro, index, other", Scale::count);
  i.polarity =
      n.enumeration<Polarity>("polarity", polarity_from_string, "higher_is_better, lower_is_better",
                              Polarity::higher_is_better);
  i.target = n.opt_decimal("target");
  i.actual = n.opt_decimal("actual");
  n.for_each("history", [&](Node h) {
    h.keys({"year", "value", "column", "ambiguous"}).require({"year"});
    i.history.push_back(
        {h.small("year"), h.opt_decimal("value"), h.small("column"), h.boolean("ambiguous")});
  });
  i.note = n.str("note");
  i.version = n.version("version");
  i.source = read_provenance(n.at("source"));
  return i;
}

Objective objective(Node n) {
  n.keys({"vista",
          "code",
          "level",
          "parent",
          "year",
          "short_description",
          "description",
          "description_truncated",
          "strategic_purpose",
          "operational_purpose",
          "implementation",
          "objective_type",
          "state",
          "area",
          "assessorato",
          "center",
          "responsible",
          "direction",
          "director",
          "status",
          "structures",
          "people",
          "phases",
          "indicators",
          "version",
          "source"})
      .require({"vista", "code", "level"});
  Objective o;
  o.vista = n.str("vista");
  o.code = n.str("code");
  if (o.code.empty()) throw BadField{n.path() + ".code", "il codice dell'obiettivo è obbligatorio"};
  o.level = n.enumeration<Level>("level", level_from_string, "mandato, missione, programma, peg",
                                 Level::peg);
  o.parent = n.str("parent");
  o.year = n.opt_int("year");
  o.short_description = n.str("short_description");
  o.description = n.str("description");
  o.description_truncated = n.boolean("description_truncated");
  o.strategic_purpose = n.str("strategic_purpose");
  o.operational_purpose = n.str("operational_purpose");
  o.implementation = n.str("implementation");
  o.objective_type = n.str("objective_type");
  o.state = n.str("state");
  o.area = n.opt_int("area");
  o.assessorato = n.str("assessorato");
  o.center = n.str("center");
  o.responsible = n.str("responsible");
  o.direction = n.str("direction");
  o.director = n.str("director");
  n.for_each("status", [&](Node s) {
    s.keys({"year", "as_of", "text"});
    o.status.push_back({s.opt_int("year"), s.opt_date("as_of"), s.str("text")});
  });
  n.for_each("structures", [&](Node s) {
    s.keys({"description", "relation", "mission", "programme", "share_pct", "start", "end"});
    o.structures.push_back({s.str("description"), s.str("relation"), s.str("mission"),
                            s.str("programme"), s.opt_decimal("share_pct"), s.opt_date("start"),
                            s.opt_date("end")});
  });
  n.for_each("people", [&](Node s) {
    s.keys({"person", "relation", "effort_pct", "start", "end"});
    o.people.push_back({s.str("person"), s.str("relation"), s.opt_decimal("effort_pct"),
                        s.opt_date("start"), s.opt_date("end")});
  });
  n.for_each("phases", [&](Node s) { o.phases.push_back(phase(s)); });
  n.for_each("indicators", [&](Node s) { o.indicators.push_back(indicator(s)); });
  o.version = n.version("version");
  o.source = read_provenance(n.at("source"));
  return o;
}

Dataset dataset(Node n) {
  n.keys({"ente", "vistas", "areas", "assessorati", "persons", "centers", "objectives", "documents",
          "piano_di_zona", "statistiche", "audit_log"});
  Dataset d;
  Node e = n.at("ente");
  e.keys({"code", "name", "kind"}).require({"code", "name"});
  d.ente.code = e.code("code");
  if (d.ente.code.empty()) throw BadField{e.path() + ".code", "il codice dell'ente è obbligatorio"};
  d.ente.name = e.str("name");
  d.ente.kind = e.enumeration<EnteKind>("kind", ente_kind_from_string,
                                        "comune, unione, ambito, altro", EnteKind::comune);
  n.for_each("vistas", [&](Node v) {
    v.keys({"code", "description", "year_from", "year_to", "levels", "level_definitions"})
        .require({"code"});
    Vista x;
    x.code = v.str("code");
    x.description = v.str("description");
    x.year_from = v.has("year_from") ? v.small("year_from") : 0;
    x.year_to = v.has("year_to") ? v.small("year_to") : 0;
    if (v.has("levels")) x.levels.clear(); // otherwise the standard four levels
    v.for_each("levels", [&](Node l) {
      auto lv =
          l.json().is_string() ? level_from_string(l.json().get<std::string>()) : std::nullopt;
      if (!lv) throw BadField{l.path(), "livello non ammesso (mandato, missione, programma, peg)"};
      x.levels.push_back(*lv);
    });
    d.vistas.push_back(std::move(x));
  });
  n.for_each("areas", [&](Node a) {
    a.keys({"vista", "number", "description"}).require({"vista", "number"});
    d.areas.push_back({a.str("vista"), a.small("number"), a.str("description")});
  });
  n.for_each("assessorati", [&](Node a) {
    a.keys({"key", "description", "delegations", "aliases"}).require({"key"});
    d.assessorati.push_back(
        {a.str("key"), a.str("description"), a.str("delegations"), a.strings("aliases")});
  });
  n.for_each("persons", [&](Node a) {
    a.keys({"key", "name", "username", "aliases"}).require({"key"});
    d.persons.push_back({a.str("key"), a.str("name"), a.str("username"), a.strings("aliases")});
  });
  n.for_each("centers", [&](Node a) {
    a.keys({"code", "name", "short_name", "kind", "parent", "peg_sigla", "head", "valid_from",
            "valid_to", "aliases"})
        .require({"code"});
    ResponsibilityCenter c;
    c.code = a.str("code");
    c.name = a.str("name");
    c.short_name = a.str("short_name");
    c.kind = a.str("kind");
    c.parent = a.str("parent");
    c.peg_sigla = a.str("peg_sigla");
    c.head = a.str("head");
    c.valid_from = a.opt_date("valid_from");
    c.valid_to = a.opt_date("valid_to");
    c.aliases = a.strings("aliases");
    d.centers.push_back(std::move(c));
  });
  n.for_each("objectives", [&](Node o) { d.objectives.push_back(objective(o)); });
  n.for_each("documents", [&](Node s) {
    s.keys(
        {"name", "sha256", "kind", "produced", "vista", "level", "filter_label", "filter_value"});
    d.documents.push_back({s.str("name"), s.str("sha256"), s.str("kind"), s.opt_date("produced"),
                           s.str("vista"), s.str("level"), s.str("filter_label"),
                           s.str("filter_value")});
  });
  read_district_json(n.json(), n.path(), d);
  return d;
}

} // namespace

namespace {

Result<void> check_header(const J& header) {
  try {
    Node root(header, "$");
    root.keys({"format", "format_version", "enti"}).require({"format", "format_version"});
    if (root.str("format") != "traguardi")
      throw BadField{"$.format", "il file non è nel formato di interscambio di traguardi"};
    if (root.integer("format_version") != kFormatVersion)
      throw BadField{
          "$.format_version",
          fmt::format("versione del formato non supportata (attesa {})", kFormatVersion)};
  } catch (const BadField& b) {
    return fail(b.message, b.path);
  }
  return {};
}

// One ente of the stream: converted, checked on its own (references, bounds) and handed out.
class EnteReader {
public:
  EnteReader(const std::string& source, const std::function<Result<void>(EnteRecord&&)>& each)
      : source_(source), each_(each) {}

  Result<void> operator()(J&& json, std::size_t i) {
    const std::string root = fmt::format("$.enti[{}]", i);
    Dataset d;
    std::vector<AuditEntry> log;
    try {
      d = dataset(Node(json, root));
      if (json.contains("audit_log") && !json.at("audit_log").is_null())
        log = read_audit_json(json.at("audit_log"), root + ".audit_log");
    } catch (const BadField& b) {
      return fail(b.message, fmt::format("{}: {}", source_, b.path));
    } catch (const AuditJsonError& b) {
      return fail(b.message, fmt::format("{}: {}", source_, b.path));
    }
    json = J(); // the model is built: the JSON of this ente is no longer needed
    if (!codes_.insert(d.ente.code).second)
      return fail("ente duplicato: «" + d.ente.code + "»",
                  fmt::format("{}: {}.ente.code", source_, root));
    auto bounds = out_of_bounds(d, root);
    if (!bounds.empty())
      return fail(bounds.front().message, fmt::format("{}: {}", source_, bounds.front().path));
    auto errs = check_references(d, root);
    if (!errs.empty()) {
      Error e = errs.front();
      e.where = source_ + ": " + e.where;
      if (errs.size() > 1) e.message += fmt::format(" (e altri {} errori)", errs.size() - 1);
      return tl::unexpected(e);
    }
    return each_(EnteRecord{std::move(d), std::move(log)});
  }

private:
  const std::string& source_;
  const std::function<Result<void>(EnteRecord&&)>& each_;
  std::set<std::string> codes_;
};

HeaderCheck header_check(const std::string& source) {
  return [&source](const J& header) -> Result<void> {
    auto ok = check_header(header);
    if (!ok) return fail(ok.error().message, fmt::format("{}: {}", source, ok.error().where));
    return ok;
  };
}

} // namespace

Result<std::size_t> read_json(std::istream& in, const std::string& source,
                              const std::function<Result<void>(EnteRecord&&)>& each,
                              const ReadLimits& limits) {
  EnteReader reader(source, each);
  return read_stream(in, source, limits, header_check(source),
                     [&](J&& j, std::size_t i) { return reader(std::move(j), i); });
}

Result<std::vector<Dataset>> from_json(const std::string& text, const std::string& source) {
  std::vector<Dataset> out;
  std::function<Result<void>(EnteRecord &&)> keep = [&](EnteRecord&& r) -> Result<void> {
    out.push_back(std::move(r.dataset));
    return {};
  };
  EnteReader reader(source, keep);
  auto n = read_text(text, source, ReadLimits::from_environment(), header_check(source),
                     [&](J&& j, std::size_t i) { return reader(std::move(j), i); });
  if (!n) return tl::unexpected(n.error());
  return out;
}

} // namespace traguardi::interchange
