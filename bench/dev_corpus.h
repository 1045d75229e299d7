// The dev corpus (eval/corpus/dev.jsonl) as one large document for the stage
// benchmarks: every article's text, read through the real intake, joined by
// blank lines. Shared so that each benchmark measures the same bytes.
#ifndef RASD_BENCH_DEV_CORPUS_H_
#define RASD_BENCH_DEV_CORPUS_H_

#include <string>

#include "intake/reader.h"

namespace rasd::bench {

inline const std::string& DevCorpusText() {
  static const std::string corpus = [] {
    std::string all;
    const Status s = intake::ReadInput(
        RASD_SOURCE_DIR "/eval/corpus/dev.jsonl", intake::InputFormat::kJsonl,
        [&](Document&& d) { all += d.text + "\n\n"; }, [](intake::Rejection&&) {});
    if (!s.ok()) all.clear();
    return all;
  }();
  return corpus;
}

}  // namespace rasd::bench

#endif  // RASD_BENCH_DEV_CORPUS_H_
