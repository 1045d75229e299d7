// The Engine: the whole pipeline for one document, text core -> linking ->
// event assembly -> document-level mention lists. Everything loaded in Create
// is immutable afterwards, so one Engine serves every worker thread; each
// thread brings a Workspace with its reusable buffers.
#include "rasd/engine.h"

#include <string>
#include <unordered_map>

#include "common/file.h"
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
  std::unordered_map<std::string, std::string> air_arms;  // state actor -> its air force
  std::string version = RASD_VERSION_STRING;
};

namespace {

// data/extract/air_arms.tsv: "actor<TAB>air arm" rows.
Result<std::unordered_map<std::string, std::string>> LoadAirArms(const std::string& data_dir) {
  const std::string path = data_dir + "/extract/air_arms.tsv";
  auto bytes = ReadFile(path, 1u << 20);
  if (!bytes.ok()) return bytes.status();
  std::unordered_map<std::string, std::string> arms;
  std::size_t line_no = 0;
  std::size_t start = 0;
  const std::string& s = *bytes;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string line = s.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      return BadInput(path + ":" + std::to_string(line_no) + ": expected 'actor<TAB>air arm'");
    }
    arms.emplace(line.substr(0, tab), line.substr(tab + 1));
  }
  return arms;
}

// ACLED codes an air strike by a state's forces as a whole to its air force.
void ApplyAirArms(const std::unordered_map<std::string, std::string>& arms,
                  std::vector<Event>* events) {
  for (Event& e : *events) {
    if (e.sub_event_type != "Air/drone strike") continue;
    if (auto it = arms.find(e.actor1); it != arms.end()) e.actor1 = it->second;
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
  auto arms = LoadAirArms(options.data_dir);
  if (!arms.ok()) return arms.status();
  impl->air_arms = std::move(*arms);
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

DocumentResult Engine::Process(const Document& doc, Workspace* workspace) const {
  Workspace::Impl& ws = *workspace->impl();
  const std::optional<text::CivilDate> pub = text::CivilDate::FromIso(doc.pub_date);
  text::Analyze(doc.text, pub, &ws.analyzed);
  impl_->linker->Link(ws.analyzed, pub, &ws.linked);

  DocumentResult result;
  result.doc_id = doc.doc_id;
  result.sentence_count = ws.analyzed.sentences.size();
  result.token_count = ws.analyzed.tokens.size();
  const extract::EventAssembler assembler(&impl_->lexicon);
  assembler.Assemble(doc, ws.analyzed, ws.linked, pub, &result.events);
  ApplyAirArms(impl_->air_arms, &result.events);

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
