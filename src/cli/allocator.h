// Which allocator this build of dealscan runs on, for the -vv log: a run
// makes about a thousand small allocations a document, so the allocator is
// part of its speed (see docs/benchmarks.md).
#pragma once

#include <string>

namespace dealscan::cli {

// "mimalloc 2.0.9" when the build links mimalloc (CMake option
// DEALSCAN_MIMALLOC), else "system malloc".
std::string allocator_name();

}  // namespace dealscan::cli
