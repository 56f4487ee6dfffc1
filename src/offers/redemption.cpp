#include "offers/redemption.h"

#include <algorithm>

#include "offers/targeting.h"

namespace patron::offers {
namespace {

std::string multiplier_text(std::int64_t permille) {
  if (permille == 2000) return "Double";
  if (permille == 3000) return "Triple";
  const auto whole = std::to_string(permille / 1000);
  const auto tenths = permille % 1000 / 100;
  return (tenths ? whole + "." + std::to_string(tenths) : whole) + "×";
}

// The symbol the member portal shows for a currency (its en-US Intl.NumberFormat
// output: "$15.00", "€15.00", "¥1,500"); a currency without one reads "CHF 15.00".
std::string currency_prefix(const std::string& currency) {
  static const std::pair<const char*, const char*> symbols[] = {
      {"USD", "$"},   {"EUR", "€"},   {"GBP", "£"},   {"JPY", "¥"},   {"CAD", "CA$"}, {"AUD", "A$"},
      {"NZD", "NZ$"}, {"MXN", "MX$"}, {"BRL", "R$"},  {"HKD", "HK$"}, {"INR", "₹"},   {"KRW", "₩"},
      {"CNY", "CN¥"}, {"ILS", "₪"},   {"TWD", "NT$"}, {"VND", "₫"},   {"PHP", "₱"}};
  for (const auto& [code, symbol] : symbols) {
    if (currency == code) return symbol;
  }
  return currency + "\u00a0";
}

// A positive amount (an offer's minimum spend) as the portal writes money:
// "$15.00", "$1,500.00", "¥1,500".
std::string amount_text(MinorUnits minor, const std::string& currency) {
  const auto places = minor_unit_exponent(currency).value_or(2);
  const auto scale = minor_units_per_major(currency);
  const auto digits = std::to_string(minor / scale);
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += ',';
    whole += digits[i];
  }
  std::string text = currency_prefix(currency) + whole;
  if (places > 0) {
    auto fraction = std::to_string(minor % scale);
    fraction.insert(0, static_cast<std::size_t>(places) - fraction.size(), '0');
    text += "." + fraction;
  }
  return text;
}

}  // namespace

bool line_qualifies(const OfferTemplate& offer, const std::string& offer_category, const PricedLine& line) {
  if (!offer.sku.empty()) return line.sku == offer.sku;
  return offer_category.empty() || line.category == offer_category;
}

std::vector<PricedLine> qualifying_lines(const OfferTemplate& offer, const std::string& offer_category,
                                         const std::vector<PricedLine>& lines) {
  std::vector<PricedLine> out;
  for (const auto& line : lines) {
    if (line_qualifies(offer, offer_category, line)) out.push_back(line);
  }
  return out;
}

Points offer_bonus(const OfferTemplate& offer, MinorUnits qualifying_spend_minor, Points base_points, Points cap) {
  if (qualifying_spend_minor <= 0 || qualifying_spend_minor < offer.min_spend_minor) return 0;
  Points bonus = 0;
  switch (offer.kind) {
    case OfferKind::bonus_multiplier: bonus = base_points * (offer.multiplier_permille - 1000) / 1000; break;
    case OfferKind::bonus_points: bonus = offer.points; break;
    case OfferKind::percent_off:
    case OfferKind::free_reward: return 0;  // not points: not applied as a bonus
  }
  return std::clamp<Points>(bonus, 0, std::max<Points>(cap, 0));
}

MinorUnits discounted_unit_price(MinorUnits unit_price_minor, std::int64_t percent) {
  const auto clamped = std::clamp<std::int64_t>(percent, 0, 100);
  __extension__ using Wide = __int128;
  return unit_price_minor - static_cast<MinorUnits>(Wide(unit_price_minor) * clamped / 100);
}

std::string offer_title(const OfferTemplate& offer, const std::string& category) {
  const auto on = category.empty() ? std::string(" on your next purchase") : " on " + display_category(category);
  switch (offer.kind) {
    case OfferKind::bonus_multiplier: return multiplier_text(offer.multiplier_permille) + " points" + on;
    case OfferKind::bonus_points: return std::to_string(offer.points) + " bonus points" + on;
    case OfferKind::percent_off:
      return std::to_string(offer.percent) + "% off" +
             (category.empty() ? std::string(" your next purchase") : " " + display_category(category));
    case OfferKind::free_reward:
      return offer.reward_name.empty() ? std::string("A free reward for you") : "Free " + offer.reward_name;
  }
  return "An offer for you";
}

std::string offer_description(const OfferTemplate& offer, const std::string& category, const std::string& currency) {
  std::string text = offer.auto_apply ? "Applies by itself" : "Activate it, then shop";
  text += category.empty() ? " before it ends" : " for " + display_category(category) + " before it ends";
  if (offer.min_spend_minor > 0) text += ", spending " + amount_text(offer.min_spend_minor, currency) + " or more";
  return text + ".";
}

}  // namespace patron::offers
