// One instance of the verilated model (vti_ports.h names it) and its ports as columns of the
// batch API: the port table expanded into straight-line code per port (port_io.h does one
// port). Included by batch.h and addon.cc, in the addon's one translation unit.
#ifndef VTI_INSTANCE_H
#define VTI_INSTANCE_H

#include <cstddef>
#include <cstdint>

#include "port_io.h"
#include "verilated.h"
#include "vti_ports.h"

#include VTI_MODEL_HEADER
#include VTI_MODEL_ROOT_HEADER
#if VTI_TRACE
#include "verilated_vcd_c.h"
#endif

namespace vti {

using Model = VTI_MODEL;

// Counts and words per vector of the input and output columns, from the port table. The
// arrays end with a 0 so that a model without inputs (or outputs) still has one.
#define VTI_COUNT(I, NAME, W) +1
#define VTI_WORDS(I, NAME, W) vti::wordsFor(W),
constexpr int N_IN = 0 VTI_INPUTS(VTI_COUNT);
constexpr int N_OUT = 0 VTI_OUTPUTS(VTI_COUNT);
constexpr uint32_t IN_WORDS[] = {VTI_INPUTS(VTI_WORDS) 0};
constexpr uint32_t OUT_WORDS[] = {VTI_OUTPUTS(VTI_WORDS) 0};
#undef VTI_COUNT
#undef VTI_WORDS
constexpr int CLOCK_INDEX = VTI_CLOCK_INDEX;

struct Inst {
  VerilatedContext* ctx = nullptr;
  Model* top = nullptr;
#if VTI_TRACE
  VerilatedVcdC* tfp = nullptr;
#endif
  uint64_t t = 0;  // trace time: +1 per evalBatch vector, +5 per half clock cycle
  bool busy = false;
};

// Every input whose column is given, from vector v.
inline void setIn(Model* top, const uint32_t* const* in, size_t v) {
  (void)top, (void)in, (void)v;
#define VTI_SET(I, NAME, W) \
  if (in[I]) vti::setPort<W>(top->NAME, in[I], v);
  VTI_INPUTS(VTI_SET)
#undef VTI_SET
}

// Every output into vector v of its column.
inline void getOut(Model* top, uint32_t* const* out, size_t v) {
  (void)top, (void)out, (void)v;
#define VTI_GET(I, NAME, W) vti::getPort<W>(top->NAME, out[I], v);
  VTI_OUTPUTS(VTI_GET)
#undef VTI_GET
}

// Every input (as the model holds it) into vector v of its column.
inline void getIn(Model* top, uint32_t* const* out, size_t v) {
  (void)top, (void)out, (void)v;
#define VTI_GET(I, NAME, W) vti::getPort<W>(top->NAME, out[I], v);
  VTI_INPUTS(VTI_GET)
#undef VTI_GET
}

inline void setClock(Model* top, int value) {
#ifdef VTI_CLOCK
  top->VTI_CLOCK = value;
#else
  (void)top, (void)value;
#endif
}

inline void dump(Inst* I, uint64_t dt) {
#if VTI_TRACE
  if (I->tfp) I->tfp->dump(I->t);
#endif
  I->t += dt;
}

}  // namespace vti

#endif  // VTI_INSTANCE_H
