// Article extraction from HTML with gumbo (an HTML5-conformant parser, so
// broken real-world markup yields the same tree as in a browser). Every walk
// over the tree is iterative: a hostile page can nest elements millions deep,
// and gumbo's own recursive destructor is given a flattened tree for the
// same reason.
#include "intake/html.h"

#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include <gumbo.h>
#include <strings.h>

#include "common/limits.h"
#include "common/utf8.h"
#include "intake/decode.h"
#include "intake/iso_date.h"

namespace rasd::intake {
namespace {

// Gumbo allocates through these, so that FlattenForDestroy can hand it an
// array it may free.
void* Allocate(void* /*userdata*/, size_t size) { return std::malloc(size); }
void Deallocate(void* /*userdata*/, void* ptr) { std::free(ptr); }

GumboOptions ParseOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Allocate;
  options.deallocator = &Deallocate;
  options.max_errors = 0;  // rasd never reads gumbo's error list; do not build it
  return options;
}

const GumboVector* Children(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

GumboNode* Child(const GumboVector* children, unsigned i) {
  return static_cast<GumboNode*>(children->data[i]);
}

// gumbo_destroy_output recurses once per tree level. Making every node a
// direct child of the document keeps that recursion one level deep.
void FlattenForDestroy(GumboOutput* output) {
  std::vector<GumboNode*> all;
  std::vector<GumboNode*> stack = {output->document};
  while (!stack.empty()) {
    GumboNode* node = stack.back();
    stack.pop_back();
    if (node != output->document) all.push_back(node);
    const GumboVector* children = Children(node);
    if (children == nullptr) continue;
    for (unsigned i = 0; i < children->length; ++i) stack.push_back(Child(children, i));
    if (node != output->document) const_cast<GumboVector*>(children)->length = 0;
  }
  GumboVector& top = output->document->v.document.children;
  auto** data = static_cast<void**>(std::malloc(sizeof(void*) * (all.size() + 1)));
  if (data == nullptr) return;  // keep the deep tree: a crash risk only under memory exhaustion
  std::memcpy(data, all.data(), sizeof(void*) * all.size());
  std::free(top.data);
  top.data = data;
  top.length = static_cast<unsigned>(all.size());
  top.capacity = static_cast<unsigned>(all.size() + 1);
}

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    FlattenForDestroy(output);
    const GumboOptions options = ParseOptions();
    gumbo_destroy_output(&options, output);
  }
};
using OutputPtr = std::unique_ptr<GumboOutput, OutputDeleter>;

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

// Subtrees that never hold article text.
bool IsExcluded(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a line of the extracted text.
bool IsBlock(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

bool IsText(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// Appends text with HTML's whitespace collapsing: runs of spaces (and of
// U+00A0, which news sites use as padding) become one space; block edges
// become one newline; nothing leads or trails a line.
class TextSink {
 public:
  explicit TextSink(std::string* out) : out_(out) {}

  void Space() { pending_space_ = true; }
  void Break() { pending_break_ = true; }

  void Append(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t ws = WhitespaceAt(text, i);
      if (ws > 0) {
        pending_space_ = true;
        i += ws;
        continue;
      }
      Separate();
      out_->push_back(text[i]);
      ++i;
    }
  }

 private:
  static std::size_t WhitespaceAt(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
    return 0;
  }

  void Separate() {
    if (!out_->empty()) {
      if (pending_break_) {
        out_->push_back('\n');
      } else if (pending_space_) {
        out_->push_back(' ');
      }
    }
    pending_break_ = false;
    pending_space_ = false;
  }

  std::string* out_;
  bool pending_space_ = false;
  bool pending_break_ = false;
};

// The text of `root`'s subtree, excluded subtrees left out.
std::string ExtractText(const GumboNode* root) {
  std::string text;
  TextSink sink(&text);
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack = {{root, 0}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = Children(frame.node);
    if (children == nullptr || frame.next_child == children->length) {
      if (IsBlock(frame.node)) sink.Break();
      stack.pop_back();
      continue;
    }
    const GumboNode* child = Child(children, frame.next_child++);
    if (IsText(child)) {
      sink.Append(child->v.text.text);
    } else if (!IsExcluded(child)) {
      if (IsBlock(child)) sink.Break();
      if (IsElement(child, GUMBO_TAG_TD) || IsElement(child, GUMBO_TAG_TH)) sink.Space();
      stack.push_back({child, 0});
    }
  }
  return text;
}

std::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string_view() : std::string_view(attr->value);
}

bool EqualsIgnoreCase(std::string_view a, const char* b) {
  return a.size() == std::strlen(b) && strncasecmp(a.data(), b, a.size()) == 0;
}

// Meta names (name=, property= or itemprop=) that carry the publication date.
bool IsDateMetaName(std::string_view name) {
  for (const char* known : {"article:published_time", "og:published_time", "date", "pubdate",
                            "publishdate", "publish-date", "datepublished", "dc.date.issued",
                            "dc.date", "parsely-pub-date", "sailthru.date"}) {
    if (EqualsIgnoreCase(name, known)) return true;
  }
  return false;
}

// What one pass over the whole page learns: metadata and, for choosing the
// article root, how much <p> text each element and each <article> holds.
struct Survey {
  const GumboNode* body = nullptr;
  const GumboNode* first_article = nullptr;
  std::string title_tag;
  std::string og_title;
  std::string og_url;
  std::string canonical;
  std::optional<std::string> pub_date;
  std::string bad_pub_date;
  std::unordered_map<const GumboNode*, std::size_t> direct_p_text;   // by parent of the <p>
  std::unordered_map<const GumboNode*, std::size_t> article_p_text;  // by nearest <article>
};

void SurveyMeta(const GumboNode* meta, Survey* survey) {
  std::string_view name = Attribute(meta, "property");
  if (name.empty()) name = Attribute(meta, "name");
  if (name.empty()) name = Attribute(meta, "itemprop");
  const std::string_view content = Attribute(meta, "content");
  if (name.empty() || content.empty()) return;
  if (EqualsIgnoreCase(name, "og:title") && survey->og_title.empty()) {
    survey->og_title = content;
  } else if (EqualsIgnoreCase(name, "og:url") && survey->og_url.empty()) {
    survey->og_url = content;
  } else if (IsDateMetaName(name) && !survey->pub_date) {
    survey->pub_date = IsoDatePart(content);
    if (!survey->pub_date && survey->bad_pub_date.empty()) survey->bad_pub_date = content;
  }
}

void SurveyElement(const GumboNode* node, Survey* survey) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_BODY:
      if (survey->body == nullptr) survey->body = node;
      break;
    case GUMBO_TAG_ARTICLE:
      if (survey->first_article == nullptr) survey->first_article = node;
      break;
    case GUMBO_TAG_TITLE:
      if (survey->title_tag.empty()) {
        TextSink sink(&survey->title_tag);
        const GumboVector* children = Children(node);
        for (unsigned i = 0; i < children->length; ++i) {
          if (IsText(Child(children, i))) sink.Append(Child(children, i)->v.text.text);
        }
      }
      break;
    case GUMBO_TAG_META:
      SurveyMeta(node, survey);
      break;
    case GUMBO_TAG_LINK:
      if (EqualsIgnoreCase(Attribute(node, "rel"), "canonical") && survey->canonical.empty()) {
        survey->canonical = Attribute(node, "href");
      }
      break;
    default:
      break;
  }
}

Survey SurveyPage(const GumboNode* document) {
  Survey survey;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    const GumboNode* article;  // nearest enclosing <article>
    const GumboNode* p;        // enclosing <p>
  };
  std::vector<Frame> stack = {{document, 0, nullptr, nullptr}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = Children(frame.node);
    if (children == nullptr || frame.next_child == children->length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = Child(children, frame.next_child++);
    if (IsText(child)) {
      if (frame.p != nullptr) {
        const std::size_t bytes = std::strlen(child->v.text.text);
        survey.direct_p_text[frame.p->parent] += bytes;
        if (frame.article != nullptr) survey.article_p_text[frame.article] += bytes;
      }
      continue;
    }
    if (IsExcluded(child) || child->type != GUMBO_NODE_ELEMENT) continue;
    SurveyElement(child, &survey);
    const GumboNode* article = IsElement(child, GUMBO_TAG_ARTICLE) ? child : frame.article;
    const GumboNode* p = IsElement(child, GUMBO_TAG_P) ? child : frame.p;
    stack.push_back({child, 0, article, p});
  }
  return survey;
}

std::pair<const GumboNode*, std::size_t> Largest(
    const std::unordered_map<const GumboNode*, std::size_t>& scores) {
  std::pair<const GumboNode*, std::size_t> best = {nullptr, 0};
  for (const auto& [node, score] : scores) {
    if (score > best.second) best = {node, score};
  }
  return best;
}

// The <article> when it holds at least as much paragraph text as the best
// paragraph parent (teaser <article>s in a sidebar do not); else that
// parent; on a page without <p> text, the first <article>, else the body.
const GumboNode* ArticleRoot(const Survey& survey, const GumboNode* fallback) {
  const auto [article, article_score] = Largest(survey.article_p_text);
  const auto [parent, parent_score] = Largest(survey.direct_p_text);
  if (article != nullptr && article_score >= parent_score) return article;
  if (parent != nullptr) return parent;
  if (survey.first_article != nullptr) return survey.first_article;
  return survey.body != nullptr ? survey.body : fallback;
}

// gumbo 0.10 overflows on numeric character references beyond 32 bits
// ("&#11111111111;" comes out as a lone byte), so its strings are checked and
// any invalid sequence is replaced by U+FFFD, as HTML does for bad references.
std::string ValidUtf8(std::string s) {
  if (IsValidUtf8(s)) return s;
  std::string repaired;
  repaired.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = utf8::Decode(s, i, &len);
    if (cp == utf8::kReplacement && len == 1) {
      utf8::Append(utf8::kReplacement, &repaired);
    } else {
      repaired.append(s, i, len);
    }
    i += len;
  }
  return repaired;
}

// A tag scanner just good enough to bound the depth gumbo will reach. It
// errs high rather than low: start tags push; an end tag pops back to its
// match unless a scope boundary (table, td...) lies between, as the HTML tree
// builder ignores it then; table rows and cells close their open siblings
// as in HTML; void and self-closing tags, and tags that cannot nest in
// themselves (p, li, option...), are not counted; raw-text elements (script,
// style...) are skipped whole.
class DepthScanner {
 public:
  explicit DepthScanner(std::string_view html) : html_(html) {}

  // True when the nesting stays within `limit`.
  bool WithinLimit(std::size_t limit) {
    while ((pos_ = html_.find('<', pos_)) != std::string_view::npos) {
      ++pos_;
      if (Peek('!') || Peek('?')) {
        SkipMarkupDeclaration();
      } else if (Peek('/')) {
        ++pos_;
        CloseTag(ReadName());
        SkipPast('>');
      } else if (IsAsciiLetter(Peek())) {
        const std::string name = ReadName();
        const bool self_closing = SkipTagBody();
        if (IsRawText(name)) {
          SkipRawText(name);
        } else if (!self_closing && !IsUncounted(name)) {
          OpenTag(name);
          if (open_.size() > limit) return false;
        }
      }
    }
    return true;
  }

 private:
  static bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  char Peek() const { return pos_ < html_.size() ? html_[pos_] : '\0'; }
  bool Peek(char c) const { return Peek() == c; }

  std::string ReadName() {
    std::string name;
    while (pos_ < html_.size()) {
      const char c = html_[pos_];
      if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        break;
      }
      name.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      ++pos_;
    }
    return name;
  }

  void SkipPast(char c) {
    const std::size_t at = html_.find(c, pos_);
    pos_ = at == std::string_view::npos ? html_.size() : at + 1;
  }

  void SkipMarkupDeclaration() {
    if (html_.substr(pos_).starts_with("!--")) {
      const std::size_t end = html_.find("-->", pos_ + 3);
      pos_ = end == std::string_view::npos ? html_.size() : end + 3;
    } else {
      SkipPast('>');
    }
  }

  // Skips attributes (quoted values may hold '>'); true for "<x ... />".
  bool SkipTagBody() {
    char quote = '\0';
    char last = '\0';
    for (; pos_ < html_.size(); ++pos_) {
      const char c = html_[pos_];
      if (quote != '\0') {
        if (c == quote) quote = '\0';
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        ++pos_;
        return last == '/';
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        last = c;
      }
    }
    return false;
  }

  void SkipRawText(const std::string& name) {
    while ((pos_ = html_.find("</", pos_)) != std::string_view::npos) {
      pos_ += 2;
      if (ReadName() == name) {
        SkipPast('>');
        return;
      }
    }
    pos_ = html_.size();
  }

  // Index just above the nearest open element named in `names`, or npos.
  std::size_t AboveNearest(std::initializer_list<std::string_view> names) const {
    for (std::size_t i = open_.size(); i > 0; --i) {
      for (const std::string_view n : names) {
        if (open_[i - 1] == n) return i;
      }
    }
    return std::string_view::npos;
  }

  void OpenTag(const std::string& name) {
    std::size_t keep = open_.size();
    if (name == "td" || name == "th") {
      keep = AboveNearest({"tr", "table"});
    } else if (name == "tr") {
      keep = AboveNearest({"tbody", "thead", "tfoot", "table"});
    } else if (name == "tbody" || name == "thead" || name == "tfoot") {
      keep = AboveNearest({"table"});
    }
    if (keep == std::string_view::npos) return;  // a cell outside any table is ignored
    open_.resize(keep);
    open_.push_back(name);
  }

  static bool IsScopeBoundary(std::string_view name) {
    for (const char* tag : {"table", "td", "th", "template", "object", "applet", "marquee"}) {
      if (name == tag) return true;
    }
    return false;
  }

  void CloseTag(const std::string& name) {
    for (std::size_t i = open_.size(); i > 0; --i) {
      if (open_[i - 1] == name) {
        open_.resize(i - 1);
        return;
      }
      if (IsScopeBoundary(open_[i - 1])) return;
    }
  }

  static bool IsRawText(std::string_view name) {
    for (const char* raw : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                            "noframes", "plaintext"}) {
      if (name == raw) return true;
    }
    return false;
  }

  // Void elements, and elements whose end tag HTML infers from the next one.
  static bool IsUncounted(std::string_view name) {
    for (const char* tag : {"area",  "base",     "br",      "col",   "embed",  "hr",       "img",
                            "input", "link",     "meta",    "param", "source", "track",    "wbr",
                            "p",     "li",       "dt",      "dd",    "option", "optgroup", "rp",
                            "rt",    "colgroup", "caption", "html",  "head",   "body"}) {
      if (name == tag) return true;
    }
    return false;
  }

  std::string_view html_;
  std::size_t pos_ = 0;
  std::vector<std::string> open_;
};

}  // namespace

Result<HtmlArticle> ExtractHtml(std::string_view html) {
  if (html.size() > limits::kMaxHtmlBytes) {
    return ResourceExhausted("HTML page of " + std::to_string(html.size()) +
                             " bytes is over the limit of " +
                             std::to_string(limits::kMaxHtmlBytes) + " (limits::kMaxHtmlBytes)");
  }
  if (!IsValidUtf8(html)) {
    return BadInput("byte " + std::to_string(utf8::FirstInvalid(html)) + ": invalid UTF-8");
  }
  if (!DepthScanner(html).WithinLimit(limits::kMaxHtmlDepth)) {
    return ResourceExhausted("HTML elements nested deeper than " +
                             std::to_string(limits::kMaxHtmlDepth) + " (limits::kMaxHtmlDepth)");
  }
  const GumboOptions options = ParseOptions();
  const OutputPtr output(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output) return Internal("gumbo returned no tree");

  const Survey survey = SurveyPage(output->document);
  HtmlArticle article;
  article.text = ValidUtf8(ExtractText(ArticleRoot(survey, output->root)));
  article.title = ValidUtf8(survey.og_title.empty() ? survey.title_tag : survey.og_title);
  article.url = ValidUtf8(survey.og_url.empty() ? survey.canonical : survey.og_url);
  if (survey.pub_date) {
    article.pub_date = *survey.pub_date;
  } else {
    article.bad_pub_date = ValidUtf8(survey.bad_pub_date);
  }
  return article;
}

}  // namespace rasd::intake
