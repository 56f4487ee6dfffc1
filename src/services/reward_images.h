#pragma once
// Reward images (issue 16): staff upload one PNG, JPEG or WebP per reward (up
// to 512 KiB, the type told by its magic bytes, not by what the client says);
// it is served at a URL carrying its SHA-256, so browsers may keep it forever.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::size_t max_reward_image_bytes = 512 * 1024;
inline constexpr int max_reward_images_listed = 1'000;  // the catalog's own bound on rewards

struct RewardImage {
  std::string content_type;
  std::string sha256;  // hex
  std::string bytes;
};

// "image/png", "image/jpeg" or "image/webp" from the first bytes; nullopt for anything else.
std::optional<std::string> image_type_of(std::string_view bytes);
// The image's URL: /api/v1/rewards/{id}/image/{sha256}.
std::string reward_image_url(const std::string& reward_id, const std::string& sha256);

class RewardImages {
 public:
  explicit RewardImages(Session session) : session_(session) {}

  // Stores (replaces) the reward's image; not_found for an unknown reward.
  Result<RewardImage> put(const std::string& reward_id, const std::string& bytes, std::int64_t now);
  std::optional<RewardImage> get(const std::string& reward_id);
  Status remove(const std::string& reward_id);
  // reward id -> image URL, for lists of rewards.
  std::map<std::string, std::string> urls();

 private:
  Session session_;
};

}  // namespace patron::services
