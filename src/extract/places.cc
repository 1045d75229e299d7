// Place choice for events (places.h). The rules are general facts of Arabic
// news writing; the words they rest on are named by code point or come from
// data/. docs/extraction.md (step 5) explains them.
#include "extract/places.h"

#include <algorithm>
#include <string_view>

#include "common/geo.h"

namespace rasd::extract {

using link::Mention;
using link::MentionKind;
using text::Token;

Location ToLocation(const Mention& m) {
  Location loc;
  loc.name = m.surface;
  loc.place_id = m.id;
  loc.lat = m.lat;
  loc.lon = m.lon;
  switch (m.relation) {
    case link::PlaceRelation::kItself:
      loc.geo_precision = 1;
      break;
    case link::PlaceRelation::kNear:
    case link::PlaceRelation::kCountryside:
      loc.geo_precision = 2;
      break;
    case link::PlaceRelation::kRegion:
      loc.geo_precision = 3;
      break;
  }
  if (m.place_kind == "governorate" || m.place_kind == "region") {
    loc.geo_precision = std::max(loc.geo_precision, 3);
  } else if (m.place_kind == "district" || m.place_kind == "subdistrict") {
    loc.geo_precision = std::max(loc.geo_precision, 2);
  }
  loc.admin1 = m.admin1;
  loc.admin2 = m.admin2;
  loc.admin3 = m.admin3;
  loc.pcode = m.pcode;
  loc.country = m.country;
  loc.span = m.name_span;
  return loc;
}

bool IsCueOnly(const Mention& m) { return !m.lat.has_value() && m.country == "Syria"; }

bool IsArea(const Mention& m) {
  return m.place_kind == "governorate" || m.place_kind == "district" ||
         m.place_kind == "subdistrict" || m.place_kind == "region" || m.place_kind == "country" ||
         m.relation == link::PlaceRelation::kRegion;
}

namespace {

// At most this many events from one coordinated place list.
constexpr std::size_t kMaxPlacesPerFrame = 8;
// Known places of a list closer than this are one location (a town's twin,
// its suburb): about the spread of one Syrian town.
constexpr double kSameLocalityKm = 4.0;
// How far from a city's point its quarters and streets may lie (Damascus,
// Aleppo and Homs are about 10 km across).
constexpr double kTownRadiusKm = 8.0;
// At most this many words between list items when the later is a thing near
// a place (وحقول ألغام قريبة من الرقة).
constexpr std::uint32_t kNearItemGap = 6;
// A preposition repeated before a parallel list item (على، في، من) is at most
// three letters.
constexpr std::size_t kPrepositionBytes = 6;

// U+0628 (ba), the preposition ب, as it appears in normalised text.
constexpr std::string_view kBa = "\xD8\xA8";

// True when the preposition في stands right before mention m (في دمشق).
bool AfterIn(const DocIndex& ix, const Mention& m) {
  return m.first_token > 0 && IsWord(ix, m.first_token - 1, kIn);
}

// True when token t carries the preposition ب (بمدينة، وبريف).
bool LocativeProclitic(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  if (tok.reading_count < 2) return false;
  std::string_view word = ix.text->norm.View(tok.norm);
  if (StartsWithConjunction(ix, t)) word.remove_prefix(kWaw.size());
  return word.substr(0, kBa.size()) == kBa;
}

// True when the text says something happened at place m: a preposition or a
// place word before it (في اسطنبول، في مدينة سروج، بمدينة سروج) or a relation
// to it (قرب، ريف), rather than the place standing for its government.
bool Located(const DocIndex& ix, const Mention& m) {
  if (m.relation != link::PlaceRelation::kItself) return true;
  if (LocativeProclitic(ix, m.first_token)) return true;
  for (std::uint32_t k = 1; k <= 2 && m.first_token >= k; ++k) {
    const std::uint32_t t = m.first_token - k;
    if (IsWord(ix, t, kIn)) return true;
    if (k == 1 && LocativeProclitic(ix, t)) return true;
  }
  return false;
}

// Places of the window, without areas that merely contain another listed place
// (قرية X بريف حلب: the event is at X), from all the places of the clause.
std::vector<std::int32_t> EventPlaces(const DocIndex& ix, const std::vector<std::int32_t>& all,
                                      bool violent) {
  std::vector<std::int32_t> places;
  for (const std::int32_t p : all) {
    if (!ix.mention(p).dateline) places.push_back(p);
  }
  std::vector<std::int32_t> kept;
  for (const std::int32_t p : places) {
    const Mention& mp = ix.mention(p);
    const bool contains_other =
        IsArea(mp) && std::any_of(places.begin(), places.end(), [&](std::int32_t q) {
          const Mention& mq = ix.mention(q);
          return q != p && !IsArea(mq) && mq.country == mp.country &&
                 (mq.admin1 == mp.admin1 || mp.place_kind == "country");
        });
    if (!contains_other) kept.push_back(p);
  }
  // Beside a Syrian place, a foreign one is where the news was made or whom it
  // concerns (واشنطن، أنقرة stand for governments), not where it happened;
  // alone, it is where violence happened only when the text places it there
  // (في اسطنبول، بمدينة سروج، قرب الحدود); a deal or a statement may be placed
  // at the government that makes it.
  // A foreign place the text puts the violence in, named before any Syrian
  // one, is the scene (فجر نفسه … في سوروتش على الحدود مع سوريا … اعادة اعمار
  // كوباني): the Syrian place after it is what the people there concern.
  const auto first_syrian = std::find_if(
      kept.begin(), kept.end(), [&](std::int32_t p) { return ix.mention(p).country == "Syria"; });
  const std::uint32_t syrian_from =
      first_syrian == kept.end() ? UINT32_MAX : ix.mention(*first_syrian).first_token;
  std::erase_if(kept, [&](std::int32_t p) {
    const Mention& m = ix.mention(p);
    if (m.country == "Syria") return false;
    const bool located = Located(ix, m);
    if (violent && located && m.first_token < syrian_from) return false;
    return syrian_from != UINT32_MAX || (violent && !located);
  });
  // A gazetteer town or site beats a Syrian name found only by its cue word
  // (معمل الغاز في الراموسة); such a name beats an area, which only holds it
  // (بلدة اللطامنة في ريف حماة: PlaceInArea gives it the area's coordinates).
  // Foreign places have no coordinates and stay.
  const auto cue_only = [&](std::int32_t p) { return IsCueOnly(ix.mention(p)); };
  const auto known_site = [&](std::int32_t p) {
    return ix.mention(p).lat.has_value() && !IsArea(ix.mention(p));
  };
  const auto known_area = [&](std::int32_t p) {
    return ix.mention(p).lat.has_value() && IsArea(ix.mention(p));
  };
  if (std::any_of(kept.begin(), kept.end(), known_site)) {
    // Only a town named after the name holds it; one named before is
    // another place of the clause (عن بلدة سنجار ... بعد سيطرته على بلدتي الشطيب).
    std::erase_if(kept, [&](std::int32_t p) {
      return cue_only(p) && std::any_of(kept.begin(), kept.end(), [&](std::int32_t q) {
               return known_site(q) && ix.mention(q).first_token > ix.mention(p).first_token;
             });
    });
  } else if (std::any_of(kept.begin(), kept.end(), cue_only)) {
    std::erase_if(kept, known_area);
  }
  return kept;
}

// The token after "في" and one word that is no name, right at `t` and before
// `limit` (الحسكة والرقة في سوريا، وقرب الحديثة: the country that holds the
// items so far, which the gazetteer does not list); else t.
std::uint32_t AfterUnnamedArea(const DocIndex& ix, std::uint32_t t, std::uint32_t limit) {
  if (t + 2 >= limit || !IsWord(ix, t, kIn)) return t;
  const std::uint32_t word = t + 1;
  if (ix.mention_at[word] != kNone || ix.text->tokens[word].kind != text::TokenKind::kArabicWord) {
    return t;
  }
  return word + 1;
}

// True when places a and b (a before b) are items of one list: at most two
// words lie between them, none of them a name, and the list goes on with a
// comma or the conjunction و, on b itself (والحسكة), on the word after a, or
// on a place word before b (وبلدتي النعيمة، درعا البلد وحي طريق السد).
bool Coordinated(const DocIndex& ix, const Mention& a, const Mention& b) {
  const std::uint32_t from = AfterUnnamedArea(ix, a.end_token, b.first_token);
  if (b.first_token < from || b.first_token - from > 2) return false;
  bool joined = StartsWithConjunction(ix, b.first_token);
  for (std::uint32_t t = from; t < b.first_token; ++t) {
    if (ix.mention_at[t] != kNone) return false;
    const bool comma = IsPunct(ix, t, ",");
    // A closing bracket ends an aside that named the last item again: (كوباني).
    const bool bracket = IsPunct(ix, t, ")") && t == from;
    if (ix.text->tokens[t].kind == text::TokenKind::kPunct && !comma && !bracket) return false;
    joined =
        joined || comma || ((t == from || t + 1 == b.first_token) && StartsWithConjunction(ix, t));
  }
  return joined;
}

// True when b goes on the list after a through a thing near it (حلب والحسكة
// وعين العرب (كوباني) وحقول ألغام قريبة من الرقة): a conjunction right after a,
// a near cue before b, and no name or punctuation between.
bool NearItem(const DocIndex& ix, const Mention& a, const Mention& b) {
  if (b.first_token <= a.end_token || b.first_token - a.end_token > kNearItemGap) return false;
  std::uint32_t t = a.end_token;
  if (IsPunct(ix, t, ")")) ++t;
  if (t >= b.first_token || !StartsWithConjunction(ix, t)) return false;
  for (std::uint32_t k = t; k < b.first_token; ++k) {
    if (ix.mention_at[k] != kNone || ix.text->tokens[k].kind == text::TokenKind::kPunct) {
      return false;
    }
  }
  return CueInRange(ix, CueClass::kNear, t, b.first_token);
}

// True when b only restates where list item a is: another name for it in
// brackets (عين العرب (كوباني)), the area that holds it (X ومحيطها بريف حلب;
// الحسكة والرقة في سوريا، وقرب الحديثة) or the town an unnamed item is in
// (وحي باب توما والعباسيين في دمشق). The list goes on after b without an event for it.
bool Restates(const DocIndex& ix, const Mention& a, const Mention& b) {
  if (b.first_token < a.end_token || b.first_token - a.end_token > 2) return false;
  if (b.first_token == a.end_token + 1 && IsPunct(ix, a.end_token, "(")) return true;
  if (StartsWithConjunction(ix, b.first_token)) return false;
  if (b.first_token > a.end_token && AfterIn(ix, b)) return true;
  const bool holds_a =
      IsArea(b) && (b.place_kind == "country" ? b.country == a.country : b.admin1 == a.admin1);
  return holds_a && !IsPunct(ix, b.first_token - 1, ",");
}

double DistanceKm(const Mention& a, const Mention& b) {
  return rasd::DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon);
}

bool Known(const Mention& m) { return m.lat.has_value() && m.lon.has_value(); }

// True when a and b are known places so close that ACLED would code them as
// one location (الفوعة وكفريا، نبل والزهراء: twin towns a few km apart).
bool SameLocality(const Mention& a, const Mention& b) {
  return Known(a) && Known(b) && DistanceKm(a, b) < kSameLocalityKm;
}

// True when town b, after في, holds the list that ends with a (شارعي الثورة
// وبغداد وحي باب توما في دمشق): every item is a part of that town.
bool HoldsList(const DocIndex& ix, const Mention& a, const Mention& b) {
  if (!Known(b) || IsArea(b) || b.country != "Syria" || b.first_token <= a.end_token ||
      b.first_token - a.end_token > 2) {
    return false;
  }
  return AfterIn(ix, b);
}

// True when list item `item` cannot lie in `town`: the gazetteer puts it in
// another governorate or country, so the text names a street or quarter that
// shares a town's name (شارعي الثورة وبغداد ... في دمشق).
bool Elsewhere(const Mention& item, const Mention& town) {
  if (item.country != town.country) return true;
  return Known(item) && !item.admin1.empty() && item.admin1 != town.admin1;
}

// The list's items in town `town`: an item named like a place elsewhere is a
// street or quarter of the town, so the event is in the town, and so are the
// items the gazetteer puts inside it.
void PlaceInTown(const DocIndex& ix, std::int32_t town, std::size_t from,
                 std::vector<std::int32_t>* chosen) {
  const Mention& t = ix.mention(town);
  const bool moves = std::any_of(chosen->begin() + static_cast<std::ptrdiff_t>(from), chosen->end(),
                                 [&](std::int32_t c) { return Elsewhere(ix.mention(c), t); });
  if (!moves) return;
  std::vector<std::int32_t> kept(chosen->begin(),
                                 chosen->begin() + static_cast<std::ptrdiff_t>(from));
  bool town_kept = false;
  for (std::size_t i = from; i < chosen->size(); ++i) {
    const Mention& item = ix.mention((*chosen)[i]);
    const bool in_town =
        Elsewhere(item, t) || (Known(item) && DistanceKm(item, t) <= kTownRadiusKm);
    if (!in_town) {
      kept.push_back((*chosen)[i]);
    } else if (!town_kept) {
      kept.push_back(town);
      town_kept = true;
    }
  }
  *chosen = std::move(kept);
}

// The preposition (a word of at most three letters, after و or not: على،
// وعلى) one or two tokens before mention m (على قرية كفر داعل، وعلى الإمام),
// or "" when there is none.
std::string_view PrepositionBefore(const DocIndex& ix, const Mention& m) {
  for (std::uint32_t gap = 1; gap <= 2 && m.first_token >= gap; ++gap) {
    const std::uint32_t t = m.first_token - gap;
    if (ix.mention_at[t] != kNone || ix.text->tokens[t].kind != text::TokenKind::kArabicWord) {
      return {};
    }
    const std::string_view word = ix.text->norm.View(ix.text->tokens[t].norm);
    const std::size_t conjunction = word.starts_with(kWaw) ? kWaw.size() : 0;
    if (word.size() <= kPrepositionBytes + conjunction) return word;
  }
  return {};
}

// True when b repeats first's preposition after و (غارات على قرية كفر داعل
// التي …، وعلى قرية الإمام): another item of the list, told after a clause.
bool ParallelItem(const DocIndex& ix, const Mention& first, const Mention& b) {
  const std::string_view a_prep = PrepositionBefore(ix, first);
  const std::string_view b_prep = PrepositionBefore(ix, b);
  return !a_prep.empty() && !a_prep.starts_with(kWaw) && b_prep.starts_with(kWaw) &&
         b_prep.substr(kWaw.size()) == a_prep;
}

// True when b only says where a lies: a point of the compass alone between
// them (قرية الرهجان شرق حماة، أبو دالي جنوب ادلب; cue class `direction`), not
// joined with و (بلدة التمانعة وشمال خان شيخون: two scenes), and a is a site,
// not an area b could lie in (في ريف إدلب الجنوبي شرق مورك: مورك).
bool Locates(const DocIndex& ix, const Mention& a, const Mention& b) {
  const std::uint32_t between = a.end_token;
  return b.relation == link::PlaceRelation::kNear && b.first_token == between + 1 && !IsArea(a) &&
         ix.Cue(between, CueClass::kDirection) && !StartsWithConjunction(ix, between);
}

}  // namespace

std::vector<std::int32_t> ChoosePlaces(const DocIndex& ix, std::uint32_t begin, std::uint32_t end,
                                       std::uint32_t head, bool violent) {
  const std::vector<std::int32_t> all = MentionsIn(ix, MentionKind::kPlace, begin, end);
  const std::vector<std::int32_t> places = EventPlaces(ix, all, violent);
  if (places.empty()) return {};
  std::size_t start = 0;
  while (start < places.size() && ix.mention(places[start]).first_token < head) ++start;
  if (start == places.size()) {
    // All before the trigger: the nearest that names a place itself, not a
    // direction from one (قرية الرهجان شرق حماة ... معارك: الرهجان); with none
    // so named, the nearest that is not the landmark locating the place
    // before it (في محيط قرية الرهجان شرق حماة التي تدور في محيطها معارك: الرهجان).
    const auto named_itself = [&](std::int32_t p) {
      return ix.mention(p).relation == link::PlaceRelation::kItself;
    };
    const bool any_named_itself = std::any_of(places.begin(), places.end(), named_itself);
    for (std::size_t i = places.size(); i-- > 0;) {
      const bool scene = any_named_itself ? named_itself(places[i])
                                          : i == 0 || !Locates(ix, ix.mention(places[i - 1]),
                                                               ix.mention(places[i]));
      if (scene) return {places[i]};
    }
    return {places.back()};
  }
  std::vector<std::int32_t> chosen = {places[start]};
  std::size_t k = std::find(all.begin(), all.end(), places[start]) - all.begin();
  const Mention* last = &ix.mention(places[start]);
  std::int32_t town = kNone;  // the town the list is said to be in
  // X في A وY في B: B holds only the items after A.
  std::size_t town_holds_from = 0, held_from = AfterIn(ix, ix.mention(places[start])) ? 1 : 0;
  for (++k; k < all.size() && chosen.size() < kMaxPlacesPerFrame; ++k) {
    const Mention& next = ix.mention(all[k]);
    if (Restates(ix, *last, next)) {
      if (HoldsList(ix, *last, next)) {
        town = all[k];
        town_holds_from = held_from;
      }
      if (AfterIn(ix, next)) held_from = chosen.size();
      last = &next;
      continue;
    }
    if (!Coordinated(ix, *last, next) && !NearItem(ix, *last, next)) break;
    const bool same_locality = std::any_of(chosen.begin(), chosen.end(), [&](std::int32_t c) {
      return SameLocality(ix.mention(c), next);
    });
    if (!same_locality) chosen.push_back(all[k]);
    if (AfterIn(ix, next)) held_from = chosen.size();
    last = &next;
  }
  if (town != kNone) PlaceInTown(ix, town, town_holds_from, &chosen);
  // غارات على قرية كفر داعل التي …، وعلى قرية الإمام التي …: an item told
  // after a clause, with the first item's preposition repeated after و.
  for (; k < all.size() && chosen.size() < kMaxPlacesPerFrame; ++k) {
    if (ParallelItem(ix, ix.mention(chosen.front()), ix.mention(all[k]))) chosen.push_back(all[k]);
  }
  return chosen;
}

bool PlaceInArea(const DocIndex& ix, std::int32_t site, std::uint32_t begin, std::uint32_t end,
                 Location* loc) {
  const std::vector<std::int32_t> all = MentionsIn(ix, MentionKind::kPlace, begin, end);
  const auto holder = [&](std::int32_t p) {
    const Mention& m = ix.mention(p);
    return p != site && m.lat.has_value() && m.country == "Syria" && !m.dateline;
  };
  const std::uint32_t at = ix.mention(site).first_token;
  std::int32_t area = kNone;
  // An area after the site holds it (قرية X بريف حلب), and so does a town
  // right after it and في (حاجز المعصرة في إدلب); a town after it otherwise is
  // the next item of a list, and the nearest place before is the scene.
  // Before it in its clause, the nearest town named as itself, not a
  // direction from one (عن بلدة سنجار التابعة لمنطقة معرة النعمان جنوب ادلب
  // ... بلدتي الشطيب: سنجار), else the nearest place; in the sentences
  // before, the nearest place, the region being reported.
  const std::uint32_t site_end = ix.mention(site).end_token;
  const bool in_clause = at < end;
  bool town_before = false;
  for (const std::int32_t p : all) {
    if (!holder(p)) continue;
    const Mention& m = ix.mention(p);
    if (m.first_token < at) {
      const bool town = in_clause && !IsArea(m) && m.relation == link::PlaceRelation::kItself;
      if (town || !town_before) area = p;
      town_before = town_before || town;
    } else if (IsArea(m) || (m.first_token == site_end + 1 && AfterIn(ix, m))) {
      area = p;
      break;
    }
  }
  if (area == kNone) return false;
  const Location held = ToLocation(ix.mention(area));
  loc->lat = held.lat;
  loc->lon = held.lon;
  loc->admin1 = held.admin1;
  loc->admin2 = held.admin2;
  loc->admin3 = held.admin3;
  loc->geo_precision = std::max(2, held.geo_precision);
  return true;
}

}  // namespace rasd::extract
