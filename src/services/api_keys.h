#pragma once
// Store API keys, for both doors that issue them: the console
// (POST /api/v1/admin/api-keys) and `patron apikey create`. The secret is
// returned once, at issue; only its hash is stored.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/result.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::size_t max_api_key_name_length = 120;

struct IssuedApiKey {
  ApiKeyRecord key;
  std::string secret;  // "pk_..." shown to the caller once
};

class ApiKeys {
 public:
  explicit ApiKeys(Session session) : session_(session) {}

  // A key for the store with this id; a validation error on "store_id" when there is none.
  Result<IssuedApiKey> issue(const std::string& store_id, const std::string& name, std::int64_t now);
  // The same for the store with this code (the command line's way of naming it).
  Result<IssuedApiKey> issue_for_store_code(const std::string& store_code, const std::string& name, std::int64_t now);
  Page<ApiKeyRecord> list(int limit, const std::string& after_id);
  Status revoke(const std::string& id);
  // The key a till presents, by its hash (revoked ones too: the caller refuses them).
  std::optional<ApiKeyRecord> find_by_hash(const std::string& key_hash);

 private:
  Session session_;
};

}  // namespace patron::services
