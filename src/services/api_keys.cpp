#include "services/api_keys.h"

#include "services/secrets.h"

namespace patron::services {

Result<IssuedApiKey> ApiKeys::issue(const std::string& store_id, const std::string& name, std::int64_t now) {
  if (name.size() > max_api_key_name_length) return Error::validation("name", "is longer than 120 characters");
  if (!session_.stores().catalog().store_exists(store_id)) return Error::validation("store_id", "unknown store");
  IssuedApiKey issued;
  issued.secret = "pk_" + random_token();
  issued.key = {new_id("key"), store_id, issued.secret.substr(0, 10), name, false, now};
  session_.stores().access().insert_api_key(issued.key, hash_hex(issued.secret), now);
  return issued;
}

Result<IssuedApiKey> ApiKeys::issue_for_store_code(const std::string& store_code, const std::string& name,
                                                   std::int64_t now) {
  const auto store = session_.stores().catalog().store_id_by_code(store_code);
  if (!store) return Error::not_found("no store with code " + store_code);
  return issue(*store, name, now);
}

Page<ApiKeyRecord> ApiKeys::list(int limit, const std::string& after_id) {
  return session_.stores().access().list_api_keys(limit, after_id);
}

std::optional<ApiKeyRecord> ApiKeys::find_by_hash(const std::string& key_hash) {
  return session_.stores().access().find_api_key(key_hash);
}

Status ApiKeys::revoke(const std::string& id) {
  if (!session_.stores().access().revoke_api_key(id)) return Error::not_found("API key not found");
  return Unit{};
}

}  // namespace patron::services
