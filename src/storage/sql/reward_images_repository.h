#pragma once
// The SOCI adapter of the RewardImagesStore port (storage/sql/reward_images_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "storage/sql/reward_images_store.h"

namespace patron::sql {

class RewardImagesRepository final : public RewardImagesStore {
 public:
  explicit RewardImagesRepository(soci::session& session) : session_(session) {}

  void put(const RewardImageRecord& image) override;  // replaces the reward's image
  std::optional<RewardImageRecord> find(const std::string& reward_id) override;
  bool remove(const std::string& reward_id) override;
  // reward id -> sha256 of every stored image, at most `limit`.
  std::map<std::string, std::string> hashes(int limit) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
