#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::ingest {
namespace {

// Individual warnings of one kind before they are summarised.
constexpr std::size_t kMaxWarnings = 10;
// ICU detection: how sure it must be to trust a Latin-1 family answer, and
// how sure to pick any other charset for (presumably Italian) text.
constexpr int32_t kLatinConfidence = 20;
constexpr int32_t kOtherConfidence = 60;
// How much of a file the charset detector looks at.
constexpr std::size_t kDetectSample = 256 * 1024;

using u32 = std::uint32_t;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Counts repeated problems, spelling out the first few.
class WarningList {
 public:
  WarningList(std::vector<std::string>& out, std::string what) : out_(out), what_(std::move(what)) {}
  ~WarningList() {
    if (n_ > kMaxWarnings)
      out_.push_back("... and " + std::to_string(n_ - kMaxWarnings) + " more " + what_ + " replaced");
  }
  void add(std::size_t byte) {
    if (++n_ <= kMaxWarnings) out_.push_back(what_ + " at byte " + std::to_string(byte) + " replaced");
  }
  std::size_t count() const { return n_; }

 private:
  std::vector<std::string>& out_;
  std::string what_;
  std::size_t n_ = 0;
};

// ---------------------------------------------------------------- UTF-8

// Length of the well-formed UTF-8 sequence at p (>= 1), or 0 with
// bad = the length of its maximal ill-formed subpart (Unicode 3.9, U+FFFD
// substitution of maximal subparts).
std::size_t utf8_sequence(const unsigned char* p, std::size_t n, std::size_t& bad) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  if (n < 2 || p[1] < lo || p[1] > hi) {
    bad = 1;
    return 0;
  }
  for (std::size_t k = 2; k < len; ++k) {
    if (k >= n || p[k] < 0x80 || p[k] > 0xBF) {
      bad = k;
      return 0;
    }
  }
  return len;
}

// Past the ASCII bytes from i on, eight at a time while a whole word is ASCII.
std::size_t skip_ascii(const unsigned char* p, std::size_t i, std::size_t n) {
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// Code points that are control characters other than the usual whitespace.
struct ControlCount {
  std::size_t chars = 0;
  std::size_t controls = 0;
  std::size_t nuls = 0;
};

ControlCount count_controls(std::string_view s) {
  ControlCount c;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight printable ASCII bytes (0x20-0x7E) are eight characters, no control:
    // no byte below 0x20, none at 0x7F or above (exact tests for "any").
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      const bool low = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
      const bool high = (((w + kOnes) | w) & kHigh) != 0;
      if (low || high) break;
      c.chars += 8;
      i += 8;
    }
    if (i >= s.size()) break;
    auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    ++c.chars;
    if (b == 0) ++c.nuls;
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F) ++c.controls;
    // C1 controls U+0080-U+009F are C2 80 - C2 9F.
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) ++c.controls;
  }
  return c;
}

bool is_control_byte(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F;
}

struct Utf8Stats {
  std::size_t invalid = 0;    // ill-formed subparts
  std::size_t multibyte = 0;  // well-formed sequences of 2+ bytes
  ControlCount count;         // count_controls of the bytes (what they decode to when invalid == 0)
};

// One pass for both questions about bytes that may be UTF-8: is it, and (for
// when it is, and so decodes to itself) how many control characters it has.
#if defined(__SSE2__)
// Bit masks over sixteen bytes: those >= 0x80, the control characters among
// the ASCII ones (is_control_byte) and the NULs.
struct AsciiMasks {
  unsigned high, controls, nuls;
};

AsciiMasks ascii_masks16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed: below 0x20 takes in the bytes >= 0x80 too, removed with high.
  const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  const __m128i from_tab = _mm_sub_epi8(v, _mm_set1_epi8('\t'));  // \t \n \v \f \r: 0..4
  const __m128i usual_space = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, _mm_set1_epi8(4)), from_tab);
  const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
  const auto controls = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(usual_space, below_space), del)));
  const auto nuls = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
  return {high, controls & ~high, nuls};
}
#endif

// Counts the ASCII bytes of a block whose masks (cut to those bytes) are
// given: one character each; controls and NULs are rare.
void count_ascii(ControlCount& c, std::size_t bytes, unsigned controls, unsigned nuls) {
  c.chars += bytes;
  if (controls) c.controls += static_cast<std::size_t>(std::popcount(controls));
  if (nuls) c.nuls += static_cast<std::size_t>(std::popcount(nuls));
}

Utf8Stats scan_utf8(std::string_view bytes, std::size_t start) {
  Utf8Stats st;
  ControlCount& c = st.count;
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = start, n = bytes.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time up to the next byte >= 0x80: line breaks and
    // other controls are counted from the masks, not one by one.
    while (i + 16 <= n) {
      const AsciiMasks m = ascii_masks16(p + i);
      if (m.high == 0) {
        count_ascii(c, 16, m.controls, m.nuls);
        i += 16;
        continue;
      }
      // Italian text: often the only bytes >= 0x80 are whole Latin-1 letters.
      const unsigned pairs = latin1_pairs16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
      if ((m.high & ~(pairs | pairs << 1)) == 0) {
        const auto letters = static_cast<std::size_t>(std::popcount(pairs));
        count_ascii(c, 16 - 2 * letters, m.controls, m.nuls);
        c.chars += letters;
        st.multibyte += letters;
        i += 16;
        continue;
      }
      const auto k = static_cast<unsigned>(std::countr_zero(m.high));
      const unsigned below = (1u << k) - 1;
      count_ascii(c, k, m.controls & below, m.nuls & below);
      i += k;
      break;
    }
#endif
    // Eight printable ASCII bytes (0x20-0x7E) are eight characters, no control.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const bool low = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
      const bool high = (((w + kOnes) | w) & kHigh) != 0;
      if (low || high) break;
      c.chars += 8;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++c.chars;
      c.nuls += b == 0;
      c.controls += is_control_byte(b);
      ++i;
      continue;
    }
    std::size_t bad = 0;
    std::size_t len = utf8_sequence(p + i, n - i, bad);
    if (len) {
      ++st.multibyte;
      ++c.chars;
      c.controls += b == 0xC2 && p[i + 1] <= 0x9F;  // C1 controls U+0080-U+009F
      i += len;
    } else {
      ++st.invalid;
      i += bad;
    }
  }
  return st;
}

// True when the UTF-8 sequence at p (p[0] >= 0x80) is well formed and not a
// C1 control; i is moved past it.
bool plain_sequence(const unsigned char* p, std::size_t& i, std::size_t n) {
  std::size_t bad = 0;
  const std::size_t len = utf8_sequence(p + i, n - i, bad);
  if (len == 0 || (p[i] == 0xC2 && p[i + 1] <= 0x9F)) return false;
  i += len;
  return true;
}

#if defined(__SSE2__)
// Bytes of v that are NULs or control characters (is_control_byte), 0xFF
// each; bytes >= 0x80 are never set.
__m128i control_bytes16(__m128i v) {
  const __m128i c0 = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // 0x00..0x1F
  const __m128i from_tab = _mm_sub_epi8(v, _mm_set1_epi8('\t'));               // \t \n \v \f \r: 0..4
  const __m128i usual_space = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, _mm_set1_epi8(4)), from_tab);
  return _mm_or_si128(_mm_andnot_si128(usual_space, c0), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
}
#endif

// The usual question about UTF-8, answered without counting anything: is
// bytes[start..] well formed, with no NUL and no control character? Then it
// decodes to itself and is text. Controls are gathered over the blocks and
// looked at once at the end; in a block, only the bytes >= 0x80 that are not
// Latin-1 letters are read one sequence at a time.
bool plain_utf8(std::string_view bytes, std::size_t start) {
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = start;
  const std::size_t n = bytes.size();
#if defined(__SSE2__)
  __m128i controls = _mm_setzero_si128();
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    controls = _mm_or_si128(controls, control_bytes16(v));
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (high == 0) {
      i += 16;
      continue;
    }
    const unsigned pairs = latin1_pairs16(v);
    // The other bytes >= 0x80: each either starts a sequence or lies in one.
    unsigned rest = high & ~(pairs | pairs << 1);
    const std::size_t block = i;
    i += 16;
    while (rest) {
      std::size_t at = block + static_cast<std::size_t>(std::countr_zero(rest));
      if (!plain_sequence(p, at, n)) return false;
      if (at >= i) {  // the sequence ends in the next block (or at it)
        i = at;
        break;
      }
      rest &= ~0u << (at - block);
    }
  }
  if (_mm_movemask_epi8(controls) != 0) return false;
#endif
  while (i < n) {
    if (p[i] < 0x80) {
      if (p[i] == 0 || is_control_byte(p[i])) return false;
      ++i;
    } else if (!plain_sequence(p, i, n)) {
      return false;
    }
  }
  return true;
}

void decode_utf8(std::string_view bytes, std::size_t start, Decoded& out) {
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  out.text.reserve(n - start);
  WarningList warn(out.warnings, "invalid UTF-8");
  std::size_t i = start;
  while (i < n) {
    // Copy runs of well-formed text in one go.
    std::size_t run = i;
    std::size_t bad = 0;
    while (run < n) {
      run = skip_ascii(p, run, n);
      if (run >= n) break;
      std::size_t len = utf8_sequence(p + run, n - run, bad);
      if (!len) break;
      run += len;
    }
    if (run > i) out.text.copy_source(bytes.substr(i, run - i), static_cast<u32>(i));
    if (run >= n) break;
    warn.add(run);
    out.text.put(kReplacement, static_cast<u32>(run));
    i = run + bad;
  }
}

// Valid UTF-8 from start on decodes to itself: no copy, no offset table.
void use_verbatim(std::string_view bytes, std::size_t start, Decoded& out) {
  out.verbatim = bytes.substr(start);
  out.verbatim_at = static_cast<u32>(start);
}

// ---------------------------------------------------------------- UTF-16 / UTF-32

void decode_utf16(std::string_view bytes, std::size_t start, bool little, Decoded& out) {
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  out.text.reserve(n - start);
  WarningList warn(out.warnings, little ? "invalid UTF-16LE" : "invalid UTF-16BE");
  auto unit = [&](std::size_t i) -> char32_t {
    return little ? char32_t(p[i] | (p[i + 1] << 8)) : char32_t((p[i] << 8) | p[i + 1]);
  };
  std::size_t i = start;
  while (i + 1 < n) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        out.text.put(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), static_cast<u32>(i));
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      warn.add(i);
      u = kReplacement;
    }
    out.text.put(u, static_cast<u32>(i));
    i += 2;
  }
  if (i < n) {
    out.warnings.push_back("truncated UTF-16 at byte " + std::to_string(i) + " replaced");
    out.text.put(kReplacement, static_cast<u32>(i));
  }
}

void decode_utf32(std::string_view bytes, std::size_t start, bool little, Decoded& out) {
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  WarningList warn(out.warnings, little ? "invalid UTF-32LE" : "invalid UTF-32BE");
  std::size_t i = start;
  for (; i + 3 < n; i += 4) {
    char32_t u =
        little ? char32_t(p[i]) | (char32_t(p[i + 1]) << 8) | (char32_t(p[i + 2]) << 16) | (char32_t(p[i + 3]) << 24)
               : (char32_t(p[i]) << 24) | (char32_t(p[i + 1]) << 16) | (char32_t(p[i + 2]) << 8) | char32_t(p[i + 3]);
    if (!is_scalar(u)) {
      warn.add(i);
      u = kReplacement;
    }
    out.text.put(u, static_cast<u32>(i));
  }
  if (i < n) {
    out.warnings.push_back("truncated UTF-32 at byte " + std::to_string(i) + " replaced");
    out.text.put(kReplacement, static_cast<u32>(i));
  }
}

// UTF-16 without a byte-order mark: ASCII-heavy text has a NUL in every
// other byte. Returns "UTF-16LE", "UTF-16BE" or "".
std::string_view guess_bomless_utf16(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 64 * 1024) & ~std::size_t(1);
  if (n < 4) return {};
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == '\0';
    zero_odd += bytes[i + 1] == '\0';
  }
  std::size_t units = n / 2;
  if (zero_odd * 10 >= units * 3 && zero_even * 20 <= units) return "UTF-16LE";
  if (zero_even * 10 >= units * 3 && zero_odd * 20 <= units) return "UTF-16BE";
  return {};
}

// ---------------------------------------------------------------- 8-bit

// windows-1252 bytes 0x80-0x9F; the five unassigned ones map to the C1
// control of the same value, as WHATWG's decoder does.
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void decode_cp1252(std::string_view bytes, std::size_t start, Decoded& out) {
  out.text.reserve(bytes.size() - start + bytes.size() / 8);
  for (std::size_t i = start; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    char32_t cp = b >= 0x80 && b <= 0x9F ? char32_t(kCp1252High[b - 0x80]) : char32_t(b);
    out.text.put(cp, static_cast<u32>(i));
  }
}

bool has_c1_bytes(std::string_view bytes) {
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b <= 0x9F) return true;
  }
  return false;
}

// Any other charset ICU can convert, keeping the source offsets ICU reports.
bool decode_with_icu(std::string_view bytes, std::size_t start, const char* charset, Decoded& out) {
  UErrorCode st = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset, &st);
  if (U_FAILURE(st)) return false;
  std::size_t n = bytes.size() - start;
  std::vector<UChar> buf(2 * n + 16);
  std::vector<int32_t> offsets(buf.size(), -1);
  UChar* target = buf.data();
  const char* source = bytes.data() + start;
  ucnv_toUnicode(cnv, &target, buf.data() + buf.size(), &source, bytes.data() + bytes.size(), offsets.data(), true,
                 &st);
  ucnv_close(cnv);
  if (U_FAILURE(st)) return false;
  std::size_t units = static_cast<std::size_t>(target - buf.data());
  out.text.reserve(n);
  u32 last = static_cast<u32>(start);
  for (std::size_t k = 0; k < units; ++k) {
    char32_t u = buf[k];
    u32 at = offsets[k] >= 0 ? static_cast<u32>(start + static_cast<std::size_t>(offsets[k])) : last;
    if (at < last) at = last;  // keep the map non-decreasing
    last = at;
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units && buf[k + 1] >= 0xDC00 && buf[k + 1] <= 0xDFFF) {
      u = 0x10000 + ((u - 0xD800) << 10) + (buf[k + 1] - 0xDC00);
      ++k;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      u = kReplacement;
    }
    out.text.put(u, at);
  }
  return true;
}

// ---------------------------------------------------------------- binary checks

std::optional<Error> binary_error(const ControlCount& c) {
  if (c.nuls) return Error{"not text (binary: NUL characters)"};
  // More than 5% control characters is not something a person wrote.
  if (c.controls && c.controls * 20 > c.chars) {
    return Error{"not text (binary: " + std::to_string((c.controls * 100 + c.chars / 2) / c.chars) +
                 "% control characters)"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> binary_signature(std::string_view b) {
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static const Magic kMagic[] = {
      {"%PDF-", "PDF document"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"\x89PNG\r\n\x1A\n", "PNG image"},
      {"GIF87a", "GIF image"},
      {"GIF89a", "GIF image"},
      {std::string_view("PK\x03\x04", 4), "ZIP archive (or .docx/.odt)"},
      {std::string_view("PK\x05\x06", 4), "ZIP archive"},
      {"\x1F\x8B", "gzip archive"},
      {"\xFD"
       "7zXZ",
       "xz archive"},
      {"7z\xBC\xAF\x27\x1C", "7z archive"},
      {"Rar!\x1A\x07", "RAR archive"},
      {"\x7F"
       "ELF",
       "ELF executable"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE document (.doc/.xls)"},
      {"OggS", "Ogg media"},
      {"fLaC", "FLAC audio"},
      {"\x1A\x45\xDF\xA3", "Matroska/WebM media"},
      {std::string_view("\x00\x61\x73\x6D", 4), "WebAssembly module"},
      {"SQLite format 3", "SQLite database"},
  };
  for (const auto& m : kMagic)
    if (starts_with(b, m.bytes)) return std::string(m.what);
  if (b.size() >= 12 && starts_with(b, "RIFF")) {
    auto kind = b.substr(8, 4);
    if (kind == "WEBP") return std::string("WebP image");
    if (kind == "WAVE") return std::string("WAV audio");
    if (kind == "AVI ") return std::string("AVI video");
  }
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return std::string("MP4/QuickTime media");
  if (b.size() >= 10 && starts_with(b, "BZh") && b[3] >= '1' && b[3] <= '9' &&
      b.substr(4, 6) == "\x31\x41\x59\x26\x53\x59")
    return std::string("bzip2 archive");
  if (b.size() >= 10 && starts_with(b, "ID3") && static_cast<unsigned char>(b[3]) < 0x10)
    return std::string("MP3 audio");
  return std::nullopt;
}

struct Decoder::Impl {
  UCharsetDetector* detector = nullptr;
  Impl() {
    UErrorCode st = U_ZERO_ERROR;
    detector = ucsdet_open(&st);
    if (U_FAILURE(st)) detector = nullptr;
    if (detector) ucsdet_enableInputFilter(detector, true);  // ignore <markup> in HTML saved as text
  }
  ~Impl() {
    if (detector) ucsdet_close(detector);
  }

  // Legacy 8-bit (or CJK) text: ask ICU, prefer the Latin-1 family.
  void decode_legacy(std::string_view bytes, Decoded& out) const {
    std::string best;
    int32_t best_conf = -1;
    bool latin = false;
    if (detector) {
      UErrorCode st = U_ZERO_ERROR;
      std::size_t n = std::min(bytes.size(), kDetectSample);
      ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(n), &st);
      int32_t found = 0;
      const UCharsetMatch** matches = U_SUCCESS(st) ? ucsdet_detectAll(detector, &found, &st) : nullptr;
      for (int32_t k = 0; matches && U_SUCCESS(st) && k < found; ++k) {
        UErrorCode e = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[k], &e);
        int32_t conf = ucsdet_getConfidence(matches[k], &e);
        if (U_FAILURE(e) || !name) continue;
        std::string_view nm(name);
        if (starts_with(nm, "UTF-")) continue;  // ruled out already
        bool is_latin = nm == "ISO-8859-1" || nm == "windows-1252";
        // The first acceptable answer wins (matches are best first).
        if (is_latin && conf >= kLatinConfidence) {
          best = nm;
          best_conf = conf;
          latin = true;
          break;
        }
        if (!is_latin && conf >= kOtherConfidence) {
          best = nm;
          best_conf = conf;
          break;
        }
      }
    }
    if (!best.empty() && !latin) {
      Decoded trial;
      if (decode_with_icu(bytes, 0, best.c_str(), trial)) {
        out.text = std::move(trial.text);
        out.encoding = best;
        out.warnings.push_back("not UTF-8; decoded as " + best + " (detected with confidence " +
                               std::to_string(best_conf) + "%)");
        return;
      }
    }
    decode_cp1252(bytes, 0, out);
    if (latin) {
      // Identical for text without bytes 0x80-0x9F; name what the file uses.
      out.encoding = has_c1_bytes(bytes) ? "windows-1252" : "ISO-8859-1";
      out.warnings.push_back("not UTF-8; decoded as " + out.encoding + " (detected with confidence " +
                             std::to_string(best_conf) + "%)");
    } else {
      out.encoding = "windows-1252";
      out.warnings.push_back("not UTF-8 and the encoding could not be detected; assumed windows-1252");
    }
  }
};

Decoder::Decoder() : impl_(std::make_unique<Impl>()) {}
Decoder::~Decoder() = default;
Decoder::Decoder(Decoder&&) noexcept = default;
Decoder& Decoder::operator=(Decoder&&) noexcept = default;

Result<Decoded> Decoder::decode(std::string_view bytes) const {
  Decoded out;
  if (bytes.size() >= std::numeric_limits<u32>::max()) return Error{"too large (offsets are limited to 4 GiB)"};
  out.encoding = "UTF-8";
  if (bytes.empty()) return out;
  if (auto what = binary_signature(bytes)) return Error{"not text (binary: " + *what + ")"};

  using namespace std::string_view_literals;
  std::optional<ControlCount> counted;  // taken by the UTF-8 scan for text used verbatim
  if (starts_with(bytes, "\xFF\xFE\x00\x00"sv) && bytes.size() % 4 == 0) {
    out.encoding = "UTF-32LE";
    decode_utf32(bytes, 4, true, out);
  } else if (starts_with(bytes, "\x00\x00\xFE\xFF"sv)) {
    out.encoding = "UTF-32BE";
    decode_utf32(bytes, 4, false, out);
  } else if (starts_with(bytes, "\xEF\xBB\xBF")) {
    if (plain_utf8(bytes, 3)) {
      use_verbatim(bytes, 3, out);
      counted = ControlCount{};
    } else if (Utf8Stats st = scan_utf8(bytes, 3); st.invalid == 0) {
      use_verbatim(bytes, 3, out);
      counted = st.count;
    } else {
      decode_utf8(bytes, 3, out);
    }
  } else if (starts_with(bytes, "\xFF\xFE")) {
    out.encoding = "UTF-16LE";
    decode_utf16(bytes, 2, true, out);
  } else if (starts_with(bytes, "\xFE\xFF")) {
    out.encoding = "UTF-16BE";
    decode_utf16(bytes, 2, false, out);
  } else if (bytes.find('\0') != std::string_view::npos) {
    auto guess = guess_bomless_utf16(bytes);
    if (guess.empty()) return Error{"not text (binary: NUL bytes)"};
    out.encoding = std::string(guess);
    out.warnings.push_back("no byte-order mark; assumed " + out.encoding);
    decode_utf16(bytes, 0, guess == "UTF-16LE", out);
  } else {
    // A few bad bytes in otherwise good UTF-8 are damage; mostly bad bytes
    // mean another charset (Italian windows-1252 text has no valid sequences).
    if (plain_utf8(bytes, 0)) {
      use_verbatim(bytes, 0, out);
      counted = ControlCount{};
    } else if (Utf8Stats st = scan_utf8(bytes, 0); st.invalid == 0) {
      use_verbatim(bytes, 0, out);
      counted = st.count;
    } else if (st.multibyte >= 4 * st.invalid) {
      decode_utf8(bytes, 0, out);
    } else {
      impl_->decode_legacy(bytes, out);
    }
  }
  if (auto err = binary_error(counted ? *counted : count_controls(out.view().text))) return *err;
  return out;
}

}  // namespace dealscan::ingest
