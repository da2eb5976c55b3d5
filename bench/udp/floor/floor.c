/*
 * The floor of a UDP echo or client inside Node's event loop: a bench-only addon, never part of
 * the package. One socket per process, watched by a uv_poll_t; every datagram is received and
 * answered in C, so what is left is Node's loop, libuv and the kernel. The hop option puts back
 * what a JavaScript library adds before it can read, one piece at a time:
 *   0  the poll callback drains the socket in C (no JavaScript at all);
 *   1  the poll callback enters JavaScript (napi_make_callback), which calls drain();
 *   2  as 1, and that JavaScript only schedules drain() with setImmediate (tsqt's dispatcher hop).
 * drain() is recvfrom until EAGAIN, each datagram answered with one sendto: an echo sends it
 * back to its sender; a client records the round-trip time carried in bytes 0-7 and sends the
 * next one. Loopback only: the socket is bound to 127.0.0.1.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <uv.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  int fd;
  int client;
  int size;
  int hop;
  long count, sent, got;
  int64_t t_first;
  int64_t *rtt;
  struct sockaddr_in peer;
  uv_poll_t poll;
  int polling;
  napi_env env;
  napi_ref on_ready; /* hop 1-2: called from the poll callback */
  napi_ref on_done;  /* client: called once with the result object */
  napi_async_context ctx;
} floor_t;

static floor_t F;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void send_next(void) {
  char buf[2048];
  int64_t t = now_ns(), seq = F.sent;
  memset(buf, 'x', (size_t)F.size);
  memcpy(buf, &t, 8);
  memcpy(buf + 8, &seq, 8);
  if (sendto(F.fd, buf, (size_t)F.size, 0, (struct sockaddr *)&F.peer, sizeof F.peer) == F.size) F.sent++;
}

static int cmp64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static void set_num(napi_env env, napi_value o, const char *k, double x) {
  napi_value v;
  napi_create_double(env, x, &v);
  napi_set_named_property(env, o, k, v);
}

/* Client done: stop watching and hand the figures to JavaScript. */
static void finish(void) {
  napi_env env = F.env;
  napi_handle_scope scope;
  napi_value o, fn, global, result;
  double mean = 0;
  long i;
  if (F.polling) uv_poll_stop(&F.poll);
  F.polling = 0;
  qsort(F.rtt, (size_t)F.got, sizeof F.rtt[0], cmp64);
  for (i = 0; i < F.got; i++) mean += (double)F.rtt[i];
  napi_open_handle_scope(env, &scope);
  napi_create_object(env, &o);
  set_num(env, o, "sent", (double)F.sent);
  set_num(env, o, "received", (double)F.got);
  set_num(env, o, "t_first", (double)F.t_first);
  set_num(env, o, "t_last", (double)now_ns());
  set_num(env, o, "rtt_p50", F.got ? (double)F.rtt[F.got / 2] : 0);
  set_num(env, o, "rtt_p99", F.got ? (double)F.rtt[(long)((double)F.got * 0.99)] : 0);
  set_num(env, o, "rtt_mean", F.got ? mean / (double)F.got : 0);
  set_num(env, o, "rtt_min", F.got ? (double)F.rtt[0] : 0);
  napi_get_reference_value(env, F.on_done, &fn);
  napi_get_global(env, &global);
  napi_make_callback(env, F.ctx, global, fn, 1, &o, &result);
  napi_close_handle_scope(env, scope);
}

static void drain(void) {
  char buf[65536];
  struct sockaddr_in from;
  socklen_t fromlen;
  ssize_t n;
  int64_t t, stamp;
  while (F.polling) {
    fromlen = sizeof from;
    n = recvfrom(F.fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &fromlen);
    if (n < 0) return;
    if (!F.client) {
      sendto(F.fd, buf, (size_t)n, 0, (struct sockaddr *)&from, fromlen);
      continue;
    }
    if (n < 16) continue;
    t = now_ns();
    memcpy(&stamp, buf, 8);
    F.rtt[F.got++] = t - stamp;
    if (F.got >= F.count) {
      finish();
      return;
    }
    if (F.sent < F.count) send_next();
  }
}

static void on_poll(uv_poll_t *h, int status, int events) {
  napi_env env = F.env;
  napi_handle_scope scope;
  napi_value fn, global, result;
  if (F.hop == 0) {
    drain();
    return;
  }
  napi_open_handle_scope(env, &scope);
  napi_get_reference_value(env, F.on_ready, &fn);
  napi_get_global(env, &global);
  napi_make_callback(env, F.ctx, global, fn, 0, NULL, &result);
  napi_close_handle_scope(env, scope);
}

static napi_value js_drain(napi_env env, napi_callback_info info) {
  drain();
  return NULL;
}

static int32_t arg_i32(napi_env env, napi_value v) {
  int32_t x = 0;
  napi_get_value_int32(env, v, &x);
  return x;
}

/* start(client, port, count, window, size, hop, onReady, onDone) -> the bound port, or -errno */
static napi_value js_start(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value a[8], r, name;
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  uv_loop_t *loop;
  long i, window;
  napi_get_cb_info(env, info, &argc, a, NULL, NULL);
  if (argc < 8 || F.env != NULL) {
    napi_throw_error(env, NULL, "floor.start(client, port, count, window, size, hop, onReady, onDone), once");
    return NULL;
  }
  F.env = env;
  F.client = arg_i32(env, a[0]);
  F.count = arg_i32(env, a[2]);
  window = arg_i32(env, a[3]);
  F.size = arg_i32(env, a[4]);
  F.hop = arg_i32(env, a[5]);
  if (F.size < 16) F.size = 16;
  if (F.size > 2048) F.size = 2048;
  napi_create_reference(env, a[6], 1, &F.on_ready);
  napi_create_reference(env, a[7], 1, &F.on_done);
  napi_create_string_utf8(env, "tsqt-floor", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &F.ctx);
  F.fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = htons((uint16_t)(F.client ? 0 : arg_i32(env, a[1])));
  if (F.fd < 0 || bind(F.fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
      getsockname(F.fd, (struct sockaddr *)&sa, &len) != 0) {
    napi_create_int32(env, -errno, &r);
    return r;
  }
  napi_get_uv_event_loop(env, &loop);
  uv_poll_init(loop, &F.poll, F.fd);
  uv_poll_start(&F.poll, UV_READABLE, on_poll);
  F.polling = 1;
  if (F.client) {
    F.rtt = malloc(sizeof(int64_t) * (size_t)(F.count + 1));
    F.peer.sin_family = AF_INET;
    F.peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    F.peer.sin_port = htons((uint16_t)arg_i32(env, a[1]));
    F.t_first = now_ns();
    for (i = 0; i < window && F.sent < F.count; i++) send_next();
  }
  napi_create_int32(env, ntohs(sa.sin_port), &r);
  return r;
}

/* stop(): stop watching (the process may then exit). */
static napi_value js_stop(napi_env env, napi_callback_info info) {
  if (F.polling) uv_poll_stop(&F.poll);
  F.polling = 0;
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor d[] = {
      {"start", NULL, js_start, NULL, NULL, NULL, napi_default, NULL},
      {"drain", NULL, js_drain, NULL, NULL, NULL, napi_default, NULL},
      {"stop", NULL, js_stop, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 3, d);
  return exports;
}
