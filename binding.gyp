{
  "targets": [
    {
      "target_name": "tsqt",
      "sources": ["native/engine.c", "native/tsqt.c"],
      "cflags": [
        "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter",
        "-Wformat", "-Wformat-security", "-Wvla", "-Wshadow",
        "-fstack-protector-strong", "-fno-strict-aliasing",
        "-D_FORTIFY_SOURCE=2"
      ],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
