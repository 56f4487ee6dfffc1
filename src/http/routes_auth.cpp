#include "domain/validation.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "http/hash_pool.h"
#include "http/route_handlers.h"
#include "services/members.h"
#include "services/password_reset.h"
#include "services/refresh_tokens.h"
#include "services/secrets.h"

#include <spdlog/spdlog.h>

namespace patron::http {
namespace {
// The portal keeps its refresh token in this cookie, out of reach of scripts
// (HttpOnly), sent only over HTTPS (Secure; browsers treat http://localhost as
// secure too), never on cross-site requests (SameSite=Strict) and only to the
// auth endpoints (Path). API clients may ignore it and use the JSON body.
constexpr std::size_t max_refresh_token_length = 200;
constexpr std::string_view refresh_cookie_name = "patron_refresh";
constexpr std::string_view refresh_cookie_attributes = "; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict";

std::string refresh_cookie(const std::string& token) {
  return std::string(refresh_cookie_name) + "=" + token +
         "; Max-Age=" + std::to_string(services::refresh_token_ttl_seconds) + std::string(refresh_cookie_attributes);
}

std::string cleared_refresh_cookie() {
  return std::string(refresh_cookie_name) + "=; Max-Age=0" + std::string(refresh_cookie_attributes);
}

// The refresh cookie's value from the Cookie header ("a=1; patron_refresh=…").
std::optional<std::string> refresh_cookie_of(const Exchange& ex) {
  const auto header = ex.header("cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    auto pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == refresh_cookie_name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

// The refresh token from the JSON body, else from the cookie; an error when neither has one.
Result<std::string> presented_refresh_token(const Exchange& ex) {
  if (!ex.body.empty()) {
    auto body = parse_object(ex.body);
    if (!body.ok()) return body.error();
    BodyReader in(*body);
    auto token = in.optional_text("refresh_token", max_refresh_token_length);
    if (!in.ok()) return in.error();
    if (token) return *token;
  }
  if (auto cookie = refresh_cookie_of(ex)) return *cookie;
  return Error::validation("refresh_token", "is required (in the body or the patron_refresh cookie)");
}

// A token pair as the JSON answer, with the refresh token also set as the portal's cookie.
Reply token_reply(int status, const Json& answer) {
  auto reply = json_reply(status, answer);
  reply.headers.emplace_back("Set-Cookie", refresh_cookie(answer.at("refresh_token").get<std::string>()));
  return reply;
}

// A signed access token beside the refresh token the sign-in or rotation gave.
Json token_pair(const Api& api, const UserRecord& user, const std::string& refresh) {
  return {{"access_token", api.signer().issue(user.id, user.role, Api::now())},
          {"refresh_token", refresh},
          {"token_type", "Bearer"},
          {"expires_in", access_token_ttl_seconds},
          {"role", user.role}};
}

const Error bad_credentials{ErrorCode::unauthorized, "the email or password is incorrect", {}};
const Error bad_refresh{ErrorCode::unauthorized, "the refresh token is invalid, expired or revoked", "refresh_token"};

void fail_rate_limited(const ExchangePtr& ex, const char* message, std::int64_t wait_ms) {
  ex->fail_with_retry({ErrorCode::rate_limited, message, {}}, static_cast<int>(retry_after_seconds(wait_ms)));
}

// Spends a refresh token for a new pair (services::RefreshTokens::rotate); nullopt when refused.
std::optional<Json> rotate(const Api& api, services::Session session, const std::string& token) {
  auto grant = services::RefreshTokens(session).rotate(token, Api::now());
  if (!grant) return std::nullopt;
  return token_pair(api, grant->user, grant->refresh_token);
}

// The same answer for every address, known or not.
Reply reset_accepted(const Api& api) {
  const auto count = (api.settings().password_reset_ttl_seconds + 59) / 60;
  const auto minutes = std::to_string(count) + (count == 1 ? " minute" : " minutes");
  return json_reply(202, {{"message",
                           "If an account uses this e-mail, a link to choose a new password is on its "
                           "way. It works once, for " +
                               minutes + "."}});
}

// Hands the link to the mail outbox (after the token is durable); without an
// SMTP server the link is logged in development only.
void deliver_reset_link(Api& api, const services::ResetLink& link) {
  const auto& settings = api.settings();
  auto mail = services::reset_mail(link, settings.portal_url, settings.password_reset_ttl_seconds);
  if (api.mail() && api.mail()->configured()) {
    if (!api.mail()->enqueue(std::move(mail)))
      spdlog::warn("the mail queue is full: a password reset link was dropped");
  } else if (settings.dev_mode) {
    spdlog::info("password reset link for {} (serve --dev without SMTP_URL, not mailed): {}", link.email,
                 services::reset_url(settings.portal_url, link.token));
  }
}

}  // namespace

namespace handlers {

// The password is hashed on the password pool, before the write is queued:
// the writer thread only inserts rows, so a flood of sign-ups does not hold up purchases.
void register_customer(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto email = in.text("email", max_email_length);
  auto password = in.text("password", max_password_length);
  auto name = in.text("name", max_name_length);
  if (!in.ok()) return ex->fail(in.error());
  for (const auto& check : {validate_email(normalize_email(email)), validate_password(password), validate_name(name)}) {
    if (!check.ok()) return ex->fail(check.error());
  }
  if (auto wait = api.signups.admit(ex->client_address, throttle_clock_ms()); wait > 0) {
    return fail_rate_limited(ex, "too many sign-ups from this address; try again later", wait);
  }
  run_password_work(api.password_work, ex, [&api, ex, email, password, name] {
    const services::PasswordHash hash{services::hash_password(password)};
    api.write(ex, [&api, email, hash, name](services::Session session) -> Result<Reply> {
      auto user =
          services::Loyalty(session, api.settings().program).register_user(email, hash, name, "customer", Api::now());
      if (!user.ok()) return user.error();
      auto answer = token_pair(api, *user, services::RefreshTokens(session).open(user->id, Api::now()));
      answer["customer"] = {
          {"id", user->id}, {"email", user->email}, {"name", user->name}, {"card_number", user->card_number}};
      return token_reply(201, answer);
    });
  });
}

void login(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto email = normalize_email(in.text("email", max_email_length));
  auto password = in.text("password", max_password_length);
  if (!in.ok()) return ex->fail(in.error());
  if (auto wait = api.throttle.admit(email, ex->client_address, throttle_clock_ms()); wait > 0) {
    return fail_rate_limited(ex, "too many failed logins from this address; try again later", wait);
  }
  std::optional<UserRecord> user;
  api.read(ex, [&](services::Session session) { user = services::Members(session).signing_in(email); });
  if (!ex->send) return;  // the read failed and answered already
  run_password_work(api.password_work, ex, [&api, ex, email, password, user = std::move(user)] {
    // Verify against a dummy hash when the user is unknown so both paths cost the same.
    static const std::string dummy_hash = services::hash_password("not-a-real-password");
    const bool valid = services::verify_password(password, user ? user->password_hash : dummy_hash) && user &&
                       user->status == "active";
    if (!valid) return ex->fail(bad_credentials);  // the throttle counted the attempt already
    api.throttle.record_success(email, ex->client_address);
    api.write(ex, [&api, user = *user](services::Session session) -> Result<Reply> {
      return token_reply(200, token_pair(api, user, services::RefreshTokens(session).open(user.id, Api::now())));
    });
  });
}

void refresh(Api& api, const ExchangePtr& ex) {
  auto presented = presented_refresh_token(*ex);
  if (!presented.ok()) return ex->fail(presented.error());
  api.write(ex, [&api, token = *presented](services::Session session) -> Result<Reply> {
    auto pair = rotate(api, session, token);
    // Committed as a success so a family revoked for reuse stays revoked; the client still gets 401.
    if (!pair) return json_reply(401, error_body(bad_refresh));
    return token_reply(200, *pair);
  });
}

// The browser's session probe: always 200, so a signed-out page load logs no
// error. With a live refresh cookie the token rotates as on /auth/refresh and
// the answer holds the new access token (the refresh token only in its
// HttpOnly cookie); otherwise {"session": null}, and a stale cookie is cleared.
void probe_session(Api& api, const ExchangePtr& ex) {
  static const Json signed_out = {{"session", nullptr}};
  auto token = refresh_cookie_of(*ex);
  if (!token || token->empty() || token->size() > max_refresh_token_length) {
    auto reply = json_reply(200, signed_out);
    if (token) reply.headers.emplace_back("Set-Cookie", cleared_refresh_cookie());
    return ex->reply(std::move(reply));
  }
  api.write(ex, [&api, token = *token](services::Session session) -> Result<Reply> {
    auto pair = rotate(api, session, token);
    if (!pair) {
      auto reply = json_reply(200, signed_out);
      reply.headers.emplace_back("Set-Cookie", cleared_refresh_cookie());
      return reply;
    }
    auto reply = json_reply(200, {{"session",
                                   {{"access_token", pair->at("access_token")},
                                    {"token_type", pair->at("token_type")},
                                    {"expires_in", pair->at("expires_in")},
                                    {"role", pair->at("role")}}}});
    reply.headers.emplace_back("Set-Cookie", refresh_cookie(pair->at("refresh_token").get<std::string>()));
    return reply;
  });
}

void logout(Api& api, const ExchangePtr& ex) {
  auto presented = presented_refresh_token(*ex);
  if (!presented.ok()) return ex->fail(presented.error());
  api.write(ex, [token = *presented](services::Session session) -> Result<Reply> {
    services::RefreshTokens(session).revoke_family_of(token);
    return Reply{204, "", "application/json", {{"Set-Cookie", cleared_refresh_cookie()}}};
  });
}

void request_password_reset(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  const auto email = normalize_email(in.text("email", max_email_length));
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = validate_email(email); !valid.ok()) return ex->fail(valid.error());
  const auto now_ms = throttle_clock_ms();
  if (auto wait = api.resets.admit_client(ex->client_address, now_ms); wait > 0) {
    return fail_rate_limited(ex, "too many password reset requests from this address; try again later", wait);
  }
  // Over the per-address allowance the request is answered alike but mails nothing.
  const bool may_mail = api.resets.admit_address(email, now_ms);
  auto link = std::make_shared<std::optional<services::ResetLink>>();
  api.write(
      ex,
      [&api, email, may_mail, link](services::Session session) -> Result<Reply> {
        if (may_mail) {
          *link =
              services::PasswordResets(session, api.settings().password_reset_ttl_seconds).request(email, Api::now());
        }
        return reset_accepted(api);
      },
      [&api, link] {
        if (*link) deliver_reset_link(api, **link);
      },
      Api::Replay::never);
}

// Wrong tokens are throttled like wrong passwords (the token itself is 256 random bits).
void confirm_password_reset(Api& api, const ExchangePtr& ex) {
  static const std::string throttle_account = "password-reset";
  auto in = BodyReader::of_body(ex->body);
  auto token = in.text("token", max_refresh_token_length);
  auto password = in.text("password", max_password_length);
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = validate_password(password); !valid.ok()) return ex->fail(valid.error());
  if (auto wait = api.throttle.admit(throttle_account, ex->client_address, throttle_clock_ms()); wait > 0) {
    return fail_rate_limited(ex, "too many password reset attempts from this address; try again later", wait);
  }
  run_password_work(api.password_work, ex, [&api, ex, token, password] {
    api.write(
        ex,
        [&api, ex, token,
         hash = services::PasswordHash{services::hash_password(password)}](services::Session session) -> Result<Reply> {
          auto user = services::PasswordResets(session, api.settings().password_reset_ttl_seconds)
                          .confirm(token, hash, Api::now());
          if (!user.ok()) return user.error();
          api.throttle.record_success(throttle_account, ex->client_address);
          return Reply{204, "", "application/json", {}};
        },
        Api::Replay::never);
  });
}

}  // namespace handlers

}  // namespace patron::http
