// Reward images (issue 16): admins upload one per reward as the request's
// raw bytes; anyone may fetch it (an <img> sends no bearer token, and a
// reward's picture is no secret). The URL carrying the image's SHA-256 never
// changes meaning, so it is cached for a year; the plain one for five minutes.
#include "http/api.h"
#include "http/route_handlers.h"
#include "services/reward_images.h"

namespace patron::http {
namespace {
constexpr const char* immutable_cache = "public, max-age=31536000, immutable";
constexpr const char* short_cache = "public, max-age=300";

Json image_json(const std::string& reward_id, const services::RewardImage& image) {
  return {{"image_url", services::reward_image_url(reward_id, image.sha256)},
          {"content_type", image.content_type},
          {"bytes", image.bytes.size()},
          {"sha256", image.sha256}};
}

bool etag_matches(const Exchange& ex, const std::string& sha256) {
  const auto header = ex.header("if-none-match");
  return header && (header->find(sha256) != std::string::npos || *header == "*");
}

// `pinned`: the URL names the image's hash, which must be the current one.
void get_image(Api& api, const ExchangePtr& ex, bool pinned) {
  api.read(ex, [&](services::Session session) {
    auto image = services::RewardImages(session).get(ex->params.at("id"));
    if (!image || (pinned && image->sha256 != ex->params.at("sha256"))) {
      return ex->fail(Error::not_found("this reward has no such image"));
    }
    const std::string etag = "\"" + image->sha256 + "\"";
    const char* cache = pinned ? immutable_cache : short_cache;
    if (etag_matches(*ex, image->sha256)) {
      return ex->reply(Reply{304, "", image->content_type, {{"ETag", etag}, {"Cache-Control", cache}}});
    }
    ex->reply(Reply{200, std::move(image->bytes), image->content_type, {{"ETag", etag}, {"Cache-Control", cache}}});
  });
}

}  // namespace

namespace handlers {

void put_image(Api& api, const ExchangePtr& ex) {
  if (ex->body.size() > services::max_reward_image_bytes) {
    return ex->fail({ErrorCode::payload_too_large, "an image may be at most 512 KiB", "image"});
  }
  api.write(ex, [id = ex->params.at("id"), bytes = ex->body](services::Session session) -> Result<Reply> {
    auto image = services::RewardImages(session).put(id, bytes, Api::now());
    if (!image.ok()) return image.error();
    return json_reply(200, image_json(id, *image));
  });
}

void delete_image(Api& api, const ExchangePtr& ex) {
  api.write(ex, [id = ex->params.at("id")](services::Session session) -> Result<Reply> {
    auto removed = services::RewardImages(session).remove(id);
    if (!removed.ok()) return removed.error();
    return Reply{204, "", "application/json", {}};
  });
}

void get_current_image(Api& api, const ExchangePtr& ex) { get_image(api, ex, false); }
void get_pinned_image(Api& api, const ExchangePtr& ex) { get_image(api, ex, true); }

}  // namespace handlers

}  // namespace patron::http
