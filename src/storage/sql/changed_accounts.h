#pragma once
// Which customers' accounts a unit of write work changed, noted by the
// repositories as they write (balance, lots, tier, spend, profile) so that
// caches of account views can be invalidated once that work has committed.
// The collector is per thread: the writer opens one around each job.
#include <string>
#include <vector>

namespace patron::sql {

// Records `customer_id` in the current thread's open scope; a no-op without one.
void note_account_changed(const std::string& customer_id);

class ChangedAccountsScope {
 public:
  ChangedAccountsScope();
  ~ChangedAccountsScope();
  ChangedAccountsScope(const ChangedAccountsScope&) = delete;
  ChangedAccountsScope& operator=(const ChangedAccountsScope&) = delete;

  // The customers noted since the scope opened, each once.
  std::vector<std::string> take();

 private:
  ChangedAccountsScope* outer_;
  std::vector<std::string> changed_;
  friend void note_account_changed(const std::string& customer_id);
};

}  // namespace patron::sql
