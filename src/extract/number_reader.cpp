#include "extract/number_reader.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dealscan::money {
namespace {

std::atomic<std::uint64_t> next_memo_id{1};  // NumberReader::memo_id_ of the next reader

bool all_groups_of_three(std::string_view s, char sep) {
  std::size_t pos = s.find(sep);
  while (pos != std::string_view::npos) {
    std::size_t next = s.find(sep, pos + 1);
    std::size_t len = (next == std::string_view::npos ? s.size() : next) - pos - 1;
    if (len != 3) return false;
    pos = next;
  }
  return true;
}

// Every rule name a reading can have: how its number was read, then that
// name after scale words ("+scale") or after scale words and "e mezzo"
// ("+e-mezzo+scale").
struct RuleNames {
  std::string_view base, scaled, half_scaled;
};
constexpr RuleNames kRuleNames[] = {
    {"digits", "digits+scale", "digits+e-mezzo+scale"},
    {"words", "words+scale", "words+e-mezzo+scale"},
    {"words+fraction", "words+fraction+scale", "words+fraction+e-mezzo+scale"},
    {"article+group", "article+group+scale", "article+group+e-mezzo+scale"},
    {"article+fraction", "article+fraction+scale", "article+fraction+e-mezzo+scale"},
    {"il+scale", "il+scale+scale", "il+scale+e-mezzo+scale"},
    {"un+scale", "un+scale+scale", "un+scale+e-mezzo+scale"},
    {"mezzo+scale", "mezzo+scale+scale", "mezzo+scale+e-mezzo+scale"},
};
enum RuleIndex { kDigits, kWords, kWordsFraction, kArticleGroup, kArticleFraction, kIlScale, kUnScale, kMezzoScale };

// The name of base read with scale words (and "e mezzo" after them): base
// is always one of the table's bases, which hold their own string.
std::string_view scaled_rule(std::string_view base, bool half) {
  for (const auto& r : kRuleNames)
    if (r.base.data() == base.data()) return half ? r.half_scaled : r.scaled;
  return base;  // not reached: every reading's rule comes from the table
}

}  // namespace

NumberReader::Kind NumberReader::kind_of(std::string_view t) {
  if (t == "unit") return Kind::Unit;
  if (t == "ten") return Kind::Ten;
  if (t == "elided") return Kind::Elided;
  if (t == "hundred") return Kind::Hundred;
  if (t == "elided-hundred") return Kind::ElidedHundred;
  if (t == "thousand") return Kind::Thousand;
  if (t == "article") return Kind::Article;
  if (t == "definite") return Kind::Definite;
  if (t == "group") return Kind::Group;
  if (t == "half") return Kind::Half;
  if (t == "fraction") return Kind::Fraction;
  return Kind::Other;
}

namespace {

// Up to 15 digits, with at most one '.' among them ("1500", "6.6"): every
// such integer is a double exactly, and so is every power of ten up to
// 10^22, so one division rounds as from_chars does (the exact quotient,
// correctly rounded). nullopt for anything else, from_chars reads it.
constexpr std::size_t kExactDigits = 15;
std::optional<double> read_short_decimal(std::string_view s) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  std::uint64_t m = 0;
  std::size_t digits = 0, point = s.size();
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (c >= '0' && c <= '9') {
      m = m * 10 + static_cast<std::uint64_t>(c - '0');
      ++digits;
    } else if (c == '.' && point == s.size() && k > 0 && k + 1 < s.size()) {
      point = k;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || digits > kExactDigits) return std::nullopt;
  const std::size_t decimals = point == s.size() ? 0 : s.size() - point - 1;
  return static_cast<double>(m) / kPow10[decimals];
}

// "2024", "15": digits only, read with no copy (most numbers in news are).
// Same checks as the general case below.
std::optional<double> parse_plain_digits(std::string_view raw) {
  if (raw.size() > 1 && raw[0] == '0') return std::nullopt;  // "029"
  if (raw.size() <= kExactDigits) return read_short_decimal(raw);
  double v = 0;
  if (std::from_chars(raw.data(), raw.data() + raw.size(), v).ec == std::errc::result_out_of_range)
    return std::nullopt;
  if (!std::isfinite(v) || v > kMaxValue) return std::nullopt;
  return v;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

std::optional<double> parse_digits(std::string_view raw) {
  if (all_digits(raw)) return parse_plain_digits(raw);
  std::string s;
  for (char c : raw)
    if (c != ' ') s += c;  // "10 000": spaces only ever separate thousands
  auto dots = std::count(s.begin(), s.end(), '.');
  auto commas = std::count(s.begin(), s.end(), ',');
  std::string clean;
  char thousands = 0, decimal = 0;
  if (dots && commas) {
    decimal = s.rfind('.') > s.rfind(',') ? '.' : ',';
    thousands = decimal == '.' ? ',' : '.';
    if ((decimal == '.' ? dots : commas) > 1) return std::nullopt;
  } else if (dots) {
    // Italian: a dot before exactly three digits groups thousands ("1.500").
    if (dots > 1 || s.size() - s.find('.') - 1 == 3) thousands = '.';
    else decimal = '.';
  } else if (commas) {
    if (commas > 1) thousands = ',';  // "1,500,000"
    else decimal = ',';               // "6,6", "1,500" (Italian decimal)
  }
  std::string_view int_part = s;
  if (decimal) int_part = std::string_view(s).substr(0, s.rfind(decimal));
  if (thousands && !all_groups_of_three(int_part, thousands)) return std::nullopt;
  if (int_part.size() > 1 && int_part[0] == '0' && (int_part[1] >= '0' && int_part[1] <= '9')) return std::nullopt;
  for (char c : s) {
    if (c == thousands) continue;
    clean += c == decimal ? '.' : c;
  }
  if (auto exact = read_short_decimal(clean)) return exact;  // the usual "1.500", "6,6"
  // from_chars reads as strtod does in the C locale (correctly rounded), at
  // a fraction of its cost; too many digits are out of range, as strtod's
  // infinity was.
  double v = 0;
  if (std::from_chars(clean.data(), clean.data() + clean.size(), v).ec == std::errc::result_out_of_range)
    return std::nullopt;
  if (!std::isfinite(v) || v > kMaxValue) return std::nullopt;
  return v;
}

NumberReader::NumberReader(const Lexicon& lexicon) : memo_id_(next_memo_id++) {
  for (const auto& e : lexicon.list("number_words")) {
    Piece p{e.number("value"), std::string(e.attr("type")), kind_of(e.attr("type"))};
    for (const auto& f : e.forms) {
      if (p.kind <= Kind::Thousand) {
        pieces_.emplace_back(f, p);
      } else {
        whole_.emplace(f, p);
        whole_filter_.add_word(f);
      }
    }
  }
  std::stable_sort(pieces_.begin(), pieces_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (std::size_t k = 0; k < pieces_.size(); ++k) {
    by_first_byte_[static_cast<unsigned char>(pieces_[k].first[0])].push_back(k);
    piece_starts_.add_prefix(pieces_[k].first);
  }
  for (const auto& e : lexicon.list("scales")) {
    if (e.attr("type") == "vague") continue;
    for (const auto& f : e.forms) {
      scales_.emplace(f, Scale{e.number("value", 1), e.attr("glued_only") == "1"});
      scale_filter_.add_word(f);
    }
  }
}

// Splits w[p..] into number pieces; "ventotto" = vent(elided) + otto.
bool NumberReader::compose(std::string_view w, std::size_t p, double total, double current, bool need_vowel,
                           int last_rank, double& out) const {
  if (p == w.size()) {
    if (need_vowel) return false;
    out = total + current;
    return true;
  }
  if (need_vowel && w[p] != 'u' && w[p] != 'o') return false;
  // Only the pieces that can start here (compose runs on every word).
  for (std::size_t idx : by_first_byte_[static_cast<unsigned char>(w[p])]) {
    const auto& [form, piece] = pieces_[idx];
    if (w.compare(p, form.size(), form) != 0) continue;
    double t = total, c = current;
    bool vowel = false;
    const Kind kind = piece.kind;
    // Pieces of one group fall in size: "trentatrenta" is no number.
    int rank = kind == Kind::Unit ? 1 : (kind == Kind::Ten || kind == Kind::Elided) ? 2 : kind == Kind::Thousand ? 4 : 3;
    if ((rank == 1 && last_rank == 1) || (rank == 2 && (last_rank == 1 || last_rank == 2))) continue;
    if (rank == 3 && last_rank == 3) continue;
    if (kind == Kind::Unit || kind == Kind::Ten) {
      c += piece.value;
    } else if (kind == Kind::Elided) {
      c += piece.value;
      vowel = true;
    } else if (kind == Kind::Hundred || kind == Kind::ElidedHundred) {
      c = std::max(c, 1.0) * piece.value;
      vowel = kind == Kind::ElidedHundred;
    } else if (kind == Kind::Thousand) {
      t += std::max(c, 1.0) * piece.value;
      c = 0;
    }
    if (compose(w, p + form.size(), t, c, vowel, rank == 4 ? 0 : rank, out)) return true;
  }
  return false;
}

namespace {

// One remembered answer of word_value: the same few words ("settore",
// "tregua", "uno") are asked again and again, and composing them again
// costs several piece comparisons each.
struct WordMemo {
  static constexpr std::size_t kMaxWord = 22;
  std::uint64_t reader = 0;  // the reader's memo_id_; 0: empty
  char word[kMaxWord];
  std::uint8_t size = 0;
  bool found = false;
  double value = 0;
};
constexpr std::size_t kMemoSlots = 256;  // direct-mapped by the word's hash

}  // namespace

std::optional<double> NumberReader::compose_word(std::string_view w) const {
  double out = 0;
  if (compose(w, 0, 0, 0, false, 0, out)) return out;
  return std::nullopt;
}

std::optional<double> NumberReader::word_value(std::string_view w) const {
  // compose reads pieces from the start: a word starting with none is no number.
  if (w.empty() || !piece_starts_.may_hold(w)) return std::nullopt;
  if (w.size() > WordMemo::kMaxWord) return compose_word(w);
  thread_local std::array<WordMemo, kMemoSlots> memo;  // per thread: readers are shared
  WordMemo& m = memo[StringHash{}(w) % kMemoSlots];
  if (m.reader == memo_id_ && m.size == w.size() && std::memcmp(m.word, w.data(), w.size()) == 0)
    return m.found ? std::optional<double>(m.value) : std::nullopt;
  const auto v = compose_word(w);
  m.reader = memo_id_;
  std::memcpy(m.word, w.data(), w.size());
  m.size = static_cast<std::uint8_t>(w.size());
  m.found = v.has_value();
  m.value = v.value_or(0);
  return v;
}

double NumberReader::scale_listed(const Token& t) const {
  const Scale* scale = scales_.find(t.low);
  if (!scale) return 0;
  if (scale->glued_only && !t.glued_left) return 0;
  return scale->value;
}

bool NumberReader::may_read_at(const std::vector<Token>& toks, std::size_t i) const {
  const Token& t = toks[i];
  if (t.kind == TokKind::Digits) return true;
  if (t.kind != TokKind::Word) return false;
  const Piece* whole = whole_word(t.low);
  if (!whole) return word_value(t.low).has_value();
  // The same tests as read_base, in the same order, without the reading.
  const bool has_next = i + 1 < toks.size();
  switch (whole->kind) {
    case Kind::Article: {
      const Piece* next = has_next ? whole_word(toks[i + 1].low) : nullptr;
      if (next && (next->kind == Kind::Group || next->kind == Kind::Fraction)) return true;
      [[fallthrough]];
    }
    case Kind::Definite:
      if (has_next && scale_at(toks, i + 1) > 0) return true;
      return t.low == "uno" && word_value(t.low).has_value();
    case Kind::Half:
      return scale_at(toks, i + 1) > 0;
    default:
      return false;  // group, fraction or other alone: no number
  }
}

Opens NumberReader::opens(std::string_view w) const {
  const Piece* whole = whole_word(w);
  if (!whole) return word_value(w) ? Opens::Ask : Opens::Never;
  // may_read_at's tests without the next token.
  switch (whole->kind) {
    case Kind::Article:
    case Kind::Definite:
      return w == "uno" && word_value(w) ? Opens::Ask : Opens::BeforeNext;
    case Kind::Half:
      return Opens::BeforeNext;
    default:
      return Opens::Never;
  }
}

void NumberReader::add_next_words(PrefixFilter& f) const {
  scales_.for_each([&](std::string_view w, const Scale&) { f.add_word(w); });
  whole_.for_each([&](std::string_view w, const Piece& p) {
    if (p.kind == Kind::Group || p.kind == Kind::Fraction) f.add_word(w);
  });
}

// A number without its scale words.
std::optional<NumRead> NumberReader::read_base(const std::vector<Token>& toks, std::size_t i, bool after_prefix) const {
  const Token& t = toks[i];
  NumRead n;
  n.first = i;
  n.last = i + 1;
  if (t.kind == TokKind::Digits) {
    // "G42", "MI450": digits glued to letters are part of a name.
    if (t.glued_left && !after_prefix && i > 0 && toks[i - 1].kind != TokKind::Symbol) return std::nullopt;
    auto v = parse_digits(t.low);
    if (!v) return std::nullopt;
    n.value = *v;
    n.digits = true;
    n.integer = t.low.find_first_of(".,") == std::string_view::npos || (t.low.find(',') == std::string_view::npos &&
                                                                    std::fmod(*v, 1.0) == 0 && *v >= 1000);
    n.rule = kRuleNames[kDigits].base;
    return n;
  }
  if (t.kind != TokKind::Word) return std::nullopt;
  if (const Piece* whole = whole_word(t.low)) {
    const Kind kind = whole->kind;
    if (kind == Kind::Article || kind == Kind::Definite) {
      // "un miliardo", "una decina", "un quarto"; "uno" alone is one.
      if (i + 1 < toks.size()) {
        const Piece* next = whole_word(toks[i + 1].low);
        if (kind == Kind::Article && next && (next->kind == Kind::Group || next->kind == Kind::Fraction)) {
          n.value = next->value;
          n.last = i + 2;
          n.rule = kRuleNames[next->kind == Kind::Group ? kArticleGroup : kArticleFraction].base;
          n.of_scale = true;
          return n;
        }
        if (scale_at(toks, i + 1) > 0) {
          n.value = 1;
          n.definite = kind == Kind::Definite;
          n.rule = kRuleNames[kind == Kind::Definite ? kIlScale : kUnScale].base;
          return n;
        }
      }
      if (t.low != "uno") return std::nullopt;
    } else if (kind == Kind::Half) {
      if (scale_at(toks, i + 1) == 0) return std::nullopt;
      n.value = 0.5;
      n.rule = kRuleNames[kMezzoScale].base;
      return n;
    } else {
      return std::nullopt;  // group, fraction or other alone: no number
    }
  }
  auto v = word_value(t.low);
  if (!v) return std::nullopt;
  n.value = *v;
  n.rule = kRuleNames[kWords].base;
  return n;
}

// "10 miliardi", "10mila", "mille miliardi", "un miliardo e mezzo".
void NumberReader::read_scales(const std::vector<Token>& toks, NumRead& n) const {
  double last = 0;
  bool and_half = false;  // "e mezzo" after the scale words
  // "tre quarti di milione", "una decina di milioni": a group or fraction
  // takes its scale through "di".
  if (n.of_scale && n.last + 1 < toks.size() && toks[n.last].low == "di" && scale_at(toks, n.last + 1) > 0) ++n.last;
  while (n.last < toks.size()) {
    double s = scale_at(toks, n.last);
    if (s == 0) break;
    n.value *= s;
    n.scale *= s;
    n.has_scale = true;
    last = s;
    ++n.last;
    // "5 mln. di euro": the abbreviation's dot, not a full stop.
    if (n.last + 1 < toks.size() && toks[n.last].low == "." && toks[n.last].glued_left &&
        toks[n.last + 1].low == "di")
      ++n.last;
  }
  if (last > 0 && n.last + 1 < toks.size() && toks[n.last].low == "e") {
    const Piece* half = whole_word(toks[n.last + 1].low);
    if (half && half->kind == Kind::Half) {
      n.value += 0.5 * last;
      n.last += 2;
      and_half = true;
    }
  }
  if (n.has_scale) n.rule = scaled_rule(n.rule, and_half);
}

std::optional<NumRead> NumberReader::read(const std::vector<Token>& toks, std::size_t i, bool after_prefix) const {
  if (i >= toks.size()) return std::nullopt;
  auto n = read_base(toks, i, after_prefix);
  if (!n) return std::nullopt;
  // "tre quarti" = 0.75
  if (n->rule.data() == kRuleNames[kWords].base.data() && n->last < toks.size()) {
    const Piece* f = whole_word(toks[n->last].low);
    if (f && f->kind == Kind::Fraction) {
      n->value *= f->value;
      ++n->last;
      n->rule = kRuleNames[kWordsFraction].base;
      n->of_scale = true;
    }
  }
  read_scales(toks, *n);
  if (n->digits && n->last < toks.size() && toks[n->last].glued_left && toks[n->last].kind == TokKind::Word &&
      !n->has_scale)
    n->glued_suffix = true;
  if (!std::isfinite(n->value) || n->value > kMaxValue) return std::nullopt;
  return n;
}

}  // namespace dealscan::money
