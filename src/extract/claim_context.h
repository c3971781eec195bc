// Claims: the compiled claim vocabulary and a tokenised view of one sentence
// with its entity mentions and preposition roles, shared by the kind,
// parties, modality and facts deciders.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dealscan/extract.h"
#include "extract/claim_text.h"

namespace dealscan::claims {

// Companies led or founded by a person, from the gazetteer's ceo=/founder=.
using LeaderIndex = std::unordered_map<std::string, std::vector<std::string>>;  // person id => org ids
LeaderIndex build_leader_index(const Lexicon& lexicon);

// What find_triggers reads of a trigger phrase's entry.
struct TriggerFacts {
  std::optional<Kind> kind;  // kind=
  bool verb = false;         // pos=verb
  std::string_view dir;      // dir=
  double weight = 1;         // weight=
  bool copula = false;       // copula=yes: the noun it links decides the kind
};

// The claim word lists (data/lexicon/it/claim_*.tsv), compiled once.
struct ClaimLexicon {
  explicit ClaimLexicon(const Lexicon& lexicon);
  // starts points at roles: neither copied nor moved.
  ClaimLexicon(const ClaimLexicon&) = delete;
  ClaimLexicon& operator=(const ClaimLexicon&) = delete;
  PhraseMatcher triggers;     // claim_triggers: kind=, pos=noun|verb, dir=pay|receive|sell|owner
  PhraseMatcher roles;        // claim_roles: role=link|article|of|target|source|partner|for|between|coord
  PhraseMatcher modality;     // claim_modality: type=negation|deny|conditional|not_conditional|hedge
  PhraseMatcher attribution;  // claim_attribution: type=source|report|first|exclusive_rights|holds
  StartIndex starts;          // the four above: which may start at a token (mark tokens before matching)
  CueScreen attribution_screen;  // attribution: may a sentence hold a cue, asked before tokenizing it
  LeaderIndex leaders;        // gazetteer: person => companies they lead or founded
  // Per phrase of triggers and of roles (by index_of), their entries'
  // attributes read once here: parsing them per match cost more than the match.
  std::vector<TriggerFacts> trigger_facts;
  std::vector<std::string_view> role_of;  // role=
  std::vector<std::uint8_t> relative;     // role= is "relative"
  std::vector<std::uint8_t> head;         // role= is "head"
};

// A document's entities by id (the first of each id), in one flat
// open-addressing table: a hash map's node per entity was an allocation.
class EntityIndex {
 public:
  EntityIndex() = default;
  explicit EntityIndex(const std::vector<Entity>& entities) { assign(entities); }
  void assign(const std::vector<Entity>& entities);
  // The entity of this id, or nullptr.
  const Entity* find(std::string_view id) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash(id) & mask_;; i = (i + 1) & mask_) {
      const Entity* e = slots_[i];
      if (!e || e->id == id) return e;
    }
  }

 private:
  static std::size_t hash(std::string_view id);
  std::vector<const Entity*> slots_;  // power-of-two size, at most half full; null = free
  std::size_t mask_ = 0;
};

// Each mention's entity (by_id's, null when none), in the order of
// mentions: a document's mentions looked up once, not again by every
// sentence view or carry-over question that meets them.
void mention_entities_into(const std::vector<EntityMention>& mentions, const EntityIndex& by_id,
                           std::vector<const Entity*>& out);

// An entity mention seen from inside one sentence.
struct MentionRef {
  const EntityMention* mention = nullptr;
  const Entity* entity = nullptr;
  std::size_t tb = 0, te = 0;  // token range in the sentence
  std::string_view role;       // role of the preposition just before it ("" when none)
  bool parenthetical = false;  // inside brackets: "(AWS)", "(ex Twitter)"
  std::string_view rule;       // why it names this entity: "" as written, "led-by" for
                               // "l'azienda guidata da <person>" read as the company
  bool party() const;          // ORG or PERSON: may pay or receive
  const std::string& id() const;
};

// Mentions [lo, hi] of a sentence less the parenthetical ones, as indexes:
// a group of coordinated mentions, walked without building a list.
class MentionGroup {
 public:
  class iterator {
   public:
    iterator(const std::vector<MentionRef>& m, std::size_t i, std::size_t end) : m_(&m), i_(i), end_(end) { skip(); }
    std::size_t operator*() const { return i_; }
    iterator& operator++() {
      ++i_;
      skip();
      return *this;
    }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    void skip() {
      while (i_ < end_ && (*m_)[i_].parenthetical) ++i_;
    }
    const std::vector<MentionRef>* m_;
    std::size_t i_, end_;
  };
  MentionGroup(const std::vector<MentionRef>& m, std::size_t lo, std::size_t hi) : m_(m), lo_(lo), end_(hi + 1) {}
  iterator begin() const { return {m_, lo_, end_}; }
  iterator end() const { return {m_, end_, end_}; }

 private:
  const std::vector<MentionRef>& m_;
  std::size_t lo_, end_;
};

struct SentenceView {
  std::size_t index = 0;
  Span span;
  std::vector<Token> tokens;
  std::vector<std::string_view> role;  // per token: role of the role phrase covering it
  std::vector<MentionRef> mentions;    // left to right, nested mentions dropped
  // The tokens a "relative" role phrase covers ("che", "il quale"), left to
  // right: a scan for them need not read every token's role. A name's
  // tokens among them have lost the role since (role[t] says).
  std::vector<std::size_t> relatives;
  std::vector<std::size_t> heads;  // the same for the "head" role ("l'azienda")
  // The OR of the tokens' may_start (StartIndex::tokenize_marked's answer):
  // a matcher whose bit is clear finds nothing here, and without
  // kClauseBreakBit the sentence is one clause. All set: not known.
  std::uint8_t starts_any = 0xFF;

  // Token range covering byte span s (empty range at the insertion point when none).
  std::pair<std::size_t, std::size_t> token_range(Span s) const;
  // Index of the mention covering token t, or -1.
  int mention_at(std::size_t t) const;
  // Token t is punctuation found in chars. Inline, with one-byte marks (most)
  // looked up as a character: the clause and list walks ask this per token.
  // The sets are a few bytes: a loop over them, not a call to memchr.
  bool is_punct(std::size_t t, std::string_view chars) const {
    if (t >= tokens.size() || tokens[t].word) return false;
    std::string_view mark = tokens[t].lower;
    if (mark.size() == 1) {
      for (char c : chars)
        if (c == mark.front()) return true;
      return false;
    }
    return chars.find(mark) != std::string_view::npos;
  }
  // First token of the clause holding token t: after the last ';', ':' or '…' before it.
  std::size_t clause_start(std::size_t t) const;
  // True when no clause break lies between tokens a and b.
  bool same_clause(std::size_t a, std::size_t b) const;
  // Mentions coordinated with mentions[k] ("A, B e C"), k included unless
  // parenthetical; left to right.
  MentionGroup coordinated(std::size_t k) const;
};

// Builds the view of sentence span; mentions must be sorted by span.begin.
// "la società guidata da <person>" / "il gruppo di <person>" become a mention
// of the company when exactly one company of that person is named in the document.
// tokens are tokenize(text, span), made by the caller.
SentenceView build_view(const ClaimLexicon& lex, std::size_t index, Span span, std::vector<Token> tokens,
                        const EntityOutput& entities, const EntityIndex& by_id);
// The same into v, whose tokens the caller made: its other buffers are
// reused (a thread keeps its views from document to document).
// mention_entity is mention_entities_into's answer for entities.mentions
// (one entry a mention): the mentions' entities are read there, not looked
// up again by every sentence.
void build_view_into(const ClaimLexicon& lex, std::size_t index, Span span, SentenceView& v,
                     const EntityOutput& entities, const EntityIndex& by_id,
                     std::span<const Entity* const> mention_entity);

}  // namespace dealscan::claims
