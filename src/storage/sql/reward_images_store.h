#pragma once
// One image per reward (issue 16): its bytes as base64 text, type and SHA-256.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace patron::sql {

struct RewardImageRecord {
  std::string reward_id;
  std::string content_type;
  std::string sha256;  // hex of the decoded bytes
  std::int64_t byte_count = 0;
  std::string data_base64;
  std::int64_t updated_at = 0;
};

class RewardImagesStore {
 public:
  virtual ~RewardImagesStore() = default;

  virtual void put(const RewardImageRecord& image) = 0;  // replaces the reward's image
  virtual std::optional<RewardImageRecord> find(const std::string& reward_id) = 0;
  virtual bool remove(const std::string& reward_id) = 0;
  // reward id -> sha256 of every stored image, at most `limit`.
  virtual std::map<std::string, std::string> hashes(int limit) = 0;
};

}  // namespace patron::sql
