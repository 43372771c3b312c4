// The streaming reader in the shape Store::replace_many wants: one ente at a time, on demand.
//
// The SAX reader pushes enti as it meets them; the store pulls them inside its transaction.
// A helper thread runs the reader and hands over one Dataset at a time (a one-slot queue), so
// memory stays at one ente (plus the one being written) whatever the size of the file. A bad
// ente makes `next` throw InvalidInput, so the store rolls back and nothing is written; the
// destructor stops the reader if the store gave up first.
#pragma once

#include <condition_variable>
#include <istream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/model.h"
#include "interchange/json_format.h"

namespace traguardi::interchange {

class PullReader {
public:
  PullReader(std::istream& in, std::string source, ReadLimits limits);
  ~PullReader();
  PullReader(const PullReader&) = delete;
  PullReader& operator=(const PullReader&) = delete;

  /// The next ente, nullopt at the end of a valid file; throws InvalidInput on a bad file.
  std::optional<Dataset> next();
  /// The same with the audit log the ente carried in the file.
  std::optional<EnteRecord> next_record();
  /// Enti handed out so far.
  std::size_t count() const { return handed_; }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::optional<EnteRecord> slot_;
  std::optional<Error> error_;
  bool done_ = false, cancelled_ = false;
  std::size_t handed_ = 0;
  std::thread worker_;
};

} // namespace traguardi::interchange
