// The N-API addon that wraps one verilated model: the functions model.ts calls (create,
// destroy, batch, setInput, read, traceOpen, selfBench, coverageWrite). The model is named by
// the generated vti_ports.h (its class, ports in the order of the port list, clock, and
// whether it was verilated with --trace or --coverage); instance.h holds one instance and its
// ports, batch.h the batch loops. sim/verilator/build.ts compiles this file in one unity file
// after the model's V<top>*.cpp.
#include <node_api.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch.h"
#include "instance.h"
#include "napi_args.h"
#include "port_io.h"
#include "verilated.h"
#include "vti_ports.h"
#if VTI_COVERAGE
#include "verilated_cov.h"
#endif

// The runtime is compiled with VL_USER_FINISH/STOP/FATAL: Verilator's defaults call
// exit()/abort(), which would kill the whole Node process. Throwing turns them into
// rejected promises instead.
void vl_finish(const char*, int, const char*) { Verilated::threadContextp()->gotFinish(true); }
void vl_stop(const char* file, int line, const char*) {
  throw std::runtime_error(std::string("Verilog $stop at ") + file + ":" + std::to_string(line));
}
void vl_fatal(const char* file, int line, const char*, const char* msg) {
  throw std::runtime_error(std::string("Verilator fatal error at ") + (file ? file : "?") + ":" + std::to_string(line) +
                           ": " + msg);
}

namespace vti {

// Reads argument i as an Inst handle (an External created by create()).
Inst* getInst(napi_env env, napi_value v) {
  void* p = nullptr;
  if (napi_get_value_external(env, v, &p) != napi_ok || !p) return nullptr;
  return static_cast<Inst*>(p);
}

// Frees the model (idempotent). The Inst itself lives until its External is collected.
void destroyInst(Inst* I) {
  if (!I->top) return;
#if VTI_TRACE
  if (I->tfp) {
    I->tfp->close();
    delete I->tfp;
    I->tfp = nullptr;
  }
#endif
  try {
    I->top->final();
  } catch (const std::exception&) {
  }
  delete I->top;
  I->top = nullptr;
  delete I->ctx;
  I->ctx = nullptr;
}

// GC of a handle whose model was never closed: free it (a running job pins it, see Batch).
void finalizeInst(napi_env, void* data, void*) {
  Inst* I = static_cast<Inst*>(data);
  if (I->busy) return;  // cannot happen while JS awaits the job; leak rather than race
  destroyInst(I);
  delete I;
}

napi_value Create(napi_env env, napi_callback_info) {
  Inst* I = new Inst();
  I->ctx = new VerilatedContext();
  I->ctx->traceEverOn(VTI_TRACE != 0);
  I->top = new Model(I->ctx, VTI_MODEL_NAME);
  try {
    setClock(I->top, 0);
    I->top->eval();
  } catch (const std::exception& e) {
    destroyInst(I);
    delete I;
    return fail(env, e.what());
  }
  napi_value ext;
  CHECK(napi_create_external(env, I, finalizeInst, nullptr, &ext));
  return ext;
}

napi_value Destroy(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return undef(env);
  if (I->busy) return fail(env, "destroy: a batch is still running");
  destroyInst(I);
  return undef(env);
}

void execJob(napi_env, void* data) { runJob(static_cast<Job*>(data)); }

void completeJob(napi_env env, napi_status, void* data) {
  Job* j = static_cast<Job*>(data);
  j->I->busy = false;
  if (j->error.empty()) {
    napi_value r;
    napi_get_boolean(env, j->differs, &r);
    napi_resolve_deferred(env, j->deferred, j->expect.empty() ? undef(env) : r);
  } else {
    napi_value msg, err;
    napi_create_string_utf8(env, j->error.c_str(), NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, nullptr, msg, &err);
    napi_reject_deferred(env, j->deferred, err);
  }
  for (napi_ref r : j->refs) napi_delete_reference(env, r);
  napi_delete_async_work(env, j->work);
  delete j;
}

// batch(handle, inputs[], outputs[], pre[] | null, count, step, async[, expected[]])
// With expected: resolves (or returns) true when some output word differs from it.
napi_value Batch(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc < 7) return fail(env, "batch: expected 7 arguments");
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "batch: model is closed");
  if (I->busy) return fail(env, "batch: a batch is already running on this model");
  double countD;
  bool step, async;
  CHECK(napi_get_value_double(env, argv[4], &countD));
  CHECK(napi_get_value_bool(env, argv[5], &step));
  CHECK(napi_get_value_bool(env, argv[6], &async));
  Job* j = new Job();
  j->I = I;
  j->step = step;
  j->count = static_cast<size_t>(countD);
  std::string err;
  std::vector<uint32_t*> inPtrs;
  std::vector<napi_ref>* refs = async ? &j->refs : nullptr;
  bool ok = vti::getColumns(env, argv[1], N_IN, IN_WORDS, j->count, false, inPtrs, refs, err, "input") &&
            vti::getColumns(env, argv[2], N_OUT, OUT_WORDS, j->count, true, j->out, refs, err, "output");
  napi_valuetype preType;
  napi_typeof(env, argv[3], &preType);
  if (ok && preType != napi_null && preType != napi_undefined)
    ok = vti::getColumns(env, argv[3], N_OUT, OUT_WORDS, j->count, true, j->pre, refs, err, "pre");
  napi_valuetype expType = napi_undefined;
  if (argc >= 8) napi_typeof(env, argv[7], &expType);
  if (ok && expType != napi_null && expType != napi_undefined)
    ok = vti::getColumns(env, argv[7], N_OUT, OUT_WORDS, j->count, true, j->expect, refs, err, "expected");
  if (ok && step && CLOCK_INDEX >= 0 && inPtrs[CLOCK_INDEX]) {
    ok = false;
    err = "batch: the clock cannot be driven";
  }
  if (!ok) {
    for (napi_ref r : j->refs) napi_delete_reference(env, r);
    delete j;
    return fail(env, err);
  }
  j->in.assign(inPtrs.begin(), inPtrs.end());
  if (async) {
    napi_ref r;
    napi_create_reference(env, argv[0], 1, &r);  // the handle outlives the job
    j->refs.push_back(r);
  }
  if (!async) {
    runJob(j);
    std::string e = j->error;
    const bool check = !j->expect.empty(), differs = j->differs;
    delete j;
    if (!e.empty()) return fail(env, e);
    if (!check) return undef(env);
    napi_value r;
    CHECK(napi_get_boolean(env, differs, &r));
    return r;
  }
  napi_value promise, name;
  CHECK(napi_create_promise(env, &j->deferred, &promise));
  CHECK(napi_create_string_utf8(env, "vti-verilator-batch", NAPI_AUTO_LENGTH, &name));
  CHECK(napi_create_async_work(env, nullptr, name, execJob, completeJob, j, &j->work));
  I->busy = true;
  CHECK(napi_queue_async_work(env, j->work));
  return promise;
}

// setInput(handle, inputIndex, words): poke one input (no eval).
napi_value SetInput(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "setInput: model is closed");
  int32_t idx;
  CHECK(napi_get_value_int32(env, argv[1], &idx));
  if (idx < 0 || idx >= N_IN) return fail(env, "setInput: bad input index");
  uint32_t* d;
  bool present;
  if (!vti::getWords(env, argv[2], IN_WORDS[idx], &d, &present) || !present) return fail(env, "setInput: bad words");
  std::vector<const uint32_t*> in(N_IN + 1, nullptr);
  in[idx] = d;
  setIn(I->top, in.data(), 0);
  return undef(env);
}

// read(handle, isInput, index, words): eval (settle), then copy one port out.
napi_value Read(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "read: model is closed");
  bool isInput;
  int32_t idx;
  CHECK(napi_get_value_bool(env, argv[1], &isInput));
  CHECK(napi_get_value_int32(env, argv[2], &idx));
  const int n = isInput ? N_IN : N_OUT;
  const uint32_t* const words = isInput ? IN_WORDS : OUT_WORDS;
  if (idx < 0 || idx >= n) return fail(env, "read: bad port index");
  uint32_t* d;
  bool present;
  if (!vti::getWords(env, argv[3], words[idx], &d, &present) || !present) return fail(env, "read: bad words");
  std::vector<uint32_t*> ptrs(n + 1);
  // Every other port writes into scratch (the largest port's words fit: sized below).
  size_t maxw = 1;
  for (int i = 0; i < n; i++) maxw = std::max<size_t>(maxw, words[i]);
  std::vector<uint32_t> scratch(maxw);
  for (int i = 0; i < n; i++) ptrs[i] = i == idx ? d : scratch.data();
  try {
    I->top->eval();
  } catch (const std::exception& e) {
    return fail(env, e.what());
  }
  if (isInput)
    getIn(I->top, ptrs.data(), 0);
  else
    getOut(I->top, ptrs.data(), 0);
  return undef(env);
}

// traceOpen(handle, path): start writing a VCD (models built with trace only).
napi_value TraceOpen(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "traceOpen: model is closed");
#if VTI_TRACE
  char path[4096];
  size_t len;
  CHECK(napi_get_value_string_utf8(env, argv[1], path, sizeof path, &len));
  if (I->tfp) {
    I->tfp->close();
    delete I->tfp;
  }
  I->tfp = new VerilatedVcdC();
  I->top->trace(I->tfp, 99);
  I->tfp->open(path);
  if (!I->tfp->isOpen()) {
    delete I->tfp;
    I->tfp = nullptr;
    return fail(env, std::string("cannot open VCD file ") + path);
  }
  return undef(env);
#else
  return fail(env, "traceOpen: model was built without tracing");
#endif
}

// selfBench(handle, n[, step]): the C++ limit. n vectors of xorshift random inputs, eval,
// fold the outputs into a checksum (so the compiler cannot drop the work). With step (a
// clocked model): n cycles as stepBatch runs them, clock low + inputs, eval, clock high, eval.
napi_value SelfBench(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "selfBench: model is closed");
  if (I->busy) return fail(env, "selfBench: a batch is running on this model");
  double nD;
  CHECK(napi_get_value_double(env, argv[1], &nD));
  const size_t n = static_cast<size_t>(nD);
  bool step = false;
  if (argc >= 3) {
    napi_valuetype st;
    napi_typeof(env, argv[2], &st);
    if (st == napi_boolean) CHECK(napi_get_value_bool(env, argv[2], &step));
  }
  Model* top = I->top;
  vti::XorShift64 rng;
  uint64_t sum = 0;
#define VTI_RANDOM(I, NAME, W) \
  if constexpr (I != CLOCK_INDEX) vti::randomPort<W>(top->NAME, rng);
#define VTI_FOLD(I, NAME, W) sum = sum * 31 + vti::foldValue<W>(top->NAME);
  try {
    if (!step) {
      for (size_t k = 0; k < n; k++) {
        VTI_INPUTS(VTI_RANDOM)
        top->eval();
        VTI_OUTPUTS(VTI_FOLD)
      }
    } else {
      for (size_t k = 0; k < n; k++) {
        setClock(top, 0);
        VTI_INPUTS(VTI_RANDOM)
        top->eval();
        setClock(top, 1);
        top->eval();
        VTI_OUTPUTS(VTI_FOLD)
      }
    }
  } catch (const std::exception& e) {
    return fail(env, e.what());
  }
#undef VTI_RANDOM
#undef VTI_FOLD
  napi_value r;
  CHECK(napi_create_double(env, static_cast<double>(sum & 0xfffffffffffffull), &r));
  return r;
}

#if VTI_COVERAGE
// coverageWrite(handle, path): the instance's coverage counters (its own VerilatedContext)
// as Verilator's coverage.dat, readable by verilator_coverage and sim/verilator/coverage.ts.
napi_value CoverageWrite(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  Inst* I = getInst(env, argv[0]);
  if (!I || !I->top) return fail(env, "coverageWrite: model is closed");
  if (I->busy) return fail(env, "coverageWrite: a batch is running on this model");
  char path[4096];
  size_t len;
  CHECK(napi_get_value_string_utf8(env, argv[1], path, sizeof path, &len));
  if (len + 1 >= sizeof path) return fail(env, "coverageWrite: path too long");
  FILE* probe = std::fopen(path, "w");  // write() itself reports an unwritable file only on stderr
  if (!probe) return fail(env, std::string("cannot write coverage file ") + path);
  std::fclose(probe);
  try {
    I->ctx->coveragep()->write(path);
  } catch (const std::exception& e) {
    return fail(env, e.what());
  }
  return undef(env);
}
#endif

}  // namespace vti

NAPI_MODULE_INIT() {
  const struct {
    const char* name;
    napi_callback fn;
  } fns[] = {
    {"create", vti::Create},
    {"destroy", vti::Destroy},
    {"batch", vti::Batch},
    {"setInput", vti::SetInput},
    {"read", vti::Read},
    {"traceOpen", vti::TraceOpen},
    {"selfBench", vti::SelfBench},
#if VTI_COVERAGE
    {"coverageWrite", vti::CoverageWrite},
#endif
  };
  for (const auto& f : fns) {
    napi_value v;
    if (napi_create_function(env, f.name, NAPI_AUTO_LENGTH, f.fn, nullptr, &v) != napi_ok) return nullptr;
    if (napi_set_named_property(env, exports, f.name, v) != napi_ok) return nullptr;
  }
  napi_value t;
  napi_get_boolean(env, VTI_TRACE != 0, &t);
  napi_set_named_property(env, exports, "trace", t);
  return exports;
}
