#include "storage/documents/favorite_categories.h"

#include <nlohmann/json.hpp>

namespace patron::documents {

std::vector<std::string> favorite_categories(DocumentStore& store, const std::string& customer_id) {
  std::vector<std::string> out;
  auto document = store.get_preferences(customer_id);
  if (!document.ok() || !*document) return out;
  const auto json = nlohmann::json::parse(**document, nullptr, false);
  if (!json.is_object() || !json.contains("favorite_categories") || !json["favorite_categories"].is_array()) return out;
  for (const auto& item : json["favorite_categories"]) {
    if (item.is_string() && out.size() < max_favorite_categories_read) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace patron::documents
