#include "analytics/sentiment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cassert>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace patron::analytics {
namespace {

// AFINN valences are -5..5.
constexpr int kMinValence = -5;
constexpr int kMaxValence = 5;
// Negation flips and weakens: "not good" is mildly bad, not as bad as "bad"
// (the same idea as VADER's N_SCALAR = -0.74; -0.5 keeps "not bad" tepid).
constexpr double kNegationFactor = -0.5;
// How many words after a negator it still applies to ("not at all good").
constexpr std::size_t kNegationScopeWords = 3;
constexpr double kIntensifierFactor = 1.5;
constexpr double kDampenerFactor = 0.5;
// total / sqrt(total^2 + alpha) maps any sum into (-1, 1); alpha = 15 is
// VADER's (Hutto & Gilbert, 2014): one "good" (3) scores 0.61.
constexpr double kNormalizationAlpha = 15.0;
// Longest phrase we try to match, whatever the lexicon says.
constexpr std::size_t kMaxPhraseWordsBound = 4;
constexpr std::size_t kMaxTermBytes = 64;

// Grammar words, not valences: the lexicon stays the published one.
constexpr std::array<std::string_view, 27> kNegators = {
    "not",    "no",     "never",   "none",   "nobody", "nothing", "neither", "nor",    "without",
    "cannot", "dont",   "doesnt",  "didnt",  "isnt",   "wasnt",   "arent",   "werent", "wont",
    "wouldnt", "couldnt", "shouldnt", "cant", "aint",  "havent",  "hasnt",   "hadnt",  "hardly"};
constexpr std::array<std::string_view, 14> kIntensifiers = {
    "very",     "really",  "extremely", "so",    "too",   "absolutely",   "incredibly",
    "super",    "highly",  "totally",   "truly", "especially", "exceptionally", "remarkably"};
constexpr std::array<std::string_view, 7> kDampeners = {"slightly", "somewhat", "barely",  "fairly",
                                                         "rather",   "marginally", "partly"};
constexpr std::array<std::string_view, 4> kTwoWordDampeners = {"kind of", "sort of", "a bit", "a little"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  for (const auto candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

std::string without_apostrophes(std::string_view word) {
  std::string plain;
  for (const char c : word) {
    if (c != '\'') plain.push_back(c);
  }
  return plain;
}

bool is_negator(std::string_view word) {
  return contains(kNegators, word) || contains(kNegators, without_apostrophes(word)) || word.ends_with("n't");
}

bool is_clause_break(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?'; }

bool is_word_byte(unsigned char c) {
  // Bytes >= 0x80 belong to non-ASCII letters: keep them inside the word.
  return std::isalnum(c) != 0 || c == '\'' || c == '-' || c >= 0x80;
}

std::string join(const std::vector<std::string>& tokens, std::size_t first, std::size_t count) {
  std::string phrase = tokens[first];
  for (std::size_t k = 1; k < count; ++k) phrase += " " + tokens[first + k];
  return phrase;
}

// Words from position i up to the next clause break.
std::size_t words_left_in_clause(const std::vector<std::string>& tokens, std::size_t i) {
  std::size_t n = 0;
  while (i + n < tokens.size() && !tokens[i + n].empty()) ++n;
  return n;
}

struct Match {
  std::size_t words = 0;  // 0: no match
  int valence = 0;
};

// The longest lexicon term starting at i, inside the clause.
Match match_term(const SentimentLexicon& lexicon, const std::vector<std::string>& tokens, std::size_t i) {
  const std::size_t longest = std::min({lexicon.max_phrase_words(), kMaxPhraseWordsBound, words_left_in_clause(tokens, i)});
  for (std::size_t words = longest; words >= 1; --words) {
    if (const auto valence = lexicon.valence(join(tokens, i, words))) return {words, *valence};
  }
  if (i < tokens.size() && tokens[i].find('\'') != std::string::npos) {
    if (const auto valence = lexicon.valence(without_apostrophes(tokens[i]))) return {1, *valence};
  }
  return {};
}

// A modifier at i: its factor and length, or nullopt. It only modifies when a
// sentiment term (or another modifier) follows; "it was super" stays lexical.
std::optional<std::pair<double, std::size_t>> modifier_at(const std::vector<std::string>& tokens, std::size_t i) {
  if (words_left_in_clause(tokens, i) >= 2 && contains(kTwoWordDampeners, join(tokens, i, 2))) {
    return std::pair{kDampenerFactor, std::size_t{2}};
  }
  if (contains(kIntensifiers, tokens[i])) return std::pair{kIntensifierFactor, std::size_t{1}};
  if (contains(kDampeners, tokens[i])) return std::pair{kDampenerFactor, std::size_t{1}};
  return std::nullopt;
}

}  // namespace

Result<SentimentLexicon> SentimentLexicon::parse_tsv(std::string_view text) {
  SentimentLexicon lexicon;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    const std::string where = "lexicon line " + std::to_string(line_number);
    if (tab == std::string_view::npos || tab == 0 || tab > kMaxTermBytes) {
      return Error::validation("lexicon", where + ": expected term<TAB>valence");
    }
    int valence = 0;
    const std::string_view number = line.substr(tab + 1);
    const auto [parsed_end, error] = std::from_chars(number.data(), number.data() + number.size(), valence);
    if (error != std::errc{} || parsed_end != number.data() + number.size() || valence < kMinValence ||
        valence > kMaxValence) {
      return Error::validation("lexicon", where + ": valence must be an integer in -5..5");
    }
    const std::string term(line.substr(0, tab));
    const std::size_t words = 1 + static_cast<std::size_t>(std::count(term.begin(), term.end(), ' '));
    lexicon.max_phrase_words_ = std::max(lexicon.max_phrase_words_, std::min(words, kMaxPhraseWordsBound));
    lexicon.valence_by_term_[term] = valence;
  }
  if (lexicon.valence_by_term_.empty()) return Error::validation("lexicon", "no terms");
  return lexicon;
}

Result<SentimentLexicon> SentimentLexicon::load_tsv(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Error{ErrorCode::unavailable,
                 "cannot read sentiment lexicon " + path + " (built from lexicon/ by `npm ci --prefix lexicon`)", {}};
  }
  std::ostringstream contents;
  contents << file.rdbuf();
  return parse_tsv(contents.str());
}

std::optional<int> SentimentLexicon::valence(const std::string& term) const {
  const auto found = valence_by_term_.find(term);
  if (found == valence_by_term_.end()) return std::nullopt;
  return found->second;
}

std::string default_lexicon_path() {
#ifdef PATRON_LEXICON_TSV
  return PATRON_LEXICON_TSV;
#else
  return "lexicon/afinn-165.tsv";  // relative to the working directory
#endif
}

std::vector<std::string> sentiment_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  const auto clause_break = [&] {
    flush();
    if (!tokens.empty() && !tokens.back().empty()) tokens.emplace_back();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (text.substr(i).starts_with("\u2019")) {  // typographic apostrophe, as phones type it
      word.push_back('\'');
      i += 2;
    } else if (is_word_byte(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (is_clause_break(static_cast<char>(c))) {
      clause_break();
    } else {
      flush();
    }
    if (word == "but" && (i + 1 == text.size() || !is_word_byte(static_cast<unsigned char>(text[i + 1])))) {
      word.clear();
      clause_break();  // "ok but slow": what follows "but" stands on its own
    }
  }
  flush();
  return tokens;
}

double SentimentScorer::raw_total(std::string_view text) const {
  const std::vector<std::string> tokens = sentiment_tokens(text);
  double total = 0.0;
  double multiplier = 1.0;
  std::size_t negation_words_left = 0;
  const auto add = [&](int valence) {
    total += valence * multiplier * (negation_words_left > 0 ? kNegationFactor : 1.0);
    multiplier = 1.0;
    negation_words_left = 0;
  };
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].empty()) {  // clause break: modifiers and negation end here
      multiplier = 1.0;
      negation_words_left = 0;
      ++i;
      continue;
    }
    // Lexicon phrases win over grammar: "not good", "does not work" and
    // "can't stand" carry their own published valence.
    const Match term = match_term(lexicon_, tokens, i);
    if (term.words > 1) {
      add(term.valence);
      i += term.words;
      continue;
    }
    if (is_negator(tokens[i])) {
      negation_words_left = kNegationScopeWords;
      ++i;
      continue;
    }
    if (const auto modifier = modifier_at(tokens, i)) {
      const std::size_t next = i + modifier->second;
      const bool modifies = next < tokens.size() && !tokens[next].empty() &&
                            (match_term(lexicon_, tokens, next).words > 0 || modifier_at(tokens, next));
      if (modifies) {  // "very good", "really very good": factors compound
        multiplier *= modifier->first;
        i = next;
        continue;
      }
    }
    if (term.words == 1) {
      add(term.valence);  // includes a modifier standing alone: "it was super"
    } else if (negation_words_left > 0) {
      --negation_words_left;  // a neutral word inside the negation's reach
    }
    ++i;
  }
  return total;
}

double SentimentScorer::score(std::string_view text) const {
  const double total = raw_total(text);
  const double normalised = total / std::sqrt(total * total + kNormalizationAlpha);
  assert(normalised >= -1.0 && normalised <= 1.0);
  return std::clamp(normalised, -1.0, 1.0);
}

}  // namespace patron::analytics
