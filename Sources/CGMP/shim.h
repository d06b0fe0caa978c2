// The C face of GMP that ExactNumbers uses. Private: no type from here is public API.
//
// GMP's usual names (mpz_init, mpq_mul, mpz_sgn ...) are macros, which Swift does not import.
// The real symbols (__gmpz_init, __gmpq_mul ...) import as they are; the few function-like
// macros we need are re-exposed below as static inline functions.
#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H

#include <gmp.h>

static inline int cgmp_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }
static inline int cgmp_mpq_sgn(const __mpq_struct *q) { return mpq_sgn(q); }
static inline __mpz_struct *cgmp_mpq_numref(__mpq_struct *q) { return mpq_numref(q); }
static inline __mpz_struct *cgmp_mpq_denref(__mpq_struct *q) { return mpq_denref(q); }
static inline const __mpz_struct *cgmp_mpq_numref_const(const __mpq_struct *q) { return mpq_numref(q); }
static inline const __mpz_struct *cgmp_mpq_denref_const(const __mpq_struct *q) { return mpq_denref(q); }
static inline int cgmp_mpz_odd_p(const __mpz_struct *z) { return mpz_odd_p(z); }

#endif
