// Internal header. Detects the encoding of raw bytes and transcodes them to
// UTF-8 with ICU: UTF-8 (BOM optional), UTF-16 LE/BE with BOM, and
// Windows-1256 (most older Arabic sites). Undecodable bytes are an error
// naming the byte offset, never silently dropped.
#ifndef RASD_INTAKE_DECODE_H_
#define RASD_INTAKE_DECODE_H_

#include <string>
#include <string_view>

#include "rasd/status.h"

namespace rasd::intake {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1256 };

std::string_view EncodingName(Encoding e);

// Detection order: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise,
// when the bytes hold Arabic letters in the Windows-1256 range and no byte
// that code page leaves undefined, Windows-1256. Anything else is BadInput
// with "<origin>: byte N: ..." naming the first offending byte.
struct Decoded {
  std::string utf8;
  Encoding encoding = Encoding::kUtf8;
};
Result<Decoded> DecodeToUtf8(std::string_view bytes, std::string_view origin);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_DECODE_H_
