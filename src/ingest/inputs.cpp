// STUB: replaced by the ingest module.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dealscan/ingest.h"

namespace dealscan {
namespace fs = std::filesystem;

std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, const InputOptions&,
                                     std::vector<SkippedSource>& skipped) {
  std::vector<InputFile> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
      std::sort(files.begin(), files.end());
      for (auto& f : files) out.push_back({f, fs::path(f).stem().string()});
    } else if (fs::exists(p, ec)) {
      out.push_back({p, fs::path(p).stem().string()});
    } else {
      skipped.push_back({p, "not found"});
    }
  }
  return out;
}

Result<std::string> read_input(const InputFile& file, const InputOptions&) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return Error{"cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace dealscan
