#!/usr/bin/env bash
# Builds the engine core with its C driver under AddressSanitizer + UBSan and runs it.
#   native/test/asan.sh [rounds]              ASan/UBSan build and run
#   native/test/asan.sh --valgrind [rounds]   plain -O0 -g build run under valgrind (if installed)
#   native/test/asan.sh --addon                the whole addon built with ASan, run in Node with
#                                              libasan preloaded (leak checks off: Node's own)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${TMPDIR:-/tmp}/tsqt-engine-driver.$$"
trap 'rm -f "$out"' EXIT
cc="${CC:-cc}"
flags=(-std=gnu11 -g -Wall -Wextra -Werror -Wno-unused-parameter)
if [[ "${1:-}" == "--addon" ]]; then
  inc="$(dirname "$(dirname "$(command -v node)")")/include/node"
  "$cc" "${flags[@]}" -O1 -fno-omit-frame-pointer -fsanitize=address -fPIC -shared -DNAPI_VERSION=8 \
    -I"$inc" "$here/../engine.c" "$here/../tsqt.c" -o "$out.node"
  trap 'rm -f "$out" "$out.node"' EXIT
  LD_PRELOAD="$("$cc" -print-file-name=libasan.so)" ASAN_OPTIONS=detect_leaks=0 \
    node --expose-gc "$here/addon_smoke.cjs" "$out.node"
elif [[ "${1:-}" == "--valgrind" ]]; then
  shift
  if ! command -v valgrind >/dev/null; then
    echo "asan.sh: valgrind is not installed (apt-get install valgrind); skipped" >&2
    exit 0
  fi
  "$cc" "${flags[@]}" -O0 "$here/engine_driver.c" "$here/../engine.c" -o "$out"
  valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
    --track-fds=yes --error-exitcode=99 "$out" "${1:-5}"
else
  "$cc" "${flags[@]}" -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
    -fno-sanitize-recover=undefined "$here/engine_driver.c" "$here/../engine.c" -o "$out"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 "$out" "${1:-50}"
fi
