// The Italian vocabulary: number words, scales, currencies, qualifiers, claim
// triggers, the gazetteer. Kept as data files under data/lexicon/it/ (see the
// README there), embedded in the binary, extendable with --lexicon FILE.
//
// File format, one entry a line:
//   form|alias|alias<TAB>key=value<TAB>key=value      # comment
// The first form is the canonical one. Blank lines and lines starting with #
// are ignored. An extra lexicon file may hold several lists, each introduced
// by a "[list-name]" line; its entries are appended to the built-in list.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dealscan/result.h"

namespace dealscan {

// An entry's attributes (key=value), sorted by key: a handful each, held in
// one vector, where a tree cost an allocation per attribute to parse and to
// copy, and a pointer chase per step to read.
class LexAttrs {
 public:
  using value_type = std::pair<std::string, std::string>;
  using const_iterator = std::vector<value_type>::const_iterator;

  // Adds key=value unless key is there already (the first one wins).
  void add(std::string_view key, std::string_view value);
  // The attribute named key, or end().
  const_iterator find(std::string_view key) const;
  std::size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  void reserve(std::size_t n) { items_.reserve(n); }

 private:
  std::vector<value_type> items_;
};

struct LexEntry {
  std::vector<std::string> forms;  // forms[0] is canonical
  LexAttrs attrs;
  std::string origin;              // "gazetteer.tsv:12", for explain output

  const std::string& canonical() const { return forms.front(); }
  // The attribute's value, or fallback when absent.
  std::string_view attr(std::string_view key, std::string_view fallback = {}) const;
  double number(std::string_view key, double fallback = 0) const;
};

// Copies share their lists until one of them changes (a run copies the
// built-in lexicon to extend it, and most runs extend nothing).
class Lexicon {
 public:
  // The lexicon compiled into the binary.
  static const Lexicon& builtin();
  // An empty lexicon (tests).
  Lexicon() = default;

  // Parses one list ("scales") from text in the file format above.
  void add_list(std::string_view name, std::string_view text, std::string_view origin);
  // Parses an extra lexicon file with [list] sections. Error names the line.
  Result<bool> add_file_text(std::string_view text, std::string_view origin);

  // The entries of a list; empty when there is no such list.
  const std::vector<LexEntry>& list(std::string_view name) const;
  std::vector<std::string> list_names() const;

 private:
  using Lists = std::map<std::string, std::vector<LexEntry>, std::less<>>;
  // The lists, made this lexicon's own (copied if shared) before a change.
  Lists& own_lists();

  std::shared_ptr<Lists> lists_;  // null while empty
};

}  // namespace dealscan
