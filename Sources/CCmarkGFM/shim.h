#ifndef DOCS_AUDIT_CMARK_SHIM_H
#define DOCS_AUDIT_CMARK_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#endif
