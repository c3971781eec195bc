// Report writers: JSON (schema dealscan.report/1), JSON Lines per document,
// and the terminal report; plus the comparison used by `dealscan check`.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "dealscan/types.h"

namespace dealscan {

nlohmann::ordered_json to_json(const Report& report);

struct TextOptions {
  bool color = false;
  bool show_entities = true;
};
void write_text(std::ostream& out, const Report& report, const TextOptions& options);

// `dealscan check`: the expected file against what was extracted.
struct CheckResult {
  bool match = true;
  std::vector<std::string> differences;  // one readable line each
};
CheckResult compare_expected(const nlohmann::json& expected, const Report& report);

}  // namespace dealscan
