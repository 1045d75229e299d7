// Fuzzes encoding detection: any bytes must give either valid UTF-8 or a
// BadInput naming a byte inside the input, and never crash.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "intake/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const rasd::Result<rasd::intake::Decoded> decoded = rasd::intake::DecodeToUtf8(bytes, "f");
  if (decoded.ok()) {
    if (rasd::utf8::FirstInvalid(decoded->utf8) != decoded->utf8.size()) std::abort();
    if (!rasd::intake::IsValidUtf8(decoded->utf8)) std::abort();
  } else {
    if (decoded.status().code() != rasd::StatusCode::kBadInput) std::abort();
    const std::string& message = decoded.status().message();
    if (message.rfind("f: byte ", 0) != 0) std::abort();
    const std::size_t offset = std::strtoull(message.c_str() + 8, nullptr, 10);
    if (offset >= size) std::abort();
  }
  return 0;
}
