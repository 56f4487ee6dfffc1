#include "storage/sql/changed_accounts.h"

#include <algorithm>
#include <utility>

namespace patron::sql {
namespace {

thread_local ChangedAccountsScope* current_scope = nullptr;

}  // namespace

void note_account_changed(const std::string& customer_id) {
  if (!current_scope || customer_id.empty()) return;
  auto& changed = current_scope->changed_;
  if (std::find(changed.begin(), changed.end(), customer_id) == changed.end()) changed.push_back(customer_id);
}

ChangedAccountsScope::ChangedAccountsScope() : outer_(current_scope) { current_scope = this; }

ChangedAccountsScope::~ChangedAccountsScope() {
  current_scope = outer_;
  if (outer_) {
    for (auto& id : changed_) note_account_changed(id);  // nested work still changes the outer job's accounts
  }
}

std::vector<std::string> ChangedAccountsScope::take() { return std::exchange(changed_, {}); }

}  // namespace patron::sql
