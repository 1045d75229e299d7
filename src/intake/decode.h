// Internal header. Detects the encoding of raw bytes and transcodes them to
// UTF-8 with ICU: UTF-8 (BOM optional), UTF-16 LE/BE with BOM, and
// Windows-1256 (most older Arabic sites). Undecodable bytes are an error
// naming the byte offset, never silently dropped.
#ifndef RASD_INTAKE_DECODE_H_
#define RASD_INTAKE_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "rasd/status.h"

namespace rasd::intake {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1256 };

std::string_view EncodingName(Encoding e);

// Detection order: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise,
// when the bytes read as Windows-1256 text whose non-ASCII characters are
// mostly Arabic (at least kMinArabicShare of them in U+0600..U+06FF, and at
// least one letter), Windows-1256. Anything else is BadInput with
// "<origin>: byte N: ..." naming the first offending byte. A NUL byte is
// refused too: no article holds one, and it is the mark of UTF-16 without a BOM.
// The BOM is not part of Decoded::utf8; byte offsets in errors count it.
struct Decoded {
  std::string utf8;
  Encoding encoding = Encoding::kUtf8;
};
Result<Decoded> DecodeToUtf8(std::string_view bytes, std::string_view origin);

// Share (in percent) of non-ASCII characters that must be Arabic for bytes
// that are not UTF-8 to be taken as Windows-1256. UTF-8 Arabic misread as
// Windows-1256 gives about one Arabic character in two; real Windows-1256
// Arabic gives nearly all, save quotation marks and the odd symbol.
inline constexpr std::size_t kMinArabicSharePercent = 75;

// True when `bytes` is valid UTF-8 (SIMD validation; used on every input).
bool IsValidUtf8(std::string_view bytes);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_DECODE_H_
