/*
 * A small C driver of the engine core (native/engine.c), for AddressSanitizer and valgrind runs
 * (valgrind over Node is too slow). Loopback only. Exit status 0 when every check passes.
 *
 *   native/test/asan.sh             build with -fsanitize=address,undefined and run
 *   native/test/asan.sh --valgrind  build plainly and run under valgrind --leak-check=full
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../engine.h"

static int failures = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static te_addr v4(uint32_t ip, uint16_t port) {
  te_addr a;
  memset(&a, 0, sizeof(a));
  a.family = TE_FAM_V4;
  a.ip4 = ip;
  a.port = port;
  return a;
}

static te_addr v6(const uint8_t *ip, uint16_t port) {
  te_addr a;
  memset(&a, 0, sizeof(a));
  a.family = TE_FAM_V6;
  if (ip) memcpy(a.ip6, ip, 16);
  a.port = port;
  return a;
}

static int bound(int proto, te_addr at, uint16_t *port) {
  int out = -1;
  te_addr name;
  int fd = te_socket(proto, &out);
  CHECK(fd >= 0 && out == proto);
  CHECK(te_bind(fd, &at) == 0);
  CHECK(te_sockname(fd, &name) == 0);
  *port = name.port;
  return fd;
}

static void round_ipv4(void) {
  uint16_t pa, pb;
  int a = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &pa);
  int b = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &pb);
  te_addr dst = v4(0x7f000001, pa), src = v4(0x7f000001, 0);
  te_header h;
  char buf[70000];
  int v = 0;
  static char big[65508];

  CHECK(te_set_option(a, TE_OPT_RECV_PKTINFO, TE_PROTO_IPV4, 1) == 0);
  CHECK(te_set_option(a, TE_OPT_RECV_HOPLIMIT, TE_PROTO_IPV4, 1) == 0);
  CHECK(te_pending_size(a) == -1);
  CHECK(te_has_pending(a) == 0);
  CHECK(te_sendmsg(b, "hello", 5, &dst, 9, 0, &src) == 5);
  CHECK(te_sendmsg(b, "", 0, &dst, -1, 0, NULL) == 0);
  CHECK(te_poll(a, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_has_pending(a) == 1);
  CHECK(te_pending_size(a) == 5);
  CHECK(te_bytes_available(a) == 5);
  CHECK(te_recv(a, buf, 3, TE_WANT_ALL, &h) == 3);
  CHECK(memcmp(buf, "hel", 3) == 0);
  CHECK(h.sender.family == TE_FAM_V4 && h.sender.port == pb && h.sender.ip4 == 0x7f000001);
  CHECK(h.dest.family == TE_FAM_V4 && h.dest.ip4 == 0x7f000001);
  CHECK(h.hop_limit == 9);
  CHECK(h.ifindex == (int)if_nametoindex("lo"));
  CHECK(te_poll(a, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_pending_size(a) == 0);
  CHECK(te_recv(a, buf, 0, TE_WANT_NONE, NULL) == 0);
  CHECK(te_recv(a, buf, sizeof(buf), TE_WANT_SENDER, &h) == -EAGAIN);
  CHECK(te_sendmsg(b, big, sizeof(big), &dst, -1, 0, NULL) == -EMSGSIZE);
  CHECK(te_sendmsg(b, big, sizeof(big) - 1, &dst, -1, 0, NULL) == (ssize_t)sizeof(big) - 1);
  CHECK(te_poll(a, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_recv(a, buf, sizeof(buf), TE_WANT_NONE, NULL) == (ssize_t)sizeof(big) - 1);

  /* options */
  CHECK(te_get_option(a, TE_OPT_MULTICAST_TTL, TE_PROTO_IPV4, &v) == 0 && v == 1);
  CHECK(te_set_option(a, TE_OPT_MULTICAST_TTL, TE_PROTO_IPV4, 0) == 0);
  CHECK(te_get_option(a, TE_OPT_MULTICAST_TTL, TE_PROTO_IPV4, &v) == 0 && v == 0);
  CHECK(te_get_option(a, TE_OPT_LOW_DELAY, TE_PROTO_IPV4, &v) < 0);
  CHECK(te_get_option(a, 12345, TE_PROTO_IPV4, &v) == -ENOPROTOOPT);

  /* bind conflict */
  {
    int out, c = te_socket(TE_PROTO_IPV4, &out);
    te_addr busy = v4(0x7f000001, pa);
    CHECK(te_bind(c, &busy) == -EADDRINUSE);
    CHECK(te_close(c) == 0);
  }

  /* connected socket and ICMP */
  {
    int out, c = te_socket(TE_PROTO_IPV4, &out);
    te_addr peer;
    CHECK(te_connect(c, &dst) == 0);
    CHECK(te_peername(c, &peer) == 0 && peer.port == pa);
    CHECK(te_send(c, "x", 1) == 1);
    CHECK(te_close(a) == 0);
    a = -1;
    CHECK(te_send(c, "y", 1) == 1);
    CHECK(te_poll(c, TE_POLL_READ, 2000) != 0);
    CHECK(te_recv(c, buf, sizeof(buf), TE_WANT_NONE, NULL) == -ECONNREFUSED);
    CHECK(te_disconnect(c) == 0);
    CHECK(te_peername(c, &peer) == -ENOTCONN);
    CHECK(te_close(c) == 0);
  }
  CHECK(te_close(b) == 0);
}

static void round_ipv6_dual(void) {
  static const uint8_t lo6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  uint16_t pd, p6, p4;
  int d = bound(TE_PROTO_DUAL, v6(NULL, 0), &pd);
  int s6 = bound(TE_PROTO_IPV6, v6(lo6, 0), &p6);
  int s4 = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &p4);
  te_addr to_d4 = v4(0x7f000001, pd), to_d6 = v6(lo6, pd), mapped;
  te_header h;
  char buf[64];
  uint32_t idx = 0;
  uint8_t group[16] = {0xff, 0x12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0x21};
  te_addr g6 = v6(group, 0);
  te_addr g4 = v4(0xefff2b15, 0);

  CHECK(te_set_option(d, TE_OPT_RECV_PKTINFO, TE_PROTO_DUAL, 1) == 0);
  CHECK(te_sendmsg(s4, "four", 4, &to_d4, -1, 0, NULL) == 4);
  CHECK(te_poll(d, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_recv(d, buf, sizeof(buf), TE_WANT_ALL, &h) == 4);
  CHECK(h.sender.family == TE_FAM_V6 && h.sender.ip6[10] == 0xff && h.sender.ip6[12] == 127);
  CHECK(h.dest.family == TE_FAM_V6 && h.ifindex > 0);
  CHECK(te_sendmsg(s6, "six", 3, &to_d6, 3, 0, NULL) == 3);
  CHECK(te_poll(d, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_recv(d, buf, sizeof(buf), TE_WANT_SENDER, &h) == 3);
  CHECK(h.sender.family == TE_FAM_V6 && h.sender.port == p6);
  memset(&mapped, 0, sizeof(mapped));
  mapped.family = TE_FAM_V4MAPPED;
  mapped.ip4 = 0x7f000001;
  mapped.port = p4;
  CHECK(te_sendmsg(d, "back", 4, &mapped, -1, 0, NULL) == 4);
  CHECK(te_poll(s4, TE_POLL_READ, 2000) & TE_POLL_READ);
  CHECK(te_recv(s4, buf, sizeof(buf), TE_WANT_SENDER, &h) == 4);

  /* multicast */
  if (te_membership(s6, 1, &g6, 0, (int)if_nametoindex("lo")) == 0)
    CHECK(te_membership(s6, 0, &g6, 0, (int)if_nametoindex("lo")) == 0);
  CHECK(te_set_multicast_if(s6, 1, 0, (int)if_nametoindex("lo")) == 0);
  CHECK(te_get_multicast_if(s6, 1, &idx) == 0 && idx == if_nametoindex("lo"));
  CHECK(te_membership(s4, 1, &g4, 0x7f000001, 0) == 0);
  CHECK(te_membership(s4, 0, &g4, 0x7f000001, 0) == 0);
  CHECK(te_membership(s4, 0, &g4, 0x7f000001, 0) == -EADDRNOTAVAIL);
  CHECK(te_set_multicast_if(s4, 0, 0x7f000001, 0) == 0);
  CHECK(te_get_multicast_if(s4, 0, &idx) == 0 && idx == 0x7f000001);

  CHECK(te_close(d) == 0);
  CHECK(te_close(s6) == 0);
  CHECK(te_close(s4) == 0);
}

/* te_drop_strangers: a dual-stack socket bound, then connected to an IPv4 peer (v4-mapped). */
static void round_drop_strangers(void) {
  uint16_t pc, pp, px, pg;
  int c = bound(TE_PROTO_DUAL, v6(NULL, 0), &pc);
  int p = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &pp);
  int x = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &px);
  int g = bound(TE_PROTO_IPV4, v4(0x7f000001, 0), &pg);
  te_addr to_c = v4(0x7f000001, pc), peer = v4(0x7f000001, pp), gone = v4(0x7f000001, pg);
  te_header h;
  char buf[16];
  CHECK(te_drop_strangers(c) == -ENOTCONN);
  CHECK(te_sendmsg(x, "x1", 2, &to_c, -1, 0, NULL) == 2);
  CHECK(te_sendmsg(p, "p1", 2, &to_c, -1, 0, NULL) == 2);
  CHECK(te_sendmsg(x, "x2", 2, &to_c, -1, 0, NULL) == 2);
  CHECK(te_poll(c, TE_POLL_READ, 2000) & TE_POLL_READ);
  peer.family = TE_FAM_V4MAPPED;
  CHECK(te_connect(c, &peer) == 0);
  CHECK(te_drop_strangers(c) == TE_PEER_HEAD);
  CHECK(te_recv(c, buf, sizeof(buf), TE_WANT_SENDER, &h) == 2);
  CHECK(memcmp(buf, "p1", 2) == 0 && h.sender.port == pp);
  CHECK(te_drop_strangers(c) == TE_PEER_EMPTY);
  CHECK(te_recv(c, buf, sizeof(buf), TE_WANT_NONE, NULL) == -EAGAIN);
  /* an ICMP error is reported, never consumed */
  CHECK(te_close(g) == 0);
  gone.family = TE_FAM_V4MAPPED;
  CHECK(te_connect(c, &gone) == 0);
  CHECK(te_send(c, "?", 1) == 1);
  CHECK(te_poll(c, TE_POLL_READ, 2000) & TE_POLL_ERROR);
  CHECK(te_drop_strangers(c) == TE_PEER_ERROR);
  CHECK(te_recv(c, buf, sizeof(buf), TE_WANT_NONE, NULL) == -ECONNREFUSED);
  CHECK(te_close(c) == 0);
  CHECK(te_close(p) == 0);
  CHECK(te_close(x) == 0);
}

/* te_adopt: only an open UDP socket over IPv4/IPv6 is accepted; a blocking one is made
 * non-blocking only when taken; nothing else is changed */
static void round_adopt(void) {
  int udp = socket(AF_INET, SOCK_DGRAM, 0); /* blocking, as another library may make it */
  int udp6 = socket(AF_INET6, SOCK_DGRAM, 0);
  int tcp = socket(AF_INET, SOCK_STREAM, 0);
  int unix_dgram = socket(AF_UNIX, SOCK_DGRAM, 0);
  int file = open("/dev/null", O_RDONLY);
  int closed = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK(udp >= 0 && udp6 >= 0 && tcp >= 0 && unix_dgram >= 0 && file >= 0 && closed >= 0);
  CHECK(close(closed) == 0);
  CHECK(te_adopt(udp, 0) == TE_PROTO_IPV4);
  CHECK((fcntl(udp, F_GETFL) & O_NONBLOCK) == 0);
  CHECK(te_adopt(udp, 1) == TE_PROTO_IPV4);
  CHECK((fcntl(udp, F_GETFL) & O_NONBLOCK) != 0);
  CHECK(te_adopt(udp6, 1) == TE_PROTO_IPV6);
  CHECK(te_adopt(tcp, 1) == -EPROTOTYPE);
  CHECK((fcntl(tcp, F_GETFL) & O_NONBLOCK) == 0);
  CHECK(te_adopt(unix_dgram, 1) == -EPROTOTYPE);
  CHECK(te_adopt(file, 1) == -ENOTSOCK);
  CHECK((fcntl(file, F_GETFL) & O_NONBLOCK) == 0);
  CHECK(te_adopt(closed, 1) == -EBADF);
  CHECK(te_adopt(-1, 1) == -EBADF);
  close(udp);
  close(udp6);
  close(tcp);
  close(unix_dgram);
  close(file);
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 50;
  int i;
  CHECK(te_poll(-1, TE_POLL_READ, 0) == -EBADF);
  CHECK(te_close(-1) == -EBADF);
  for (i = 0; i < rounds && failures == 0; i++) {
    round_ipv4();
    round_ipv6_dual();
    round_drop_strangers();
    round_adopt();
  }
  if (failures) {
    fprintf(stderr, "engine_driver: %d check(s) failed\n", failures);
    return 1;
  }
  printf("engine_driver: %d rounds passed\n", rounds);
  return 0;
}
