#pragma once
// The behaviour store's bounds are the domain's (domain/behaviour_limits.h),
// named here too so the adapters read as before.
#include "domain/behaviour_limits.h"

namespace patron::documents {

using patron::kDefaultPageLimit;
using patron::kMaxCategoryBytes;
using patron::kMaxEventPageLimit;
using patron::kMaxEventsPerBatch;
using patron::kMaxFeedbackTags;
using patron::kMaxFeedbackTextChars;
using patron::kMaxIdBytes;
using patron::kMaxPageLimit;
using patron::kMaxPreferencesBytes;
using patron::kMaxRating;
using patron::kMaxSearchQueryBytes;
using patron::kMaxTagChars;
using patron::kMaxTimestampMs;
using patron::kMinRating;
using patron::kMinTimestampMs;

}  // namespace patron::documents
