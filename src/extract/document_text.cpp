#include "dealscan/extract.h"
#include "extract/latin_case.h"

namespace dealscan {

DocumentText::DocumentText(std::string_view text) : text_(text), lowered_(text::lower_latin(text)) {}

}  // namespace dealscan
