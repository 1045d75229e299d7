// Internal header. Finds lexicon phrases (one or more words) in a token
// stream, matching each word against every clitic reading of a token, so
// that one entry "قصف" finds وقصف، بالقصف، قصفها. Longest phrase wins; among
// equals, the first listed. Built once, immutable, shared by all threads.
// Words are compared by the stem hashes the tokenizer computed for each
// reading (text::Token::stem_hash), the text only when the hashes agree.
// A bit filter of the first words' hashes, sparse enough that most tokens
// are passed over after one bit test per reading, says where to look.
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

  // Lets `word` stand between the first and the second word of any phrase
  // of two words or more without breaking it: a quantifier (إعادة بعض
  // المناطق، تسليم كافة النقاط for the phrases إعادة المناطق، تسليم النقاط).
  void AllowBetweenFirstWords(std::string_view word);

  // The longest phrase starting at token i and ending by `end`, if any; a
  // word allowed between the first two words does not count in its length.
  bool MatchAt(const text::NormalizedText& norm, const std::vector<text::Token>& tokens,
               std::uint32_t i, std::uint32_t end, PhraseMatch* match) const;

  // The readings of `token` (bit r for reading r; bit 0 for a token without
  // readings) whose stem may be the first word of a phrase. Zero for most
  // tokens, and always for tokens other than words.
  std::uint32_t StartReadings(const text::Token& token) const;
  // MatchAt given StartReadings(tokens[i]), when it is not zero.
  bool MatchFrom(const text::NormalizedText& norm, const std::vector<text::Token>& tokens,
                 std::uint32_t i, std::uint32_t end, std::uint32_t readings,
                 PhraseMatch* match) const;

  // Every non-overlapping longest match in [begin, end), left to right.
  void FindAll(const text::NormalizedText& norm, const std::vector<text::Token>& tokens,
               std::uint32_t begin, std::uint32_t end, std::vector<PhraseMatch>* out) const;

  // a.FindAll and b.FindAll over the same tokens in one pass, which reads
  // each token's kind, readings and stem hashes once for both (the document
  // index finds cues and count nouns in every token).
  static void FindAllOfBoth(const PhraseMatcher& a, const PhraseMatcher& b,
                            const text::NormalizedText& norm,
                            const std::vector<text::Token>& tokens, std::uint32_t begin,
                            std::uint32_t end, std::vector<PhraseMatch>* a_out,
                            std::vector<PhraseMatch>* b_out);

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
  // The phrases under one first word, and a bit per second word (SecondBit
  // of its hash): when no reading of the next token has one of those bits,
  // only the one-word phrases, from `one_word` on, can match. Common first
  // words (من، على، في) head many longer phrases that seldom follow.
  struct FirstWord {
    std::vector<Candidate> candidates;
    std::uint64_t second_words = 0;
    std::uint32_t one_word = 0;  // index of the first one-word candidate
  };
  // Files `added` under `first` (whose stem hash is `hash`), longest first,
  // and sets the start bit of that hash.
  void AddUnder(FirstWord* first, std::uint32_t hash, Candidate added, std::uint64_t second_bit);
  static std::uint64_t SecondBit(std::uint32_t hash) { return std::uint64_t{1} << (hash >> 26); }
  // SecondBit of every reading of `token`.
  static std::uint64_t SecondBits(const text::Token& token);
  static bool WordMatches(const text::NormalizedText& norm, const text::Token& token,
                          std::string_view word, std::uint32_t hash);
  // True when `token` is a word allowed between a phrase's first two words.
  bool BetweenFirstWords(const text::NormalizedText& norm, const text::Token& token) const;

  // One bit per value of the top kStartBits bits of a stem hash, set for
  // each first word: at 2^15 bits for a few hundred words, about one
  // reading in a hundred that starts no phrase gets past it (the first-word
  // map's own filter lets one in sixteen through).
  static constexpr int kStartBits = 15;
  static bool StartBit(const std::uint64_t* bits, std::uint32_t hash) {
    const std::uint32_t bit = hash >> (32 - kStartBits);
    return (bits[bit / 64] >> (bit % 64) & 1) != 0;
  }

  std::vector<Phrase> phrases_;
  std::vector<std::string> between_words_;
  std::vector<std::uint32_t> between_hashes_;
  std::uint64_t between_bits_ = 0;  // SecondBit of each word allowed between
  text::StemMap<FirstWord> by_first_word_;
  // The same phrases under the construct form of a first word in ة (سيطرة ->
  // سيطرت), which only a reading with a pronoun cut off can have (سيطرتها).
  text::StemMap<FirstWord> by_construct_;
  std::vector<std::uint64_t> start_bits_ = std::vector<std::uint64_t>((1u << kStartBits) / 64, 0);
};

// False for a clitic reading that cannot stand for a lexicon form.
bool UsableReading(const text::NormalizedText& norm, const text::Token& token,
                   const text::CliticReading& reading);

// The bare form under which a lexicon word is stored: normalised, article dropped.
std::string BareWord(std::string_view normalized_word);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_PHRASE_MATCHER_H_
