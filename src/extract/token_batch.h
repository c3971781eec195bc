// Tokens appended to a vector a few at a time. The tokenizers' calls of
// std::vector::push_back are not inlined (a call per token); a batch is
// copied in with one call.
#pragma once

#include <cstddef>
#include <vector>

namespace dealscan::text {

template <class T, std::size_t N = 32>
class TokenBatch {
 public:
  explicit TokenBatch(std::vector<T>& out) : out_(out) {}
  TokenBatch(const TokenBatch&) = delete;
  TokenBatch& operator=(const TokenBatch&) = delete;
  ~TokenBatch() { flush(); }

  void add(const T& t) {
    buf_[n_++] = t;
    if (n_ == N) flush();
  }
  // Call before anything else appends to or reads the vector.
  void flush() {
    out_.insert(out_.end(), buf_, buf_ + n_);
    n_ = 0;
  }
  bool empty() const { return n_ == 0 && out_.empty(); }

 private:
  std::vector<T>& out_;
  T buf_[N];
  std::size_t n_ = 0;
};

}  // namespace dealscan::text
