// Extract: Italian numbers and money, time expressions, entities, claims.
// Each extractor is built once (per thread) from the lexicon and then applied
// to many documents. Spans are byte ranges of the normalised text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan {

// ---- one document's text, shared by the extractors

namespace entity {
struct TokenStream;
struct WordMarker;
}

// What several extractors read of one document's normalised text, made once
// per document instead of once per extractor: the text lower-cased (ASCII
// and Latin-1 capitals, text::lower_latin), with the same byte offsets, so
// a span of text() is the same span of lowered(); and its words and marks
// with folded keys, hashes and shapes (entity::TokenStream), scanned on
// first use, from which each extractor builds its own tokens. Holds views of
// the text and sentences, which must outlive it. One thread at a time.
class DocumentText {
 public:
  explicit DocumentText(std::string_view text);
  // sentences: sorted spans of text, which words() numbers its tokens by.
  DocumentText(std::string_view text, const std::vector<Sentence>& sentences);
  ~DocumentText();
  DocumentText(const DocumentText&) = delete;
  DocumentText& operator=(const DocumentText&) = delete;

  std::string_view text() const { return text_; }
  std::string_view lowered() const { return lowered_; }
  const std::vector<Sentence>& sentences() const { return *sentences_; }
  const entity::TokenStream& words() const;
  // words(), its tokens marked by marker when this call scans them (the
  // stream's marked_by tells).
  const entity::TokenStream& words(const entity::WordMarker& marker) const;

 private:
  std::string_view text_;
  const std::vector<Sentence>* sentences_;
  std::string lowered_;
  // words() is scanned into a per-thread stream when no other DocumentText
  // of the thread holds it (its buffers outlive the document), else into owned_.
  mutable entity::TokenStream* words_ = nullptr;
  mutable std::unique_ptr<entity::TokenStream> owned_;
  mutable bool borrowed_ = false;
  entity::TokenStream& take_words() const;  // sets words_ to the stream to scan into
};

// ---- numbers

// A number read from Italian text: "1.500", "6,6", "ventisei", "un miliardo e mezzo".
struct ParsedNumber {
  Span span;
  double value = 0;
  std::string rule;
};

// Parses Italian numerals (digits with either separator convention, number
// words of any size, scale words). One per thread.
class NumberParser {
 public:
  explicit NumberParser(const Lexicon& lexicon);
  ~NumberParser();
  NumberParser(NumberParser&&) noexcept;
  NumberParser& operator=(NumberParser&&) noexcept;

  // The number that starts exactly at pos, if any (longest match).
  std::optional<ParsedNumber> parse_at(std::string_view text, std::size_t pos) const;
  // Every number in text, left to right, non-overlapping.
  std::vector<ParsedNumber> find_all(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- money and quantities

struct MoneyOutput {
  std::vector<MoneyMention> money;
  std::vector<Quantity> quantities;
};

// Finds currency amounts with qualifiers, ranges, durations ("in sette anni")
// and bracketed conversions; other quantities go to quantities.
class MoneyExtractor {
 public:
  explicit MoneyExtractor(const Lexicon& lexicon);
  ~MoneyExtractor();
  MoneyExtractor(MoneyExtractor&&) noexcept;
  MoneyExtractor& operator=(MoneyExtractor&&) noexcept;

  MoneyOutput extract(std::string_view text, const std::vector<Sentence>& sentences) const;
  // The same over a document's shared text (no lower-casing of its own).
  MoneyOutput extract(const DocumentText& doc, const std::vector<Sentence>& sentences) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- time

// Time expressions ("nel novembre 2025", "dal 2023", "fino al 2030", "anni
// Trenta", "a fine ottobre", "l'anno scorso"), resolved against the
// document date when relative.
class TimeExtractor {
 public:
  explicit TimeExtractor(const Lexicon& lexicon);
  ~TimeExtractor();
  TimeExtractor(TimeExtractor&&) noexcept;
  TimeExtractor& operator=(TimeExtractor&&) noexcept;

  std::vector<TimeExpr> extract(std::string_view text, const std::vector<Sentence>& sentences,
                                const std::optional<std::string>& document_date) const;
  // The same over a document's shared text (no lower-casing of its own).
  std::vector<TimeExpr> extract(const DocumentText& doc, const std::vector<Sentence>& sentences,
                                const std::optional<std::string>& document_date) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- entities

struct EntityOutput {
  std::vector<Entity> entities;  // once each, in order of first mention
  std::vector<EntityMention> mentions;  // sorted by span.begin
};

// Gazetteer lookup with aliases, rules for unknown names, and resolution of
// descriptive references ("la start-up", "il colosso di Mountain View").
class EntityExtractor {
 public:
  explicit EntityExtractor(const Lexicon& lexicon);
  ~EntityExtractor();
  // Copies share the compiled gazetteer and rules, which extraction only
  // reads (its scratch is per thread): one extractor built for a run serves
  // all its threads, where each built its own at ~4.7 M instructions.
  EntityExtractor(const EntityExtractor&);
  EntityExtractor& operator=(const EntityExtractor&);
  EntityExtractor(EntityExtractor&&) noexcept;
  EntityExtractor& operator=(EntityExtractor&&) noexcept;

  EntityOutput extract(std::string_view text, const std::vector<Sentence>& sentences) const;
  // The same over a document's shared text and its sentences (its words() are not scanned again).
  EntityOutput extract(const DocumentText& doc) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

// ---- claims

struct ClaimInput {
  const Source& source;
  const NormalizedText& text;
  const std::vector<Sentence>& sentences;
  const std::vector<MoneyMention>& money;
  const std::vector<TimeExpr>& times;
  const EntityOutput& entities;
};

struct ClaimOutput {
  std::vector<Figure> figures;  // one per money mention, same order
  std::vector<Fact> facts;
};

// Decides what each figure is (kind), who pays and who receives, its
// modality (stated, conditional, attributed, denied) and the non-money facts
// (exclusive rights, first reported by).
class ClaimExtractor {
 public:
  explicit ClaimExtractor(const Lexicon& lexicon);
  ~ClaimExtractor();
  ClaimExtractor(ClaimExtractor&&) noexcept;
  ClaimExtractor& operator=(ClaimExtractor&&) noexcept;

  ClaimOutput extract(const ClaimInput& input) const;
  // The same with the shared text of input.text (no lower-casing of its own).
  ClaimOutput extract(const ClaimInput& input, const DocumentText& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealscan

// ---- comparing time expressions (added by the time module)

namespace dealscan {

// How two time expressions relate as intervals: the same interval; sharing
// days (e.g. 2030 vs "anni Trenta", different precision); no common day
// (2029 vs 2031); or not comparable (an unresolved one, or "dal X" vs
// "fino a Y"). Open intervals are compared by the unit their closed end
// closes: "fino al 2030" vs "fino agli anni Trenta" -> Overlap.
enum class TimeRelation { Same, Overlap, Disjoint, Unknown };
TimeRelation compare_times(const TimeExpr& a, const TimeExpr& b);

}  // namespace dealscan
