// Anonymous temporary files for data that outgrows memory (the archive's
// documents, the summary's claims): made in $TMPDIR, else /tmp, and unlinked
// at once, so they vanish with the process even when it is killed.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace dealscan {

inline std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

// Throws std::runtime_error naming the folder and the reason (what: whose file).
inline std::FILE* anonymous_temp_file(const char* what) {
  std::string path = temp_dir() + "/dealscan-XXXXXX";
  int fd = ::mkstemp(path.data());
  std::FILE* file = fd < 0 ? nullptr : ::fdopen(fd, "w+b");
  if (!file) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(std::string(what) + ": cannot create a temporary file in " + temp_dir() + " (set TMPDIR): " +
                             std::strerror(error));
  }
  ::unlink(path.c_str());
  return file;
}

}  // namespace dealscan
