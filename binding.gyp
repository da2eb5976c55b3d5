{
  "targets": [
    {
      "target_name": "tsqt",
      "sources": ["native/tsqt.c"],
      "cflags": ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
