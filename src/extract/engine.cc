// The Engine: the whole pipeline for one document, text core -> linking ->
// event assembly -> document-level mention lists. Everything loaded in Create
// is immutable afterwards, so one Engine serves every worker thread; each
// thread brings a Workspace with its reusable buffers.
#include "rasd/engine.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "extract/event_assembler.h"
#include "extract/lexicon.h"
#include "link/linker.h"
#include "text/analyzer.h"

namespace rasd {

struct Workspace::Impl {
  text::AnalyzedText analyzed;
  link::LinkedText linked;
};

Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
Workspace::~Workspace() = default;

struct Engine::Impl {
  std::unique_ptr<link::Linker> linker;
  extract::Lexicon lexicon;
  std::string version = RASD_VERSION_STRING;
};

namespace {

// ACLED's inter code of state forces.
constexpr int kStateForcesInter = 1;

// ACLED codes an air strike in Syria that names no attacker to the side that
// flew over such targets then (data/extract/unattributed_air.tsv). (Event
// assembly codes a named state's strike to its air force where the words
// name aircraft.)
// A strike of an air campaign waged on one enemy (the coalition on the
// Islamic State) that names no side hit is coded to that enemy
// (data/extract/air_campaigns.tsv).
void ApplyAirArms(const extract::Lexicon& lexicon, const link::Linker& linker,
                  std::vector<Event>* events) {
  for (Event& e : *events) {
    if (e.sub_event_type != "Air/drone strike") continue;
    if (!e.actor1.empty() && e.actor2.empty()) {
      const std::string& enemy = lexicon.AirCampaignTarget(e.actor1, e.date);
      if (!enemy.empty()) {
        e.actor2 = enemy;
        e.inter2 = linker.InterOf(enemy);
      }
    }
    if (e.actor1.empty() && !e.actor2.empty() && e.location && e.location->country == "Syria") {
      const std::string& flew = lexicon.UnattributedAirActor(e.actor2, e.date);
      if (!flew.empty()) {
        e.actor1 = flew;
        e.inter1 = kStateForcesInter;  // only state forces fly (unattributed_air.tsv)
      }
    }
  }
}

// True when the article names the actor id, and it is of the given lineage.
bool NamedInLineage(const link::LinkedText& linked, const std::string& id,
                    const std::string& lineage) {
  return std::any_of(linked.mentions.begin(), linked.mentions.end(), [&](const link::Mention& m) {
    return m.kind == link::MentionKind::kActor && m.id == id && m.lineage == lineage;
  });
}

// Names resolve as of the event's date, not the article's (spec section 3):
// a 2018 article recalling the Nusra Front in 2015 means Jabhat al-Nusra.
// Linking used the publication date; events dated more than a month apart
// are resolved again. A weak alias (التنظيم، الجبهة) or a near spelling stands
// only for a group the article names, so it moves only along the lineage it
// was linked to: التنظيم for the Islamic State stays the Islamic State a month
// back, though the word also meant the Nusra Front then and the article names it.
void ResolveActorsAtEventDates(const link::Linker& linker, const link::LinkedText& linked,
                               std::optional<text::CivilDate> pub, std::vector<Event>* events) {
  constexpr std::int64_t kSameEraDays = 31;
  constexpr double kExactAlias = 1.0;
  for (Event& e : *events) {
    const auto date = text::CivilDate::FromIso(e.date);
    if (!date || (pub && std::llabs(pub->ToDays() - date->ToDays()) <= kSameEraDays)) continue;
    for (auto [id, span] :
         {std::pair{&e.actor1, e.actor1_span}, std::pair{&e.actor2, e.actor2_span}}) {
      if (!span) continue;
      for (const link::Mention& m : linked.mentions) {
        if (m.kind == link::MentionKind::kActor && m.original == *span) {
          const std::string resolved = linker.ResolveAt(m, *date);
          const bool weak = m.confidence < kExactAlias;  // weak alias or fuzzy match
          if (!resolved.empty() && (!weak || NamedInLineage(linked, resolved, m.lineage)))
            *id = resolved;
          break;
        }
      }
    }
  }
}

}  // namespace

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  auto linker = link::Linker::Create(options.data_dir);
  if (!linker.ok()) return linker.status();
  impl->linker = std::move(*linker);
  std::vector<extract::LexiconDiagnostic> problems;
  auto lexicon = extract::Lexicon::Load(options.data_dir, &problems);
  if (!lexicon.ok()) return lexicon.status();
  if (!problems.empty()) {
    const auto& p = problems.front();
    return BadInput(p.file + ":" + std::to_string(p.line) + ": " + p.message);
  }
  impl->lexicon = std::move(*lexicon);
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

DocumentResult Engine::Process(const Document& doc, Workspace* workspace) const {
  Workspace::Impl& ws = *workspace->impl();
  const std::optional<text::CivilDate> pub = text::CivilDate::FromIso(doc.pub_date);
  text::Analyze(doc.text, pub, &ws.analyzed);
  impl_->linker->Link(ws.analyzed, doc.text, pub, &ws.linked);
  // Undated, a text is no older than the newest renamed group it names: its
  // other names resolve as of then (spec section 3: a 2018 النصرة is HTS).
  if (!pub) {
    if (const auto since = impl_->linker->NamesCurrentSince(ws.linked)) {
      impl_->linker->Link(ws.analyzed, doc.text, since, &ws.linked);
    }
  }

  DocumentResult result;
  result.doc_id = doc.doc_id;
  result.sentence_count = ws.analyzed.sentences.size();
  result.token_count = ws.analyzed.tokens.size();
  const extract::EventAssembler assembler(&impl_->lexicon);
  assembler.Assemble(doc, ws.analyzed, ws.linked, pub, &result.events);
  ResolveActorsAtEventDates(*impl_->linker, ws.linked, pub, &result.events);
  ApplyAirArms(impl_->lexicon, *impl_->linker, &result.events);

  link::DocumentMentions mentions;
  link::CollectDocumentMentions(ws.linked, doc.text, &mentions);
  result.actors = std::move(mentions.actors);
  result.sources = std::move(mentions.sources);
  result.places = std::move(mentions.places);
  return result;
}

const std::string& Engine::version() const { return impl_->version; }
const std::string& Engine::data_version() const { return impl_->linker->data_version(); }

}  // namespace rasd
