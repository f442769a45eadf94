// N-API helpers of the model addon that do not depend on the model: errors, undefined, and
// reading the typed-array arguments of the batch API. Kept apart from addon.cc so that file
// holds only the model's interface.
#ifndef VTI_NAPI_ARGS_H
#define VTI_NAPI_ARGS_H

#include <node_api.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

/** Calls an N-API function; on failure throws a JavaScript error and returns from the callback. */
#define CHECK(call)                                                \
  do {                                                             \
    if ((call) != napi_ok) {                                       \
      napi_throw_error(env, nullptr, "N-API call failed: " #call); \
      return nullptr;                                              \
    }                                                              \
  } while (0)

namespace vti {

/** Throws a JavaScript Error with `msg`; the callback returns the result. */
inline napi_value fail(napi_env env, const std::string& msg) {
  napi_throw_error(env, nullptr, msg.c_str());
  return nullptr;
}

inline napi_value undef(napi_env env) {
  napi_value u;
  napi_get_undefined(env, &u);
  return u;
}

/** A Uint32Array argument of at least minWords words; null/undefined gives nullptr. */
inline bool getWords(napi_env env, napi_value v, size_t minWords, uint32_t** data, bool* present) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  *present = false;
  *data = nullptr;
  if (t == napi_null || t == napi_undefined) return true;
  bool isTa = false;
  napi_is_typedarray(env, v, &isTa);
  if (!isTa) return false;
  napi_typedarray_type tt;
  size_t len;
  void* d;
  if (napi_get_typedarray_info(env, v, &tt, &len, &d, nullptr, nullptr) != napi_ok) return false;
  if (tt != napi_uint32_array || len < minWords) return false;
  *data = static_cast<uint32_t*>(d);
  *present = true;
  return true;
}

/**
 * Reads a JS array of n typed arrays (each >= count * words[i] words) into ptrs. With refs,
 * each array present gets a reference there (kept alive while a thread-pool job uses it).
 */
inline bool getColumns(napi_env env, napi_value arr, int n, const uint32_t* words, size_t count, bool required,
                       std::vector<uint32_t*>& ptrs, std::vector<napi_ref>* refs, std::string& err, const char* what) {
  ptrs.assign(n, nullptr);
  for (int i = 0; i < n; i++) {
    napi_value el;
    if (napi_get_element(env, arr, i, &el) != napi_ok) {
      err = std::string(what) + ": not an array";
      return false;
    }
    uint32_t* d;
    bool present;
    if (!getWords(env, el, count * words[i], &d, &present) || (required && !present)) {
      err = std::string(what) + " column " + std::to_string(i) + ": expected a Uint32Array of at least " +
            std::to_string(count * words[i]) + " words";
      return false;
    }
    ptrs[i] = d;
    if (present && refs) {
      napi_ref r;
      napi_create_reference(env, el, 1, &r);
      refs->push_back(r);
    }
  }
  return true;
}

}  // namespace vti

#endif  // VTI_NAPI_ARGS_H
