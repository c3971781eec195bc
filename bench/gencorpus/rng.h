// A tiny deterministic random source for the corpus generator. The standard
// distributions differ between standard libraries, so a seed must give the
// same corpus everywhere: we use splitmix64 and our own range reduction.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace dealscan::gen {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n == 0 gives 0.
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  // Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  // True with probability percent/100.
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  // Uniform in [0, 1), from the top 53 bits (same on every platform).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Log-uniform in [lo, hi]: small amounts as common as big ones per decade.
  double log_between(double lo, double hi) { return lo * std::exp(unit() * std::log(hi / lo)); }
  // An index drawn with the given relative weights.
  std::size_t weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(below(static_cast<std::size_t>(total)));
    std::size_t i = 0;
    for (int w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }

  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
  template <class A>
  const typename A::value_type& pick_array(const A& a) { return a[below(a.size())]; }

 private:
  std::uint64_t state_;
};

}  // namespace dealscan::gen
