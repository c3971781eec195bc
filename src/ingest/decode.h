// Internal to ingest: bytes -> UTF-8 with a per-byte map to the original
// offsets. Handles UTF-8 (with or without BOM, invalid sequences replaced by
// U+FFFD), UTF-16/UTF-32 with BOM (UTF-16 without BOM when the NUL pattern is
// unmistakable), and legacy 8-bit text via ICU charset detection, falling back
// to windows-1252. Rejects binary files.
//
//   "perch\xC3\xA9"        -> "perché", UTF-8
//   "perch\xE9 l'\x92"      -> "perché l'’", windows-1252
//   "%PDF-1.7 ..."         -> Error "not text (binary: PDF document)"
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/result.h"
#include "ingest/mapped_text.h"

namespace dealscan::ingest {

struct Decoded {
  MappedText text;  // empty when the input is used verbatim
  std::string encoding;  // "UTF-8", "UTF-16LE", "windows-1252", "ISO-8859-1", ...
  std::vector<std::string> warnings;
  // Valid UTF-8 is not copied: the decoded text is then these input bytes
  // (after any BOM), starting at input offset verbatim_at.
  std::optional<std::string_view> verbatim;
  std::uint32_t verbatim_at = 0;

  // The decoded text with its map to the input (valid while text and the
  // input bytes are).
  MappedView view() const {
    return verbatim ? MappedView{*verbatim, nullptr, verbatim_at} : text.view();
  }
};

// The kind of binary file bytes start with ("PDF document", "PNG image"...), if any.
std::optional<std::string> binary_signature(std::string_view bytes);

// Decodes bytes. Owns an ICU charset detector, so use one per thread.
class Decoder {
 public:
  Decoder();
  ~Decoder();
  Decoder(Decoder&&) noexcept;
  Decoder& operator=(Decoder&&) noexcept;

  Result<Decoded> decode(std::string_view bytes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealscan::ingest
