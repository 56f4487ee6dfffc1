#pragma once

namespace patron::power_cut {

// What of the unsynced writes survive a simulated power cut, per file.
enum class Survivors {
  none,          // every unsynced write is lost; files whose creation was never synced vanish
  random_prefix  // the first unsynced writes of each file reached the disk, how many is random
};

}  // namespace patron::power_cut
