#include "extract/time_vocab.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <utility>

namespace dealscan::timevocab {
namespace {

std::uint32_t role_bits(std::string_view names) {
  static const std::pair<std::string_view, Role> kNames[] = {
      {"prep", kPrep},      {"and", kAnd},         {"dash", kDash},
      {"part", kPart},      {"ordinal", kOrdinal}, {"subperiod", kSubperiod},
      {"qcode", kQcode},    {"fiscal", kFiscal},   {"decadehead", kDecadeHead},
      {"decade", kDecade},  {"unit", kUnit},       {"shift", kShift},
      {"recent", kRecent},  {"dayword", kDayword}, {"season", kSeason},
      {"count", kCount},    {"later", kLater},     {"ago", kAgo},
      {"blocker", kBlocker}};
  std::uint32_t bits = 0;
  std::size_t start = 0;
  while (start <= names.size()) {
    auto comma = names.find(',', start);
    auto name = names.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    for (const auto& [n, r] : kNames)
      if (n == name) bits |= r;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return bits;
}

PrepKind prep_kind(std::string_view s) {
  if (s == "from") return PrepKind::From;
  if (s == "until") return PrepKind::Until;
  if (s == "after") return PrepKind::After;
  if (s == "before") return PrepKind::Before;
  if (s == "between") return PrepKind::Between;
  return PrepKind::In;
}

Unit unit_of(std::string_view s) {
  if (s == "day") return Unit::Day;
  if (s == "week") return Unit::Week;
  if (s == "month") return Unit::Month;
  if (s == "year") return Unit::Year;
  return Unit::None;
}

// "06-21" -> 621.
int mmdd(std::string_view s) {
  if (s.size() != 5 || s[2] != '-') return 0;
  return std::atoi(std::string(s.substr(0, 2)).c_str()) * 100 + std::atoi(std::string(s.substr(3)).c_str());
}

// Splits a lexicon form into token texts with the same tokenizer as documents.
std::vector<std::string> form_words(const std::string& form) {
  std::string lowered = form;
  timetok::lower_in_place(lowered);
  std::vector<timetok::Token> toks;
  timetok::tokenize(form, lowered, toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(t.lower);
  return out;
}

}  // namespace

Vocab::Vocab(const Lexicon& lexicon) {
  for (const auto& e : lexicon.list("months")) add(e, kMonth);
  for (const auto& e : lexicon.list("weekdays")) add(e, kWeekday);
  for (const auto& e : lexicon.list("time_words")) add(e, role_bits(e.attr("role")));
  // Scale and currency words of the money lexicon also mark a number as a quantity.
  for (const auto& e : lexicon.list("scales")) add(e, kBlocker);
  for (const auto& e : lexicon.list("currencies")) add(e, kBlocker);
  build_index();
}

void Vocab::build_index() {
  for (Bucket& b : buckets_)
    if (b.entries.size() == 1 && b.entries[0].words == 1) b.single = static_cast<std::int32_t>(b.entries[0].item);
  std::vector<timetok::WordIndex::Slot> words;
  words.reserve(first_.size());
  for (const auto& [word, bucket] : first_) {
    const Bucket& b = buckets_[bucket];
    words.push_back({0, bucket, b.roles, b.prep_word, word});
  }
  index_.build(words);
  index_.number_roles = kNumber;
  index_.start_roles = kCoreStarts;  // the tokens the extractor starts at
  screen_words();
}

// The index's screen of words that may start a core: as the grammar's
// may_start_core and core_may_begin (time_cores.h) read a token j of a core
// role, an item must match from j, so one of several words needs its second
// word next; a word of one core role that core_may_begin's
// lone_role_may_begin reads on from, unless a preposition word, needs the
// word it wants after it: a count a unit, an ordinal a sub-period or a
// month, a shift a month, a unit or a season, a plural unit a plural shift
// (one not plural may stand alone), a fiscal year a year (a start of its
// own, in the same run: the prepositions between are words of items).
void Vocab::screen_words() {
  using timetok::WordIndex;
  for (const Item& item : items_) {
    for (std::size_t k = 1; k < item.words.size(); ++k) index_.add_to_screen(item.words[k], WordIndex::kItemWord);
    if ((item.roles & (kUnit | kMonth | kSubperiod | kSeason)) || ((item.roles & kShift) && item.plural))
      index_.add_to_screen(item.words.front(), WordIndex::kCompletes);
  }
  constexpr std::uint32_t kLoneRoles[] = {kCount, kOrdinal, kShift, kUnit, kFiscal};
  for (const auto& [word, at] : first_) {
    const Bucket& bucket = buckets_[at];
    const std::uint32_t starts = bucket.roles & kCoreStarts;
    if (!starts) continue;
    const bool needs_word_after =
        !bucket.prep_word && std::find(std::begin(kLoneRoles), std::end(kLoneRoles), starts) != std::end(kLoneRoles);
    bool whatever_follows = false;
    for (const Entry& e : bucket.entries) {
      if (!(e.roles & kCoreStarts)) continue;
      const Item& item = items_[e.item];
      if (item.words.size() > 1)
        index_.add_to_screen(item.words[1], WordIndex::kCompletes);
      else if (!needs_word_after || (starts == kUnit && !item.plural))
        whatever_follows = true;
    }
    index_.add_to_screen(word, whatever_follows ? WordIndex::kStartWord : WordIndex::kStartBeforeNext);
  }
}

namespace {

// Small integer attributes (month, weekday, counts). Other lists read here
// only as blockers carry huge values ("scales": value=1e12), so clamp rather
// than cast out of range, which is undefined behaviour.
int int_attr(const LexEntry& e, std::string_view key) {
  double v = e.number(key);
  if (!(v > -1e6 && v < 1e6)) return 0;
  return static_cast<int>(v);
}

}  // namespace

void Vocab::add(const LexEntry& e, std::uint32_t roles) {
  if (!roles) return;
  Item base;
  base.roles = roles;
  base.canonical = e.canonical();
  base.month = int_attr(e, "month");
  base.weekday = int_attr(e, "weekday");
  base.n = int_attr(e, "n");
  base.months = int_attr(e, "months");
  base.value = int_attr(e, "value");
  base.abs = int_attr(e, "abs");
  base.offset = int_attr(e, "offset");
  base.dir = int_attr(e, "dir");
  base.recent = int_attr(e, "recent");
  base.to = e.number("to") != 0;
  base.plural = e.number("plural") != 0;
  base.few = e.number("few") != 0;
  base.genitive = e.number("genitive") != 0;
  base.figurative = e.number("figurative") != 0;
  base.from = e.number("from", 0);
  base.to_frac = e.number("to", 1);
  base.kind = prep_kind(e.attr("kind"));
  base.unit = unit_of(e.attr("unit"));
  base.precision = std::string(e.attr("precision"));
  base.season_begin = mmdd(e.attr("begin"));
  base.season_end = mmdd(e.attr("end"));
  // "to" doubles as the part fraction's end; a prep's to=1 is a flag.
  if (!(roles & kPart)) base.to_frac = 1;
  if (roles & kPart) base.to = false;
  for (const auto& form : e.forms) {
    Item item = base;
    item.words = form_words(form);
    if (item.words.empty()) continue;
    // Every word of a preposition gets a bucket, so that the grammar can
    // tell cheaply where a run of prepositions may go on.
    if (roles & kPrep)
      for (const auto& w : item.words) bucket_of(w).prep_word = true;
    auto& bucket = bucket_of(item.words.front());
    bucket.roles |= roles;
    const Entry entry{roles, static_cast<std::uint32_t>(item.words.size()), static_cast<std::uint32_t>(items_.size())};
    // After every entry at least as long: longest first, lexicon order within a length.
    auto at = std::find_if(bucket.entries.begin(), bucket.entries.end(),
                           [&](const Entry& e) { return e.words < entry.words; });
    bucket.entries.insert(at, entry);
    items_.push_back(std::move(item));
  }
}

Vocab::Bucket& Vocab::bucket_of(const std::string& word) {
  auto [it, fresh] = first_.try_emplace(word, static_cast<int>(buckets_.size()));
  if (fresh) buckets_.emplace_back();
  index_.add_shape(word);
  return buckets_[it->second];
}

void Vocab::annotate(std::span<timetok::Token> toks) const {
  for (auto& t : toks) index_.look_up(t, false, 0);
}

const Item* Vocab::match_in(const Bucket& bucket, std::uint32_t roles, std::span<const timetok::Token> toks,
                            std::size_t i) const {
  for (const Entry& e : bucket.entries) {
    if (!(e.roles & roles) || i + e.words > toks.size()) continue;
    const Item& item = items_[e.item];
    bool ok = true;
    for (std::size_t k = 1; k < e.words && ok; ++k) ok = toks[i + k].lower == item.words[k];
    if (ok) return &item;
  }
  return nullptr;
}

}  // namespace dealscan::timevocab
