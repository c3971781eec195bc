// Plain value types shared by every pipeline stage:
// ingest -> extract -> crosscheck -> report. Data flows one way; a stage only
// reads the types produced by the stages before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dealscan {

// A half-open byte range [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// ---------------------------------------------------------------- ingest

// Where a source came from and what we learnt while reading it.
struct Source {
  std::string id;                   // file name without extension ("stdin" for -)
  std::string path;                 // as given on the command line / found in a folder
  std::optional<std::string> date;  // from a leading " date YYYY-MM-DD" marker ("YYYY-MM" allowed)
  std::string language = "it";
  std::string encoding;             // "UTF-8", "UTF-16LE", "windows-1252", ...
  std::vector<std::string> warnings;  // e.g. "invalid UTF-8 at byte 120 replaced"
};

// Original byte offsets of normalised bytes, stored as runs: most of a text
// is copied unchanged, so byte i comes from a run's orig + (i - at) and the
// map costs a piece per change (fold, drop, composition), not a number per
// byte. Pieces are merged whenever a byte continues the run before it. A
// lookup starts from the piece holding its 256-byte block's first byte, so
// it searches only the pieces that start inside that block.
class OffsetMap {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Offset of normalised byte i (i < size()).
  std::uint32_t operator[](std::size_t i) const {
    // The last piece starting at or before i lies in [lo, hi).
    const std::size_t block = i >> kBlockBits;
    std::size_t lo = block_piece_[block];
    std::size_t hi = block + 1 < block_piece_.size() ? block_piece_[block + 1] + 1 : pieces_.size();
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      (pieces_[mid].at <= i ? lo : hi) = mid;
    }
    const Piece& p = pieces_[lo];
    return p.orig + static_cast<std::uint32_t>(i - p.at);
  }
  std::uint32_t front() const { return (*this)[0]; }
  std::uint32_t back() const { return (*this)[size_ - 1]; }
  // Appends n bytes coming from orig, orig + 1, ...
  void append_run(std::uint32_t orig, std::size_t n) {
    if (n == 0) return;
    if (!continues(orig)) pieces_.push_back(Piece{static_cast<std::uint32_t>(size_), orig});
    size_ += n;
    // Blocks whose first byte this run holds start at its piece.
    while (block_piece_.size() << kBlockBits < size_) block_piece_.push_back(static_cast<std::uint32_t>(pieces_.size() - 1));
  }
  void push_back(std::uint32_t orig) { append_run(orig, 1); }
  // Room for a map of about n bytes: its block index, and pieces for a run
  // every 128 bytes up to a few thousand (maps grown by reallocation cost
  // the normaliser a tenth of its work).
  void reserve(std::size_t n) {
    block_piece_.reserve((n >> kBlockBits) + 1);
    pieces_.reserve((n < kReservedPieces * 128 ? n / 128 : kReservedPieces) + 4);
  }
  // Keeps the first n bytes (n <= size()).
  void truncate(std::size_t n) {
    while (!pieces_.empty() && pieces_.back().at >= n) pieces_.pop_back();
    while (!block_piece_.empty() && (block_piece_.size() - 1) << kBlockBits >= n) block_piece_.pop_back();
    size_ = n;
  }
  std::vector<std::uint32_t> to_vector() const {
    std::vector<std::uint32_t> out(size_);
    for (std::size_t k = 0; k < pieces_.size(); ++k) {
      const std::size_t end = k + 1 < pieces_.size() ? pieces_[k + 1].at : size_;
      for (std::size_t i = pieces_[k].at; i < end; ++i) out[i] = pieces_[k].orig + static_cast<std::uint32_t>(i - pieces_[k].at);
    }
    return out;
  }
  bool operator==(const OffsetMap& o) const { return size_ == o.size_ && pieces_ == o.pieces_; }
  bool operator==(const std::vector<std::uint32_t>& v) const { return to_vector() == v; }

 private:
  struct Piece {
    std::uint32_t at;    // first normalised byte of the run
    std::uint32_t orig;  // its original offset
    bool operator==(const Piece&) const = default;
  };
  bool continues(std::uint32_t orig) const {
    return !pieces_.empty() && pieces_.back().orig + static_cast<std::uint32_t>(size_ - pieces_.back().at) == orig;
  }
  static constexpr unsigned kBlockBits = 8;
  static constexpr std::size_t kReservedPieces = 4096;  // at most, by reserve()
  std::vector<Piece> pieces_;
  std::vector<std::uint32_t> block_piece_;  // per 256 bytes: the piece holding the block's first byte
  std::size_t size_ = 0;
};

// Text after decoding and normalisation (NFC, folded quotes/apostrophes/spaces,
// soft hyphens removed, date marker removed) with a map back to the original
// file's bytes. to_orig has text.size() + 1 entries: to_orig[i] is the byte
// offset in the original file where normalised byte i came from, and
// to_orig[text.size()] is the end of the consumed input.
struct NormalizedText {
  std::string text;
  OffsetMap to_orig;

  // The original byte range covering normalised range s.
  Span orig(Span s) const {
    if (to_orig.empty()) return s;
    auto at = [&](std::size_t i) { return static_cast<std::size_t>(to_orig[i < to_orig.size() ? i : to_orig.size() - 1]); };
    return Span{at(s.begin), s.end > s.begin ? end_of(s.end) : at(s.begin)};
  }

 private:
  // End of the original bytes behind normalised bytes [.., e): the start of
  // the next normalised character's source, but never before the last one.
  std::size_t end_of(std::size_t e) const {
    std::size_t last = to_orig[e - 1];
    std::size_t next = to_orig[e < to_orig.size() ? e : to_orig.size() - 1];
    return next > last ? next : last + 1;
  }
};

// A sentence as a range of the normalised text.
struct Sentence {
  Span span;
};

// ---------------------------------------------------------------- extract: entities

enum class EntityType { Org, Person, Product, Place, Media };

// A canonical entity (from the gazetteer, or found by rule in this document).
struct Entity {
  std::string id;    // stable canonical id, e.g. "amazon", "aws", "sam-altman"
  std::string name;  // display name, e.g. "Amazon Web Services"
  EntityType type = EntityType::Org;
  std::optional<std::string> parent;  // e.g. aws -> amazon
  bool known = false;                 // true when it came from the gazetteer
  std::size_t mentions = 0;           // how often the document names it (filled by the pipeline)
};

// One occurrence of an entity in the normalised text.
struct EntityMention {
  std::string entity_id;
  Span span;             // normalised
  std::string rule;      // "gazetteer", "legal-suffix", "descriptive:la start-up", ...
  bool descriptive = false;  // "il colosso di Mountain View" rather than a name
};

// ---------------------------------------------------------------- extract: numbers, money, time

enum class Qualifier { Exact, About, Over, AtLeast, UpTo, Under, Nearly };

// A currency amount found in the text, before any claim analysis.
struct MoneyMention {
  Span span;                      // normalised; qualifier words included
  double value = 0;               // in currency units: "10 miliardi di dollari" -> 1e10
  std::optional<double> max;      // upper end of a range
  std::string currency;           // ISO 4217; empty when the text elides it
  bool currency_from_context = false;
  Qualifier qualifier = Qualifier::Exact;
  std::optional<double> period_years;  // duration tied to the amount
  Span period_span;                    // where the duration was stated (empty if none)
  std::optional<std::size_t> conversion_of;  // index (in the document's money list) this converts
  std::string rule;               // name of the rule that matched
};

// A non-money quantity: percentages, gigawatts, GPUs, shares, users.
struct Quantity {
  Span span;
  double value = 0;
  std::optional<double> max;
  std::string unit;  // "percent", "GW", "GPU", "shares", ...
  std::string rule;
  std::string text;  // normalised surface text of span (filled by the pipeline; for reports)
  Span orig;         // byte span in the original file (filled by the pipeline)
};

// A time expression as an inclusive interval of ISO dates.
struct TimeExpr {
  Span span;
  std::string begin;      // "2030-01-01"; empty when open
  std::string end;        // "2039-12-31"; empty when open
  std::string precision;  // "day" | "month" | "year" | "decade" | "open"
  std::string rule;
};

// ---------------------------------------------------------------- extract: claims

enum class Kind { Investment, Valuation, Spending, Contract, Fundraising, Revenue, Loss, Stake, Other };
enum class Modality { Stated, Conditional, Attributed, Denied };

// A money figure with what the sentence says about it. Self-contained: it keeps
// its own text and sentence so documents can be dropped after extraction.
struct Figure {
  std::string id;        // "<source>#f<n>"
  std::string source;
  MoneyMention money;
  std::string text;      // normalised surface text of money.span
  Span orig;             // byte span in the original file
  std::size_t sentence = 0;
  std::string sentence_text;
  Kind kind = Kind::Other;
  std::optional<std::string> subject;       // entity id
  std::optional<std::string> counterparty;  // entity id
  Modality modality = Modality::Stated;
  std::optional<std::string> attributed_to;  // entity id of the source quoted ("secondo il FT")
  std::optional<TimeExpr> time;              // when, if the sentence says
  std::string kind_rule;
  std::string party_rule;
};

// A non-money claim that matters to a deal: exclusive rights, who first reported it.
struct Fact {
  std::string id;        // "<source>#c<n>"
  std::string source;
  std::string kind;      // "exclusive_rights" | "first_reported_by" | ...
  std::optional<std::string> subject;  // holder of the right / the medium that reported
  std::optional<std::string> object;   // what it is about, when known
  std::optional<TimeExpr> until;
  std::string text;
  Span orig;
  std::size_t sentence = 0;
  std::string sentence_text;
  Modality modality = Modality::Stated;
  std::string rule;
};

// Everything extracted from one source.
struct DocumentResult {
  Source source;
  std::vector<Entity> entities;   // each entity mentioned in this document, once
  std::vector<EntityMention> mentions;
  std::vector<Figure> figures;
  std::vector<Quantity> quantities;
  std::vector<TimeExpr> times;
  std::vector<Fact> facts;
  std::size_t bytes = 0;
};

// A file that could not be read.
struct SkippedSource {
  std::string path;
  std::string reason;
};

// ---------------------------------------------------------------- crosscheck

enum class Status { Corroborated, SingleSource, Conflict };
enum class Severity { Conflict, Discrepancy };

struct Claim {
  std::string id;      // "c<n>"
  std::string story;   // story id
  std::string key;     // what the claim is about, e.g. "investment|amazon|openai"
  std::optional<Kind> kind;       // money claims
  std::string fact_kind;          // non-money claims
  std::optional<std::string> subject;
  std::optional<std::string> counterparty;
  std::vector<std::string> figures;   // figure or fact ids
  std::vector<std::string> sources;
  Status status = Status::SingleSource;
};

struct ConflictValue {
  std::string source;
  std::string text;
  std::optional<double> value;
  std::string item;  // figure or fact id
};

struct Conflict {
  std::string claim;
  std::string story;
  std::string field;  // value | qualifier | period | date | attribution | denial | currency
  Severity severity = Severity::Discrepancy;
  std::vector<ConflictValue> values;
  std::string message;
};

struct Story {
  std::string id;     // "s<n>"
  std::string title;
  std::vector<std::string> sources;
  std::vector<std::string> claims;
};

struct CrossCheck {
  std::vector<Story> stories;
  std::vector<Claim> claims;
  std::vector<Conflict> conflicts;
};

// Everything the cross-check says about one story (an archive's cross-check
// hands these over one at a time).
struct StoryCheck {
  Story story;
  std::vector<Claim> claims;
  std::vector<Conflict> conflicts;
};

// The whole run: what report writers print.
struct Report {
  std::vector<DocumentResult> documents;  // in input order
  std::vector<SkippedSource> skipped;
  CrossCheck check;
};

// ---------------------------------------------------------------- names

std::string_view to_string(EntityType t);   // "ORG" | "PERSON" | ...
std::string_view to_string(Qualifier q);    // "exact" | "about" | ...
std::string_view to_string(Kind k);         // "investment" | ...
std::string_view to_string(Modality m);     // "stated" | "conditional" | "attributed" | "denied"
std::string_view to_string(Status s);       // "corroborated" | "single_source" | "conflict"
std::string_view to_string(Severity s);     // "conflict" | "discrepancy"
std::optional<Qualifier> qualifier_from(std::string_view);
std::optional<Kind> kind_from(std::string_view);
std::optional<EntityType> entity_type_from(std::string_view);

}  // namespace dealscan
