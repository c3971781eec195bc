// Claims: the document's main deal ("the story") and the fallbacks it gives
// to figures whose own sentence leaves a party unnamed.
//
//   "Alfa investirà 5 miliardi in Beta. ... L'investimento arriverà per gradi."
//       => the second figure inherits Alfa -> Beta (story:both)
//   "Beta e Alfa, un accordo da 5 miliardi" after "Alfa pagherà Beta ..."
//       => the pair is read in the story's direction (story:oriented)
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dealscan/types.h"

namespace dealscan::claims {

// The best supported (subject, counterparty) pair among payment figures: a
// figure naming both counts 1, one naming one side of it counts 1/2; the
// earliest wins ties. A recipient nobody names is the organisation the
// document mentions most (mentions: entity id => count, ORG only), and so is
// a missing payer; a guessed payer is given to a figure only when its own
// sentence names it (or the deal is an agreement, which has two sides).
// Its kind is the kind of its first figure.
struct StoryPair {
  std::optional<std::string> subject, counterparty;
  Kind kind = Kind::Investment;
  bool guessed_subject = false;  // the payer came from mention counts, not a figure
};

std::optional<StoryPair> main_pair(const std::vector<Figure>& figures,
                                   const std::vector<std::pair<std::string, int>>& org_mentions,
                                   const std::unordered_set<std::string>& persons);

// Same company or parent and subsidiary (Google / Alphabet).
using ParentOf = std::unordered_map<std::string, std::string>;
bool same_family(const ParentOf& parents, const std::string& a, const std::string& b);

// What a sentence names, for the fallbacks.
struct SentenceFlags {
  bool has_party = false;  // an ORG or PERSON
  bool pay_verb = false;   // a verb of paying or receiving ("versare", "ricevere")
  std::vector<std::string> named;  // ids of the parties it names
  bool deal_noun = false;          // "l'accordo", "l'intesa": the deal itself is talked about
  bool target_head = false;        // "nella società", "all'azienda": money goes to a company named before
};

// Fills parties left empty from the story.
void apply_story(std::vector<Figure>& figures, const StoryPair& story, std::span<const SentenceFlags> sentences,
                 const ParentOf& parents);

// "L'intesa porterà ad Alfa ricavi per N": revenue a deal brings its subject
// is paid by the other side of the deal, the organisation the document
// mentions most besides the subject's company (story:revenue-client).
void revenue_clients(std::vector<Figure>& figures, std::span<const SentenceFlags> sentences,
                     const std::vector<std::pair<std::string, int>>& org_mentions, const ParentOf& parents);

}  // namespace dealscan::claims
