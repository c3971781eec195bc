// The archive's pieces: documents spilled to disk come back whole, and the
// summary written a story at a time is write_jsonl_summary's, byte for byte.
// (That an archive run equals an in-memory one is StreamedJsonl in merge_test.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/document_spill.h"
#include "dealscan/report.h"

namespace dealscan {
namespace {

TimeExpr time_expr(std::size_t at) { return TimeExpr{Span{at, at + 9}, "2027-01-01", "2027-12-31", "year", "year-number"}; }

// A document with every field the spill stores set to something non-default.
DocumentResult full_document(const std::string& id) {
  DocumentResult d;
  d.source.id = id;
  Figure f;
  f.id = id + "#f1";
  f.source = id;
  f.money = MoneyMention{Span{4, 20}, 1.5e9, 2e9, "EUR", true, Qualifier::About, 7.0, Span{30, 40}, std::nullopt, "number-scale"};
  f.text = "1,5-2 miliardi";
  f.orig = Span{5, 22};
  f.sentence = 3;
  f.sentence_text = "Enel investirebbe circa 1,5-2 miliardi in sette anni.";
  f.kind = Kind::Investment;
  f.subject = "enel";
  f.counterparty = std::nullopt;
  f.modality = Modality::Conditional;
  f.attributed_to = "il-sole-24-ore";
  f.time = time_expr(50);
  f.kind_rule = "trigger:investire";
  f.party_rule = "subject-before-verb";
  Figure conversion = f;
  conversion.id = id + "#f2";
  conversion.money.conversion_of = 0;
  conversion.money.currency = "";
  conversion.time.reset();
  d.figures = {f, conversion};
  Fact c;
  c.id = id + "#c1";
  c.source = id;
  c.kind = "exclusive_rights";
  c.subject = "rai";
  c.object = "serie-a";
  c.until = time_expr(70);
  c.text = "in esclusiva fino al 2027";
  c.orig = Span{60, 85};
  c.sentence = 4;
  c.sentence_text = "La Rai avrà i diritti in esclusiva fino al 2027.";
  c.modality = Modality::Denied;
  c.rule = "exclusive";
  d.facts = {c};
  return d;
}

// d as the spill gives it back: without the texts the cross-check never
// reads (sentences, rule names, attributed_to, a fact's object).
DocumentResult as_spilled(DocumentResult d) {
  for (auto& f : d.figures) {
    f.money.rule.clear();
    f.sentence_text.clear();
    f.attributed_to.reset();
    if (f.time) f.time->rule.clear();
    f.kind_rule.clear();
    f.party_rule.clear();
  }
  for (auto& f : d.facts) {
    f.object.reset();
    if (f.until) f.until->rule.clear();
    f.sentence_text.clear();
    f.rule.clear();
  }
  return d;
}

TEST(DocumentSpill, DocumentsComeBackWithEveryFieldTheCrossCheckReads) {
  crosscheck::DocumentSpill spill;
  const DocumentResult a = full_document("enel-a"), empty = [] {
    DocumentResult d;
    d.source.id = "nothing";
    return d;
  }();
  spill.append(crosscheck::DocumentSpill::encode(a));
  spill.append(crosscheck::DocumentSpill::encode(empty));
  spill.seal();
  ASSERT_EQ(spill.size(), 2u);
  const DocumentResult back = spill.load(0);
  // The JSON line shows almost every field; the unread texts come back empty.
  EXPECT_NE(jsonl_document_line(as_spilled(a)), jsonl_document_line(a));
  EXPECT_EQ(jsonl_document_line(back), jsonl_document_line(as_spilled(a)));
  for (std::size_t i = 0; i < a.figures.size(); ++i) {
    const Figure &x = a.figures[i], &y = back.figures[i];
    EXPECT_EQ(y.money.span, x.money.span);
    EXPECT_EQ(y.money.period_span, x.money.period_span);
    EXPECT_EQ(y.money.conversion_of, x.money.conversion_of);
    EXPECT_EQ(y.time.has_value(), x.time.has_value());
    if (x.time) EXPECT_EQ(y.time->span, x.time->span);
  }
  EXPECT_EQ(back.facts.at(0).until->span, a.facts.at(0).until->span);
  const DocumentResult none = spill.load(1);
  EXPECT_EQ(none.source.id, "nothing");
  EXPECT_TRUE(none.figures.empty() && none.facts.empty());
}

TEST(DocumentSpill, FigureProminencesComeBackWithTheirDocument) {
  crosscheck::DocumentSpill spill;
  const DocumentResult a = full_document("enel-a"), b = full_document("enel-b");
  const std::vector<crosscheck::FigureProminence> ranked_a = {{0, 5.25}}, ranked_b = {{0, 1.5}, {3, 0.75}};
  spill.append(crosscheck::DocumentSpill::encode(a, ranked_a));
  spill.append(crosscheck::DocumentSpill::encode(b, ranked_b));
  spill.seal();
  for (std::size_t i : {1, 0}) {  // out of order, then in order
    std::vector<crosscheck::FigureProminence> ranked;
    const DocumentResult back = spill.load(i, ranked);
    const auto& want = i == 0 ? ranked_a : ranked_b;
    EXPECT_EQ(jsonl_document_line(back), jsonl_document_line(as_spilled(i == 0 ? a : b)));
    ASSERT_EQ(ranked.size(), want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(ranked[k].index, want[k].index);
      EXPECT_EQ(ranked[k].prominence, want[k].prominence);
    }
  }
  // The document alone reads the same record.
  EXPECT_EQ(jsonl_document_line(spill.load(1)), jsonl_document_line(as_spilled(b)));
}

// Records of many sizes, so that blocks read ahead end inside records.
std::string spilled_id(std::size_t i) { return std::to_string(i) + std::string(i * 37 % 1500, 'x'); }

void fill(crosscheck::DocumentSpill& spill, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    DocumentResult d;
    d.source.id = spilled_id(i);
    spill.append(crosscheck::DocumentSpill::encode(d));
  }
  spill.seal();
}

TEST(DocumentSpill, RecordsComeBackInAnyOrderFromSeveralSpillsAndThreads) {
  constexpr std::size_t n = 2000;  // ~1.5 MB: several of the largest blocks
  crosscheck::DocumentSpill a, b;
  fill(a, n);
  fill(b, n);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i) order.push_back(i);              // in order (blocks grow)
  for (std::size_t i = n; i-- > 0;) order.push_back(i);                // backwards
  for (std::size_t i = 0; i < n; ++i) order.push_back(i * 7919 % n);  // jumps
  for (std::size_t i = 500; i < 900; ++i) order.push_back(i);           // in order from the middle
  auto read_all = [&](int* failures) {
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      // Two spills read in turn on one thread do not share a block.
      if (a.load(i).source.id != spilled_id(i)) ++*failures;
      if (k % 3 == 0 && b.load((i + 1) % n).source.id != spilled_id((i + 1) % n)) ++*failures;
    }
  };
  int on_main = 0, on_thread = 0;
  std::thread other(read_all, &on_thread);
  read_all(&on_main);
  other.join();
  EXPECT_EQ(on_main, 0);
  EXPECT_EQ(on_thread, 0);
}

TEST(DocumentSpill, RecordsOf64KBOrMoreComeBackAmongShortOnes) {
  // Lengths of 64 KB and more are kept apart from the 2-byte ones; the
  // long records sit on both sides of a 64-record stride's start.
  auto id = [](std::size_t i) {
    if (i == 63 || i == 64 || i == 130) return std::to_string(i) + std::string(70000 + i, 'y');
    if (i == 65) return std::to_string(i) + std::string(65535 - 16, 'z');  // near the 2-byte limit
    return spilled_id(i);
  };
  constexpr std::size_t n = 200;
  crosscheck::DocumentSpill spill;
  for (std::size_t i = 0; i < n; ++i) {
    DocumentResult d;
    d.source.id = id(i);
    spill.append(crosscheck::DocumentSpill::encode(d));
  }
  spill.seal();
  ASSERT_EQ(spill.size(), n);
  for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(spill.load(i).source.id, id(i)) << i;             // in order
  for (std::size_t i = n; i-- > 0;) EXPECT_EQ(spill.load(i).source.id, id(i)) << i;              // backwards
  for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(spill.load(k * 61 % n).source.id, id(k * 61 % n));  // jumps
}

TEST(DocumentSpill, StoryDocsComeBackWhole) {
  crosscheck::StoryDoc d;
  d.id = "enel-a";
  d.day = 739000;
  d.entities = {{3, EntityType::Org, 4}, {7, EntityType::Person, 1}};
  d.figure_parties = {9};
  d.amounts = {{8.5, 11, 1, {{3.0, 0, 3, crosscheck::Names::kNone}, {5.5, 2, 3, 7}}, Kind::Stake},
               {1.0, 12, 0, {{1.0, 4, 7, 3}}, Kind::Other}};
  crosscheck::DocumentSpill spill;
  spill.append(crosscheck::DocumentSpill::encode(crosscheck::StoryDoc{}));
  spill.append(crosscheck::DocumentSpill::encode(d));
  spill.seal();
  const crosscheck::StoryDoc back = spill.load_story(1);
  EXPECT_EQ(back.id, d.id);
  EXPECT_EQ(back.day, d.day);
  ASSERT_EQ(back.entities.size(), 2u);
  EXPECT_EQ(back.entities[1].id, 7u);
  EXPECT_EQ(back.entities[1].type, EntityType::Person);
  EXPECT_EQ(back.figure_parties, d.figure_parties);
  ASSERT_EQ(back.amounts.size(), 2u);
  EXPECT_EQ(back.amounts[0].prominence, 8.5);
  EXPECT_EQ(back.amounts[0].top_kind, Kind::Stake);
  ASSERT_EQ(back.amounts[0].mentions.size(), 2u);
  EXPECT_EQ(back.amounts[0].mentions[0].counterparty, crosscheck::Names::kNone);
  EXPECT_EQ(back.amounts[0].mentions[1].prominence, 5.5);
  EXPECT_EQ(back.amounts[1].key, 12u);
  const crosscheck::StoryDoc empty = spill.load_story(0);
  EXPECT_TRUE(empty.id.empty() && !empty.day && empty.entities.empty() && empty.amounts.empty());
}

// Enough stories that the claims pass the writer's 1 MB flush several times.
std::vector<StoryCheck> many_stories() {
  std::vector<StoryCheck> out;
  std::size_t claim = 0;
  for (int s = 1; s <= 400; ++s) {
    StoryCheck c;
    c.story = Story{"s" + std::to_string(s), "Enel → Snam: investment €" + std::to_string(s) + "bn", {"a", "b"}, {}};
    for (int k = 0; k < 20; ++k) {
      Claim cl;
      cl.id = "c" + std::to_string(++claim);
      cl.story = c.story.id;
      cl.key = "investment|enel|snam|" + std::string(120, 'x');
      cl.kind = Kind::Investment;
      cl.subject = "enel";
      cl.figures = {"a#f1", "b#f1"};
      cl.sources = {"a", "b"};
      c.story.claims.push_back(cl.id);
      c.claims.push_back(cl);
    }
    if (s % 3 == 0)
      c.conflicts.push_back(Conflict{c.claims[0].id, c.story.id, "value", Severity::Conflict,
                                     {{"a", "1 miliardo", 1e9, "a#f1"}, {"b", "2 miliardi", 2e9, "b#f1"}}, "value: è \"diverso\""});
    out.push_back(std::move(c));
  }
  return out;
}

TEST(JsonlSummaryWriter, WritesWhatWriteJsonlSummaryWrites) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{400}}) {
    auto stories = many_stories();
    stories.resize(n);
    Report report;
    report.skipped = {{"bad.txt", "not text"}, {"gone.txt", "No such file"}};
    for (const auto& s : stories) {
      report.check.stories.push_back(s.story);
      report.check.claims.insert(report.check.claims.end(), s.claims.begin(), s.claims.end());
      report.check.conflicts.insert(report.check.conflicts.end(), s.conflicts.begin(), s.conflicts.end());
    }
    std::ostringstream whole, streamed;
    write_jsonl_summary(whole, report);
    JsonlSummaryWriter writer(streamed, report.skipped);
    for (const auto& s : stories) writer.add(s);
    writer.finish();
    EXPECT_EQ(streamed.str(), whole.str()) << n << " stories";
    EXPECT_EQ(writer.conflicts(), report.check.conflicts.size());
    if (n == 400) EXPECT_GT(whole.str().size(), std::size_t{2} << 20);  // the flush paths ran
  }
}

}  // namespace
}  // namespace dealscan
