// Internal header. Every hard limit rasd enforces on untrusted input, in one
// place, with the reason for each. Reaching one is a ResourceExhausted status
// naming the limit, never a crash.
#ifndef RASD_COMMON_LIMITS_H_
#define RASD_COMMON_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace rasd::limits {

// Offsets are 32-bit (half the memory of size_t in token and offset tables);
// 64 MiB leaves room for the normalised copy, which may grow a little.
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;

// A JSONL line longer than a document plus its metadata is not an article.
inline constexpr std::size_t kMaxJsonlLineBytes = kMaxDocumentBytes + (1u << 20);

// The longest run of characters taken as one token; longer runs (base64
// blobs, URLs gone wrong) are cut so that matching stays linear.
inline constexpr std::size_t kMaxTokenBytes = 256;

// A sentence with more tokens is split at the limit: event assembly is
// quadratic in the mentions of one sentence.
inline constexpr std::size_t kMaxSentenceTokens = 400;

// An HTML page beyond this is not a news article; gumbo's tree is ~10x the input.
inline constexpr std::size_t kMaxHtmlBytes = 16u << 20;

// Words in one spelled-out number (ثلاثة ملايين وخمسمئة ألف و...).
inline constexpr std::size_t kMaxNumberWords = 16;

// The largest count a number mention carries (a trillion). No figure in the
// news comes near it; longer digit runs are phone numbers or IDs. Capping keeps
// every sum and product of number words inside int64 without overflow.
inline constexpr std::int64_t kMaxNumberValue = 1'000'000'000'000;

// A registry, gazetteer or lexicon file beyond this is not hand-maintained
// data; the whole file is read into memory before parsing.
inline constexpr std::size_t kMaxKnowledgeBaseFileBytes = 64u << 20;

// Element nesting in an HTML page, as estimated before parsing. gumbo spends
// time proportional to the depth of open elements on each start tag (50,000
// nested <div>s take 20 s), so deeper pages are refused; real news pages
// nest a few dozen levels.
inline constexpr std::size_t kMaxHtmlDepth = 256;

}  // namespace rasd::limits

#endif  // RASD_COMMON_LIMITS_H_
