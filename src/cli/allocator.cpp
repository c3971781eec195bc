#include "cli/allocator.h"

#if DEALSCAN_WITH_MIMALLOC
#include <mimalloc.h>

#include <fmt/format.h>
#endif

namespace dealscan::cli {

std::string allocator_name() {
#if DEALSCAN_WITH_MIMALLOC
  // Linking the shared library is what replaces malloc and free for the
  // whole process (libstdc++'s operator new included); naming a symbol here
  // also keeps a linker that drops unused libraries from dropping it.
  const int v = mi_version();  // 209 for 2.0.9
  return fmt::format("mimalloc {}.{}.{}", v / 100, v / 10 % 10, v % 10);
#else
  return "system malloc";
#endif
}

}  // namespace dealscan::cli
