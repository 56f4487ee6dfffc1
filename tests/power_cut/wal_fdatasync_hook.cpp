// The function PATRON_TEST_WAL_FDATASYNC names when src/storage/sql/wal_file.cpp
// is compiled into the power-cut tests: sql::WalFile's durability sync of the
// log, which the finisher runs before it answers a batch. SQLite never sees
// it, so the simulated disk is told here. The variant built with
// PATRON_TEST_SKIP_SYNC makes it a no-op, as if the fdatasync were removed
// from Patron: power_cut_sqlite_without_sync must then fail.
#include <unistd.h>

#include "power_cut_vfs.h"

extern "C" int patron_power_cut_wal_fdatasync(int fd) {
#ifdef PATRON_TEST_SKIP_SYNC
  (void)fd;
  return 0;
#else
  return patron::power_cut::SqlitePowerCut::sync_outside_sqlite(fd, [fd] { return ::fdatasync(fd); });
#endif
}
