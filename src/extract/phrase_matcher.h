// Internal header. Finds lexicon phrases (one or more words) in a token
// stream, matching each word against every clitic reading of a token, so
// that one entry "قصف" finds وقصف، بالقصف، قصفها. Longest phrase wins; among
// equals, the first listed. Built once, immutable, shared by all threads.
// Words are compared by the stem hashes the tokenizer computed for each
// reading (text::Token::stem_hash), the text only when the hashes agree.
#ifndef RASD_EXTRACT_PHRASE_MATCHER_H_
#define RASD_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::extract {

struct PhraseMatch {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  std::uint32_t payload = 0;       // what the caller attached to the phrase
  std::uint8_t first_reading = 0;  // the clitic reading of the first token that matched
};

class PhraseMatcher {
 public:
  // Adds a phrase given as plain text; it is normalised and split on spaces.
  // A leading article on a word is dropped: the readings supply it.
  void Add(std::string_view phrase, std::uint32_t payload);

  // The longest phrase starting at token i, if any.
  bool MatchAt(const text::NormalizedText& norm, const std::vector<text::Token>& tokens,
               std::uint32_t i, std::uint32_t end, PhraseMatch* match) const;

  // Every non-overlapping longest match in [begin, end), left to right.
  void FindAll(const text::NormalizedText& norm, const std::vector<text::Token>& tokens,
               std::uint32_t begin, std::uint32_t end, std::vector<PhraseMatch>* out) const;

  std::size_t size() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::vector<std::uint32_t> hashes;  // text::HashStem of each word
    std::uint32_t payload;
  };
  // A phrase under its first word, with its length at hand: the lists are
  // kept longest first (in listing order among equals), so a match stops the
  // scan and shorter phrases are never loaded.
  struct Candidate {
    std::uint32_t phrase;
    std::uint32_t words;
  };
  // False when no reading of `token` can be the first word of a phrase.
  bool MayStartAt(const text::Token& token) const;
  static bool WordMatches(const text::NormalizedText& norm, const text::Token& token,
                          std::string_view word, std::uint32_t hash);

  std::vector<Phrase> phrases_;
  text::StemMap<std::vector<Candidate>> by_first_word_;
};

// False for a clitic reading that cannot stand for a lexicon form.
bool UsableReading(const text::NormalizedText& norm, const text::Token& token,
                   const text::CliticReading& reading);

// The bare form under which a lexicon word is stored: normalised, article dropped.
std::string BareWord(std::string_view normalized_word);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_PHRASE_MATCHER_H_
