// The batch loops of the model addon: evalBatch, stepBatch and checkBatch over columns of
// vectors, run on the caller's thread or on libuv's thread pool (addon.cc decides).
#ifndef VTI_BATCH_H
#define VTI_BATCH_H

#include <node_api.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "instance.h"
#include "port_io.h"

namespace vti {

// One batch: the work shared by the synchronous and the thread-pool paths.
struct Job {
  Inst* I = nullptr;
  bool step = false;  // false: evalBatch, true: stepBatch
  size_t count = 0;
  std::vector<const uint32_t*> in;
  std::vector<uint32_t*> out, pre;
  std::vector<uint32_t*> expect;  // checkBatch: reference outputs, compared word for word
  bool differs = false;
  std::string error;
  napi_deferred deferred = nullptr;
  napi_async_work work = nullptr;
  std::vector<napi_ref> refs;  // keep the typed arrays alive while the job runs
};

// checkBatch: vectors [from, to) of every output column against the reference's, word for
// word (memcmp, on this thread); the caller decodes the vectors only when some differ.
inline void checkRange(Job* j, size_t from, size_t to) {
  for (size_t i = 0; i < j->expect.size(); i++)
    if (std::memcmp(j->out[i] + from * OUT_WORDS[i], j->expect[i] + from * OUT_WORDS[i],
                    (to - from) * OUT_WORDS[i] * sizeof(uint32_t)) != 0)
      j->differs = true;
}

// The usual co-simulation batch (checkBatch with every input given): straight-line per port,
// inputs set without the presence test, differences OR-ed into one word (no second pass over
// the columns). Returns false when the general loop must run the batch (again): a
// combinational batch is only compared here, and its outputs are needed when some word
// differs (same inputs, same outputs).
bool runCheckFast(Job* j) {
  Inst* I = j->I;
  Model* top = I->top;
  // The column pointers in locals, which eval() cannot change (the Job's vectors it could).
  std::array<const uint32_t*, N_IN> in{};
  std::array<uint32_t*, N_OUT> out{};
  std::array<const uint32_t*, N_OUT> expect{};
  std::copy(j->in.begin(), j->in.end(), in.begin());
  std::copy(j->out.begin(), j->out.end(), out.begin());
  std::copy(j->expect.begin(), j->expect.end(), expect.begin());
  // The root holds the ports themselves (the model's members are references to them).
  auto* const R = top->rootp;
  (void)R;
  uint32_t diff = 0;
#define VTI_SET_FAST(I, NAME, W) \
  if constexpr (I != CLOCK_INDEX) vti::setPort<W>(R->NAME, in[I], v);
  if (!j->step) {
#define VTI_COMPARE(I, NAME, W) diff |= vti::checkPort<W, false>(R->NAME, nullptr, expect[I], v);
    for (size_t v = 0; v < j->count; v++) {
      VTI_INPUTS(VTI_SET_FAST)
      top->eval();
      VTI_OUTPUTS(VTI_COMPARE)
    }
#undef VTI_COMPARE
    if (!diff) {
      I->t += j->count;
      return true;
    }
    j->differs = true;
    return false;
  }
  uint32_t* const* pre = j->pre.empty() ? nullptr : j->pre.data();
#define VTI_CHECK(I, NAME, W) diff |= vti::checkPort<W, true>(R->NAME, out[I], expect[I], v);
  for (size_t v = 0; v < j->count; v++) {
    setClock(top, 0);
    VTI_INPUTS(VTI_SET_FAST)
    top->eval();
    if (pre) getOut(top, pre, v);
    setClock(top, 1);
    top->eval();
    VTI_OUTPUTS(VTI_CHECK)
  }
#undef VTI_CHECK
#undef VTI_SET_FAST
  I->t += 10 * j->count;
  if (diff) j->differs = true;
  return true;
}

void runJob(Job* j) {
  Inst* I = j->I;
  Model* top = I->top;
  const uint32_t* const* in = j->in.data();
  uint32_t* const* out = j->out.data();
  const bool check = !j->expect.empty();
  // Chunks, so that a check reads the outputs while they are still in the cache.
  constexpr size_t CHUNK = 2048;
  bool allIn = true;
  for (int i = 0; i < N_IN; i++) allIn = allIn && (i == CLOCK_INDEX || in[i] != nullptr);
  try {
    if (check && allIn && !VTI_TRACE && runCheckFast(j)) return;
    for (size_t from = 0; from < j->count; from += CHUNK) {
      const size_t to = std::min(j->count, from + CHUNK);
      if (!j->step) {
        for (size_t v = from; v < to; v++) {
          setIn(top, in, v);
          top->eval();
          dump(I, 1);
          getOut(top, out, v);
        }
      } else {
        // Cycle v: clock low + inputs[v], settle; rising edge, settle; sample.
        uint32_t* const* pre = j->pre.empty() ? nullptr : j->pre.data();
        for (size_t v = from; v < to; v++) {
          setClock(top, 0);
          setIn(top, in, v);
          top->eval();
          dump(I, 5);
          if (pre) getOut(top, pre, v);
          setClock(top, 1);
          top->eval();
          dump(I, 5);
          getOut(top, out, v);
        }
      }
      if (check) checkRange(j, from, to);
    }
  } catch (const std::exception& e) {
    j->error = e.what();
  }
}

}  // namespace vti

#endif  // VTI_BATCH_H
