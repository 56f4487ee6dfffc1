# Turns migrations/<dialect>/NNN_name.sql into a C++ table, so the binary
# carries its schema and `patron migrate` needs no files beside it.
file(GLOB_RECURSE sql_files RELATIVE ${MIGRATIONS_DIR} ${MIGRATIONS_DIR}/*.sql)
list(SORT sql_files)
set(body "// Generated from ${MIGRATIONS_DIR}; do not edit.\n#include \"storage/sql/migrations.h\"\nnamespace patron::sql {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(rel ${sql_files})
  get_filename_component(dialect ${rel} DIRECTORY)
  get_filename_component(name ${rel} NAME_WE)
  string(REGEX MATCH "^[0-9]+" version ${name})
  math(EXPR version "${version} + 0")  # 008 is not an octal literal in C++
  file(READ ${MIGRATIONS_DIR}/${rel} text)
  string(APPEND body "    {\"${dialect}\", ${version}, \"${name}\", R\"patron_sql(${text})patron_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace patron::sql\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
