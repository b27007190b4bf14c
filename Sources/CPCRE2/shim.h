#ifndef DOCS_AUDIT_PCRE2_SHIM_H
#define DOCS_AUDIT_PCRE2_SHIM_H

/* 8-bit code units: patterns and subjects are UTF-8 bytes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* An int read with acquire and written with release ordering: whether a pattern's JIT code is ready, set once by
   the thread that compiled it and read by every match (PCRE2Regex). */
static inline int docs_audit_load_acquire(const int *flag) { return __atomic_load_n(flag, __ATOMIC_ACQUIRE); }
static inline void docs_audit_store_release(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_RELEASE); }

#endif
