// The Engine: the whole pipeline for one document, text core -> linking ->
// event assembly -> document-level mention lists. Everything loaded in Create
// is immutable afterwards, so one Engine serves every worker thread; each
// thread brings a Workspace with its reusable buffers.
#include "rasd/engine.h"

#include <string>

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

// ACLED codes an air strike by a state's forces as a whole to its air force.
void ApplyAirArms(const extract::Lexicon& lexicon, std::vector<Event>* events) {
  for (Event& e : *events) {
    if (e.sub_event_type != "Air/drone strike") continue;
    const std::string& arm = lexicon.AirArmOf(e.actor1);
    if (!arm.empty()) e.actor1 = arm;
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

  DocumentResult result;
  result.doc_id = doc.doc_id;
  result.sentence_count = ws.analyzed.sentences.size();
  result.token_count = ws.analyzed.tokens.size();
  const extract::EventAssembler assembler(&impl_->lexicon);
  assembler.Assemble(doc, ws.analyzed, ws.linked, pub, &result.events);
  ApplyAirArms(impl_->lexicon, &result.events);

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
