#ifndef DOCS_AUDIT_SHA256_SHIM_H
#define DOCS_AUDIT_SHA256_SHIM_H

// SHA-256 from OpenSSL's libcrypto (Debian: libssl-dev). Only the one-shot digest functions are used: they
// need no provider machinery, so a static link pulls in a few kilobytes (docs/performance.md).
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

#endif
