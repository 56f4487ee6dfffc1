#include "services/reward_images.h"

#include <sodium.h>


namespace patron::services {
namespace {

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

}  // namespace

std::optional<std::string> image_type_of(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n"sv)) return "image/png";
  if (starts_with(bytes, "\xff\xd8\xff"sv)) return "image/jpeg";
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) return "image/webp";
  return std::nullopt;
}

std::string reward_image_url(const std::string& reward_id, const std::string& sha256) {
  return "/api/v1/rewards/" + reward_id + "/image/" + sha256;
}

Result<RewardImage> RewardImages::put(const std::string& reward_id, const std::string& bytes, std::int64_t now) {
  if (bytes.empty()) return Error::validation("image", "is empty: send the image's bytes as the body");
  if (bytes.size() > max_reward_image_bytes) {
    return Error{ErrorCode::payload_too_large, "an image may be at most 512 KiB", "image"};
  }
  auto type = image_type_of(bytes);
  if (!type) return Error::validation("image", "must be a PNG, JPEG or WebP image");
  if (!session_.stores().catalog().get(*find_catalog_resource("rewards"), reward_id)) {
    return Error::not_found("reward not found");
  }
  RewardImage image{*type, sha256_hex(bytes), bytes};
  session_.stores().catalog().put_reward_image(
      {reward_id, image.content_type, image.sha256, static_cast<std::int64_t>(bytes.size()), to_base64(bytes), now});
  return image;
}

std::optional<RewardImage> RewardImages::get(const std::string& reward_id) {
  auto record = session_.stores().catalog().reward_image(reward_id);
  if (!record) return std::nullopt;
  auto bytes = from_base64(record->data_base64);
  if (!bytes) return std::nullopt;
  return RewardImage{record->content_type, record->sha256, std::move(*bytes)};
}

Status RewardImages::remove(const std::string& reward_id) {
  if (!session_.stores().catalog().remove_reward_image(reward_id)) return Error::not_found("this reward has no image");
  return ok_status();
}

std::map<std::string, std::string> RewardImages::urls() {
  std::map<std::string, std::string> out;
  for (const auto& [id, sha] : session_.stores().catalog().reward_image_hashes(max_reward_images_listed)) {
    out.emplace(id, reward_image_url(id, sha));
  }
  return out;
}

}  // namespace patron::services
