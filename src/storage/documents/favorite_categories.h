#pragma once
// A customer's stated favourite categories, read from their preferences
// document ("favorite_categories"); none when the store cannot answer.
#include <string>
#include <vector>

#include "storage/documents/document_store.h"

namespace patron::documents {

inline constexpr std::size_t max_favorite_categories_read = 20;

std::vector<std::string> favorite_categories(DocumentStore& store, const std::string& customer_id);

}  // namespace patron::documents
