// Sentence splitting over tokens. A sentence ends after a run of terminal
// marks (. ? ! ;) with any closing quotes or brackets glued to it, or at a
// line break; the exceptions (abbreviations, initials, URLs, quoted questions
// that the reporting clause continues) and the dateline rules are listed in
// docs/text-core.md. Decimal numbers never reach here as separate tokens.
#include "text/sentence_splitter.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/limits.h"
#include "common/utf8.h"

namespace rasd::embedded {
extern const std::string_view text_abbreviations;
extern const std::string_view text_line_continuers;
}  // namespace rasd::embedded

namespace rasd::text {
namespace {

// The rows of an embedded word list (word<TAB>second column), the words
// normalised.
std::unordered_map<std::string, std::string> WordList(std::string_view rest) {
  std::unordered_map<std::string, std::string> words;
  while (!rest.empty()) {
    const std::size_t eol = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = std::min(line.find('\t'), line.size());
    const std::string_view word = line.substr(0, tab);
    const std::string_view second = line.substr(std::min(tab + 1, line.size()));
    if (!word.empty()) words.emplace(NormalizeForMatch(word), second);
  }
  return words;
}

// The abbreviations of data/text/abbreviations.tsv; loaded once.
const std::unordered_map<std::string, std::string>& Abbreviations() {
  static const std::unordered_map<std::string, std::string> words =
      WordList(embedded::text_abbreviations);
  return words;
}

// The words of data/text/line_continuers.tsv, which no line ends on, with
// their class.
const std::unordered_map<std::string, std::string>& LineContinuers() {
  static const std::unordered_map<std::string, std::string> words =
      WordList(embedded::text_line_continuers);
  return words;
}

// A line ending in the head of a group's name (تنظيم، جبهة) goes on only when
// it has at least this many tokens: a heading is shorter, and a wrapped line
// of body text longer.
constexpr std::uint32_t kWrappedLineTokens = 8;

// The word "ان" (أن/إن after folding): after a colon it opens reported speech.
const std::string& ReportedSpeechOpener() {
  static const std::string word = [] {
    std::string w;
    utf8::Append(0x0627, &w);
    utf8::Append(0x0646, &w);
    return w;
  }();
  return word;
}

class Splitter {
 public:
  Splitter(const NormalizedText& norm, const std::vector<Token>& tokens, std::vector<Sentence>* out)
      : norm_(norm), text_(norm.text.data()), tokens_(tokens), out_(out) {}

  void Run() {
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    if (n == 0) return;
    // Only a token that starts past the next line break in the text looks
    // at the gap before it: most tokens cost one comparison.
    std::uint32_t next_break = LineBreakFrom(tokens_[0].norm.end.value);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (tokens_[i].norm.begin.value > next_break) {
        next_break = LineBreakFrom(tokens_[i].norm.end.value);
        StartLineIfBroken(i);
      }
      if (i - first_ >= limits::kMaxSentenceTokens) Close(i);
      if (tokens_[i].kind != TokenKind::kPunct) continue;  // most tokens: one test
      if (IsChar(i, '"')) quote_open_ = !quote_open_;
      if (!IsTerminal(i)) continue;
      const std::uint32_t end = EndOfTerminalRun(i);
      if (EndsSentence(i, end)) Close(end);
      i = end - 1;
    }
    Close(n);
  }

 private:
  bool IsChar(std::uint32_t i, char c) const {
    const Token& t = tokens_[i];
    return t.kind == TokenKind::kPunct && t.norm.size() == 1 && text_[t.norm.begin.value] == c;
  }
  bool IsTerminal(std::uint32_t i) const {
    return IsChar(i, '.') || IsChar(i, '?') || IsChar(i, '!') || IsChar(i, ';');
  }
  bool IsWord(std::uint32_t i) const {
    return tokens_[i].kind == TokenKind::kArabicWord || tokens_[i].kind == TokenKind::kLatinWord;
  }
  bool Glued(std::uint32_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }

  // A token after one or more line breaks closes the sentence before it,
  // unless a single break follows a word no line ends on: a wrapped line.
  void StartLineIfBroken(std::uint32_t i) {
    const int breaks = LineBreaksBefore(i);
    if (breaks == 0) return;
    const bool wrapped = breaks == 1 && WrappedAfter(i - 1);
    line_first_ = i;
    if (wrapped) return;
    Close(i);
    quote_open_ = false;
    next_line_start_ = true;
    next_paragraph_start_ = next_paragraph_start_ || breaks >= 2;
  }

  // True when token t, last on its line, cannot end one: a comma, or a word
  // of data/text/line_continuers.tsv (في، أن، التي، تنظيم …).
  bool WrappedAfter(std::uint32_t t) const {
    if (IsChar(t, ',')) return true;
    if (tokens_[t].kind != TokenKind::kArabicWord) return false;
    const auto& words = LineContinuers();
    const auto it = words.find(std::string(norm_.View(tokens_[t].norm)));
    if (it == words.end()) return false;
    return it->second != "name_head" || t + 1 - line_first_ >= kWrappedLineTokens;
  }

  // The offset of the first line break at or after `from`, or the text's
  // size when there is none.
  std::uint32_t LineBreakFrom(std::uint32_t from) const {
    const std::string_view text = norm_.text;
    return static_cast<std::uint32_t>(std::min(text.find('\n', from), text.size()));
  }

  // Line breaks in the gap before token i (none before the first token).
  // Most gaps are one space or nothing, which need no call to count.
  int LineBreaksBefore(std::uint32_t i) const {
    if (i == 0) return 0;
    const std::uint32_t from = tokens_[i - 1].norm.end.value;
    const std::uint32_t to = tokens_[i].norm.begin.value;
    const char* text = text_;
    if (to - from <= 1) return to == from ? 0 : static_cast<int>(text[from] == '\n');
    return static_cast<int>(std::count(text + from, text + to, '\n'));
  }

  // A run of terminal marks ("..", "?!") and the closing quotes and
  // brackets glued to it; returns the index after the run. The run never
  // takes the sentence past limits::kMaxSentenceTokens.
  std::uint32_t EndOfTerminalRun(std::uint32_t i) {
    const auto limit = static_cast<std::uint32_t>(
        std::min<std::size_t>(tokens_.size(), first_ + limits::kMaxSentenceTokens));
    std::uint32_t j = i + 1;
    while (j < limit && Glued(j) && IsTerminal(j)) ++j;
    // A '"' glued to the marks closes the open quotation; with none open it
    // opens the next sentence's and stays there.
    while (j < limit && Glued(j) && ((IsChar(j, '"') && quote_open_) || IsChar(j, ')'))) {
      if (IsChar(j, '"')) quote_open_ = false;
      closed_quote_ = true;
      ++j;
    }
    return j;
  }

  bool EndsSentence(std::uint32_t i, std::uint32_t end) {
    const bool closed_quote = closed_quote_;
    closed_quote_ = false;
    if (end >= tokens_.size()) return true;
    if (IsChar(end, ',')) return false;  // "?»، قال" continues
    if (end == i + 1 && IsChar(i, '.') && IsNonFinalDot(i)) return false;
    // "(...)" marks words left out of a quotation, which goes on after it.
    if (i > first_ && IsChar(i - 1, '(') && Glued(i)) return false;
    const bool question_or_exclamation = !IsChar(i, '.') && !IsChar(i, ';');
    // «هل انتهت الحرب؟» تساءل الكاتب: the reporting clause follows on the same line.
    return !(closed_quote && question_or_exclamation && IsWord(end) && LineBreaksBefore(end) == 0);
  }

  // A lone '.' after an abbreviation or an initial, or inside a URL or a
  // dotted name (www.sana.sy), is not the end of a sentence.
  bool IsNonFinalDot(std::uint32_t i) const {
    if (i == 0 || !Glued(i)) return false;
    const Token& prev = tokens_[i - 1];
    if (prev.kind == TokenKind::kLatinWord && prev.norm.size() == 1) return true;
    if (prev.kind == TokenKind::kLatinWord && Glued(i + 1) &&
        tokens_[i + 1].kind == TokenKind::kLatinWord) {
      return true;
    }
    // Arabic letter-by-letter abbreviations: (بي.بي.سي), two letters at most.
    if (prev.kind == TokenKind::kArabicWord && prev.norm.size() <= 4 && Glued(i + 1) &&
        tokens_[i + 1].kind == TokenKind::kArabicWord) {
      return true;
    }
    if (prev.kind != TokenKind::kArabicWord && prev.kind != TokenKind::kLatinWord) return false;
    return Abbreviations().count(std::string(norm_.View(prev.norm))) != 0;
  }

  void Close(std::uint32_t end) {
    if (end <= first_) return;
    Sentence& s = out_->emplace_back();
    s.first_token = first_;
    s.end_token = end;
    s.norm = {tokens_[first_].norm.begin, tokens_[end - 1].norm.end};
    s.original = {tokens_[first_].original.begin, tokens_[end - 1].original.end};
    s.line_start = next_line_start_;
    s.paragraph_start = next_paragraph_start_;
    s.dateline_end_token = s.line_start ? DatelineEnd(first_, end, s.paragraph_start) : first_;
    first_ = end;
    next_line_start_ = false;
    next_paragraph_start_ = false;
  }

  // Datelines at the start of a line: "دمشق - ", "حلب – عمار البكور:",
  // "دمشق (أ ف ب) - ". The colon form "بيروت:" / "دمشق (سانا):" is taken only
  // at a paragraph start, from one or two words not opening with و/ف, and not
  // before reported speech: "وأضاف: في ...", "قال: «..." and "مصدر: إن ..."
  // are speech, which a line may open with anywhere.
  std::uint32_t DatelineEnd(std::uint32_t first, std::uint32_t end, bool paragraph_start) const {
    std::uint32_t k = first;
    while (k < end && k - first < 3 && tokens_[k].kind == TokenKind::kArabicWord) ++k;
    const std::uint32_t words = k - first;
    if (words == 0) return first;
    k = SkipParenthesis(k, end);
    if (k >= end) return first;
    if (IsChar(k, ':')) {
      if (!paragraph_start || words > 2 || StartsWithConjunction(first)) return first;
      if (k + 1 < end && (IsChar(k + 1, '"') || IsReportedSpeechOpener(k + 1))) return first;
      return k + 1;
    }
    if (!IsChar(k, '-') || !tokens_[k].space_before) return first;
    // After the dash: a reporter's name up to a colon, or a short rest of the line.
    std::uint32_t m = k + 1;
    while (m < end && m - k <= 4 && tokens_[m].kind == TokenKind::kArabicWord) ++m;
    m = SkipParenthesis(m, end);
    if (m < end && IsChar(m, ':')) return m + 1;
    if (m == end) return end;
    return k + 1;
  }

  // Skips "(...)" of at most 6 tokens starting at k, as in "دمشق (أ ف ب) -".
  std::uint32_t SkipParenthesis(std::uint32_t k, std::uint32_t end) const {
    if (k >= end || !IsChar(k, '(')) return k;
    for (std::uint32_t j = k + 1; j < end && j - k <= 6; ++j) {
      if (IsChar(j, ')')) return j + 1;
    }
    return k;
  }

  bool StartsWithConjunction(std::uint32_t i) const {
    const std::string_view word = norm_.View(tokens_[i].norm);
    std::size_t len = 0;
    const char32_t first_letter = word.empty() ? 0 : utf8::Decode(word, 0, &len);
    return first_letter == 0x0648 || first_letter == 0x0641;  // waw, feh
  }

  bool IsReportedSpeechOpener(std::uint32_t i) const {
    return tokens_[i].kind == TokenKind::kArabicWord &&
           norm_.View(tokens_[i].norm) == ReportedSpeechOpener();
  }

  const NormalizedText& norm_;
  // The text and the tokens as pointers and sizes kept here: a reference to
  // the vector would cost a load more at every token.
  const char* text_;
  std::span<const Token> tokens_;
  std::vector<Sentence>* out_;
  std::uint32_t first_ = 0;
  std::uint32_t line_first_ = 0;  // the first token of the current line
  bool next_line_start_ = true;
  bool next_paragraph_start_ = true;
  bool quote_open_ = false;
  bool closed_quote_ = false;
};

}  // namespace

void SplitSentences(const NormalizedText& norm, const std::vector<Token>& tokens,
                    std::vector<Sentence>* out) {
  out->clear();
  Splitter(norm, tokens, out).Run();
}

}  // namespace rasd::text
