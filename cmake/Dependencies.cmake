# Every third-party dependency comes from Debian's -dev packages (see
# scripts/install-deps.sh); each is exposed here as one imported target so the
# modules below link by name and never repeat discovery logic.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(restinio REQUIRED)
find_package(CURL REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(LIBJWT REQUIRED IMPORTED_TARGET libjwt)
pkg_check_modules(ROCKSDB REQUIRED IMPORTED_TARGET rocksdb)
pkg_check_modules(MONGOC REQUIRED IMPORTED_TARGET libmongoc-1.0)
# L-BFGS-B for the model fits: LBFGS++ (liblbfgspp-dev) is header-only over
# Eigen, so the lean `patron` binary can link statically.
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_file(LBFGSPP_HEADER LBFGSB.h REQUIRED)
pkg_check_modules(GSL REQUIRED IMPORTED_TARGET gsl)
# The server's allocator: with glibc malloc about a tenth of the group-commit
# writer's time went to malloc/free; TCMalloc's per-thread caches took durable
# purchases from 14,9k to 16,5k/s on average (bench/load, six runs each, see
# docs/benchmarks.md). Off for sanitizer builds, which bring their own allocator.
option(PATRON_TCMALLOC "Link the patron binary with TCMalloc (gperftools, minimal)" ON)
if(PATRON_TCMALLOC)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
endif()

# SOCI ships neither a CMake config nor a pkg-config file on Debian 12.
add_library(patron_soci INTERFACE)
target_link_libraries(patron_soci INTERFACE soci_core soci_sqlite3 soci_mysql soci_postgresql sqlite3 ${CMAKE_DL_LIBS})
target_include_directories(patron_soci SYSTEM INTERFACE /usr/include/mariadb /usr/include/postgresql)
