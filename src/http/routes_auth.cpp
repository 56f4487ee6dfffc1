#include "domain/validation.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "services/secrets.h"
#include "storage/sql/access_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::http {
namespace {

Json token_pair(const Api& api, soci::session& session, const sql::UserRecord& user, const std::string& family_id) {
  const auto now = Api::now();
  const auto refresh = services::random_token();
  sql::RefreshTokenRecord record{services::new_id("rt"), user.id, family_id, now + refresh_token_ttl_seconds, false,
                                 false};
  sql::AccessRepository(session).insert_refresh_token(record, services::hash_hex(refresh), now);
  return {{"access_token", api.signer().issue(user.id, user.role, now)},
          {"refresh_token", refresh},
          {"token_type", "Bearer"},
          {"expires_in", access_token_ttl_seconds},
          {"role", user.role}};
}

const Error bad_credentials{ErrorCode::unauthorized, "the email or password is incorrect", {}};
const Error bad_refresh{ErrorCode::unauthorized, "the refresh token is invalid, expired or revoked", "refresh_token"};

void register_customer(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  auto email = in.text("email", max_email_length);
  auto password = in.text("password", max_password_length);
  auto name = in.text("name", max_name_length);
  if (!in.ok()) return ex->fail(in.error());
  api.write(ex, [&api, email, password, name](soci::session& session) -> Result<Reply> {
    auto user = services::Loyalty(session, api.settings().program).register_user(email, password, name, "customer",
                                                                                   Api::now());
    if (!user.ok()) return user.error();
    auto answer = token_pair(api, session, *user, services::new_id("fam"));
    answer["customer"] = {{"id", user->id}, {"email", user->email}, {"name", user->name},
                          {"card_number", user->card_number}};
    return json_reply(201, answer);
  });
}

void login(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  auto email = normalize_email(in.text("email", max_email_length));
  auto password = in.text("password", max_password_length);
  if (!in.ok()) return ex->fail(in.error());
  if (auto wait = api.throttle.admit(email, ex->client_address, Api::now()); wait > 0) {
    return ex->fail_with_retry({ErrorCode::rate_limited, "too many login attempts; try again later", {}},
                               static_cast<int>(wait));
  }
  std::optional<sql::UserRecord> user;
  api.read(ex, [&](soci::session& session) { user = sql::UsersRepository(session).find_by_email(email); });
  if (!ex->send) return;  // the read failed and answered already
  // Verify against a dummy hash when the user is unknown so both paths cost the same.
  static const std::string dummy_hash = services::hash_password("not-a-real-password");
  const bool valid = services::verify_password(password, user ? user->password_hash : dummy_hash) && user &&
                     user->status == "active";
  if (!valid) {
    api.throttle.record_failure(email, Api::now());
    return ex->fail(bad_credentials);
  }
  api.throttle.record_success(email);
  api.write(ex, [&api, user = *user](soci::session& session) -> Result<Reply> {
    return json_reply(200, token_pair(api, session, user, services::new_id("fam")));
  });
}

void refresh(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  auto token = in.text("refresh_token", 200);
  if (!in.ok()) return ex->fail(in.error());
  api.write(ex, [&api, token](soci::session& session) -> Result<Reply> {
    sql::AccessRepository access(session);
    auto record = access.find_refresh_token(services::hash_hex(token));
    if (!record || record->revoked || record->expires_at <= Api::now()) return bad_refresh;
    if (record->spent) {
      // Reuse of a spent token means it leaked: end the whole session family.
      // Committed as a success so the revocation sticks; the client still gets 401.
      access.revoke_family(record->family_id);
      return json_reply(401, error_body(bad_refresh));
    }
    auto user = sql::UsersRepository(session).find_by_id(record->user_id);
    if (!user || user->status != "active") return bad_refresh;
    access.mark_spent(record->id);
    return json_reply(200, token_pair(api, session, *user, record->family_id));
  });
}

void logout(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  auto token = in.text("refresh_token", 200);
  if (!in.ok()) return ex->fail(in.error());
  api.write(ex, [token](soci::session& session) -> Result<Reply> {
    sql::AccessRepository access(session);
    if (auto record = access.find_refresh_token(services::hash_hex(token))) access.revoke_family(record->family_id);
    return Reply{204, "", "application/json", {}};
  });
}

}  // namespace

void register_auth_routes(Api& api) {
  api.router.add("POST", "/api/v1/auth/register", Access::anyone,
                 [&api](const ExchangePtr& ex) { register_customer(api, ex); });
  api.router.add("POST", "/api/v1/auth/login", Access::anyone, [&api](const ExchangePtr& ex) { login(api, ex); });
  api.router.add("POST", "/api/v1/auth/refresh", Access::anyone, [&api](const ExchangePtr& ex) { refresh(api, ex); });
  api.router.add("POST", "/api/v1/auth/logout", Access::anyone, [&api](const ExchangePtr& ex) { logout(api, ex); });
}

}  // namespace patron::http
