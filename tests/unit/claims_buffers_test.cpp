// Claims keep per-thread buffers from document to document (the sentence
// token vectors): a document's claims must not depend on what the thread
// read before it, and tokenize_into must not keep anything of its buffer.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "dealscan/pipeline.h"
#include "extract/claim_kind.h"
#include "extract/claim_modality.h"
#include "extract/claim_text.h"
#include "extract/entity_tokens.h"
#include "extract/latin_case.h"

namespace dealscan {
namespace {

// What claims decided about a document, as one string.
std::string claims_of(const DocumentResult& d) {
  std::string out;
  for (const auto& f : d.figures)
    out += f.text + "|" + std::string(to_string(f.kind)) + "|" + f.kind_rule + "|" + f.subject.value_or("-") + "|" +
           f.counterparty.value_or("-") + "|" + f.party_rule + "\n";
  for (const auto& f : d.facts) out += f.kind + "|" + f.sentence_text + "\n";
  return out;
}

TEST(ClaimsBuffers, DocumentClaimsDoNotDependOnEarlierDocuments) {
  const std::string a =
      "Alfabet investe 3 miliardi di euro in Betacorp.\n"
      "Secondo il Sole 24 Ore, Betacorp ha ceduto a Gammatel il ramo reti per 400 milioni di euro.\n"
      "L'accordo sarebbe stato firmato ieri.\n";
  std::string b = "Titolo di un altro articolo\n";
  for (int k = 0; k < 60; ++k)
    b += "La banca Deltafin ha raccolto " + std::to_string(k + 2) + " milioni di dollari in una lunga frase numero " +
         std::to_string(k) + ", con molte parole che non servono a nulla.\n";
  DocumentProcessor proc(Lexicon::builtin());
  auto first = proc.process(InputFile{"a.txt", "a"}, a);
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->figures.empty());
  auto other = proc.process(InputFile{"b.txt", "b"}, b);
  ASSERT_TRUE(other.ok());
  EXPECT_GT(other->figures.size(), 50u);
  auto again = proc.process(InputFile{"a.txt", "a"}, a);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(claims_of(*again), claims_of(*first));
}

// The thread's sentence buffers (hits, cues, agent, flags) are reset for
// every document: a document read after another gives what a thread that
// never read anything gives.
TEST(ClaimsBuffers, SentenceBuffersKeepNothingOfTheDocumentBefore) {
  const std::string before =
      "Secondo il Sole 24 Ore, Alfabet ha firmato un accordo con Betacorp.\n"
      "Secondo Reuters, Alfabet non investirebbe in Gammatel.\n"
      "Alfabet ha ceduto a Gammatel il ramo reti.\n"
      "La cessione vale 400 milioni di euro.\n";
  const std::string plain =
      "Titolo senza cifre\n"
      "Una frase qualunque senza nomi.\n"
      "Un'altra frase senza nulla da dire.\n"
      "Ancora una frase, lontana dalla cifra.\n"
      "Poi una frase vicina.\n"
      "L'operazione vale 20 milioni di euro.\n";
  auto claims_and_facts = [](const std::string& text) {
    DocumentProcessor proc(Lexicon::builtin());
    auto r = proc.process(InputFile{"x.txt", "x"}, text);
    return r.ok() ? claims_of(*r) + std::to_string(r->facts.size()) : std::string("failed");
  };
  std::string fresh;
  std::thread([&] { fresh = claims_and_facts(plain); }).join();  // a thread with empty buffers
  ASSERT_NE(claims_and_facts(before).find("Secondo"), std::string::npos);  // facts in sentences 0 and 1, which plain does not analyse
  EXPECT_EQ(claims_and_facts(plain), fresh);
}

// The _into finders give what the finders give, whatever their buffer held.
TEST(ClaimsBuffers, FindersIntoReplaceWhatTheirBufferHeld) {
  const claims::ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Secondo fonti vicine, Alfa non investirebbe in Beta con un accordo.";
  const DocumentText doc(text);
  claims::SentenceView v;
  v.starts_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, v.tokens);
  v.role.assign(v.tokens.size(), {});
  const auto triggers = claims::find_triggers(lex, v);
  const auto cues = claims::find_cues(lex.attribution, v);
  ASSERT_FALSE(triggers.empty());
  ASSERT_FALSE(cues.empty());
  std::vector<claims::TriggerHit> hits(5);  // stale entries
  std::vector<claims::CueHit> found(7);
  claims::find_triggers_into(lex, v, hits);
  claims::find_cues_into(lex.attribution, v, found);
  ASSERT_EQ(hits.size(), triggers.size());
  for (std::size_t k = 0; k < hits.size(); ++k) {
    EXPECT_EQ(hits[k].b, triggers[k].b);
    EXPECT_EQ(hits[k].entry, triggers[k].entry);
  }
  ASSERT_EQ(found.size(), cues.size());
  for (std::size_t k = 0; k < found.size(); ++k) {
    EXPECT_EQ(found[k].b, cues[k].b);
    EXPECT_EQ(found[k].entry, cues[k].entry);
  }
  v.starts_any = 0;  // nothing may start here: the buffers come back empty
  claims::find_triggers_into(lex, v, hits);
  claims::find_cues_into(lex.attribution, v, found);
  EXPECT_TRUE(hits.empty());
  EXPECT_TRUE(found.empty());
}

TEST(ClaimsBuffers, TokenizeIntoReplacesWhatItsBufferHeld) {
  const std::string text = "L'intesa vale 1.500 milioni: la start-up \xC3\xA8 di Alfa.";
  const std::string lowered = text::lower_latin(text);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<claims::Token> out;
  claims::tokenize_into(words, lowered, Span{0, text.size()}, out);  // a long sentence first
  ASSERT_GT(out.size(), 8u);
  for (Span span : {Span{0, 8}, Span{9, 25}, Span{26, text.size()}, Span{0, 0}}) {
    claims::tokenize_into(words, lowered, span, out);
    const auto want = claims::tokenize(text, lowered, span);
    ASSERT_EQ(out.size(), want.size()) << span.begin;
    for (std::size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(out[k].span.begin, want[k].span.begin);
      EXPECT_EQ(out[k].lower, want[k].lower);
      EXPECT_EQ(out[k].word, want[k].word);
    }
  }
}

}  // namespace
}  // namespace dealscan
