#include "importer/labelled_header.h"

#include <deque>

#include "importer/header_cells.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

bool is_area_start(std::string_view line) {
  auto w = split_words(line);
  return !w.empty() && w[0].size() >= 2 && w[0].back() == '.' &&
         w[0].find_first_not_of("0123456789") == w[0].size() - 1;
}

// How many lines of block[at..] the cell takes by its shape; 0 when the block is not its value.
std::size_t takes(HeaderCell cell, const Block& block, std::size_t at) {
  std::size_t n = 0;
  switch (cell) {
  case HeaderCell::assessorato:
  case HeaderCell::delegations:
    return block.size() - at;
  case HeaderCell::area:
    if (!is_area_start(block[at])) return 0;
    [[fallthrough]];
  case HeaderCell::center:
  case HeaderCell::direction:
  case HeaderCell::director:
    while (at + n < block.size() && all_upper(block[at + n]))
      ++n;
    if (n == 0 && cell == HeaderCell::center && is_councillor_center(block[at])) n = 1;
    return n;
  }
  return 0;
}

struct Cells {
  Block area, assessorato, delegations, center, description;
  Block* of(HeaderCell c) {
    switch (c) {
    case HeaderCell::area:
      return &area;
    case HeaderCell::assessorato:
      return &assessorato;
    case HeaderCell::delegations:
      return &delegations;
    case HeaderCell::center:
      return &center;
    case HeaderCell::direction:
    case HeaderCell::director:
      return nullptr; // printed, read by no stage
    }
    return nullptr;
  }
};

void offer(const Block& block, std::deque<HeaderCell>& queue, Cells& cells) {
  std::size_t at = 0;
  while (at < block.size() && !queue.empty()) {
    const std::size_t n = takes(queue.front(), block, at);
    if (n > 0)
      if (Block* cell = cells.of(queue.front()))
        cell->insert(cell->end(), block.begin() + static_cast<long>(at),
                     block.begin() + static_cast<long>(at + n));
    queue.pop_front(); // filled, or empty: its value did not come
    at += n;
  }
  cells.description.insert(cells.description.end(), block.begin() + static_cast<long>(at),
                           block.end());
}

} // namespace

bool is_councillor_center(std::string_view t) {
  const auto w = split_words(t);
  return (iequals(t, "Sindaco") || (w.size() >= 3 && w.size() <= 5 && w[0] == "Assessore")) &&
         t.find_first_of(".,;:") == std::string_view::npos;
}

bool labels_alone(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                  SheetTemplate templ) {
  for (std::size_t k = from; k < to; ++k)
    if (const HeaderLabel* l = header_label_alone(templ, lines[k].text);
        l && (l->cell == HeaderCell::assessorato || l->cell == HeaderCell::area))
      return true;
  return false;
}

bool fill_labelled_header(const std::vector<Line>& lines, std::size_t from, std::size_t code,
                          std::size_t to, std::string_view code_rest, SheetTemplate templ,
                          PageHeader& h) {
  std::deque<HeaderCell> queue;
  for (std::size_t k = from; k < code; ++k)
    if (const HeaderLabel* l = header_label_alone(templ, lines[k].text)) queue.push_back(l->cell);
  Cells cells;
  Block block;
  if (!code_rest.empty()) block.push_back(code_rest);
  auto close = [&] {
    if (!block.empty()) offer(block, queue, cells);
    block.clear();
  };
  bool in_description = false; // after the description's own label (HTML sheets print it)
  for (std::size_t k = code + 1; k < to; ++k) {
    std::string_view t = lines[k].text;
    if (const HeaderLabel* l = header_label_alone(templ, t)) {
      close();
      queue.push_back(l->cell);
      in_description = false;
    } else if (iequals(t, "Descrizione") || istarts_with(t, "Descrizione (")) {
      close(); // what follows is the description, whatever cells above had no value
      queue.clear();
      in_description = true;
    } else if (t.empty() || is_label_line(t)) {
      close(); // an empty line, or a label of no cell of its own
    } else if (in_description) {
      cells.description.push_back(t);
    } else {
      block.push_back(t);
    }
  }
  close();
  h.area_text = join_block(cells.area);
  h.assessorato = join_block(cells.assessorato);
  h.delegations = join_block(cells.delegations);
  h.center_name = join_block(cells.center);
  h.description = join_block(cells.description);
  for (HeaderCell c : queue)
    if (c == HeaderCell::center) return true;
  return false;
}

} // namespace traguardi::importer
