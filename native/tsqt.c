/*
 * tsqt native module: the Node-API glue over the socket engine core (engine.c), the poll
 * handles (libuv uv_poll_t) and the interface list (getifaddrs).
 *
 * Context-aware: every piece of state lives in per-instance data (napi_set_instance_data), so
 * the module loads in the main thread and in any number of workers. Wrong argument types throw
 * a TypeError; operating-system failures are returned as negative errno values, never thrown.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <ifaddrs.h>
#include <linux/if_addr.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <node_api.h>
#include <uv.h>

#include "engine.h"

/* ---- shared state layout (must match src/private/native.ts) ---- */
#define ST_INFO_COUNT 16
#define ST_BYTES_OFFSET (ST_INFO_COUNT * 4)
#define ST_SIZE (ST_BYTES_OFFSET + 32)
enum {
  ST_SRC_FAMILY = 0, ST_SRC_PORT, ST_SRC_IP4, ST_SRC_SCOPE,
  ST_DST_FAMILY, ST_DST_PORT, ST_DST_IP4, ST_DST_SCOPE,
  ST_HOP, ST_IFINDEX, ST_PROTO
};
/* bytes: [0,16) sender / name IPv6, [16,32) destination IPv6 */

#define RECV_CAP 65536
/* Batched receive (recvBatch): TE_BATCH_MAX slots of BATCH_SLOT bytes, allocated on first use
 * (untouched pages of the slots are never committed). */
#define BATCH_SLOT 65536
/* recvBatch's meta array: [0] count, then BATCH_STRIDE int32 per datagram from index 2. */
#define BATCH_STRIDE 10
#define BATCH_META_LEN (2 + TE_BATCH_MAX * BATCH_STRIDE)

struct tsqt_poll;

typedef struct tsqt_inst {
  napi_env env;
  int refs;                  /* 1 for the env + 1 per poll handle not yet freed */
  napi_ref state_ref;
  unsigned char *state;      /* ST_SIZE bytes, owned here */
  unsigned char *rbuf;       /* reusable receive buffer */
  unsigned char *bbuf;       /* batch receive slots (TE_BATCH_MAX * BATCH_SLOT), exported */
  napi_ref batch_ref;        /* the ArrayBuffer over bbuf (exports.batch) */
  struct tsqt_poll *polls;   /* open (not yet closed) poll handles */
  napi_async_cleanup_hook_handle cleanup;
  int tearing_down;
  int closing;               /* handles whose close callback is pending during teardown */
  unsigned char *owned;      /* owned[fd] = 1: a socket made by socket() and not yet closed */
  size_t owned_cap;
  int owned_count;
} tsqt_inst;

typedef struct tsqt_poll {
  uv_poll_t handle;
  tsqt_inst *inst;
  napi_ref cb;
  napi_async_context ctx;
  int fd;
  int closing;   /* uv_close called */
  int closed;    /* close callback ran */
  int js_alive;  /* the JS external still exists */
  int with_size; /* started with TE_POLL_SIZE: report FIONREAD when readable */
  struct tsqt_poll *next, *prev;
} tsqt_poll;

static const napi_type_tag POLL_TAG = {0x74737174706f6c6cULL, 0x68616e646c653031ULL};

static void inst_unref(tsqt_inst *inst) {
  if (--inst->refs == 0) {
    free(inst->state);
    free(inst->rbuf);
    free(inst->bbuf);
    free(inst->owned);
    free(inst);
  }
}

/* Records a socket this instance made, so that teardown (a worker ending) closes it. */
static void own_fd(tsqt_inst *inst, int fd) {
  if ((size_t)fd >= inst->owned_cap) {
    size_t cap = inst->owned_cap ? inst->owned_cap : 64;
    unsigned char *n;
    while (cap <= (size_t)fd) cap *= 2;
    n = realloc(inst->owned, cap);
    if (n == NULL) return; /* untracked: only teardown cleanup is lost */
    memset(n + inst->owned_cap, 0, cap - inst->owned_cap);
    inst->owned = n;
    inst->owned_cap = cap;
  }
  if (!inst->owned[fd]) inst->owned_count++;
  inst->owned[fd] = 1;
}

static void disown_fd(tsqt_inst *inst, int fd) {
  if (fd >= 0 && (size_t)fd < inst->owned_cap && inst->owned[fd]) {
    inst->owned[fd] = 0;
    inst->owned_count--;
  }
}

/* ---------------------------------------------------------------- argument helpers ---- */

#define CHECK(call)                                                   \
  do {                                                                \
    if ((call) != napi_ok) return NULL;                               \
  } while (0)

static int throw_type(napi_env env, const char *fn, const char *what) {
  char msg[160];
  snprintf(msg, sizeof(msg), "tsqt native %s: %s", fn, what);
  napi_throw_type_error(env, NULL, msg);
  return -1;
}

static int arg_int(napi_env env, napi_value v, const char *fn, const char *name, int32_t *out) {
  napi_valuetype t;
  double d;
  char what[96];
  if (napi_typeof(env, v, &t) != napi_ok || t != napi_number) {
    snprintf(what, sizeof(what), "%s must be a number", name);
    return throw_type(env, fn, what);
  }
  napi_get_value_double(env, v, &d);
  if (!(d >= -2147483648.0 && d <= 4294967295.0)) {
    snprintf(what, sizeof(what), "%s is out of range", name);
    napi_throw_range_error(env, NULL, what);
    return -1;
  }
  if (d > 2147483647.0) {
    uint32_t u;
    napi_get_value_uint32(env, v, &u);
    *out = (int32_t)u;
  } else {
    napi_get_value_int32(env, v, out);
  }
  return 0;
}

static int arg_uint32(napi_env env, napi_value v, const char *fn, const char *name, uint32_t *out) {
  int32_t i;
  if (arg_int(env, v, fn, name, &i) != 0) return -1;
  *out = (uint32_t)i;
  return 0;
}

/* A Uint8Array (Buffer included). min_len: required minimum length. */
static int arg_bytes(napi_env env, napi_value v, const char *fn, const char *name, size_t min_len,
                     uint8_t **data, size_t *len) {
  bool is_ta = false;
  napi_typedarray_type type;
  size_t length = 0, offset = 0;
  void *p = NULL;
  char what[96];
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) {
    snprintf(what, sizeof(what), "%s must be a Uint8Array", name);
    return throw_type(env, fn, what);
  }
  napi_get_typedarray_info(env, v, &type, &length, &p, NULL, &offset);
  if (type != napi_uint8_array) {
    snprintf(what, sizeof(what), "%s must be a Uint8Array", name);
    return throw_type(env, fn, what);
  }
  if (length < min_len) {
    snprintf(what, sizeof(what), "%s must hold at least %u bytes", name, (unsigned)min_len);
    return throw_type(env, fn, what);
  }
  *data = p;
  *len = length;
  return 0;
}

/* (family, ip4, ip6, port, scope) starting at argv[i]. */
static int arg_addr(napi_env env, napi_value *argv, const char *fn, te_addr *a) {
  int32_t fam, port;
  uint32_t ip4, scope;
  memset(a, 0, sizeof(*a));
  if (arg_int(env, argv[0], fn, "family", &fam) != 0) return -1;
  if (fam != TE_FAM_NONE && fam != TE_FAM_V4 && fam != TE_FAM_V6 && fam != TE_FAM_V4MAPPED)
    return throw_type(env, fn, "family must be 0, 4, 6 or 10");
  if (arg_uint32(env, argv[1], fn, "ip4", &ip4) != 0) return -1;
  if (arg_int(env, argv[3], fn, "port", &port) != 0) return -1;
  if (port < 0 || port > 65535) return throw_type(env, fn, "port must be in 0..65535");
  if (arg_uint32(env, argv[4], fn, "scope", &scope) != 0) return -1;
  a->family = fam;
  a->ip4 = ip4;
  a->port = (uint16_t)port;
  a->scope = scope;
  if (fam == TE_FAM_V6) {
    uint8_t *d;
    size_t l;
    if (arg_bytes(env, argv[2], fn, "ip6", 16, &d, &l) != 0) return -1;
    memcpy(a->ip6, d, 16);
  }
  return 0;
}

static int get_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv,
                    const char *fn) {
  size_t argc = want;
  napi_value undef;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return -1;
  napi_get_undefined(env, &undef);
  for (size_t i = argc; i < want; i++) argv[i] = undef;
  (void)fn;
  return 0;
}

static tsqt_inst *get_inst(napi_env env) {
  void *d = NULL;
  napi_get_instance_data(env, &d);
  return d;
}

static napi_value num(napi_env env, double v) {
  napi_value r;
  napi_create_double(env, v, &r);
  return r;
}

static napi_value int_result(napi_env env, int64_t v) {
  napi_value r;
  /* a small integer (the common case) becomes a Smi without a heap number */
  if (v >= INT32_MIN && v <= INT32_MAX) {
    napi_create_int32(env, (int32_t)v, &r);
    return r;
  }
  return num(env, (double)v);
}

/* Writes an address into the sender (slot 0) or destination (slot 1) part of the state. */
static void state_put_addr(tsqt_inst *inst, int slot, const te_addr *a) {
  int32_t info[4];
  info[0] = a->family;
  info[1] = a->port;
  info[2] = (int32_t)a->ip4;
  info[3] = (int32_t)a->scope;
  memcpy(inst->state + (slot ? ST_DST_FAMILY : ST_SRC_FAMILY) * 4, info, sizeof(info));
  memcpy(inst->state + ST_BYTES_OFFSET + (slot ? 16 : 0), a->ip6, 16);
}

static void state_put_int(tsqt_inst *inst, int index, int32_t v) {
  memcpy(inst->state + index * 4, &v, 4);
}

/* ------------------------------------------------------------------- sockets ---- */

static napi_value js_socket(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int32_t proto;
  int out_proto = -1, fd;
  tsqt_inst *inst = get_inst(env);
  if (get_args(env, info, 1, argv, "socket") != 0) return NULL;
  if (arg_int(env, argv[0], "socket", "protocol", &proto) != 0) return NULL;
  if (proto < 0 || proto > 2) {
    throw_type(env, "socket", "protocol must be 0, 1 or 2");
    return NULL;
  }
  fd = te_socket(proto, &out_proto);
  if (fd >= 0) own_fd(inst, fd);
  state_put_int(inst, ST_PROTO, out_proto);
  return int_result(env, fd);
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int32_t fd;
  if (get_args(env, info, 1, argv, "close") != 0) return NULL;
  if (arg_int(env, argv[0], "close", "fd", &fd) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  disown_fd(get_inst(env), fd);
  return int_result(env, te_close(fd));
}

/* adopt(fd, take): te_adopt; a descriptor taken is owned (closed at teardown like one socket()
 * made). */
static napi_value js_adopt(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t fd, take;
  int r;
  if (get_args(env, info, 2, argv, "adopt") != 0) return NULL;
  if (arg_int(env, argv[0], "adopt", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "adopt", "take", &take) != 0) return NULL;
  r = te_adopt(fd, take != 0);
  if (r >= 0 && take) own_fd(get_inst(env), fd);
  return int_result(env, r);
}

static napi_value addr_call(napi_env env, napi_callback_info info, const char *fn,
                            int (*op)(int, const te_addr *)) {
  napi_value argv[6];
  int32_t fd;
  te_addr a;
  if (get_args(env, info, 6, argv, fn) != 0) return NULL;
  if (arg_int(env, argv[0], fn, "fd", &fd) != 0) return NULL;
  if (arg_addr(env, argv + 1, fn, &a) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, op(fd, &a));
}

static napi_value js_bind(napi_env env, napi_callback_info info) {
  return addr_call(env, info, "bind", te_bind);
}

static napi_value js_connect(napi_env env, napi_callback_info info) {
  return addr_call(env, info, "connect", te_connect);
}

static napi_value fd_call(napi_env env, napi_callback_info info, const char *fn,
                          int (*op)(int)) {
  napi_value argv[1];
  int32_t fd;
  if (get_args(env, info, 1, argv, fn) != 0) return NULL;
  if (arg_int(env, argv[0], fn, "fd", &fd) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, op(fd));
}

static napi_value js_disconnect(napi_env env, napi_callback_info info) {
  return fd_call(env, info, "disconnect", te_disconnect);
}

static napi_value js_has_pending(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  int32_t fd;
  if (get_args(env, info, 1, argv, "hasPending") != 0) return NULL;
  if (arg_int(env, argv[0], "hasPending", "fd", &fd) != 0) return NULL;
  napi_get_boolean(env, fd >= 0 && te_has_pending(fd) == 1, &r);
  return r;
}

static int pending_size_int(int fd) { return (int)te_pending_size(fd); }

static napi_value js_pending_size(napi_env env, napi_callback_info info) {
  return fd_call(env, info, "pendingSize", pending_size_int);
}

static napi_value js_bytes_available(napi_env env, napi_callback_info info) {
  return fd_call(env, info, "bytesAvailable", te_bytes_available);
}

/* dropStrangers(fd): te_drop_strangers (0 empty, 1 the peer's datagram first, 2 an error
 * pending, or -errno). */
static napi_value js_drop_strangers(napi_env env, napi_callback_info info) {
  return fd_call(env, info, "dropStrangers", te_drop_strangers);
}

static napi_value name_call(napi_env env, napi_callback_info info, const char *fn,
                            int (*op)(int, te_addr *)) {
  napi_value argv[1];
  int32_t fd;
  te_addr a;
  int r;
  if (get_args(env, info, 1, argv, fn) != 0) return NULL;
  if (arg_int(env, argv[0], fn, "fd", &fd) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  r = op(fd, &a);
  if (r == 0) state_put_addr(get_inst(env), 0, &a);
  return int_result(env, r);
}

static napi_value js_sockname(napi_env env, napi_callback_info info) {
  return name_call(env, info, "sockName", te_sockname);
}

static napi_value js_peername(napi_env env, napi_callback_info info) {
  return name_call(env, info, "peerName", te_peername);
}

static napi_value js_send(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t fd;
  uint8_t *d;
  size_t l;
  if (get_args(env, info, 2, argv, "send") != 0) return NULL;
  if (arg_int(env, argv[0], "send", "fd", &fd) != 0) return NULL;
  if (arg_bytes(env, argv[1], "send", "data", 0, &d, &l) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_send(fd, d, l));
}

/* sendTo(fd, data, family, ip4, ip6, port, scope) */
static napi_value js_send_to(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  int32_t fd;
  uint8_t *d;
  size_t l;
  te_addr dst;
  if (get_args(env, info, 7, argv, "sendTo") != 0) return NULL;
  if (arg_int(env, argv[0], "sendTo", "fd", &fd) != 0) return NULL;
  if (arg_bytes(env, argv[1], "sendTo", "data", 0, &d, &l) != 0) return NULL;
  if (arg_addr(env, argv + 2, "sendTo", &dst) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_sendmsg(fd, d, l, &dst, -1, 0, NULL));
}

/* sendMsg(fd, data, family, ip4, ip6, port, scope, hop, ifindex, srcFamily, srcIp4, srcIp6) */
static napi_value js_send_msg(napi_env env, napi_callback_info info) {
  napi_value argv[12], srcv[5];
  int32_t fd, hop, ifindex;
  uint8_t *d;
  size_t l;
  te_addr dst, src;
  if (get_args(env, info, 12, argv, "sendMsg") != 0) return NULL;
  if (arg_int(env, argv[0], "sendMsg", "fd", &fd) != 0) return NULL;
  if (arg_bytes(env, argv[1], "sendMsg", "data", 0, &d, &l) != 0) return NULL;
  if (arg_addr(env, argv + 2, "sendMsg", &dst) != 0) return NULL;
  if (arg_int(env, argv[7], "sendMsg", "hopLimit", &hop) != 0) return NULL;
  if (arg_int(env, argv[8], "sendMsg", "ifindex", &ifindex) != 0) return NULL;
  srcv[0] = argv[9];
  srcv[1] = argv[10];
  srcv[2] = argv[11];
  srcv[3] = num(env, 0);
  srcv[4] = num(env, 0);
  if (arg_addr(env, srcv, "sendMsg", &src) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_sendmsg(fd, d, l, &dst, hop, ifindex, &src));
}

/* recv(fd, maxSize, want): Buffer, or a negative errno. The header goes into the state. */
static napi_value js_recv(napi_env env, napi_callback_info info) {
  napi_value argv[3], out;
  int32_t fd, max, want;
  te_header h;
  ssize_t n;
  size_t cap;
  tsqt_inst *inst = get_inst(env);
  if (get_args(env, info, 3, argv, "recv") != 0) return NULL;
  if (arg_int(env, argv[0], "recv", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "recv", "maxSize", &max) != 0) return NULL;
  if (arg_int(env, argv[2], "recv", "want", &want) != 0) return NULL;
  if (max < 0) {
    napi_throw_range_error(env, NULL, "tsqt native recv: maxSize must not be negative");
    return NULL;
  }
  if (want < TE_WANT_NONE || want > TE_WANT_ALL) {
    throw_type(env, "recv", "want must be 0, 1 or 2");
    return NULL;
  }
  if (fd < 0) return int_result(env, -EBADF);
  cap = (size_t)max < RECV_CAP ? (size_t)max : RECV_CAP;
  n = te_recv(fd, inst->rbuf, cap, want, want == TE_WANT_NONE ? NULL : &h);
  if (n < 0) return int_result(env, n);
  if (want != TE_WANT_NONE) {
    state_put_addr(inst, 0, &h.sender);
    if (want == TE_WANT_ALL) {
      state_put_addr(inst, 1, &h.dest);
      state_put_int(inst, ST_HOP, h.hop_limit);
      state_put_int(inst, ST_IFINDEX, h.ifindex);
    }
  }
  if ((size_t)n > cap) n = (ssize_t)cap; /* defensive: never read past what was stored */
  CHECK(napi_create_buffer_copy(env, (size_t)n, inst->rbuf, NULL, &out));
  return out;
}

/* A typed array's data (element type and minimum element count checked). */
static int arg_typed(napi_env env, napi_value v, napi_typedarray_type want, const char *fn,
                     const char *name, size_t min_len, void **data) {
  bool is_ta = false;
  napi_typedarray_type type;
  size_t length = 0;
  char what[96];
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta ||
      napi_get_typedarray_info(env, v, &type, &length, data, NULL, NULL) != napi_ok ||
      type != want || length < min_len) {
    snprintf(what, sizeof(what), "%s must be a %s of at least %u elements", name,
             want == napi_int32_array ? "Int32Array" : "Uint8Array", (unsigned)min_len);
    return throw_type(env, fn, what);
  }
  return 0;
}

/* recvBatch(fd, max, meta: Int32Array, ip6: Uint8Array): one recvmmsg(2) of up to max datagrams.
 * Returns their count, their payloads concatenated at the start of exports.batch (valid until the
 * next recvBatch of this realm), or a negative errno (-EAGAIN: none).
 * meta[0] = count; datagram i at meta[2 + i*10]: length, sender family, port, ip4, scope,
 * destination family, ip4, scope, hop limit, interface index; ip6[i*32..+16) holds the sender's
 * IPv6 bytes, ip6[i*32+16..+16) the destination's. */
static napi_value js_recv_batch(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  int32_t fd, max;
  int32_t *meta;
  uint8_t *ip6;
  te_header hdrs[TE_BATCH_MAX];
  uint32_t lens[TE_BATCH_MAX];
  size_t total = 0;
  int n, i;
  tsqt_inst *inst = get_inst(env);
  if (get_args(env, info, 4, argv, "recvBatch") != 0) return NULL;
  if (arg_int(env, argv[0], "recvBatch", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "recvBatch", "max", &max) != 0) return NULL;
  if (arg_typed(env, argv[2], napi_int32_array, "recvBatch", "meta", BATCH_META_LEN,
                (void **)&meta) != 0)
    return NULL;
  if (arg_typed(env, argv[3], napi_uint8_array, "recvBatch", "ip6", TE_BATCH_MAX * 32,
                (void **)&ip6) != 0)
    return NULL;
  meta[0] = 0;
  if (fd < 0) return int_result(env, -EBADF);
  n = te_recv_batch(fd, inst->bbuf, BATCH_SLOT, max, hdrs, lens);
  if (n < 0) return int_result(env, n);
  for (i = 0; i < n; i++) {
    int32_t *m = meta + 2 + i * BATCH_STRIDE;
    const te_header *h = &hdrs[i];
    /* compact: datagram i moves down to the end of the previous ones (never upwards) */
    if (lens[i] > 0 && i > 0)
      memmove(inst->bbuf + total, inst->bbuf + (size_t)i * BATCH_SLOT, lens[i]);
    total += lens[i];
    m[0] = (int32_t)lens[i];
    m[1] = h->sender.family;
    m[2] = h->sender.port;
    m[3] = (int32_t)h->sender.ip4;
    m[4] = (int32_t)h->sender.scope;
    m[5] = h->dest.family;
    m[6] = (int32_t)h->dest.ip4;
    m[7] = (int32_t)h->dest.scope;
    m[8] = h->hop_limit;
    m[9] = h->ifindex;
    if (h->sender.family == TE_FAM_V6) memcpy(ip6 + i * 32, h->sender.ip6, 16);
    if (h->dest.family == TE_FAM_V6) memcpy(ip6 + i * 32 + 16, h->dest.ip6, 16);
  }
  meta[0] = n;
  return int_result(env, n);
}

/* A number argument: the fast conversion, else the checked one (which throws). */
#define FAST_INT(v, fn, name, out)                                                        \
  (napi_get_value_int32(env, (v), (out)) == napi_ok || arg_int(env, (v), fn, name, (out)) == 0)

/* sendTo4(fd, data, family, ip4, port): sendto(2) to an IPv4 destination (family 4), or to an
 * IPv4 destination through an IPv6 socket (family 10, ::ffff:a.b.c.d). Bytes or -errno. */
static napi_value js_send_to4(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  int32_t fd, fam, port, ip4;
  uint8_t *d;
  size_t l;
  te_addr dst;
  if (get_args(env, info, 5, argv, "sendTo4") != 0) return NULL;
  if (!FAST_INT(argv[0], "sendTo4", "fd", &fd)) return NULL;
  if (arg_bytes(env, argv[1], "sendTo4", "data", 0, &d, &l) != 0) return NULL;
  if (!FAST_INT(argv[2], "sendTo4", "family", &fam)) return NULL;
  if (fam != TE_FAM_V4 && fam != TE_FAM_V4MAPPED) {
    throw_type(env, "sendTo4", "family must be 4 or 10");
    return NULL;
  }
  /* an address above 2^31 arrives as a double: arg_int takes 0..2^32-1 */
  if (arg_int(env, argv[3], "sendTo4", "ip4", &ip4) != 0) return NULL;
  if (!FAST_INT(argv[4], "sendTo4", "port", &port)) return NULL;
  if (port < 0 || port > 65535) {
    throw_type(env, "sendTo4", "port must be in 0..65535");
    return NULL;
  }
  if (fd < 0) return int_result(env, -EBADF);
  memset(&dst, 0, sizeof(dst));
  dst.family = fam;
  dst.ip4 = (uint32_t)ip4;
  dst.port = (uint16_t)port;
  return int_result(env, te_sendmsg(fd, d, l, &dst, -1, 0, NULL));
}

/* getOption(fd, option, protocol): number, or undefined when getsockopt fails. */
static napi_value js_get_option(napi_env env, napi_callback_info info) {
  napi_value argv[3], r;
  int32_t fd, opt, proto;
  int v = 0;
  if (get_args(env, info, 3, argv, "getOption") != 0) return NULL;
  if (arg_int(env, argv[0], "getOption", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "getOption", "option", &opt) != 0) return NULL;
  if (arg_int(env, argv[2], "getOption", "protocol", &proto) != 0) return NULL;
  if (fd >= 0 && te_get_option(fd, opt, proto, &v) == 0) return num(env, v);
  napi_get_undefined(env, &r);
  return r;
}

static napi_value js_set_option(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  int32_t fd, opt, proto, value;
  if (get_args(env, info, 4, argv, "setOption") != 0) return NULL;
  if (arg_int(env, argv[0], "setOption", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "setOption", "option", &opt) != 0) return NULL;
  if (arg_int(env, argv[2], "setOption", "protocol", &proto) != 0) return NULL;
  if (arg_int(env, argv[3], "setOption", "value", &value) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_set_option(fd, opt, proto, value));
}

/* membership(fd, join, family, ip4, ip6, ifaceIp4, ifindex) */
static napi_value js_membership(napi_env env, napi_callback_info info) {
  napi_value argv[7], av[5];
  int32_t fd, join, ifindex;
  uint32_t iface4;
  te_addr g;
  if (get_args(env, info, 7, argv, "membership") != 0) return NULL;
  if (arg_int(env, argv[0], "membership", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "membership", "join", &join) != 0) return NULL;
  av[0] = argv[2];
  av[1] = argv[3];
  av[2] = argv[4];
  av[3] = num(env, 0);
  av[4] = num(env, 0);
  if (arg_addr(env, av, "membership", &g) != 0) return NULL;
  if (arg_uint32(env, argv[5], "membership", "ifaceIp4", &iface4) != 0) return NULL;
  if (arg_int(env, argv[6], "membership", "ifindex", &ifindex) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_membership(fd, join != 0, &g, iface4, ifindex));
}

/* setMulticastIf(fd, v6, ip4, ifindex) */
static napi_value js_set_mcast_if(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  int32_t fd, v6, ifindex;
  uint32_t ip4;
  if (get_args(env, info, 4, argv, "setMulticastIf") != 0) return NULL;
  if (arg_int(env, argv[0], "setMulticastIf", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "setMulticastIf", "v6", &v6) != 0) return NULL;
  if (arg_uint32(env, argv[2], "setMulticastIf", "ip4", &ip4) != 0) return NULL;
  if (arg_int(env, argv[3], "setMulticastIf", "ifindex", &ifindex) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  return int_result(env, te_set_multicast_if(fd, v6 != 0, ip4, ifindex));
}

/* getMulticastIf(fd, v6): IPv4 address (uint32) or IPv6 index, or a negative errno. */
static napi_value js_get_mcast_if(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t fd, v6;
  uint32_t value = 0;
  int r;
  if (get_args(env, info, 2, argv, "getMulticastIf") != 0) return NULL;
  if (arg_int(env, argv[0], "getMulticastIf", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "getMulticastIf", "v6", &v6) != 0) return NULL;
  if (fd < 0) return int_result(env, -EBADF);
  r = te_get_multicast_if(fd, v6 != 0, &value);
  return r < 0 ? int_result(env, r) : num(env, (double)value);
}

static napi_value js_strerror(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  int32_t e;
  char buf[256];
  const char *s;
  if (get_args(env, info, 1, argv, "strerror") != 0) return NULL;
  if (arg_int(env, argv[0], "strerror", "errno", &e) != 0) return NULL;
  if (e < 0) e = e == INT32_MIN ? 0 : -e; /* -INT32_MIN overflows */
  s = strerror_r(e, buf, sizeof(buf));
  CHECK(napi_create_string_utf8(env, s ? s : "Unknown error", NAPI_AUTO_LENGTH, &r));
  return r;
}

/* ------------------------------------------------------------------- poll ---- */

static void poll_free_if_done(tsqt_poll *p) {
  if (p->closed && !p->js_alive) {
    tsqt_inst *inst = p->inst;
    free(p);
    inst_unref(inst);
  }
}

static void on_poll_closed(uv_handle_t *h) {
  tsqt_poll *p = (tsqt_poll *)h->data;
  tsqt_inst *inst = p->inst;
  p->closed = 1;
  if (inst->tearing_down && --inst->closing == 0 && inst->cleanup != NULL) {
    napi_async_cleanup_hook_handle hh = inst->cleanup;
    inst->cleanup = NULL;
    napi_remove_async_cleanup_hook(hh);
  }
  poll_free_if_done(p);
}

/* Releases the JS-side resources and starts closing the uv handle. Idempotent. */
static void poll_begin_close(tsqt_poll *p, napi_env env) {
  if (p->closing) return;
  p->closing = 1;
  if (p->cb != NULL) {
    napi_delete_reference(env, p->cb);
    p->cb = NULL;
  }
  if (p->ctx != NULL) {
    napi_async_destroy(env, p->ctx);
    p->ctx = NULL;
  }
  /* unlink from the open list */
  if (p->prev) p->prev->next = p->next;
  else p->inst->polls = p->next;
  if (p->next) p->next->prev = p->prev;
  p->next = p->prev = NULL;
  if (p->inst->tearing_down) p->inst->closing++;
  /* uv_close stops the watcher and drops the fd from epoll at once: the fd may be closed now. */
  uv_close((uv_handle_t *)&p->handle, on_poll_closed);
}

static void on_poll(uv_poll_t *h, int status, int events) {
  tsqt_poll *p = (tsqt_poll *)h->data;
  napi_env env = p->inst->env;
  napi_handle_scope scope;
  napi_value fn, global, args[2], result;
  int revents = 0, size = -1;
  if (p->closing || p->cb == NULL) return;
  if (status < 0) revents |= TE_POLL_ERROR;
  if (events & UV_READABLE) revents |= TE_POLL_READ;
  if (events & UV_WRITABLE) revents |= TE_POLL_WRITE;
  if (events & UV_DISCONNECT) revents |= TE_POLL_ERROR;
  /* Asked here rather than by a call from JavaScript a moment later. FIONREAD neither reads
   * nor consumes a pending socket error: this only records what is there. */
  if (p->with_size && (revents & TE_POLL_READ)) {
    size = te_bytes_available(p->fd);
    if (size < 0) size = -1;
  }
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  if (napi_get_reference_value(env, p->cb, &fn) == napi_ok && fn != NULL) {
    napi_get_global(env, &global);
    napi_create_int32(env, revents, &args[0]);
    napi_create_int32(env, size, &args[1]);
    if (napi_make_callback(env, p->ctx, global, fn, 2, args, &result) != napi_ok) {
      bool pending = false;
      napi_is_exception_pending(env, &pending);
      if (pending) {
        napi_value err;
        napi_get_and_clear_last_exception(env, &err);
        napi_fatal_exception(env, err);
      }
    }
  }
  napi_close_handle_scope(env, scope);
}

static void poll_finalize(napi_env env, void *data, void *hint) {
  tsqt_poll *p = data;
  (void)hint;
  p->js_alive = 0;
  if (!p->closing) poll_begin_close(p, env);
  poll_free_if_done(p);
}

static tsqt_poll *arg_poll(napi_env env, napi_value v, const char *fn) {
  bool ok = false;
  napi_valuetype t;
  void *d = NULL;
  if (napi_typeof(env, v, &t) != napi_ok || t != napi_external ||
      napi_check_object_type_tag(env, v, &POLL_TAG, &ok) != napi_ok || !ok ||
      napi_get_value_external(env, v, &d) != napi_ok || d == NULL) {
    throw_type(env, fn, "handle must be a poll handle from pollOpen");
    return NULL;
  }
  return d;
}

/* pollOpen(fd, callback): an unref'd, stopped poll handle. */
static napi_value js_poll_open(napi_env env, napi_callback_info info) {
  napi_value argv[2], ext, name;
  napi_valuetype t;
  int32_t fd;
  tsqt_inst *inst = get_inst(env);
  tsqt_poll *p;
  uv_loop_t *loop = NULL;
  int r;
  if (get_args(env, info, 2, argv, "pollOpen") != 0) return NULL;
  if (arg_int(env, argv[0], "pollOpen", "fd", &fd) != 0) return NULL;
  if (napi_typeof(env, argv[1], &t) != napi_ok || t != napi_function) {
    throw_type(env, "pollOpen", "callback must be a function");
    return NULL;
  }
  if (fd < 0) {
    napi_throw_range_error(env, NULL, "tsqt native pollOpen: fd must not be negative");
    return NULL;
  }
  CHECK(napi_get_uv_event_loop(env, &loop));
  p = calloc(1, sizeof(*p));
  if (p == NULL) {
    napi_throw_error(env, NULL, "tsqt native pollOpen: out of memory");
    return NULL;
  }
  r = uv_poll_init(loop, &p->handle, fd);
  if (r != 0) {
    char msg[160];
    free(p);
    snprintf(msg, sizeof(msg), "tsqt native pollOpen: %s", uv_strerror(r));
    napi_throw_error(env, NULL, msg);
    return NULL;
  }
  uv_unref((uv_handle_t *)&p->handle);
  p->handle.data = p;
  p->inst = inst;
  p->fd = fd;
  p->js_alive = 1;
  inst->refs++;
  p->next = inst->polls;
  if (inst->polls) inst->polls->prev = p;
  inst->polls = p;
  if (napi_create_reference(env, argv[1], 1, &p->cb) != napi_ok ||
      napi_create_string_utf8(env, "tsqt:poll", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_async_init(env, NULL, name, &p->ctx) != napi_ok ||
      napi_create_external(env, p, poll_finalize, NULL, &ext) != napi_ok) {
    p->js_alive = 0;
    poll_begin_close(p, env);
    return NULL;
  }
  napi_type_tag_object(env, ext, &POLL_TAG);
  return ext;
}

static napi_value js_poll_start(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t events;
  tsqt_poll *p;
  int uv_events = 0;
  if (get_args(env, info, 2, argv, "pollStart") != 0) return NULL;
  if ((p = arg_poll(env, argv[0], "pollStart")) == NULL) return NULL;
  if (arg_int(env, argv[1], "pollStart", "events", &events) != 0) return NULL;
  if (p->closing) return NULL; /* closed: a no-op */
  if (events & TE_POLL_READ) uv_events |= UV_READABLE;
  if (events & TE_POLL_WRITE) uv_events |= UV_WRITABLE;
  p->with_size = (events & TE_POLL_SIZE) != 0;
  if (uv_events == 0) uv_poll_stop(&p->handle);
  else uv_poll_start(&p->handle, uv_events, on_poll);
  return NULL;
}

static napi_value js_poll_stop(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tsqt_poll *p;
  if (get_args(env, info, 1, argv, "pollStop") != 0) return NULL;
  if ((p = arg_poll(env, argv[0], "pollStop")) == NULL) return NULL;
  if (!p->closing) uv_poll_stop(&p->handle);
  return NULL;
}

static napi_value js_poll_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tsqt_poll *p;
  if (get_args(env, info, 1, argv, "pollClose") != 0) return NULL;
  if ((p = arg_poll(env, argv[0], "pollClose")) == NULL) return NULL;
  poll_begin_close(p, env);
  return NULL;
}

static napi_value js_poll_fd(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  int32_t fd, events, timeout;
  if (get_args(env, info, 3, argv, "pollFd") != 0) return NULL;
  if (arg_int(env, argv[0], "pollFd", "fd", &fd) != 0) return NULL;
  if (arg_int(env, argv[1], "pollFd", "events", &events) != 0) return NULL;
  if (arg_int(env, argv[2], "pollFd", "timeoutMs", &timeout) != 0) return NULL;
  return int_result(env, te_poll(fd, events, timeout < 0 ? -1 : timeout));
}

/* ------------------------------------------------------------- interfaces ---- */

static napi_value ip_bytes(napi_env env, const struct sockaddr *sa) {
  napi_value ab, arr, nul;
  void *data;
  size_t len;
  const void *src;
  if (sa == NULL) {
    napi_get_null(env, &nul);
    return nul;
  }
  if (sa->sa_family == AF_INET) {
    len = 4;
    src = &((const struct sockaddr_in *)sa)->sin_addr;
  } else if (sa->sa_family == AF_INET6) {
    len = 16;
    src = &((const struct sockaddr_in6 *)sa)->sin6_addr;
  } else {
    napi_get_null(env, &nul);
    return nul;
  }
  if (napi_create_arraybuffer(env, len, &data, &ab) != napi_ok) return NULL;
  memcpy(data, src, len);
  if (napi_create_typedarray(env, napi_uint8_array, len, ab, 0, &arr) != napi_ok) return NULL;
  return arr;
}

static void set_num(napi_env env, napi_value obj, const char *key, double v) {
  napi_set_named_property(env, obj, key, num(env, v));
}

/* What getifaddrs() does not say about an address and netlink does (Qt reads the same):
 * IFA_CACHEINFO's lifetimes in seconds (0xFFFFFFFF = forever) and the IFA_F_* flags. */
typedef struct {
  uint32_t index, preferred, valid, flags;
  int family;
  unsigned char addr[16];
} addr_info;

/* One RTM_GETADDR dump on a NETLINK_ROUTE socket: every address's info, or NULL (and *count 0)
 * when netlink is not available. The caller frees the array. */
static addr_info *read_addr_info(size_t *count) {
  struct {
    struct nlmsghdr hdr;
    struct ifaddrmsg ifa;
  } req;
  char buf[32768]; /* the kernel sizes a dump's messages to the reader's buffer, at most 32 KiB */
  addr_info *out = NULL;
  size_t n = 0, cap = 0;
  int fd, done = 0;
  *count = 0;
  fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) return NULL;
  memset(&req, 0, sizeof(req));
  req.hdr.nlmsg_len = sizeof(req);
  req.hdr.nlmsg_type = RTM_GETADDR;
  req.hdr.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.hdr.nlmsg_seq = 1;
  req.ifa.ifa_family = AF_UNSPEC;
  if (send(fd, &req, sizeof(req), 0) < 0) {
    close(fd);
    return NULL;
  }
  while (!done) {
    ssize_t len = recv(fd, buf, sizeof(buf), 0);
    struct nlmsghdr *h;
    if (len < 0 && errno == EINTR) continue;
    if (len <= 0) break;
    for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
      struct ifaddrmsg *ifa;
      struct rtattr *rta;
      int rlen, have = 0;
      addr_info info;
      if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
        done = 1;
        break;
      }
      if (h->nlmsg_type != RTM_NEWADDR || h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa))) continue;
      ifa = (struct ifaddrmsg *)NLMSG_DATA(h);
      if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6) continue;
      memset(&info, 0, sizeof(info));
      info.index = ifa->ifa_index;
      info.family = ifa->ifa_family;
      info.flags = ifa->ifa_flags;
      info.preferred = info.valid = 0xFFFFFFFFu;
      rlen = (int)IFA_PAYLOAD(h);
      for (rta = IFA_RTA(ifa); RTA_OK(rta, rlen); rta = RTA_NEXT(rta, rlen)) {
        size_t alen = ifa->ifa_family == AF_INET ? 4 : 16;
        if ((rta->rta_type == IFA_LOCAL || (rta->rta_type == IFA_ADDRESS && !have)) && RTA_PAYLOAD(rta) >= alen) {
          /* IFA_LOCAL is the local side of a point-to-point link; IFA_ADDRESS otherwise */
          memcpy(info.addr, RTA_DATA(rta), alen);
          have = 1;
        } else if (rta->rta_type == IFA_CACHEINFO && RTA_PAYLOAD(rta) >= sizeof(struct ifa_cacheinfo)) {
          const struct ifa_cacheinfo *ci = (const struct ifa_cacheinfo *)RTA_DATA(rta);
          info.preferred = ci->ifa_prefered;
          info.valid = ci->ifa_valid;
        } else if (rta->rta_type == IFA_FLAGS && RTA_PAYLOAD(rta) >= sizeof(uint32_t)) {
          memcpy(&info.flags, RTA_DATA(rta), sizeof(uint32_t));
        }
      }
      if (!have) continue;
      if (n == cap) {
        size_t ncap = cap ? cap * 2 : 16;
        addr_info *grown = realloc(out, ncap * sizeof(*out));
        if (grown == NULL) {
          done = 1;
          break;
        }
        out = grown;
        cap = ncap;
      }
      out[n++] = info;
    }
  }
  close(fd);
  *count = n;
  return out;
}

static const addr_info *find_addr_info(const addr_info *all, size_t count, uint32_t index, const struct sockaddr *sa) {
  size_t k;
  const void *bytes = sa->sa_family == AF_INET ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
                                               : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
  size_t len = sa->sa_family == AF_INET ? 4 : 16;
  for (k = 0; k < count; k++)
    if (all[k].index == index && all[k].family == sa->sa_family && memcmp(all[k].addr, bytes, len) == 0) return &all[k];
  return NULL;
}

static napi_value js_interfaces(napi_env env, napi_callback_info info) {
  struct ifaddrs *list = NULL, *i, *j;
  napi_value result;
  uint32_t count = 0;
  int sock;
  addr_info *ainfo = NULL;
  size_t ainfo_count = 0;
  (void)info;
  if (getifaddrs(&list) != 0) {
    napi_create_array(env, &result);
    return result;
  }
  sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ainfo = read_addr_info(&ainfo_count);
  napi_create_array(env, &result);
  for (i = list; i != NULL; i = i->ifa_next) {
    napi_value obj, addrs, s;
    char hw[3 * 32] = "";
    int type = -1, seen = 0, mtu = 0;
    unsigned flags = 0;
    uint32_t naddr = 0, index;
    if (i->ifa_name == NULL) continue;
    for (j = list; j != i; j = j->ifa_next)
      if (j->ifa_name != NULL && strcmp(j->ifa_name, i->ifa_name) == 0) { seen = 1; break; }
    if (seen) continue;
    napi_create_object(env, &obj);
    napi_create_array(env, &addrs);
    index = if_nametoindex(i->ifa_name);
    for (j = i; j != NULL; j = j->ifa_next) {
      if (j->ifa_name == NULL || strcmp(j->ifa_name, i->ifa_name) != 0) continue;
      flags = j->ifa_flags;
      if (j->ifa_addr == NULL) continue;
      if (j->ifa_addr->sa_family == AF_PACKET) {
        const struct sockaddr_ll *ll = (const struct sockaddr_ll *)j->ifa_addr;
        size_t n = ll->sll_halen, k, pos = 0;
        if (n > sizeof(ll->sll_addr)) n = sizeof(ll->sll_addr);
        type = ll->sll_hatype;
        for (k = 0; k < n && pos + 3 < sizeof(hw); k++)
          pos += (size_t)snprintf(hw + pos, sizeof(hw) - pos, k ? ":%02X" : "%02X",
                                  ll->sll_addr[k]);
      } else if (j->ifa_addr->sa_family == AF_INET || j->ifa_addr->sa_family == AF_INET6) {
        napi_value a;
        int v6 = j->ifa_addr->sa_family == AF_INET6;
        napi_create_object(env, &a);
        set_num(env, a, "family", v6 ? 6 : 4);
        napi_set_named_property(env, a, "ip", ip_bytes(env, j->ifa_addr));
        napi_set_named_property(env, a, "netmask", ip_bytes(env, j->ifa_netmask));
        napi_set_named_property(
            env, a, "broadcast",
            ip_bytes(env, (!v6 && (j->ifa_flags & IFF_BROADCAST)) ? j->ifa_broadaddr : NULL));
        set_num(env, a, "scopeId",
                v6 ? ((const struct sockaddr_in6 *)j->ifa_addr)->sin6_scope_id : 0);
        {
          const addr_info *ai = ainfo ? find_addr_info(ainfo, ainfo_count, index, j->ifa_addr) : NULL;
          if (ai != NULL) {
            /* seconds, -1 = forever (0xFFFFFFFF); IFA_F_* flags */
            set_num(env, a, "preferred", ai->preferred == 0xFFFFFFFFu ? -1 : (double)ai->preferred);
            set_num(env, a, "valid", ai->valid == 0xFFFFFFFFu ? -1 : (double)ai->valid);
            set_num(env, a, "addrFlags", ai->flags);
          }
        }
        napi_set_element(env, addrs, naddr++, a);
      }
    }
    if (sock >= 0) {
      struct ifreq req;
      memset(&req, 0, sizeof(req));
      strncpy(req.ifr_name, i->ifa_name, IFNAMSIZ - 1);
      if (ioctl(sock, SIOCGIFMTU, &req) == 0) mtu = req.ifr_mtu;
    }
    napi_create_string_utf8(env, i->ifa_name, NAPI_AUTO_LENGTH, &s);
    napi_set_named_property(env, obj, "name", s);
    set_num(env, obj, "index", index);
    set_num(env, obj, "flags", flags);
    napi_create_string_utf8(env, hw, NAPI_AUTO_LENGTH, &s);
    napi_set_named_property(env, obj, "hwaddr", s);
    set_num(env, obj, "type", type);
    set_num(env, obj, "mtu", mtu);
    napi_set_named_property(env, obj, "addrs", addrs);
    napi_set_element(env, result, count++, obj);
  }
  if (sock >= 0) close(sock);
  free(ainfo);
  freeifaddrs(list);
  return result;
}

static napi_value js_name_to_index(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_valuetype t;
  char name[IF_NAMESIZE + 1];
  size_t len = 0;
  if (get_args(env, info, 1, argv, "nameToIndex") != 0) return NULL;
  if (napi_typeof(env, argv[0], &t) != napi_ok || t != napi_string) {
    throw_type(env, "nameToIndex", "name must be a string");
    return NULL;
  }
  /* A name longer than IF_NAMESIZE-1 cannot exist: the length check avoids truncation. */
  napi_get_value_string_utf8(env, argv[0], NULL, 0, &len);
  if (len == 0 || len >= IF_NAMESIZE) return num(env, 0);
  napi_get_value_string_utf8(env, argv[0], name, sizeof(name), &len);
  if (strlen(name) != len) return num(env, 0); /* embedded NUL */
  return num(env, if_nametoindex(name));
}

static napi_value js_index_to_name(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  uint32_t idx;
  char name[IF_NAMESIZE];
  if (get_args(env, info, 1, argv, "indexToName") != 0) return NULL;
  if (arg_uint32(env, argv[0], "indexToName", "index", &idx) != 0) return NULL;
  if (idx == 0 || if_indextoname(idx, name) == NULL) name[0] = 0;
  CHECK(napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &r));
  return r;
}

/* resources(): [open sockets made by socket(), poll handles not yet freed] of this instance. */
static napi_value js_resources(napi_env env, napi_callback_info info) {
  napi_value r;
  tsqt_inst *inst = get_inst(env);
  (void)info;
  CHECK(napi_create_array_with_length(env, 2, &r));
  CHECK(napi_set_element(env, r, 0, num(env, inst->owned_count)));
  CHECK(napi_set_element(env, r, 1, num(env, inst->refs - 1)));
  return r;
}

/* ------------------------------------------------------------------- lifecycle ---- */

static void on_async_cleanup(napi_async_cleanup_hook_handle handle, void *arg) {
  tsqt_inst *inst = arg;
  inst->tearing_down = 1;
  inst->cleanup = handle;
  while (inst->polls != NULL) poll_begin_close(inst->polls, inst->env);
  /* The poll handles are off the loop now: close the sockets JS left open (a worker ending). */
  for (size_t fd = 0; fd < inst->owned_cap && inst->owned_count > 0; fd++) {
    if (inst->owned[fd]) {
      inst->owned[fd] = 0;
      inst->owned_count--;
      te_close((int)fd);
    }
  }
  if (inst->closing == 0) {
    inst->cleanup = NULL;
    napi_remove_async_cleanup_hook(handle);
  }
}

static void inst_finalize(napi_env env, void *data, void *hint) {
  tsqt_inst *inst = data;
  (void)hint;
  if (inst->state_ref != NULL) napi_delete_reference(env, inst->state_ref);
  inst->state_ref = NULL;
  if (inst->batch_ref != NULL) napi_delete_reference(env, inst->batch_ref);
  inst->batch_ref = NULL;
  inst_unref(inst);
}

#define FN(name, cb) {name, NULL, cb, NULL, NULL, NULL, napi_enumerable, NULL}

NAPI_MODULE_INIT() {
  tsqt_inst *inst;
  napi_value state, batch;
  napi_property_descriptor props[] = {
      FN("socket", js_socket),
      FN("close", js_close),
      FN("adopt", js_adopt),
      FN("bind", js_bind),
      FN("connect", js_connect),
      FN("disconnect", js_disconnect),
      FN("sockName", js_sockname),
      FN("peerName", js_peername),
      FN("send", js_send),
      FN("sendTo", js_send_to),
      FN("sendMsg", js_send_msg),
      FN("recv", js_recv),
      FN("recvBatch", js_recv_batch),
      FN("sendTo4", js_send_to4),
      FN("pendingSize", js_pending_size),
      FN("hasPending", js_has_pending),
      FN("bytesAvailable", js_bytes_available),
      FN("dropStrangers", js_drop_strangers),
      FN("getOption", js_get_option),
      FN("setOption", js_set_option),
      FN("membership", js_membership),
      FN("setMulticastIf", js_set_mcast_if),
      FN("getMulticastIf", js_get_mcast_if),
      FN("strerror", js_strerror),
      FN("pollOpen", js_poll_open),
      FN("pollStart", js_poll_start),
      FN("pollStop", js_poll_stop),
      FN("pollClose", js_poll_close),
      FN("pollFd", js_poll_fd),
      FN("interfaces", js_interfaces),
      FN("nameToIndex", js_name_to_index),
      FN("indexToName", js_index_to_name),
      FN("resources", js_resources),
  };
  inst = calloc(1, sizeof(*inst));
  if (inst == NULL) return NULL;
  inst->env = env;
  inst->refs = 1;
  inst->state = calloc(1, ST_SIZE);
  inst->rbuf = malloc(RECV_CAP);
  /* 4 MiB of address space; only the pages datagrams touch are ever committed */
  inst->bbuf = malloc((size_t)TE_BATCH_MAX * BATCH_SLOT);
  if (inst->state == NULL || inst->rbuf == NULL || inst->bbuf == NULL) {
    free(inst->state);
    free(inst->rbuf);
    free(inst->bbuf);
    free(inst);
    napi_throw_error(env, NULL, "tsqt native: out of memory");
    return NULL;
  }
  if (napi_set_instance_data(env, inst, inst_finalize, NULL) != napi_ok) {
    inst->refs = 1;
    inst_unref(inst);
    return NULL;
  }
  /* The state memory is owned by the instance (a no-op finalizer): even if the ArrayBuffer is
   * detached by JS code, native writes stay inside memory we own. */
  CHECK(napi_create_external_arraybuffer(env, inst->state, ST_SIZE, NULL, NULL, &state));
  CHECK(napi_create_reference(env, state, 1, &inst->state_ref));
  CHECK(napi_create_external_arraybuffer(env, inst->bbuf, (size_t)TE_BATCH_MAX * BATCH_SLOT, NULL,
                                         NULL, &batch));
  CHECK(napi_create_reference(env, batch, 1, &inst->batch_ref));
  CHECK(napi_add_async_cleanup_hook(env, on_async_cleanup, inst, NULL));
  CHECK(napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props));
  CHECK(napi_set_named_property(env, exports, "state", state));
  CHECK(napi_set_named_property(env, exports, "batch", batch));
  return exports;
}
