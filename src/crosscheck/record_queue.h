// Records written once and read back once, in the order written: in an
// anonymous temporary file, or in memory when none can be made (which only
// costs memory). For what one pass over an archive computes and the next
// pass needs, when holding it all would not keep memory flat.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/temp_file.h"

namespace dealscan::crosscheck {

class RecordQueue {
 public:
  // `what` names the user of the file in errors ("story grouping").
  explicit RecordQueue(std::string what) : what_(std::move(what)) {
    try {
      file_.reset(anonymous_temp_file(what_.c_str()));
      // Records are short: stdio's default 4 KB buffer meant a system call
      // every few of them.
      buffer_ = std::make_unique<char[]>(kBuffer);
      std::setvbuf(file_.get(), buffer_.get(), _IOFBF, kBuffer);
    } catch (const std::runtime_error&) {
      // No temporary file: the records stay in memory.
    }
  }

  void push(std::string record) {
    if (!file_) {
      memory_.push_back(std::move(record));
      return;
    }
    const std::uint64_t n = record.size();
    if (std::fwrite(&n, sizeof n, 1, file_.get()) != 1 || (n && std::fwrite(record.data(), 1, n, file_.get()) != n))
      throw std::runtime_error(what_ + ": cannot write a temporary file in " + temp_dir());
  }

  // Writing is over; pop() reads from the first record on.
  void rewind() {
    if (!file_) return;
    // Buffered writes fail here at the latest (a full disk), not at fwrite.
    if (std::fflush(file_.get()) != 0 || std::ferror(file_.get()))
      throw std::runtime_error(what_ + ": cannot write a temporary file in " + temp_dir());
    std::rewind(file_.get());
  }

  // The next record; as many calls as push() had.
  std::string pop() {
    std::string record;
    if (!file_ && !memory_.empty()) {
      record = std::move(memory_.front());
      memory_.pop_front();
      return record;
    }
    std::uint64_t n = 0;
    if (file_ && std::fread(&n, sizeof n, 1, file_.get()) == 1) {
      record.resize(n);
      if (!n || std::fread(record.data(), 1, n, file_.get()) == n) return record;
    }
    throw std::runtime_error(what_ + ": cannot read back a temporary file in " + temp_dir());
  }

 private:
  static constexpr std::size_t kBuffer = 64 << 10;
  std::string what_;
  std::unique_ptr<char[]> buffer_;  // file_'s: declared first, so it outlives the file
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, std::fclose};
  std::deque<std::string> memory_;
};

}  // namespace dealscan::crosscheck
