// One port's value between a verilated model and a column of the batch API, templated on
// the port's width. addon.cc instantiates these once per port from the generated port table
// (vti_ports.h), so every batch loop is straight-line code per port: no dispatch on the port
// type per vector, close to the speed of a hand-written C++ test bench.
//
// Column layout (shared with model.ts): a port of width W takes wordsFor(W) 32-bit words
// per vector; vector v occupies words [v*nw, v*nw+nw), least-significant word first.
// Verilator stores <= 8/16/32 bits as CData/SData/IData, <= 64 as QData (uint64_t), wider as
// VlWide<nw> (32-bit words, least significant first, indexable through its pointer conversion).
#ifndef VTI_PORT_IO_H
#define VTI_PORT_IO_H

#include <cstddef>
#include <cstdint>

namespace vti {

constexpr unsigned wordsFor(unsigned width) { return (width + 31) / 32; }

/** The low `bits` bits of one 32-bit word (all of them from 32 on). */
constexpr uint32_t mask32(unsigned bits) { return bits >= 32 ? 0xffffffffu : (1u << bits) - 1u; }

/** The low `bits` bits of a 64-bit value (all of them from 64 on). */
constexpr uint64_t mask64(unsigned bits) { return bits >= 64 ? ~0ull : (1ull << bits) - 1ull; }

/** Bits of the most significant word of a W-bit value (1..32). */
constexpr unsigned topWordBits(unsigned width) { return width - 32 * (wordsFor(width) - 1); }

/** Input: vector v of column `col` into the model's port; bits above W are dropped. */
template <unsigned W, typename Port>
inline void setPort(Port& port, const uint32_t* col, size_t v) {
  if constexpr (W <= 32) {
    port = col[v] & mask32(W);
  } else if constexpr (W <= 64) {
    port = (static_cast<uint64_t>(col[2 * v + 1] & mask32(W - 32)) << 32) | col[2 * v];
  } else {
    constexpr unsigned NW = wordsFor(W);
    for (unsigned j = 0; j + 1 < NW; j++) port[j] = col[NW * v + j];
    port[NW - 1] = col[NW * v + NW - 1] & mask32(topWordBits(W));
  }
}

/** Output (or input read back): the model's port into vector v of column `col`. */
template <unsigned W, typename Port>
inline void getPort(const Port& port, uint32_t* col, size_t v) {
  if constexpr (W <= 32) {
    col[v] = port;
  } else if constexpr (W <= 64) {
    const uint64_t x = port;
    col[2 * v] = static_cast<uint32_t>(x);
    col[2 * v + 1] = static_cast<uint32_t>(x >> 32);
  } else {
    constexpr unsigned NW = wordsFor(W);
    for (unsigned j = 0; j < NW; j++) col[NW * v + j] = port[j];
  }
}

/**
 * checkBatch: the bits in which the model's port differs from vector v of the expected
 * column, OR-ed over the port's words (0: equal). With Store, the port is also written to
 * vector v of `col` as it is read (one pass over the outputs).
 */
template <unsigned W, bool Store, typename Port>
inline uint32_t checkPort(const Port& port, uint32_t* col, const uint32_t* expect, size_t v) {
  if constexpr (!Store) (void)col;
  if constexpr (W <= 32) {
    const uint32_t x = port;
    if constexpr (Store) col[v] = x;
    return x ^ expect[v];
  } else if constexpr (W <= 64) {
    const uint64_t x = port;
    const uint32_t lo = static_cast<uint32_t>(x), hi = static_cast<uint32_t>(x >> 32);
    if constexpr (Store) {
      col[2 * v] = lo;
      col[2 * v + 1] = hi;
    }
    return (lo ^ expect[2 * v]) | (hi ^ expect[2 * v + 1]);
  } else {
    constexpr unsigned NW = wordsFor(W);
    uint32_t diff = 0;
    for (unsigned j = 0; j < NW; j++) {
      const uint32_t x = port[j];
      if constexpr (Store) col[NW * v + j] = x;
      diff |= x ^ expect[NW * v + j];
    }
    return diff;
  }
}

/** selfBench's stimulus: xorshift64 (13, 7, 17), one step per value or wide-port word. */
struct XorShift64 {
  uint64_t s = 0x9e3779b97f4a7c15ull;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
};

/** selfBench: a random W-bit value straight into the port. */
template <unsigned W, typename Port>
inline void randomPort(Port& port, XorShift64& rng) {
  if constexpr (W <= 64) {
    port = rng.next() & mask64(W);
  } else {
    constexpr unsigned NW = wordsFor(W);
    for (unsigned j = 0; j + 1 < NW; j++) port[j] = static_cast<uint32_t>(rng.next());
    port[NW - 1] = static_cast<uint32_t>(rng.next()) & mask32(topWordBits(W));
  }
}

/** selfBench: the value an output contributes to the checksum (a wide port: its low word),
 *  so the compiler cannot drop the evaluation. */
template <unsigned W, typename Port>
inline uint64_t foldValue(const Port& port) {
  if constexpr (W > 64) {
    return port[0];
  } else {
    return port;
  }
}

}  // namespace vti

#endif  // VTI_PORT_IO_H
