// CatalogRepository, part two: the rewards' images (part one, the resources
// themselves, is catalog_repository.cpp).
#include "storage/sql/catalog_repository.h"

namespace patron::sql {

void CatalogRepository::put_reward_image(const RewardImageRecord& image) {
  const long long bytes = image.byte_count, at = image.updated_at;
  session_ << "DELETE FROM reward_images WHERE reward_id = :r", soci::use(image.reward_id);
  session_ << "INSERT INTO reward_images (reward_id, content_type, sha256, byte_count, data_base64, updated_at) "
              "VALUES (:r, :t, :s, :b, :d, :u)",
      soci::use(image.reward_id), soci::use(image.content_type), soci::use(image.sha256), soci::use(bytes),
      soci::use(image.data_base64), soci::use(at);
}

std::optional<RewardImageRecord> CatalogRepository::reward_image(const std::string& reward_id) {
  RewardImageRecord image;
  long long bytes = 0, at = 0;
  session_ << "SELECT reward_id, content_type, sha256, byte_count, data_base64, updated_at FROM reward_images "
              "WHERE reward_id = :r",
      soci::use(reward_id), soci::into(image.reward_id), soci::into(image.content_type), soci::into(image.sha256),
      soci::into(bytes), soci::into(image.data_base64), soci::into(at);
  if (!session_.got_data()) return std::nullopt;
  image.byte_count = bytes;
  image.updated_at = at;
  return image;
}

bool CatalogRepository::remove_reward_image(const std::string& reward_id) {
  soci::statement st = (session_.prepare << "DELETE FROM reward_images WHERE reward_id = :r", soci::use(reward_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::map<std::string, std::string> CatalogRepository::reward_image_hashes(int limit) {
  std::map<std::string, std::string> out;
  std::string reward_id, sha;
  soci::statement st = (session_.prepare << "SELECT reward_id, sha256 FROM reward_images ORDER BY reward_id",
                        soci::into(reward_id), soci::into(sha));
  st.execute();
  while (static_cast<int>(out.size()) < limit && st.fetch()) out.emplace(reward_id, sha);
  return out;
}

}  // namespace patron::sql
