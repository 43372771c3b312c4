#include "store/pg_library.h"

#include <dlfcn.h>
#include <string>

#include "core/error.h"

namespace traguardi::sql {
namespace {

PqApi load() {
  void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    throw StoreError(std::string("libreria PostgreSQL (libpq.so.5) non disponibile: ") + dlerror() +
                     "; installare il pacchetto libpq5");
  PqApi api;
#define TRAGUARDI_PQ_RESOLVE(name)                                                                 \
  api.name = reinterpret_cast<decltype(api.name)>(dlsym(lib, #name));                              \
  if (!api.name) throw StoreError("libreria PostgreSQL (libpq.so.5) incompleta: manca " #name);
  TRAGUARDI_PQ_FUNCTIONS(TRAGUARDI_PQ_RESOLVE)
#undef TRAGUARDI_PQ_RESOLVE
  return api; // the library stays loaded for the life of the process
}

} // namespace

const PqApi& pq() {
  static const PqApi api = load(); // a failed load is retried at the next call
  return api;
}

} // namespace traguardi::sql
