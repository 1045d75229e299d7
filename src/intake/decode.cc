// Encoding detection and transcoding to UTF-8. UTF-8 is checked with
// simdjson's SIMD validator (every input goes through it, so it must be
// fast); the other encodings go through ICU converters whose callbacks stop at
// the first unmappable sequence, so that its byte offset can be reported
// instead of a silent U+FFFD.
#include "intake/decode.h"

#include <array>
#include <cstring>
#include <memory>

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include "common/utf8.h"

namespace rasd::intake {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// A converter that stops (rather than substitutes) on bytes it cannot map.
ConverterPtr OpenStrictConverter(const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(charset, &err));
  if (U_FAILURE(err)) return nullptr;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

std::string Where(std::string_view origin, std::size_t byte) {
  std::string where;
  if (!origin.empty()) where.append(origin).append(": ");
  where.append("byte ").append(std::to_string(byte)).append(": ");
  return where;
}

struct Transcoded {
  std::string utf8;
  bool ok = false;
  bool truncated = false;
  std::size_t error_offset = 0;  // into the bytes given, when !ok
};

// Converts `bytes` from `charset` to UTF-8 through ICU's pivot buffer, in
// fixed-size output chunks so that memory follows the real output size.
Transcoded TranscodeWithIcu(std::string_view bytes, const char* charset) {
  Transcoded result;
  ConverterPtr from = OpenStrictConverter(charset);
  ConverterPtr to = OpenStrictConverter("UTF-8");
  if (!from || !to) return result;
  result.utf8.reserve(bytes.size() * 2);
  std::array<UChar, 1024> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  std::array<char, 1 << 16> chunk;
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  bool reset = true;
  for (;;) {
    char* target = chunk.data();
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, chunk.data() + chunk.size(), &source, source_end,
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset,
                   /*flush=*/true, &err);
    reset = false;
    result.utf8.append(chunk.data(), static_cast<std::size_t>(target - chunk.data()));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      std::array<char, 32> invalid;
      int8_t invalid_len = static_cast<int8_t>(invalid.size());
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(from.get(), invalid.data(), &invalid_len, &ignored);
      const auto consumed = static_cast<std::size_t>(source - bytes.data());
      const auto bad = static_cast<std::size_t>(invalid_len > 0 ? invalid_len : 0);
      result.error_offset = consumed >= bad ? consumed - bad : 0;
      result.truncated = err == U_TRUNCATED_CHAR_FOUND;
      return result;
    }
    result.ok = true;
    return result;
  }
}

bool IsArabicLetter(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3);
}

// Whether transcoded text reads as Arabic rather than as mojibake.
bool LooksArabic(std::string_view utf8_text) {
  std::size_t non_ascii = 0;
  std::size_t arabic_block = 0;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < utf8_text.size();) {
    std::size_t len = 1;
    const char32_t cp = utf8::Decode(utf8_text, i, &len);
    i += len;
    if (cp < 0x80) continue;
    ++non_ascii;
    if (cp >= 0x0600 && cp <= 0x06FF) ++arabic_block;
    if (IsArabicLetter(cp)) ++letters;
  }
  return letters > 0 && arabic_block * 100 >= non_ascii * kMinArabicSharePercent;
}

// Offset of the first NUL code unit of `unit_bytes` bytes, or npos.
std::size_t FindNulUnit(std::string_view bytes, std::size_t unit_bytes) {
  for (std::size_t i = 0; i + unit_bytes <= bytes.size(); i += unit_bytes) {
    bool all_zero = true;
    for (std::size_t k = 0; k < unit_bytes; ++k) all_zero = all_zero && bytes[i + k] == '\0';
    if (all_zero) return i;
  }
  return std::string_view::npos;
}

Status NulError(std::string_view origin, std::size_t byte) {
  return BadInput(Where(origin, byte) +
                  "NUL byte (not text; UTF-16 without a byte-order mark is not supported)");
}

Result<Decoded> DecodeUtf8(std::string_view bytes, std::size_t skipped, Encoding encoding,
                           std::string_view origin) {
  if (!IsValidUtf8(bytes)) {
    const std::size_t bad = utf8::FirstInvalid(bytes);
    return BadInput(Where(origin, skipped + bad) + "invalid UTF-8 after a UTF-8 byte-order mark");
  }
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) return NulError(origin, skipped + nul);
  return Decoded{std::string(bytes), encoding};
}

Result<Decoded> DecodeUtf16(std::string_view bytes, Encoding encoding, std::string_view origin) {
  const std::size_t kBomBytes = 2;
  const char* charset = encoding == Encoding::kUtf16Le ? "UTF-16LE" : "UTF-16BE";
  const std::string_view body = bytes.substr(kBomBytes);
  const std::size_t nul = FindNulUnit(body, 2);
  if (nul != std::string_view::npos) return NulError(origin, kBomBytes + nul);
  Transcoded t = TranscodeWithIcu(body, charset);
  if (!t.ok) {
    return BadInput(Where(origin, kBomBytes + t.error_offset) +
                    (t.truncated ? "truncated " : "invalid ") + charset);
  }
  return Decoded{std::move(t.utf8), encoding};
}

// Bytes that are not valid UTF-8 and carry no BOM: Windows-1256 or an error.
Result<Decoded> DecodeUnmarked(std::string_view bytes, std::string_view origin) {
  const std::size_t first_invalid = utf8::FirstInvalid(bytes);
  Transcoded t = TranscodeWithIcu(bytes, "windows-1256");
  if (!t.ok || !LooksArabic(t.utf8)) {
    return BadInput(Where(origin, first_invalid) + "invalid UTF-8 and not Windows-1256");
  }
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) return NulError(origin, nul);
  return Decoded{std::move(t.utf8), Encoding::kWindows1256};
}

}  // namespace

std::string_view EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
    case Encoding::kWindows1256:
      return "Windows-1256";
  }
  return "unknown";
}

bool IsValidUtf8(std::string_view bytes) { return simdjson::validate_utf8(bytes); }

Result<Decoded> DecodeToUtf8(std::string_view bytes, std::string_view origin) {
  if (bytes.starts_with(kUtf8Bom)) {
    return DecodeUtf8(bytes.substr(kUtf8Bom.size()), kUtf8Bom.size(), Encoding::kUtf8Bom, origin);
  }
  if (bytes.starts_with(kUtf16LeBom)) return DecodeUtf16(bytes, Encoding::kUtf16Le, origin);
  if (bytes.starts_with(kUtf16BeBom)) return DecodeUtf16(bytes, Encoding::kUtf16Be, origin);
  if (IsValidUtf8(bytes)) return DecodeUtf8(bytes, 0, Encoding::kUtf8, origin);
  return DecodeUnmarked(bytes, origin);
}

}  // namespace rasd::intake
