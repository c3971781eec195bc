#include "dealscan/extract.h"
#include "extract/entity_tokens.h"
#include "extract/latin_case.h"

namespace dealscan {
namespace {

const std::vector<Sentence> kNoSentences;

// One word stream per thread, reused from document to document: a fresh
// one per document would allocate and first-touch its token array each time.
struct WordsOfThread {
  entity::TokenStream words;
  bool taken = false;
};
thread_local WordsOfThread words_of_thread;

constexpr std::size_t kKeepBytes = 4u << 20;  // a huge document's buffers are not kept

}  // namespace

DocumentText::DocumentText(std::string_view text) : DocumentText(text, kNoSentences) {}

DocumentText::DocumentText(std::string_view text, const std::vector<Sentence>& sentences)
    : text_(text), sentences_(&sentences), lowered_(text::lower_latin(text)) {}

DocumentText::~DocumentText() {
  if (!borrowed_) return;
  words_of_thread.taken = false;
  if (words_of_thread.words.keys.capacity() > kKeepBytes) words_of_thread.words = {};
}

const entity::TokenStream& DocumentText::words() const {
  if (!words_) entity::tokenize_into(text_, *sentences_, take_words());
  return *words_;
}

const entity::TokenStream& DocumentText::words(const entity::WordMarker& marker) const {
  if (!words_) entity::tokenize_into(text_, *sentences_, take_words(), marker);
  return *words_;
}

entity::TokenStream& DocumentText::take_words() const {
  if (!words_of_thread.taken) {
    words_of_thread.taken = borrowed_ = true;
    words_ = &words_of_thread.words;
  } else {
    owned_ = std::make_unique<entity::TokenStream>();
    words_ = owned_.get();
  }
  return *words_;
}

}  // namespace dealscan
