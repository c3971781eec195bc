// TimeExtractor: tokenizes the text once, then matches the time grammar left
// to right, keeping the longest expression at each position.
//
// Relative expressions ("ieri", "l'anno scorso", "a settembre", "anni Trenta")
// are resolved against the document date. Without a document date they are
// skipped, except decades, which fall back to the latest year the document
// names. Day-level words ("ieri", "martedì", "la scorsa settimana") need a
// full date; with only "YYYY-MM" they are skipped too.
#include <algorithm>
#include <span>

#include "dealscan/extract.h"
#include "extract/time_cores.h"
#include "extract/time_grammar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan {

struct TimeExtractor::Impl {
  explicit Impl(const Lexicon& lexicon) : vocab(lexicon) {}
  timevocab::Vocab vocab;
};

TimeExtractor::TimeExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
TimeExtractor::~TimeExtractor() = default;
TimeExtractor::TimeExtractor(TimeExtractor&&) noexcept = default;
TimeExtractor& TimeExtractor::operator=(TimeExtractor&&) noexcept = default;

namespace {

using namespace timevocab;
// Roles that can begin an expression; joiners, blockers and "dopo" cannot.
constexpr std::uint32_t kStarts = ~(kAnd | kDash | kBlocker | kAgo);

// The latest plausible year written in the document: the century anchor for
// decades when there is no document date.
int latest_year(std::span<const timetok::Token> toks) {
  int best = 0;
  for (const auto& t : toks)
    if (t.kind == timetok::Kind::Number && t.end - t.begin == 4 && t.number >= 1900 && t.number <= 2100 &&
        t.number > best)
      best = t.number;
  return best;
}

// The tokens of toks with a role some core starts with, as
// tokenize_words_into lists them.
void list_core_tokens(std::span<const timetok::Token> toks, std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::size_t k = 0; k < toks.size(); ++k)
    if (toks[k].roles & timegrammar::kCoreStarts) out.push_back(static_cast<std::uint32_t>(k));
}

// Where the run of tokens from which core_within_reach(j) is asked begins:
// back from j over preposition words, not before from (the scan has visited
// every token before j that may start a core, and from is past them).
std::size_t run_start(const timegrammar::Context& ctx, std::size_t from, std::size_t j) {
  std::size_t s = j;
  while (s > from && ctx.vocab.maybe_prep_word(ctx.toks[s - 1])) --s;
  return s;
}

// The matches of the grammar scanned left to right, the longest at each
// position, as a scan asking every token would find them: core_within_reach
// holds at token i exactly when a token j that may start a core comes after
// a run of preposition words i..j-1 that start none, and core_may_begin(j).
// Only tokens with a core role (core_tokens) may start a core, so the scan
// visits those and the preposition runs before them.
void match_near_cores(timegrammar::Context& ctx, std::span<const std::uint32_t> core_tokens,
                      std::vector<timegrammar::Match>& found) {
  std::size_t next = 0;  // the scan goes on here: the tokens before are matched or refused
  for (const std::uint32_t j : core_tokens) {
    if (j < next || !timegrammar::may_start_core(ctx, j)) continue;
    std::size_t i = run_start(ctx, next, j);
    next = j + 1;
    if (!timegrammar::core_may_begin(ctx, j)) continue;
    while (i <= j) {
      std::optional<timegrammar::Match> m;
      if (ctx.vocab.roles_of(ctx.toks[i]) & kStarts) m = timegrammar::parse_reached(ctx, i);
      if (!m) {
        ++i;
        continue;
      }
      if (m->iv.begin && m->iv.end) {
        ctx.prev = m->iv;
        ctx.miss = {};  // the cores missed may read the new prev
      }
      i = m->tok_end;
      next = std::max(next, i);
      found.push_back(*m);
    }
  }
}

// The expression kept for a match: its strings are made here, once.
TimeExpr to_expr(const timegrammar::Match& m, std::span<const timetok::Token> toks) {
  const bool dated = m.iv.begin || m.iv.end;
  return TimeExpr{Span{toks[m.tok_begin].begin, toks[m.tok_end - 1].end},
                  m.iv.begin ? timecal::iso(*m.iv.begin) : std::string(),
                  m.iv.end ? timecal::iso(*m.iv.end) : std::string(),
                  std::string(dated ? m.iv.precision : "open"), m.rule.str()};
}

}  // namespace

std::vector<TimeExpr> TimeExtractor::extract(std::string_view text, const std::vector<Sentence>& sentences,
                                             const std::optional<std::string>& document_date) const {
  return extract(DocumentText(text), sentences, document_date);
}

std::vector<TimeExpr> TimeExtractor::extract(const DocumentText& doc_text, const std::vector<Sentence>&,
                                             const std::optional<std::string>& document_date) const {
  const std::string_view text = doc_text.text();
  // The tokens live in a per-thread store reused from document to document.
  thread_local std::vector<timetok::Token> store;
  // The tokens with a role some core starts with, in order.
  thread_local std::vector<std::uint32_t> core_tokens;
  std::span<const timetok::Token> toks;
  // lowered() is timetok::lower_in_place of the text; the shared word scan
  // spares a second reading of most words, tokens are looked up as they are
  // made, and only those near a possible core start are made: the grammar
  // reads no further than a word of no item (the runs of words between are
  // one inert token each).
  if (const auto& words = doc_text.words(); words.valid_utf8) {
    const std::size_t n =
        timetok::tokenize_near_starts(words, doc_text.lowered(), impl_->vocab.words(), store, core_tokens);
    toks = std::span(store).first(n);  // after the call, which may grow the store
  } else {
    timetok::tokenize(text, doc_text.lowered(), store);
    impl_->vocab.annotate(store);
    toks = store;
    list_core_tokens(toks, core_tokens);
  }

  std::optional<timecal::DocDate> doc;
  if (document_date) doc = timecal::parse_doc_date(*document_date);
  timegrammar::Context ctx{toks,         impl_->vocab,
                           doc,          doc ? doc->ymd.year : latest_year(toks),
                           std::nullopt, doc ? timecal::to_day(doc->ymd) : 0};

  // The matches are gathered in a per-thread buffer first, so that the
  // result is allocated once at its size rather than grown.
  thread_local std::vector<timegrammar::Match> found;
  found.clear();
  match_near_cores(ctx, core_tokens, found);
  std::vector<TimeExpr> out;
  out.reserve(found.size());
  for (const auto& m : found) out.push_back(to_expr(m, toks));
  return out;
}

}  // namespace dealscan
