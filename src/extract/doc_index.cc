// The per-document lookups of event assembly (doc_index.h).
#include "extract/doc_index.h"

#include <algorithm>
#include <string_view>

namespace rasd::extract {

using link::Mention;
using link::MentionKind;
using text::Token;

namespace {

// Lists the tokens of each cue class (DocIndex::cue_tokens) by counting
// sort over the matches, which come in text order and do not overlap.
void IndexCueTokens(const std::vector<PhraseMatch>& cues, DocIndex* ix) {
  std::array<std::uint32_t, kCueClassCount + 1> next{};
  for (const PhraseMatch& c : cues) next[c.payload + 1] += c.end_token - c.first_token;
  for (int k = 0; k < kCueClassCount; ++k) next[k + 1] += next[k];
  ix->cue_from = next;
  ix->cue_tokens.resize(next[kCueClassCount]);
  for (const PhraseMatch& c : cues) {
    for (std::uint32_t t = c.first_token; t < c.end_token; ++t)
      ix->cue_tokens[next[c.payload]++] = t;
  }
}

// True when a one-word history cue is written inside a group's label: a
// quote or bracket opens right before the name and closes right after the cue
// (المعروفة بـ"النصرة سابقاً"، (النصرة سابقا)). It tells what the group was
// called, not when the event was; "… وقوات النظام سابقا" at the end of a
// quotation still does.
bool PartOfALabel(const text::AnalyzedText& at, const link::LinkedText& linked,
                  const std::vector<std::int32_t>& mention_at, const PhraseMatch& c) {
  if (c.payload != static_cast<std::uint32_t>(CueClass::kBackground) ||
      c.end_token != c.first_token + 1 || c.first_token == 0 || c.end_token >= at.tokens.size()) {
    return false;
  }
  const std::int32_t name = mention_at[c.first_token - 1];
  if (name == kNone) return false;
  const std::uint32_t opening = linked.mentions[name].first_token;
  if (opening == 0) return false;
  const std::string_view open = at.norm.View(at.tokens[opening - 1].norm);
  const std::string_view close = at.norm.View(at.tokens[c.end_token].norm);
  return (open == "\"" && close == "\"") || (open == "(" && close == ")");
}

}  // namespace

DocIndex BuildIndex(const Document& doc, const text::AnalyzedText& at,
                    const link::LinkedText& linked, std::optional<text::CivilDate> pub,
                    const Lexicon& lexicon) {
  DocIndex ix;
  ix.lexicon = &lexicon;
  ix.doc = &doc;
  ix.text = &at;
  ix.linked = &linked;
  ix.pub_date = pub;
  const std::size_t n = at.tokens.size();
  ix.mention_at.assign(n, kNone);
  for (std::size_t m = 0; m < linked.mentions.size(); ++m) {
    const Mention& mention = linked.mentions[m];
    for (std::uint32_t t = mention.first_token; t < mention.end_token && t < n; ++t) {
      if (ix.mention_at[t] == kNone) ix.mention_at[t] = static_cast<std::int32_t>(m);
    }
  }
  ix.cue_at.assign(n, kNoCue);
  std::vector<PhraseMatch> cues;
  std::vector<PhraseMatch> counts;
  PhraseMatcher::FindAllOfBoth(lexicon.cues(), lexicon.count_nouns(), at.norm, at.tokens, 0,
                               static_cast<std::uint32_t>(n), &cues, &counts);
  std::erase_if(cues,
                [&](const PhraseMatch& c) { return PartOfALabel(at, linked, ix.mention_at, c); });
  for (const PhraseMatch& c : cues) {
    for (std::uint32_t t = c.first_token; t < c.end_token; ++t) {
      ix.cue_at[t] = static_cast<std::uint8_t>(c.payload);
    }
  }
  IndexCueTokens(cues, &ix);
  ix.number_at.assign(n, kNone);
  for (std::size_t k = 0; k < at.numbers.size(); ++k) {
    const text::NumberMention& num = at.numbers[k];
    for (std::uint32_t t = num.first_token; t < num.end_token && t < n; ++t) {
      ix.number_at[t] = static_cast<std::int32_t>(k);
    }
  }
  ix.count_at.assign(n, 0);
  for (const PhraseMatch& c : counts)
    ix.count_at[c.first_token] = static_cast<std::uint8_t>(c.payload);
  // A year or a day of the month is not a count.
  for (const text::DateMention& d : at.dates) {
    for (std::uint32_t t = d.first_token; t < d.end_token && t < n; ++t) ix.number_at[t] = kNone;
  }
  return ix;
}

std::optional<std::uint32_t> FirstCueIn(const DocIndex& ix, CueClass c, std::uint32_t begin,
                                        std::uint32_t end) {
  const auto k = static_cast<std::size_t>(c);
  const std::uint32_t* const first = ix.cue_tokens.data() + ix.cue_from[k];
  const std::uint32_t* const last = ix.cue_tokens.data() + ix.cue_from[k + 1];
  const std::uint32_t* const at = std::lower_bound(first, last, begin);
  if (at == last || *at >= end) return std::nullopt;
  return *at;
}

bool CueInRange(const DocIndex& ix, CueClass c, std::uint32_t begin, std::uint32_t end) {
  return FirstCueIn(ix, c, begin, end).has_value();
}

bool HasMentionIn(const DocIndex& ix, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t t = begin; t < end; ++t) {
    if (ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).kind != MentionKind::kSource) {
      return true;
    }
  }
  return false;
}

std::vector<std::int32_t> MentionsIn(const DocIndex& ix, MentionKind kind, std::uint32_t begin,
                                     std::uint32_t end) {
  // The linker keeps mentions sorted by first token: start at the first one
  // in range instead of scanning the document's mentions for every clause.
  const std::vector<Mention>& all = ix.linked->mentions;
  const auto first = std::partition_point(all.begin(), all.end(),
                                          [&](const Mention& m) { return m.first_token < begin; });
  std::vector<std::int32_t> out;
  for (auto it = first; it != all.end() && it->first_token < end; ++it) {
    if (it->kind == kind) out.push_back(static_cast<std::int32_t>(it - all.begin()));
  }
  return out;
}

bool StartsWithConjunction(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  if (tok.reading_count < 2) return false;
  return ix.text->norm.View(tok.norm).substr(0, kWaw.size()) == kWaw;
}

bool IsPunct(const DocIndex& ix, std::uint32_t t, std::string_view mark) {
  const Token& tok = ix.text->tokens[t];
  return tok.kind == text::TokenKind::kPunct && ix.text->norm.View(tok.norm) == mark;
}

bool IsWord(const DocIndex& ix, std::uint32_t t, std::string_view word) {
  return t < ix.text->tokens.size() && ix.text->norm.View(ix.text->tokens[t].norm) == word;
}

std::uint32_t TokenAtByte(const DocIndex& ix, std::uint32_t at) {
  const auto& tokens = ix.text->tokens;
  const auto it =
      std::lower_bound(tokens.begin(), tokens.end(), at,
                       [](const Token& t, std::uint32_t b) { return t.original.end.value <= b; });
  return static_cast<std::uint32_t>(it - tokens.begin());
}

std::size_t SentenceAt(const DocIndex& ix, std::uint32_t at) {
  const auto& sentences = ix.text->sentences;
  const auto it = std::upper_bound(
      sentences.begin(), sentences.end(), at,
      [](std::uint32_t b, const text::Sentence& s) { return b < s.original.begin.value; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

std::span<const text::DateMention> DatesIn(const DocIndex& ix, std::uint32_t from,
                                           std::uint32_t to) {
  const auto& dates = ix.text->dates;
  const auto before = [](const text::DateMention& d, std::uint32_t t) { return d.first_token < t; };
  const auto lo = std::lower_bound(dates.begin(), dates.end(), from, before);
  const auto hi = std::lower_bound(lo, dates.end(), to, before);
  return {lo, hi};
}

bool EndsAClause(const DocIndex& ix, std::uint32_t t) {
  return IsPunct(ix, t, ",") || IsPunct(ix, t, ";") || IsPunct(ix, t, ":") || IsPunct(ix, t, ".");
}

std::uint32_t CommaFrom(const DocIndex& ix, std::uint32_t from, std::uint32_t end) {
  while (from < end && !IsPunct(ix, from, ",")) ++from;
  return from;
}

bool CueBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t floor, CueClass c,
               std::uint32_t reach) {
  std::uint32_t words = 0;
  for (std::uint32_t t = token; t > floor && words < reach;) {
    --t;
    if (IsPunct(ix, t, "\"")) continue;
    ++words;
    if (ix.Cue(t, c)) return true;
    if (ix.mention_at[t] != kNone) return false;
  }
  return false;
}

}  // namespace rasd::extract
