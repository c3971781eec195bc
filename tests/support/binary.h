// Helpers for tests that run the built dealscan binary (DEALSCAN_BINARY):
// a self-removing temporary folder and a runner that captures both streams.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dealscan::test_support {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;  // exit status; -1 when killed by a signal
  std::string out, err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh temporary folder, removed (permissions restored first) on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "dealscan-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name, std::ios::binary) << bytes;
    return path_ / name;
  }

 private:
  fs::path path_;
};

// Runs a shell command line in dir, with the built dealscan first on PATH,
// capturing both streams.
inline RunResult run_shell(const std::string& command, const std::string& dir) {
  TempDir io;
  std::string bin = fs::path(DEALSCAN_BINARY).parent_path().string();
  std::string line = "cd '" + dir + "' && export LC_ALL=C PATH='" + bin + "':\"$PATH\" && ( " + command + " ) >'" +
                     io.file("out") + "' 2>'" + io.file("err") + "'";
  int status = std::system(line.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(io.file("out"));
  r.err = slurp(io.file("err"));
  return r;
}

// Runs `dealscan args` in dir.
inline RunResult run_dealscan(const std::string& args, const std::string& dir) {
  return run_shell("'" + std::string(DEALSCAN_BINARY) + "' " + args, dir);
}

}  // namespace dealscan::test_support
