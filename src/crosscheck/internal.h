// Internals of the cross-check stage, shared by its files:
//   tunables.cpp   thresholds read from data/lexicon/it/crosscheck.tsv
//   parties.cpp    canonical entity ids (aws -> amazon), display names, prominence
//   stories.cpp    documents -> stories (union-find over a key index)
//   claim_groups.cpp  figures and facts of a story -> claims
//   intervals.cpp  what a figure's qualifier allows, as an interval of amounts
//   compare.cpp    claims -> conflicts
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "crosscheck/worker_pool.h"
#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan::crosscheck {

// Thresholds; defaults here, overridable in crosscheck.tsv ("name<TAB>value=x").
struct Tunables {
  double same_value_tolerance = 0.12;  // relative gap under which two amounts describe one quantity
  double rounding_tolerance = 0.005;   // relative gap that is mere rounding
  double about_width = 0.10;           // "circa 38": 38 +- 10%
  double nearly_width = 0.10;          // "quasi 400": [360, 400)
  double over_width = 0.25;            // "oltre 400": (400, 500]
  std::size_t max_key_fanout = 2000;   // a story key shared by more documents is too common to link
  double common_entity_share = 0.5;    // entities in more than this share of documents (n >= 4) do not link alone
  std::size_t max_value_classes = 8;   // distinct values compared pairwise per claim
  double headline_bonus = 3.0;         // prominence of a figure in the first sentence
  double lead_bonus = 1.5;             // ... in the next two sentences
  double repeat_bonus = 1.0;           // ... per repetition of the same amount in the document
};
Tunables load_tunables(const Lexicon& lexicon);

// ---- parties

class Names;

// No Names id: an absent party, an entity without a parent.
inline constexpr std::uint32_t kNoName = UINT32_MAX;

// A document's entities as Parties learns them: ids in Names ids, made
// where the document is prepared (party_links), so adding them hashes no
// text; the display names back to back, copied only for ids not seen yet.
struct DocumentParties {
  struct Link {
    std::uint32_t id = 0;
    std::uint32_t parent = kNoName;     // none, or the id itself
    std::uint32_t name_end = 0;         // its name ends here in names, the last one's starts it
    std::uint32_t id_hash = 0;          // text_hash of the id's text, given with a parent
  };
  std::vector<Link> links;  // as the document lists its entities
  std::string names;
};

// Maps entity ids to the root of their parent chain (aws -> amazon), per
// run, by their Names ids; the ids' texts are looked up in names once
// interning is over.
class Parties {
 public:
  explicit Parties(const Names& names) : names_(names) {}
  // Learns a document's entities; the first parent and name given for an id stay.
  void add(const DocumentParties& document);
  // The canonical id's number; ids never given a parent are their own root.
  std::uint32_t root(std::uint32_t id) const;
  // The canonical id; unknown ids map to themselves.
  const std::string& root(const std::string& id) const;
  std::optional<std::string> root(const std::optional<std::string>& id) const;
  // A display name ("Amazon Web Services"), or the id.
  std::string name(const std::string& id) const;

 private:
  struct NameSpan {  // where an id's display name is in text_
    std::uint32_t at = 0;
    std::uint32_t size = UINT32_MAX;  // UINT32_MAX: no name given yet
  };
  // Ids with a parent are few: a bit per hash of their texts lets root()
  // answer the rest without looking their texts up.
  static constexpr std::size_t kParentBits = std::size_t(1) << 16;
  bool may_have_parent(std::uint32_t id_hash) const {
    return may_have_parent_[id_hash % kParentBits / 64] >> (id_hash % 64) & 1;
  }
  const Names& names_;
  std::vector<std::uint32_t> parent_;  // by Names id; Names::kNone for none
  std::vector<NameSpan> name_;         // by Names id
  std::string text_;                   // the display names, back to back
  std::vector<std::uint64_t> may_have_parent_ = std::vector<std::uint64_t>(kParentBits / 64);
};

// A money figure as the cross-check sees it: which document, how prominent.
struct FigureRef {
  std::size_t doc = 0;        // index into documents
  std::size_t index = 0;      // index into documents[doc].figures
  double prominence = 0;      // headline, lead and repetition
  // Canonical (Parties::root), or null: views of strings the Parties or the
  // documents own, so a FigureRef lives no longer than its documents.
  const std::string* subject = nullptr;
  const std::string* counterparty = nullptr;
};

// printf's "%.*g" of v (digits significant digits) written at out, whose
// room ends at out_end (24 bytes are enough); returns the end of the text.
char* significant_digits(double v, int digits, char* out, char* out_end);
// "USD:1.2e+10": the currency and the amount to `digits` significant digits,
// a key for "the same amount".
std::string rounded_amount(const MoneyMention& m, int digits);

// A non-conversion figure's index in its document and its prominence.
struct FigureProminence {
  std::size_t index = 0;
  double prominence = 0;
};
// The non-conversion figures of a document, in document order.
std::vector<FigureProminence> figure_prominence(const DocumentResult& doc, const Tunables& t);

// The non-conversion figures of a document with their prominence, appended
// to out (a story's figures, one document after another).
void rank_figures(const DocumentResult& doc, std::size_t doc_index, const Parties& parties, const Tunables& t,
                  std::vector<FigureRef>& out);
// The same, from the document's figure_prominence computed before.
void rank_figures(const DocumentResult& doc, std::size_t doc_index, const Parties& parties,
                  std::span<const FigureProminence> ranked, std::vector<FigureRef>& out);

// Hands the heap's free pages back to the system (glibc; elsewhere a no-op).
// Between phases that free large tables and allocate others, which would
// otherwise settle in new pages while the freed ones stay resident.
void release_free_memory();

// Stories checked on one thread, handed over on another and not yet freed
// on the first (none once a cross-check has returned).
std::size_t checked_stories_waiting_to_be_freed();

// ---- stories

// What story grouping reads of one document, taken while the document is at
// hand: small, so an archive can keep it for every document while the
// documents themselves wait on disk. Parties are as the text names them;
// grouping makes them canonical once every document is known.
// Entity ids and amount keys are numbers into Names.
struct StoryDoc {
  struct Name {
    std::uint32_t id = 0;
    EntityType type = EntityType::Org;
    std::uint32_t mentions = 0;
  };
  struct Mention {  // a ranked figure (rank_figures) of one amount
    double prominence = 0;
    std::uint32_t index = 0;
    std::uint32_t subject = 0, counterparty = 0;  // Names::kNone when absent
  };
  struct Amount {
    double prominence = 0;
    std::uint32_t key = 0;          // currency + two significant digits
    std::uint32_t top = 0;          // the most prominent mention
    std::vector<Mention> mentions;  // document order
    Kind top_kind = Kind::Other;
  };
  std::string id;
  std::optional<long> day;                    // publication day number
  std::vector<Name> entities;                 // as the document lists them
  std::vector<std::uint32_t> figure_parties;  // figures' parties the entities miss, for how common a party is
  std::vector<Amount> amounts;                // the kLeadingAmounts most prominent, most first
};

// The strings StoryDocs refer to, each stored once, so that an archive's
// StoryDocs stay small. intern() may run on several threads at once; find()
// only once interning is over, which freeze() marks (checked in debug builds:
// find reads the table without the lock intern takes).
class Names {
 public:
  static constexpr std::uint32_t kNone = kNoName;
  std::uint32_t intern(std::string_view s);
  // ids[i] = intern(strings[i]), under one lock.
  void intern_all(std::span<const std::string_view> strings, std::span<std::uint32_t> ids);
  std::uint32_t intern_optional(const std::optional<std::string>& s) { return s ? intern(std::string_view(*s)) : kNone; }
  const std::string& name(std::uint32_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }
  // The id of s, or kNone when it was never interned; only once frozen.
  std::uint32_t find(std::string_view s) const;
  // Interning is over: no intern() from here on.
  void freeze() { frozen_ = true; }

 private:
  std::uint32_t intern_locked(std::string_view s);
  // Where s's slot is, or the free slot it would take; h is text_hash(s).
  std::size_t slot_of(std::string_view s, std::uint64_t h) const;
  void grow();
  std::mutex mutex_;
  std::deque<std::string> names_;  // a deque: interned strings never move
  // Open addressing, a power of two at most half full: a slot holds a name's
  // id + 1 (0: free) and the high half of its hash, compared before its text.
  std::vector<std::uint64_t> slots_;
  bool frozen_ = false;  // set once, after the threads that intern are done
};

// Amounts of a document that can tie it to a story: its main deal and the two next.
inline constexpr std::size_t kLeadingAmounts = 3;
StoryDoc story_doc(const DocumentResult& doc, const Tunables& t, Names& names);
// The same, from the document's figure_prominence computed before.
StoryDoc story_doc(const DocumentResult& doc, std::span<const FigureProminence> ranked, Names& names);
// The document's entities as Parties::add takes them; story is story_doc's
// for the document (its entities' ids interned). Interns their parents,
// so it may run on several threads at once.
DocumentParties party_links(const DocumentResult& doc, const StoryDoc& story, Names& names);

struct StoryGroup {
  std::vector<std::size_t> docs;  // input order
};

// Stories, biggest first (ties: the earlier first document), each with its
// documents in input order, back to back: an archive has nearly as many
// stories as documents, and a vector per story costs a heap block each.
class Stories {
 public:
  // story_of[d]: document d's story, 0..stories-1, stories numbered in the
  // order of their first documents.
  Stories(const std::vector<std::uint32_t>& story_of, std::size_t stories);
  std::size_t size() const { return starts_.size() - 1; }
  std::span<const std::uint32_t> docs(std::size_t s) const {
    return {docs_.data() + starts_[s], starts_[s + 1] - starts_[s]};
  }
  StoryGroup group(std::size_t s) const {
    const auto d = docs(s);
    return StoryGroup{std::vector<std::size_t>(d.begin(), d.end())};
  }

 private:
  std::vector<std::uint32_t> docs_;
  std::vector<std::uint32_t> starts_{0};  // story -> where its documents start in docs_
};

// Groups documents into stories, ordered by size desc then first document.
// Where group_stories reads the StoryDocs: a vector, or an archive's file.
// get() may be called from several threads at once.
struct StoryDocs {
  std::size_t size = 0;
  std::function<StoryDoc(std::size_t)> get;
};

// Profiles and lone-document links are computed on up to `threads` threads;
// the result is the same for any number. Each StoryDoc is read three times,
// one at a time: to count parties, to find the keys several documents share,
// then to profile it.
Stories group_stories(const StoryDocs& documents, const Names& names, const Parties& parties, const Tunables& t,
                      unsigned threads = 1);

// ---- claims

// A claim under construction: its members point back into the documents.
struct ClaimGroup {
  std::string key;
  std::optional<Kind> kind;
  std::string fact_kind;
  std::optional<std::string> subject;
  std::optional<std::string> counterparty;
  std::vector<FigureRef> figures;  // money claims
  std::vector<std::pair<std::size_t, std::size_t>> facts;  // (doc, fact index)
};

// The claims of one story, ordered by key. ranked, when given, holds each
// document's figure_prominence (by document index), else it is computed.
std::vector<ClaimGroup> group_claims(const std::vector<DocumentResult>& documents, const StoryGroup& story,
                                     const Parties& parties, const Tunables& t,
                                     std::span<const std::vector<FigureProminence>> ranked = {});

// "contract" and "spending" describe the same money from two sides.
std::string_view kind_class(Kind k);

// ---- intervals

// The range of amounts a figure allows given its qualifier: "oltre 400" -> (400, 500].
struct Interval {
  double lo = 0;
  double hi = 0;
};
Interval money_interval(const MoneyMention& m, const Tunables& t);
bool overlaps(const Interval& a, const Interval& b);
// Equal up to rounding: 38 and 38.1 are the same figure.
bool same_amount(double a, double b, const Tunables& t);
// same_amount is false when the gap exceeds this share of the larger amount
// and the rounding tolerance (rounding to 2+ digits moves a value <= 5%).
inline constexpr double kMaxRoundingGap = 0.06;
// The relative gap beyond which same_amount is always false.
inline double same_amount_reach(const Tunables& t) { return std::max(t.rounding_tolerance, kMaxRoundingGap); }
// One figure is the other with a slipped scale word ("500 dollari" for "500 miliardi").
bool scale_slip(double a, double b);
// Close enough to be two statements of one quantity.
bool close_amount(const MoneyMention& a, const MoneyMention& b, const Tunables& t);
// Time expressions are compared with compare_times (extract.h).

// ---- conflicts

// Appends the conflicts of one claim to out.
void compare_claim(const std::vector<DocumentResult>& documents, const ClaimGroup& claim, const std::string& claim_id,
                   const std::string& story_id, const Tunables& t, std::vector<Conflict>& out);

// What a topic-value conflict says of claims a and b; its message starts
// "value: " and this.
std::string topic_value_what(const std::string& a, const std::string& b);

// rule: topic-value — deal claims (not revenue, losses or other) of one story
// on the same topic (kind class, subject, counterparty) whose amounts cannot
// both hold, told by disjoint sources: each outlet gives its own amount for
// one deal. made[i] is claims[i] as reported (its kind and parties are
// read there). Appends one value
// conflict per such pair (under the first claim's id) and returns the pairs
// (indexes into claims): the i-th pair is the i-th conflict appended.
std::vector<std::pair<std::size_t, std::size_t>> compare_topics(const std::vector<DocumentResult>& documents,
                                                                const std::vector<ClaimGroup>& claims,
                                                                const std::vector<Claim>& made,
                                                                const std::string& story_id, const Tunables& t,
                                                                std::vector<Conflict>& out);

// "$10bn", "€21m", "1.5bn CHF".
std::string format_money(double value, const std::string& currency);

}  // namespace dealscan::crosscheck
