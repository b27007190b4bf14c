#ifndef DOCS_AUDIT_YAML_SHIM_H
#define DOCS_AUDIT_YAML_SHIM_H

#include <yaml.h>

#endif
