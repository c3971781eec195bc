// Reads one Italian number from tokens: digits with either separator
// convention ("1.500", "6,6", "1,500,000", "2.5"), compound number words
// ("duecentocinquanta"), scale words ("10 miliardi", "10mila", "85bn",
// "un miliardo e mezzo", "mezzo trilione"), fractions ("tre quarti").
// Shared by NumberParser and MoneyExtractor; built once per extractor.
#pragma once

#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/money_tokens.h"
#include "extract/money_words.h"

namespace dealscan::money {

struct NumRead {
  std::size_t first = 0;  // first token
  std::size_t last = 0;   // one past the last token
  double value = 0;
  double scale = 1;       // product of the scale words read (1 when none)
  bool has_scale = false;
  bool digits = false;        // written with digits
  bool integer = true;        // no decimal part was written
  bool definite = false;      // "il trilione": needs an explicit currency
  bool glued_suffix = false;  // letters glued after the digits that are no scale ("29km")
  bool of_scale = false;      // a group or fraction ("tre quarti"): takes its scale through "di"
  // How it was read ("digits", "article+group+scale"): one of the names in
  // number_reader.cpp's table, which outlive every reading (no string is
  // built or copied per number read).
  std::string_view rule;
};

// Values above this are rejected (no wrap-around, no nonsense).
inline constexpr double kMaxValue = 1e16;

// "1.234,5" -> 1234.5; nullopt when the separators make no number ("1.2.3").
std::optional<double> parse_digits(std::string_view s);

// A quick test run before a costlier lookup: false means that no listed
// word is w and none is a prefix of w; true may be wrong. It looks at the
// first three bytes only, so most words are turned away without hashing.
class PrefixFilter {
 public:
  // w may be looked up later exactly as written.
  void add_word(std::string_view w) { set(key(w)); }
  // Any word starting with p may be looked up.
  void add_prefix(std::string_view p) {
    if (p.size() >= 3) set(key(p));
    else if (p.size() == 2) head2_.set(head2(p));
    else if (p.size() == 1) head1_.set(static_cast<unsigned char>(p[0]));
    short_prefixes_ = short_prefixes_ || (!p.empty() && p.size() < 3);
  }
  // Lets through what either filter lets through.
  void add_all(const PrefixFilter& other) {
    for (std::size_t k = 0; k < bits_.size(); ++k) bits_[k] |= other.bits_[k];
    head1_ |= other.head1_;
    head2_ |= other.head2_;
    short_prefixes_ = short_prefixes_ || other.short_prefixes_;
  }
  // Short prefixes are tested as the word's first one and two bytes (two
  // bit lookups, no loop over them: most words asked are turned away).
  // operator[], not test(): every index is in range by construction, and
  // test() checks it again.
  // The short-prefix tests are skipped when there are none (the number
  // pieces are all three bytes or more): most words asked fail every test.
  bool may_hold(std::string_view w) const {
    if (test(key(w))) return true;
    if (!short_prefixes_ || w.empty()) return false;
    return head1_[static_cast<unsigned char>(w[0])] || (w.size() >= 2 && head2_[head2(w)]);
  }
  // may_hold for a filter without short prefixes: a loop over many words
  // asks has_short_prefixes once and this for each word.
  bool has_short_prefixes() const { return short_prefixes_; }
  bool may_hold_no_short(std::string_view w) const { return test(key(w)); }

 private:
  static constexpr int kBits = 16;
  // Hash of the first three bytes (fewer when w is shorter) and that count.
  // Asked for most tokens of a document: the usual word of three bytes or
  // more takes its first two in one load, and its count needs no test.
  static std::size_t key(std::string_view w) {
    const std::size_t n = w.size();
    const auto* p = reinterpret_cast<const unsigned char*>(w.data());
    std::uint32_t k = 0;
    if (n >= 3) k = 3u << 24 | first_two(p) | std::uint32_t{p[2]} << 16;
    else if (n == 2) k = 2u << 24 | first_two(p);
    else if (n == 1) k = 1u << 24 | p[0];
    return (k * 2654435761u) >> (32 - kBits);
  }
  // p[0] | p[1] << 8.
  static std::uint32_t first_two(const unsigned char* p) {
    if constexpr (std::endian::native == std::endian::little) {
      std::uint16_t v;
      std::memcpy(&v, p, 2);
      return v;
    } else {
      return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8;
    }
  }
  static std::size_t head2(std::string_view w) {
    return std::size_t{static_cast<unsigned char>(w[0])} << 8 | static_cast<unsigned char>(w[1]);
  }
  // The keys' bits, 64 to a word: tested with one shift and mask (a
  // bitset's test built the mask first).
  void set(std::size_t k) { bits_[k >> 6] |= std::uint64_t{1} << (k & 63); }
  bool test(std::size_t k) const { return (bits_[k >> 6] >> (k & 63)) & 1u; }
  std::array<std::uint64_t, (1u << kBits) / 64> bits_{};
  std::bitset<256> head1_;      // one-byte prefixes
  std::bitset<(1u << 16)> head2_;  // two-byte prefixes
  bool short_prefixes_ = false;    // whether head1_ or head2_ has any
};

// Whether an amount may start at a word, from the word alone: never, only
// when the next token is one of a few words (a scale after "il", "un",
// "mezzo"; the rest of a currency's name after "a" of "A$"), or ask the
// matcher. A test asked before the matcher; it may let through too much.
enum class Opens : std::uint8_t { Never, BeforeNext, Ask };

class NumberReader {
 public:
  explicit NumberReader(const Lexicon& lexicon);
  // The number starting at token i, longest reading.
  // after_prefix: digits may be glued to a currency code before them ("USD1,23").
  std::optional<NumRead> read(const std::vector<Token>& toks, std::size_t i, bool after_prefix = false) const;
  // False when read(toks, i) surely finds no number: a word that reads as a
  // number only before a scale ("il", "un", "mezzo") is refused when none
  // follows. Cheaper than read: no reading is built.
  bool may_read_at(const std::vector<Token>& toks, std::size_t i) const;
  // A compound number word ("tremilacinquecento"), nullopt if w is not one.
  std::optional<double> word_value(std::string_view w) const;
  // The multiplier of a scale token at i (respecting glued_only), or 0.
  // Asked after every number read, mostly at words that are no scale: the
  // filter's refusal is inline, the lookup out of line.
  double scale_at(const std::vector<Token>& toks, std::size_t i) const {
    if (i >= toks.size() || toks[i].kind != TokKind::Word || !scale_filter_.may_hold(toks[i].low)) return 0;
    return scale_listed(toks[i]);
  }
  // Lets through every word word_value may read (those starting with a piece).
  const PrefixFilter& number_word_filter() const { return piece_starts_; }
  // Whether may_read_at can be true at a word w (of kind Word): BeforeNext
  // for the words that read as a number only before a scale or a group
  // noun ("il", "un", "una", "mezzo"), whose words add_next_words adds.
  Opens opens(std::string_view w) const;
  // Adds every word that may follow a BeforeNext word in a number: the
  // scales and the group and fraction nouns.
  void add_next_words(PrefixFilter& f) const;

 private:
  // The role of a number word (type= in number_words.tsv), read once.
  enum class Kind : std::uint8_t {
    Unit, Ten, Elided, Hundred, ElidedHundred, Thousand,  // pieces of compounds
    Article, Definite, Group, Half, Fraction, Other       // whole words
  };
  struct Piece {
    double value;
    std::string type;  // as listed, for the rule names
    Kind kind;
  };
  struct Scale {
    double value;
    bool glued_only;
  };
  static Kind kind_of(std::string_view type);
  // The whole word w (article, group, half, fraction, definite) or null; the
  // filter turns most words away before the hash lookup.
  const Piece* whole_word(std::string_view w) const {
    if (!whole_filter_.may_hold(w)) return nullptr;
    return whole_.find(w);
  }
  bool compose(std::string_view w, std::size_t p, double total, double current, bool need_vowel, int last_rank,
               double& out) const;
  std::optional<NumRead> read_base(const std::vector<Token>& toks, std::size_t i, bool after_prefix) const;
  void read_scales(const std::vector<Token>& toks, NumRead& n) const;
  // scale_at for a word scale_filter_ lets through.
  double scale_listed(const Token& t) const;

  // Tells this reader's remembered word values (word_value's per-thread
  // memo) from another's: each reader gets its own number.
  std::uint64_t memo_id_;
  std::optional<double> compose_word(std::string_view w) const;
  std::vector<std::pair<std::string, Piece>> pieces_;  // longest first
  std::array<std::vector<std::size_t>, 256> by_first_byte_;  // indices into pieces_
  PrefixFilter piece_starts_;  // turns away words that start with no piece
  WordTable<Piece> whole_;  // article, group, half, fraction, definite
  WordTable<Scale> scales_;
  PrefixFilter whole_filter_, scale_filter_;  // their words, asked before hashing
};

}  // namespace dealscan::money
