#include "interchange/json_pull.h"

namespace traguardi::interchange {

PullReader::PullReader(std::istream& in, std::string source, ReadLimits limits) {
  worker_ = std::thread([this, &in, source = std::move(source), limits] {
    std::function<Result<void>(EnteRecord &&)> put = [this](EnteRecord&& d) -> Result<void> {
      std::unique_lock lock(m_);
      cv_.wait(lock, [this] { return !slot_ || cancelled_; });
      if (cancelled_) return fail("lettura interrotta");
      slot_ = std::move(d);
      cv_.notify_all();
      return {};
    };
    Result<std::size_t> r = [&]() -> Result<std::size_t> {
      try {
        return read_json(in, source, put, limits);
      } catch (const std::exception& e) {
        return fail(e.what(), source, ErrorKind::internal);
      }
    }();
    std::lock_guard lock(m_);
    if (!r && !cancelled_) error_ = r.error();
    done_ = true;
    cv_.notify_all();
  });
}

PullReader::~PullReader() {
  {
    std::lock_guard lock(m_);
    cancelled_ = true;
    cv_.notify_all();
  }
  worker_.join();
}

std::optional<Dataset> PullReader::next() {
  auto r = next_record();
  if (!r) return std::nullopt;
  return std::move(r->dataset);
}

std::optional<EnteRecord> PullReader::next_record() {
  std::unique_lock lock(m_);
  cv_.wait(lock, [this] { return slot_ || done_; });
  if (slot_) {
    std::optional<EnteRecord> d = std::move(slot_);
    slot_.reset();
    ++handed_;
    cv_.notify_all();
    return d;
  }
  if (error_) throw_error(*error_);
  return std::nullopt;
}

} // namespace traguardi::interchange
