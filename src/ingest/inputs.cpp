// Finding and reading the input files.
#include <dirent.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_set>

#include "dealscan/ingest.h"

namespace dealscan {
namespace fs = std::filesystem;
namespace {

// Deeper folder trees than this are reported rather than walked.
constexpr int kMaxDepth = 256;

std::string reason_for(std::error_code ec) {
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) return "not found";
  if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted) return "permission denied";
  if (ec == std::errc::too_many_symbolic_link_levels) return "symlink loop";
  if (ec == std::errc::filename_too_long) return "file name too long";
  if (ec == std::errc::is_a_directory) return "is a directory";
  return ec.message();
}

std::string reason_for_errno(int err) { return reason_for(std::error_code(err, std::generic_category())); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of the UTF-8 character at s[i] (1 for stray bytes).
std::size_t char_len(std::string_view s, std::size_t i) {
  std::size_t n = 1;
  if (static_cast<unsigned char>(s[i]) >= 0xC0)
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

// Matches the bracket expression at pattern[p] ('[' ... ']') against the
// character c; sets next to the index after ']'. False with next = npos when
// the bracket is not closed (then '[' is literal).
bool match_set(std::string_view pat, std::size_t p, std::string_view c, std::size_t& next) {
  std::size_t q = p + 1;
  bool negate = q < pat.size() && (pat[q] == '!' || pat[q] == '^');
  if (negate) ++q;
  bool hit = false;
  bool first = true;
  while (q < pat.size() && (pat[q] != ']' || first)) {
    first = false;
    std::size_t len = char_len(pat, q);
    std::string_view lo = pat.substr(q, len);
    q += len;
    std::string_view hi = lo;
    if (q + 1 < pat.size() && pat[q] == '-' && pat[q + 1] != ']') {
      std::size_t hl = char_len(pat, q + 1);
      hi = pat.substr(q + 1, hl);
      q += 1 + hl;
    }
    auto folded = [](std::string_view s) {
      std::string out(s);
      if (out.size() == 1) out[0] = lower(out[0]);
      return out;
    };
    std::string cf = folded(c), lf = folded(lo), hf = folded(hi);
    if (cf == lf || cf == hf || (lf < cf && cf < hf)) hit = true;
  }
  if (q >= pat.size()) {
    next = std::string_view::npos;
    return false;
  }
  next = q + 1;
  return hit != negate;
}

// A file as the system knows it, however it is reached: 16 bytes where a
// canonical path costs a hundred, for each of an archive's files.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};
struct FileIdHash {
  std::size_t operator()(const FileId& f) const { return std::hash<std::uint64_t>{}(std::uint64_t(f.ino) * 1000003u ^ f.dev); }
};

// A folder entry as readdir gives it: its type and inode number come with
// the name, at no cost.
struct Entry {
  std::string name;
  unsigned char type = DT_UNKNOWN;
  ino_t ino = 0;
};

// True on the file systems whose folder entries give a regular file's inode
// number as stat would.
bool entries_reliable_on(int fd) {
  struct statfs fs {};
  if (::fstatfs(fd, &fs) != 0) return false;
  switch (fs.f_type) {
    case EXT4_SUPER_MAGIC:  // ext2, ext3 too
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
    case TMPFS_MAGIC:
      return true;
    default:
      return false;
  }
}

// The device of the folder open as fd when its regular files can be listed
// from their entries alone, without a stat each (a microsecond a file): on
// the local file systems named here a regular file's entry gives the inode
// number stat would, on the folder's device. Not on overlayfs (a file's
// device and inode can differ from its entry's there) or network file
// systems; nor in a folder that cannot be searched, whose files stat
// reports as unreadable. Limit: a file bind-mounted onto a regular file
// still shows the hidden file's inode in its entry, so it can be taken for
// a duplicate of the hidden file or miss being one of the mounted file.
std::optional<dev_t> entries_as_stat(int fd, FolderEntries mode) {
  if (mode == FolderEntries::kStatEach) return std::nullopt;
  if (mode == FolderEntries::kWhereReliable && !entries_reliable_on(fd)) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || ::faccessat(fd, ".", X_OK, AT_EACCESS) != 0) return std::nullopt;
  return st.st_dev;
}

// A file descriptor closed on scope exit.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

struct Walker {
  const InputOptions& options;
  std::vector<SkippedSource>& skipped;
  const std::function<void(std::string_view path)>& list;
  std::size_t listed = 0;  // files given to list
  std::unordered_set<FileId, FileIdHash> seen_files;  // listed already
  std::set<std::string> seen_dirs;

  static std::string canonical_of(const fs::path& p) {
    std::error_code ec;
    auto c = fs::weakly_canonical(p, ec);
    return ec ? fs::absolute(p, ec).lexically_normal().string() : c.string();
  }

  // A file that cannot be stat'ed is listed: reading it reports why.
  void add_file(const fs::path& p, const std::string& shown) {
    struct stat st {};
    add_file(shown, ::stat(p.c_str(), &st) == 0 ? std::optional<FileId>({st.st_dev, st.st_ino}) : std::nullopt);
  }
  void add_file(const std::string& shown, std::optional<FileId> id) {
    if (id && !seen_files.insert(*id).second) {
      skipped.push_back({shown, "duplicate (already read through another path)"});
      return;
    }
    emit(shown);
  }
  void emit(std::string_view path) {
    list(path);
    ++listed;
  }

  // Appends the entries of the folder open as fd but the hidden ones ("."
  // and ".." among them), read with readdir: directory_iterator builds and
  // parses a path per entry, which cost more than the rest of a short
  // document's processing on the calling thread. fd stays open for stat
  // calls relative to it. False (reported) when the folder cannot be read.
  bool list_entries(int fd, const fs::path& dir, std::vector<Entry>& entries) {
    const int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);  // closedir closes it
    std::unique_ptr<DIR, int (*)(DIR*)> d(own < 0 ? nullptr : ::fdopendir(own), ::closedir);
    if (!d) {
      const int err = errno;
      if (own >= 0) ::close(own);
      skipped.push_back({dir.string(), reason_for_errno(err)});
      return false;
    }
    int err = 0;
    for (;;) {
      errno = 0;
      const dirent* e = ::readdir(d.get());
      if (!e) {
        err = errno;  // 0 at the end of the folder
        break;
      }
      if (e->d_name[0] != '.') entries.push_back({e->d_name, e->d_type, e->d_ino});
    }
    if (err != 0) skipped.push_back({dir.string(), "cannot list folder: " + reason_for_errno(err)});
    return true;
  }

  // The id of the entry when it is a regular file (reached through
  // symlinks), from the entry itself where device is known, else from one
  // stat() relative to the folder so the kernel does not walk the path
  // again. nullopt for anything else, or when stat fails.
  static std::optional<FileId> regular_file_id(int folder, const Entry& entry, std::optional<dev_t> device) {
    if (device && entry.type == DT_REG) return FileId{*device, entry.ino};
    struct stat st {};
    if (::fstatat(folder, entry.name.c_str(), &st, 0) == 0 && S_ISREG(st.st_mode)) return FileId{st.st_dev, st.st_ino};
    return std::nullopt;
  }

  // Walks dir; ancestors are the canonical folders above (for loop detection).
  void walk(const fs::path& dir, std::vector<std::string>& ancestors, int depth) {
    if (depth > kMaxDepth) {
      skipped.push_back({dir.string(), "folder nested too deeply"});
      return;
    }
    const Fd folder{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (folder.fd < 0) {
      skipped.push_back({dir.string(), reason_for_errno(errno)});
      return;
    }
    std::vector<Entry> entries;
    if (!list_entries(folder.fd, dir, entries)) return;
    // Names, not paths, are sorted: in one folder the order is the same, and
    // comparing paths part by part costs more than the rest of the walk.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    const std::optional<dev_t> device = entries_as_stat(folder.fd, options.folder_entries);

    std::string path = dir.native();
    if (path.empty() || path.back() != '/') path += '/';  // as dir / name makes it
    const std::size_t base = path.size();
    for (const Entry& entry : entries) {
      const std::string& name = entry.name;
      path.resize(base);
      path += name;
      if (const auto id = regular_file_id(folder.fd, entry, device)) {
        if (glob_match(options.glob, name)) add_file(path, *id);
        continue;
      }
      const fs::path p = path;
      std::error_code e1;
      auto link = fs::symlink_status(p, e1);
      auto st = fs::status(p, e1);
      if (e1 || st.type() == fs::file_type::not_found) {
        if (glob_match(options.glob, name) || e1 == std::errc::too_many_symbolic_link_levels) {
          std::string why = e1 ? reason_for(e1) : "not found";
          if (fs::is_symlink(link) && why == "not found") why = "broken symlink";
          skipped.push_back({p.string(), why});
        }
        continue;
      }
      if (fs::is_directory(st)) {
        std::string canon = canonical_of(p);
        if (std::find(ancestors.begin(), ancestors.end(), canon) != ancestors.end()) {
          skipped.push_back({p.string(), "symlink loop"});
          continue;
        }
        if (!seen_dirs.insert(canon).second) {
          skipped.push_back({p.string(), "duplicate folder (already read through another path)"});
          continue;
        }
        ancestors.push_back(canon);
        walk(p, ancestors, depth + 1);
        ancestors.pop_back();
        continue;
      }
      if (!glob_match(options.glob, name)) continue;
      if (fs::is_regular_file(st)) {
        add_file(p, p.string());
      } else {
        skipped.push_back({p.string(), "not a regular file"});
      }
    }
  }
};

Error read_error(int err) {
  if (err == EISDIR) return Error{"is a directory"};
  return Error{"read error: " + std::error_code(err, std::generic_category()).message()};
}

// Reads fd to the end, failing past limit bytes. A regular file's size is
// known from fstat: a read() that stops short at the size as of fstat has
// reached the end, so no second read() is made to see it return 0 (a file
// that grew past that size is read on; one that grows after the read that
// reached it is not). Reading through a buffer on the stack costs one copy, where
// reading into the string would first zero it.
Result<std::string> read_all(int fd, std::optional<std::size_t> size, std::size_t limit) {
  std::string data;
  data.reserve(std::min(size.value_or(0), limit) + 1);
  char buf[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return read_error(errno);
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > limit) return Error{"too large (over the limit of " + std::to_string(limit) + " bytes)"};
    if (size && data.size() == *size && static_cast<std::size_t>(n) < sizeof buf) break;  // short at the size as of fstat
  }
  return data;
}

// The text after a pattern's leading '*' when the rest is plain ASCII
// ("*.txt", the default glob), else nullopt. An ASCII byte always starts a
// character, so such a pattern matches exactly the names ending with it.
std::optional<std::string_view> star_then_plain(std::string_view pat) {
  if (pat.empty() || pat[0] != '*') return std::nullopt;
  const std::string_view rest = pat.substr(1);
  for (char c : rest)
    if (c == '*' || c == '?' || c == '[' || static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  return rest;
}

bool ends_with_either_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  const std::string_view end = name.substr(name.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (lower(end[i]) != lower(suffix[i])) return false;
  return true;
}

// The file name without its extension, as std::filesystem::path::stem gives
// it ("a/b.c.txt" -> "b.c", ".profilo" -> ".profilo", "cartella/" -> ""),
// without building and parsing a path (~1,900 instructions a file).
std::string_view file_stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "." || name == "..") return name;
  const std::size_t dot = name.rfind('.');
  return dot == 0 || dot == std::string_view::npos ? name : name.substr(0, dot);
}

}  // namespace

bool glob_match(std::string_view pat, std::string_view name) {
  // Every file of a folder is matched: the common pattern skips the
  // general walk below.
  if (const auto suffix = star_then_plain(pat)) return ends_with_either_case(name, *suffix);
  std::size_t p = 0, n = 0;
  std::size_t star = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    std::size_t clen = char_len(name, n);
    if (p < pat.size()) {
      char c = pat[p];
      if (c == '*') {
        star = ++p;
        star_n = n;
        continue;
      }
      if (c == '?') {
        ++p;
        n += clen;
        continue;
      }
      if (c == '[') {
        std::size_t next = 0;
        bool hit = match_set(pat, p, name.substr(n, clen), next);
        if (next != std::string_view::npos) {
          if (hit) {
            p = next;
            n += clen;
            continue;
          }
        } else if (name[n] == '[') {  // unclosed: a literal '['
          ++p;
          ++n;
          continue;
        }
      } else if (lower(c) == lower(name[n])) {
        ++p;
        ++n;
        continue;
      }
    }
    // Mismatch: let the last '*' take one more character.
    if (star == std::string_view::npos) return false;
    p = star;
    star_n += char_len(name, star_n);
    n = star_n;
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

void InputList::push_back(std::string_view path) {
  paths_ += path;
  ends_.push_back(paths_.size());
}

InputFile InputList::operator[](std::size_t i) const {
  const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  std::string path = paths_.substr(begin, ends_[i] - begin);
  if (path == "-") return {path, "stdin"};
  std::string id(file_stem(path));
  return {std::move(path), std::move(id)};
}

void InputList::shrink_to_fit() {
  paths_.shrink_to_fit();
  ends_.shrink_to_fit();
}

void expand_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                   std::vector<SkippedSource>& skipped, const std::function<void(std::string_view path)>& list) {
  Walker walker{options, skipped, list, 0, {}, {}};
  bool stdin_taken = false;
  for (const auto& arg : paths) {
    if (arg == "-") {
      if (stdin_taken) {
        skipped.push_back({arg, "duplicate (standard input already read)"});
      } else {
        walker.emit("-");
        stdin_taken = true;
      }
      continue;
    }
    if (arg.empty()) {
      skipped.push_back({arg, "not found (empty path)"});
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || st.type() == fs::file_type::not_found) {
      std::error_code e2;
      std::string why = ec ? reason_for(ec) : "not found";
      if (why == "not found" && fs::is_symlink(fs::symlink_status(p, e2))) why = "broken symlink";
      skipped.push_back({arg, why});
      continue;
    }
    if (fs::is_directory(st)) {
      const std::size_t before = walker.listed;
      std::string canon = Walker::canonical_of(p);
      if (!walker.seen_dirs.insert(canon).second) {
        skipped.push_back({arg, "duplicate folder (already read through another path)"});
        continue;
      }
      std::vector<std::string> ancestors{canon};
      std::size_t skipped_before = skipped.size();
      walker.walk(p, ancestors, 0);
      if (walker.listed == before) {
        bool unreadable = skipped.size() > skipped_before && skipped[skipped_before].path == p.string();
        if (!unreadable) skipped.push_back({arg, "empty folder: no file matches " + options.glob});
      }
      continue;
    }
    // A file named on the command line is taken whatever its name (pipes too:
    // <(cmd) gives /dev/fd/N).
    walker.add_file(p, arg);
  }
}

InputList expand_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                        std::vector<SkippedSource>& skipped) {
  InputList out;
  expand_inputs(paths, options, skipped, [&](std::string_view path) { out.push_back(path); });
  out.shrink_to_fit();
  return out;
}

Result<std::string> read_input(const InputFile& file, const InputOptions& options) {
  try {
    if (file.path == "-") return read_all(STDIN_FILENO, std::nullopt, options.max_file_bytes);
    Fd fd{::open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY)};
    if (fd.fd < 0) return Error{reason_for_errno(errno)};
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0) return Error{reason_for_errno(errno)};
    if (S_ISDIR(st.st_mode)) return Error{"is a directory"};
    std::optional<std::size_t> size;
    if (S_ISREG(st.st_mode)) {
      size = static_cast<std::size_t>(st.st_size);
      if (*size > options.max_file_bytes)
        return Error{"too large (" + std::to_string(*size) + " bytes > limit " + std::to_string(options.max_file_bytes) +
                     ")"};
    }
    return read_all(fd.fd, size, options.max_file_bytes);
  } catch (const std::bad_alloc&) {
    return Error{"too large (out of memory)"};
  } catch (const std::exception& e) {
    return Error{std::string("read error: ") + e.what()};
  }
}

}  // namespace dealscan
