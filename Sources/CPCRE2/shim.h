#ifndef DOCS_AUDIT_PCRE2_SHIM_H
#define DOCS_AUDIT_PCRE2_SHIM_H

/* 8-bit code units: patterns and subjects are UTF-8 bytes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
