#pragma once
// The records the SQL repositories hand out are the domain's
// (domain/records.h); they keep their names in this namespace too, so the
// repositories and their callers read as before.
#include "domain/records.h"

namespace patron::sql {

using patron::AccountRecord;
using patron::CustomerAccount;
using patron::LedgerEntryRecord;
using patron::ProductRecord;
using patron::RedemptionRecord;
using patron::StoredResponse;
using patron::TransactionLineRecord;
using patron::TransactionRecord;
using patron::UserRecord;
template <typename T>
using Page = patron::Page<T>;

}  // namespace patron::sql
