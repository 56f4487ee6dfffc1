#pragma once
// One image per reward (issue 16): its bytes as base64 text, type and SHA-256.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace patron::sql {

struct RewardImageRecord {
  std::string reward_id;
  std::string content_type;
  std::string sha256;  // hex of the decoded bytes
  std::int64_t byte_count = 0;
  std::string data_base64;
  std::int64_t updated_at = 0;
};

class RewardImagesRepository {
 public:
  explicit RewardImagesRepository(soci::session& session) : session_(session) {}

  void put(const RewardImageRecord& image);  // replaces the reward's image
  std::optional<RewardImageRecord> find(const std::string& reward_id);
  bool remove(const std::string& reward_id);
  // reward id -> sha256 of every stored image, at most `limit`.
  std::map<std::string, std::string> hashes(int limit);

 private:
  soci::session& session_;
};

}  // namespace patron::sql
