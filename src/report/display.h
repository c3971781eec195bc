// display_money built in place: the JSON writers write a figure's display
// amount from a stack buffer instead of a string made and freed per figure.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "dealscan/types.h"
#include "report/small_copy.h"

namespace dealscan::report_detail {

// Text of at most N bytes built in place; what does not fit marks it
// overflowed (and is dropped).
template <std::size_t N>
class FixedText {
 public:
  void append(const char* s, std::size_t n) {
    if (n > N - size_) {
      overflowed_ = true;
      return;
    }
    copy_small(data_ + size_, s, n);
    size_ += n;
  }
  void push_back(char c) { append(&c, 1); }
  void clear() {
    size_ = 0;
    overflowed_ = false;
  }
  bool overflowed() const { return overflowed_; }
  std::string_view view() const { return {data_, size_}; }

 private:
  char data_[N];
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

// Appends display_money(m) to out (std::string or FixedText).
template <class Out>
void append_display_money(Out& out, const MoneyMention& m);

// display_money(m), in place unless it is unusually long (a long currency
// code, an amount of more than nine digits a scale).
class DisplayMoney {
 public:
  DisplayMoney() = default;
  explicit DisplayMoney(const MoneyMention& m) { make(m); }
  // Replaces the text by display_money(m).
  void make(const MoneyMention& m);
  std::string_view text() const { return fixed_.overflowed() ? std::string_view(spare_) : fixed_.view(); }

 private:
  FixedText<48> fixed_;
  std::string spare_;
};

// The display amounts of one document's figures, each made once for the
// last few distinct amounts: nearly half the figures repeat an amount of
// their document, mostly one just before them.
class RecentDisplays {
 public:
  // display_money(m); valid until the next call. m must outlive the object
  // (the amounts are compared with the remembered mentions).
  std::string_view text(const MoneyMention& m);

 private:
  static constexpr std::size_t kSlots = 8;
  struct Slot {
    const MoneyMention* money = nullptr;
    DisplayMoney shown;
  };
  Slot slots_[kSlots];
  std::size_t used_ = 0;  // slots filled
  std::size_t next_ = 0;  // slot the next new amount replaces
};

}  // namespace dealscan::report_detail
