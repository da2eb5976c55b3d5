/*
 * tsqt native socket engine: the plain POSIX core (no Node-API, no libuv).
 *
 * Used by the Node-API glue (tsqt.c) and by the C test driver (test/engine_driver.c).
 * Every function returns a non-negative result or a negative errno; none of them throws,
 * allocates or keeps state beyond the descriptor it is given.
 */
#ifndef TSQT_ENGINE_H
#define TSQT_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Socket protocols, Qt's QAbstractSocket::NetworkLayerProtocol values. */
#define TE_PROTO_IPV4 0
#define TE_PROTO_IPV6 1
#define TE_PROTO_DUAL 2

/* Address families as passed across the engine boundary. */
#define TE_FAM_NONE 0
#define TE_FAM_V4 4     /* sockaddr_in from ip4 */
#define TE_FAM_V6 6     /* sockaddr_in6 from ip6 + scope */
#define TE_FAM_V4MAPPED 10 /* sockaddr_in6 holding ::ffff:ip4 (IPv4 peer of an IPv6 socket) */

/* Options: the values of EngineOption in src/network/private/SocketEngine.ts. */
#define TE_OPT_LOW_DELAY 0
#define TE_OPT_KEEP_ALIVE 1
#define TE_OPT_MULTICAST_TTL 2
#define TE_OPT_MULTICAST_LOOP 3
#define TE_OPT_TOS 4
#define TE_OPT_SNDBUF 5
#define TE_OPT_RCVBUF 6
#define TE_OPT_PATH_MTU 7
#define TE_OPT_BROADCAST 100
#define TE_OPT_ADDRESS_REUSABLE 101
#define TE_OPT_BIND_EXCLUSIVELY 102
#define TE_OPT_RECV_PKTINFO 103
#define TE_OPT_RECV_HOPLIMIT 104
#define TE_OPT_V6ONLY 105 /* engine-internal: IPV6_V6ONLY (Qt sets it in nativeBind) */

/* Header parts a receive fills. */
#define TE_WANT_NONE 0
#define TE_WANT_SENDER 1
#define TE_WANT_ALL 2

/* Poll event bits (contract B). */
#define TE_POLL_READ 1
#define TE_POLL_WRITE 2
#define TE_POLL_ERROR 4
/* pollStart only: with TE_POLL_READ, the callback also gets FIONREAD (the first datagram's size) */
#define TE_POLL_SIZE 8
/* te_poll only, with TE_POLL_ERROR: the descriptor is not open (POLLNVAL) */
#define TE_POLL_INVALID 16

typedef struct te_addr {
  int family;        /* TE_FAM_* */
  uint16_t port;
  uint32_t ip4;      /* host byte order */
  uint8_t ip6[16];
  uint32_t scope;
} te_addr;

typedef struct te_header {
  te_addr sender;
  te_addr dest;      /* family NONE when the OS gave no packet info */
  int hop_limit;     /* -1 when unknown */
  int ifindex;       /* 0 when unknown */
} te_header;

/* Creates a non-blocking, close-on-exec UDP socket. proto: TE_PROTO_*; for DUAL falls back to
 * IPv4 when IPv6 is unavailable. *out_proto receives the protocol actually created. */
int te_socket(int proto, int *out_proto);
int te_close(int fd);
/* Checks an existing descriptor for the engine (Qt's initialize(socketDescriptor), narrowed to
 * what a UDP engine can serve): it must be an open UDP socket over IPv4 or IPv6. Returns its
 * protocol (TE_PROTO_IPV4 or TE_PROTO_IPV6), or -EBADF (not open), -ENOTSOCK (not a socket: a
 * file, a pipe, a terminal...), -EPROTOTYPE (a socket of another kind: TCP, a Unix-domain
 * socket...) or another negative errno. With take, an accepted descriptor is also made
 * non-blocking. Nothing is changed when it fails. */
int te_adopt(int fd, int take);
int te_bind(int fd, const te_addr *a);
int te_connect(int fd, const te_addr *a);
/* Dissolves a UDP association (connect with AF_UNSPEC). */
int te_disconnect(int fd);
int te_sockname(int fd, te_addr *out);
int te_peername(int fd, te_addr *out);

/* send(2) on a connected socket. */
ssize_t te_send(int fd, const void *data, size_t len);
/* sendto(2) / sendmsg(2): dst may be NULL (connected peer); hop -1 = default; ifindex 0 and
 * src NULL (or family NONE) = OS choice. is_v6: the socket is AF_INET6 (selects the cmsg level). */
ssize_t te_sendmsg(int fd, const void *data, size_t len, const te_addr *dst, int hop, int ifindex,
                   const te_addr *src);
/* Receives one datagram into buf (cap bytes, the rest of a longer datagram is discarded).
 * Returns the bytes stored. want: TE_WANT_*; h may be NULL when want is NONE. */
ssize_t te_recv(int fd, void *buf, size_t cap, int want, te_header *h);
/* The most datagrams one te_recv_batch call takes. */
#define TE_BATCH_MAX 64
/* recvmmsg(2), non-blocking: up to max (<= TE_BATCH_MAX) datagrams, datagram i stored at
 * buf + i * slot (slot bytes each: 65536 never truncates a UDP datagram), its header in hdrs[i]
 * (sender, packet info, hop limit) and its stored length in lens[i]. Returns the count (>= 1) or
 * a negative errno (-EAGAIN when nothing is queued). */
int te_recv_batch(int fd, unsigned char *buf, size_t slot, int max, te_header *hdrs,
                  uint32_t *lens);
/* Size of the next datagram (0 when empty), -1 when none, other negative errno on error. */
ssize_t te_pending_size(int fd);
/* 1 when a datagram is queued (a 1-byte peek succeeds or says EMSGSIZE), else 0. */
int te_has_pending(int fd);
/* FIONREAD. */
int te_bytes_available(int fd);

/* Results of te_drop_strangers. */
#define TE_PEER_EMPTY 0 /* the receive queue is empty */
#define TE_PEER_HEAD 1  /* the datagram at the head of the queue is from the connected peer */
#define TE_PEER_ERROR 2 /* a socket error is pending: left for the next receive to report */
/* For a connected socket whose queue may still hold datagrams that arrived before connect(2)
 * (Linux keeps them): consumes every datagram at the head of the queue whose sender is not the
 * peer (getpeername; an IPv4-mapped IPv6 address equals its IPv4 form). Never consumes a pending
 * socket error (checked with poll first). Returns TE_PEER_* or a negative errno (-ENOTCONN when
 * not connected; any other is a receive error the kernel has already consumed). */
int te_drop_strangers(int fd);

/* Options (TE_OPT_*); proto selects IPv4 or IPv6 level. get: 0 and *value, or negative. */
int te_get_option(int fd, int opt, int proto, int *value);
int te_set_option(int fd, int opt, int proto, int value);

/* Multicast membership. IPv4 group: ip_mreqn{group, iface_ip4, ifindex}; IPv6: ipv6_mreq{group,
 * ifindex}. */
int te_membership(int fd, int join, const te_addr *group, uint32_t iface_ip4, int ifindex);
/* IP_MULTICAST_IF (v6 = 0, by address) / IPV6_MULTICAST_IF (v6 = 1, by index). */
int te_set_multicast_if(int fd, int v6, uint32_t ip4, int ifindex);
/* Reads it back: the IPv4 address (host order) or the IPv6 interface index. */
int te_get_multicast_if(int fd, int v6, uint32_t *value);

/* poll(2) on one descriptor: events TE_POLL_READ|WRITE; returns the TE_POLL_* mask, 0 on
 * timeout (timeout_ms < 0: forever), negative errno on failure. EINTR restarts with the
 * remaining time. */
int te_poll(int fd, int events, int timeout_ms);

#endif
