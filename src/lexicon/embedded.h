// The lexicon files compiled into the binary (generated lexicon_data.cpp).
#pragma once

#include <string_view>
#include <vector>

namespace dealscan::detail {

struct EmbeddedFile {
  std::string_view name;  // file name without .tsv
  std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_lexicon();

}  // namespace dealscan::detail
