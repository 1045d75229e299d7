// "X with a class of actors" (coalitions.h): where a document names a group
// leading a class's fighters. docs/extraction.md (step 4) explains it.
#include "extract/coalitions.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/doc_index.h"
#include "extract/lexicon.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// Words between "with" and the class it introduces (بالتعاون مع فصائل أخرى من
// المعارضة).
constexpr std::uint32_t kCoalitionMemberReach = 4;

// True when the name at token `first` is what a verb or a noun was done to,
// or whom something was done with (قصفت قوات النظام مواقع جبهة النصرة،
// اشتباكات مع قوات النظام): no subject that leads others.
bool NamedAsAnObject(const DocIndex& ix, std::uint32_t first) {
  const auto right_before = [&](CueClass c) { return CueBefore(ix, first, 0, c, 1); };
  std::uint32_t t = first;
  if (t > 0 && IsPunct(ix, t - 1, "\"")) --t;
  return right_before(CueClass::kTarget) || right_before(CueClass::kWith) ||
         right_before(CueClass::kBetween) || right_before(CueClass::kMembers) ||
         (t > 0 && IsWord(ix, t - 1, kWithWord));
}

}  // namespace

std::vector<Coalition> FindCoalitions(const DocIndex& ix) {
  std::vector<Coalition> found;
  const auto k = static_cast<std::size_t>(CueClass::kWith);
  const std::uint32_t n = static_cast<std::uint32_t>(ix.text->tokens.size());
  for (std::uint32_t c = ix.cue_from[k]; c < ix.cue_from[k + 1]; ++c) {
    const std::uint32_t t = ix.cue_tokens[c];
    if (t == 0 || ix.Cue(t - 1, CueClass::kWith)) continue;  // not the phrase's first word
    std::uint32_t before = t - 1;
    while (before > 0 && (IsPunct(ix, before, "\"") || IsPunct(ix, before, ","))) --before;
    const std::int32_t leader = ix.mention_at[before];
    if (leader == kNone || ix.mention(leader).kind != MentionKind::kActor ||
        ix.mention(leader).generic || ix.mention(leader).id.empty() ||
        NamedAsAnObject(ix, ix.mention(leader).first_token)) {
      continue;
    }
    std::uint32_t after = t;
    while (after < n && ix.Cue(after, CueClass::kWith)) ++after;
    for (std::uint32_t u = after; u < n && u < after + kCoalitionMemberReach; ++u) {
      const std::int32_t m = ix.mention_at[u];
      if (m == kNone || ix.mention(m).kind != MentionKind::kActor) continue;
      if (ix.mention(m).generic && ix.mention(m).id != ix.mention(leader).id) {
        const Mention& l = ix.mention(leader);
        found.push_back(
            {static_cast<std::uint32_t>(SentenceAt(ix, ix.text->tokens[t].original.begin.value)), t,
             l.id, l.inter, l.original, ix.mention(m).id});
      }
      break;
    }
  }
  return found;
}

}  // namespace rasd::extract
