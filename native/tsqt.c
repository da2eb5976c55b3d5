/* tsqt native socket engine: placeholder module, replaced by the engine. */
#include <node_api.h>

static napi_value init(napi_env env, napi_value exports) {
  return exports;
}

NAPI_MODULE_INIT() {
  return init(env, exports);
}
