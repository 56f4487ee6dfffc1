#pragma once
// Paths of the data the analytics tests read: the shared public data sets and
// the expected values kept as files beside the tests.
#include "../support/test_files.h"

namespace patron::analytics::testing {

using patron::testing::open_or_fail;
using patron::testing::shared_data;
using patron::testing::test_data;

}  // namespace patron::analytics::testing
