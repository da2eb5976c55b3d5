/*
 * tsqt native socket engine: the plain POSIX core. See engine.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "engine.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef union te_sockaddr {
  struct sockaddr a;
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  struct sockaddr_storage st;
} te_sockaddr;

static int neg_errno(void) { return errno ? -errno : -EIO; }

static int to_sockaddr(const te_addr *a, te_sockaddr *sa, socklen_t *len) {
  memset(sa, 0, sizeof(*sa));
  switch (a->family) {
    case TE_FAM_V4:
      sa->a4.sin_family = AF_INET;
      sa->a4.sin_port = htons(a->port);
      sa->a4.sin_addr.s_addr = htonl(a->ip4);
      *len = sizeof(sa->a4);
      return 0;
    case TE_FAM_V6:
      sa->a6.sin6_family = AF_INET6;
      sa->a6.sin6_port = htons(a->port);
      memcpy(&sa->a6.sin6_addr, a->ip6, 16);
      sa->a6.sin6_scope_id = a->scope;
      *len = sizeof(sa->a6);
      return 0;
    case TE_FAM_V4MAPPED: {
      uint32_t n = htonl(a->ip4);
      sa->a6.sin6_family = AF_INET6;
      sa->a6.sin6_port = htons(a->port);
      sa->a6.sin6_addr.s6_addr[10] = 0xff;
      sa->a6.sin6_addr.s6_addr[11] = 0xff;
      memcpy(&sa->a6.sin6_addr.s6_addr[12], &n, 4);
      *len = sizeof(sa->a6);
      return 0;
    }
    default:
      return -EAFNOSUPPORT;
  }
}

static void from_sockaddr(const te_sockaddr *sa, socklen_t len, te_addr *out) {
  memset(out, 0, sizeof(*out));
  if (sa->a.sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
    out->family = TE_FAM_V4;
    out->port = ntohs(sa->a4.sin_port);
    out->ip4 = ntohl(sa->a4.sin_addr.s_addr);
  } else if (sa->a.sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
    out->family = TE_FAM_V6;
    out->port = ntohs(sa->a6.sin6_port);
    memcpy(out->ip6, &sa->a6.sin6_addr, 16);
    out->scope = sa->a6.sin6_scope_id;
  }
}

int te_socket(int proto, int *out_proto) {
  int domain = proto == TE_PROTO_IPV4 ? AF_INET : AF_INET6;
  int fd = socket(domain, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_UDP);
  if (fd < 0 && proto == TE_PROTO_DUAL && (errno == EAFNOSUPPORT || errno == EPROTONOSUPPORT)) {
    proto = TE_PROTO_IPV4;
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_UDP);
  }
  if (fd < 0) return neg_errno();
  if (proto != TE_PROTO_IPV4) {
    int v6only = proto == TE_PROTO_IPV6 ? 1 : 0;
    if (setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof(v6only)) != 0) {
      int e = neg_errno();
      close(fd);
      return e;
    }
  }
  if (out_proto) *out_proto = proto;
  return fd;
}

int te_close(int fd) {
  /* Linux releases the descriptor even when close() reports EINTR: never retry. */
  return close(fd) == 0 ? 0 : neg_errno();
}

int te_adopt(int fd, int take) {
  struct stat st;
  te_sockaddr sa;
  socklen_t len;
  int type = 0, protocol = 0, flags;
  if (fd < 0) return -EBADF;
  if (fstat(fd, &st) != 0) return neg_errno();
  if (!S_ISSOCK(st.st_mode)) return -ENOTSOCK;
  len = sizeof(type);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) return neg_errno();
  len = sizeof(protocol);
  if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &len) != 0) return neg_errno();
  memset(&sa, 0, sizeof(sa));
  len = sizeof(sa);
  if (getsockname(fd, &sa.a, &len) != 0) return neg_errno();
  if (type != SOCK_DGRAM || protocol != IPPROTO_UDP ||
      (sa.a.sa_family != AF_INET && sa.a.sa_family != AF_INET6))
    return -EPROTOTYPE;
  if (!take) return sa.a.sa_family == AF_INET ? TE_PROTO_IPV4 : TE_PROTO_IPV6;
  flags = fcntl(fd, F_GETFL);
  if (flags < 0) return neg_errno();
  if (!(flags & O_NONBLOCK) && fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) return neg_errno();
  return sa.a.sa_family == AF_INET ? TE_PROTO_IPV4 : TE_PROTO_IPV6;
}

int te_bind(int fd, const te_addr *a) {
  te_sockaddr sa;
  socklen_t len;
  int r = to_sockaddr(a, &sa, &len);
  if (r < 0) return r;
  return bind(fd, &sa.a, len) == 0 ? 0 : neg_errno();
}

int te_connect(int fd, const te_addr *a) {
  te_sockaddr sa;
  socklen_t len;
  int r = to_sockaddr(a, &sa, &len);
  if (r < 0) return r;
  for (;;) {
    if (connect(fd, &sa.a, len) == 0) return 0;
    if (errno != EINTR) return neg_errno();
  }
}

int te_disconnect(int fd) {
  struct sockaddr sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_family = AF_UNSPEC;
  if (connect(fd, &sa, sizeof(sa)) == 0) return 0;
  /* Linux may report EAFNOSUPPORT for AF_UNSPEC on some families although it dissolved it. */
  return errno == EAFNOSUPPORT ? 0 : neg_errno();
}

int te_sockname(int fd, te_addr *out) {
  te_sockaddr sa;
  socklen_t len = sizeof(sa);
  memset(&sa, 0, sizeof(sa));
  if (getsockname(fd, &sa.a, &len) != 0) return neg_errno();
  from_sockaddr(&sa, len, out);
  return 0;
}

int te_peername(int fd, te_addr *out) {
  te_sockaddr sa;
  socklen_t len = sizeof(sa);
  memset(&sa, 0, sizeof(sa));
  if (getpeername(fd, &sa.a, &len) != 0) return neg_errno();
  from_sockaddr(&sa, len, out);
  return 0;
}

ssize_t te_send(int fd, const void *data, size_t len) {
  for (;;) {
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
    if (n >= 0) return n;
    if (errno != EINTR) return neg_errno();
  }
}

ssize_t te_sendmsg(int fd, const void *data, size_t len, const te_addr *dst, int hop, int ifindex,
                   const te_addr *src) {
  te_sockaddr sa;
  socklen_t salen = 0;
  struct msghdr msg;
  struct iovec iov;
  /* Room for a hop limit and a packet-info message, aligned for cmsghdr. */
  union {
    char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(struct in6_pktinfo))];
    struct cmsghdr align;
  } control;
  int have_src = src != NULL && src->family != TE_FAM_NONE;
  int v6;
  memset(&msg, 0, sizeof(msg));
  memset(&control, 0, sizeof(control));
  iov.iov_base = (void *)data;
  iov.iov_len = len;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (dst != NULL && dst->family != TE_FAM_NONE) {
    int r = to_sockaddr(dst, &sa, &salen);
    if (r < 0) return r;
    msg.msg_name = &sa;
    msg.msg_namelen = salen;
    v6 = sa.a.sa_family == AF_INET6;
  } else {
    te_sockaddr self;
    socklen_t selflen = sizeof(self);
    if (getsockname(fd, &self.a, &selflen) != 0) return neg_errno();
    v6 = self.a.sa_family == AF_INET6;
  }
  if (hop != -1 || ifindex != 0 || have_src) {
    struct cmsghdr *c;
    size_t used = 0;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof(control.buf);
    c = CMSG_FIRSTHDR(&msg);
    if (hop != -1) {
      c->cmsg_level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      c->cmsg_type = v6 ? IPV6_HOPLIMIT : IP_TTL;
      c->cmsg_len = CMSG_LEN(sizeof(int));
      memcpy(CMSG_DATA(c), &hop, sizeof(int));
      used += CMSG_SPACE(sizeof(int));
      c = CMSG_NXTHDR(&msg, c);
    }
    if (ifindex != 0 || have_src) {
      if (v6) {
        struct in6_pktinfo pi;
        memset(&pi, 0, sizeof(pi));
        pi.ipi6_ifindex = (unsigned)ifindex;
        if (have_src) {
          te_sockaddr s;
          socklen_t sl;
          if (to_sockaddr(src, &s, &sl) == 0 && s.a.sa_family == AF_INET6)
            pi.ipi6_addr = s.a6.sin6_addr;
        }
        c->cmsg_level = IPPROTO_IPV6;
        c->cmsg_type = IPV6_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(pi));
        memcpy(CMSG_DATA(c), &pi, sizeof(pi));
        used += CMSG_SPACE(sizeof(pi));
      } else {
        struct in_pktinfo pi;
        memset(&pi, 0, sizeof(pi));
        pi.ipi_ifindex = ifindex;
        if (have_src && src->family == TE_FAM_V4) pi.ipi_spec_dst.s_addr = htonl(src->ip4);
        c->cmsg_level = IPPROTO_IP;
        c->cmsg_type = IP_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(pi));
        memcpy(CMSG_DATA(c), &pi, sizeof(pi));
        used += CMSG_SPACE(sizeof(pi));
      }
    }
    msg.msg_controllen = used;
  }
  for (;;) {
    ssize_t n = sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n >= 0) return n;
    if (errno != EINTR) return neg_errno();
  }
}

static void parse_cmsgs(struct msghdr *msg, te_header *h) {
  struct cmsghdr *c;
  for (c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
    size_t dlen = c->cmsg_len - CMSG_LEN(0);
    if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO &&
        dlen >= sizeof(struct in6_pktinfo)) {
      struct in6_pktinfo pi;
      memcpy(&pi, CMSG_DATA(c), sizeof(pi));
      h->dest.family = TE_FAM_V6;
      memcpy(h->dest.ip6, &pi.ipi6_addr, 16);
      h->dest.scope = pi.ipi6_ifindex;
      h->ifindex = (int)pi.ipi6_ifindex;
    } else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO &&
               dlen >= sizeof(struct in_pktinfo)) {
      struct in_pktinfo pi;
      memcpy(&pi, CMSG_DATA(c), sizeof(pi));
      h->dest.family = TE_FAM_V4;
      h->dest.ip4 = ntohl(pi.ipi_addr.s_addr);
      h->ifindex = pi.ipi_ifindex;
    } else if (((c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT) ||
                (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL)) &&
               dlen >= sizeof(int)) {
      int v;
      memcpy(&v, CMSG_DATA(c), sizeof(int));
      h->hop_limit = v;
    } else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL && dlen >= 1) {
      h->hop_limit = *(unsigned char *)CMSG_DATA(c);
    }
  }
}

ssize_t te_recv(int fd, void *buf, size_t cap, int want, te_header *h) {
  te_sockaddr sa;
  struct msghdr msg;
  struct iovec iov;
  union {
    char buf[CMSG_SPACE(sizeof(struct in6_pktinfo)) + CMSG_SPACE(sizeof(struct in_pktinfo)) +
             2 * CMSG_SPACE(sizeof(int)) + 64];
    struct cmsghdr align;
  } control;
  ssize_t n;
  char dummy;
  memset(&msg, 0, sizeof(msg));
  /* A zero-length iovec with a NULL base is fine for recvmsg, but keep a valid pointer. */
  iov.iov_base = cap ? buf : &dummy;
  iov.iov_len = cap;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (want != TE_WANT_NONE) {
    memset(&sa, 0, sizeof(sa));
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof(sa);
  }
  if (want == TE_WANT_ALL) {
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof(control.buf);
  }
  for (;;) {
    n = recvmsg(fd, &msg, 0);
    if (n >= 0) break;
    if (errno != EINTR) return neg_errno();
  }
  if (h != NULL) {
    memset(h, 0, sizeof(*h));
    h->hop_limit = -1;
    if (want != TE_WANT_NONE) from_sockaddr(&sa, msg.msg_namelen, &h->sender);
    if (want == TE_WANT_ALL) parse_cmsgs(&msg, h);
  }
  /* recvmsg without MSG_TRUNC returns the bytes stored, never more than cap. */
  return n;
}

int te_recv_batch(int fd, unsigned char *buf, size_t slot, int max, te_header *hdrs,
                  uint32_t *lens) {
  struct mmsghdr mm[TE_BATCH_MAX];
  struct iovec iov[TE_BATCH_MAX];
  te_sockaddr names[TE_BATCH_MAX];
  union {
    char buf[CMSG_SPACE(sizeof(struct in6_pktinfo)) + CMSG_SPACE(sizeof(struct in_pktinfo)) +
             2 * CMSG_SPACE(sizeof(int)) + 64];
    struct cmsghdr align;
  } control[TE_BATCH_MAX];
  int i, n;
  if (max < 1) max = 1;
  if (max > TE_BATCH_MAX) max = TE_BATCH_MAX;
  memset(mm, 0, sizeof(mm[0]) * (size_t)max);
  for (i = 0; i < max; i++) {
    iov[i].iov_base = buf + (size_t)i * slot;
    iov[i].iov_len = slot;
    mm[i].msg_hdr.msg_iov = &iov[i];
    mm[i].msg_hdr.msg_iovlen = 1;
    mm[i].msg_hdr.msg_name = &names[i];
    mm[i].msg_hdr.msg_namelen = sizeof(names[i]);
    mm[i].msg_hdr.msg_control = control[i].buf;
    mm[i].msg_hdr.msg_controllen = sizeof(control[i].buf);
  }
  for (;;) {
    n = recvmmsg(fd, mm, (unsigned)max, MSG_DONTWAIT, NULL);
    if (n >= 0) break;
    if (errno != EINTR) return neg_errno();
  }
  for (i = 0; i < n; i++) {
    te_header *h = &hdrs[i];
    memset(h, 0, sizeof(*h));
    h->hop_limit = -1;
    from_sockaddr(&names[i], mm[i].msg_hdr.msg_namelen, &h->sender);
    parse_cmsgs(&mm[i].msg_hdr, h);
    lens[i] = mm[i].msg_len > slot ? (uint32_t)slot : (uint32_t)mm[i].msg_len;
  }
  return n;
}

ssize_t te_pending_size(int fd) {
  for (;;) {
    ssize_t n = recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return -1;
    return neg_errno();
  }
}

int te_has_pending(int fd) {
  char c;
  for (;;) {
    ssize_t n = recv(fd, &c, 1, MSG_PEEK);
    if (n >= 0) return 1;
    if (errno == EINTR) continue;
    return errno == EMSGSIZE ? 1 : 0;
  }
}

int te_bytes_available(int fd) {
  int v = 0;
  if (ioctl(fd, FIONREAD, &v) != 0) return neg_errno();
  return v;
}

/* An IPv4-mapped IPv6 address (::ffff:a.b.c.d) becomes its IPv4 form. */
static void unmap_v4(te_addr *a) {
  static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (a->family == TE_FAM_V6 && memcmp(a->ip6, prefix, 12) == 0) {
    a->family = TE_FAM_V4;
    a->ip4 = (uint32_t)a->ip6[12] << 24 | (uint32_t)a->ip6[13] << 16 |
             (uint32_t)a->ip6[14] << 8 | (uint32_t)a->ip6[15];
    memset(a->ip6, 0, 16);
    a->scope = 0;
  }
}

/* Same endpoint: family, address and port (both unmapped); scope ids only when both are set. */
static int same_endpoint(const te_addr *a, const te_addr *b) {
  if (a->family != b->family || a->port != b->port) return 0;
  if (a->family == TE_FAM_V4) return a->ip4 == b->ip4;
  if (a->family == TE_FAM_V6)
    return memcmp(a->ip6, b->ip6, 16) == 0 &&
           (a->scope == 0 || b->scope == 0 || a->scope == b->scope);
  return 0;
}

int te_drop_strangers(int fd) {
  te_addr peer;
  int r = te_peername(fd, &peer);
  if (r < 0) return r;
  unmap_v4(&peer);
  for (;;) {
    struct pollfd p;
    te_sockaddr sa;
    struct msghdr msg;
    struct iovec iov;
    te_addr from;
    char dummy;
    ssize_t n;
    /* A peek would consume a pending error (an ICMP report the next receive must see). */
    p.fd = fd;
    p.events = POLLIN;
    p.revents = 0;
    r = poll(&p, 1, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return neg_errno();
    }
    if (p.revents & POLLERR) return TE_PEER_ERROR;
    if (!(p.revents & POLLIN)) return TE_PEER_EMPTY;
    memset(&msg, 0, sizeof(msg));
    memset(&sa, 0, sizeof(sa));
    iov.iov_base = &dummy;
    iov.iov_len = 0;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof(sa);
    n = recvmsg(fd, &msg, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return TE_PEER_EMPTY;
      return neg_errno();
    }
    from_sockaddr(&sa, msg.msg_namelen, &from);
    unmap_v4(&from);
    if (same_endpoint(&from, &peer)) return TE_PEER_HEAD;
    /* Another sender's datagram: consume it (the caller is the only reader: it is the head). */
    do {
      n = recv(fd, &dummy, 0, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return neg_errno();
  }
}

/* Qt's convertToLevelAndOption for a UDP socket. Returns 0 and level/name, or -ENOPROTOOPT. */
static int option_level(int opt, int proto, int *level, int *name) {
  int v6 = proto != TE_PROTO_IPV4;
  switch (opt) {
    case TE_OPT_LOW_DELAY: *level = IPPROTO_TCP; *name = TCP_NODELAY; return 0;
    case TE_OPT_KEEP_ALIVE: *level = SOL_SOCKET; *name = SO_KEEPALIVE; return 0;
    case TE_OPT_MULTICAST_TTL:
      *level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      *name = v6 ? IPV6_MULTICAST_HOPS : IP_MULTICAST_TTL;
      return 0;
    case TE_OPT_MULTICAST_LOOP:
      *level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      *name = v6 ? IPV6_MULTICAST_LOOP : IP_MULTICAST_LOOP;
      return 0;
    case TE_OPT_TOS:
      if (v6) return -ENOPROTOOPT;
      *level = IPPROTO_IP; *name = IP_TOS; return 0;
    case TE_OPT_SNDBUF: *level = SOL_SOCKET; *name = SO_SNDBUF; return 0;
    case TE_OPT_RCVBUF: *level = SOL_SOCKET; *name = SO_RCVBUF; return 0;
    case TE_OPT_PATH_MTU:
      *level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      *name = v6 ? IPV6_MTU : IP_MTU;
      return 0;
    case TE_OPT_BROADCAST: *level = SOL_SOCKET; *name = SO_BROADCAST; return 0;
    case TE_OPT_ADDRESS_REUSABLE: *level = SOL_SOCKET; *name = SO_REUSEADDR; return 0;
    case TE_OPT_RECV_PKTINFO:
      *level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      *name = v6 ? IPV6_RECVPKTINFO : IP_PKTINFO;
      return 0;
    case TE_OPT_RECV_HOPLIMIT:
      *level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
      *name = v6 ? IPV6_RECVHOPLIMIT : IP_RECVTTL;
      return 0;
    case TE_OPT_V6ONLY:
      if (!v6) return -ENOPROTOOPT;
      *level = IPPROTO_IPV6; *name = IPV6_V6ONLY; return 0;
    default:
      return -ENOPROTOOPT;
  }
}

int te_get_option(int fd, int opt, int proto, int *value) {
  int level = 0, name = 0, v = -1;
  socklen_t len = sizeof(v);
  int r;
  if (opt == TE_OPT_BIND_EXCLUSIVELY) return -ENOPROTOOPT;
  r = option_level(opt, proto, &level, &name);
  if (r < 0) return r;
  if (getsockopt(fd, level, name, &v, &len) != 0) return neg_errno();
  if (len == 1) {
    unsigned char b;
    memcpy(&b, &v, 1);
    v = b;
  }
  *value = v;
  return 0;
}

int te_set_option(int fd, int opt, int proto, int value) {
  int level = 0, name = 0, r;
  if (opt == TE_OPT_BIND_EXCLUSIVELY) return 0; /* Qt: a no-op on Unix */
  r = option_level(opt, proto, &level, &name);
  if (r < 0) return r;
  return setsockopt(fd, level, name, &value, sizeof(value)) == 0 ? 0 : neg_errno();
}

int te_membership(int fd, int join, const te_addr *group, uint32_t iface_ip4, int ifindex) {
  if (group->family == TE_FAM_V4) {
    struct ip_mreqn m;
    memset(&m, 0, sizeof(m));
    m.imr_multiaddr.s_addr = htonl(group->ip4);
    m.imr_address.s_addr = htonl(iface_ip4);
    m.imr_ifindex = ifindex;
    return setsockopt(fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &m,
                      sizeof(m)) == 0
               ? 0
               : neg_errno();
  }
  if (group->family == TE_FAM_V6) {
    struct ipv6_mreq m;
    memset(&m, 0, sizeof(m));
    memcpy(&m.ipv6mr_multiaddr, group->ip6, 16);
    m.ipv6mr_interface = (unsigned)ifindex;
    return setsockopt(fd, IPPROTO_IPV6, join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, &m,
                      sizeof(m)) == 0
               ? 0
               : neg_errno();
  }
  return -EAFNOSUPPORT;
}

int te_set_multicast_if(int fd, int v6, uint32_t ip4, int ifindex) {
  if (v6) {
    unsigned idx = (unsigned)ifindex;
    return setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx, sizeof(idx)) == 0 ? 0
                                                                                   : neg_errno();
  } else {
    struct in_addr a;
    a.s_addr = htonl(ip4);
    return setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof(a)) == 0 ? 0 : neg_errno();
  }
}

int te_get_multicast_if(int fd, int v6, uint32_t *value) {
  if (v6) {
    unsigned idx = 0;
    socklen_t len = sizeof(idx);
    if (getsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx, &len) != 0) return neg_errno();
    *value = idx;
  } else {
    /* Linux answers an in_addr (or an ip_mreqn when asked with that size). */
    struct in_addr a;
    socklen_t len = sizeof(a);
    memset(&a, 0, sizeof(a));
    if (getsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &a, &len) != 0) return neg_errno();
    *value = ntohl(a.s_addr);
  }
  return 0;
}

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int te_poll(int fd, int events, int timeout_ms) {
  struct pollfd p;
  int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : -1;
  int wait = timeout_ms;
  if (fd < 0) return -EBADF;
  for (;;) {
    int r;
    p.fd = fd;
    p.events = (short)(((events & TE_POLL_READ) ? POLLIN : 0) |
                       ((events & TE_POLL_WRITE) ? POLLOUT : 0));
    p.revents = 0;
    r = poll(&p, 1, wait);
    if (r > 0) {
      int out = 0;
      if (p.revents & POLLIN) out |= TE_POLL_READ;
      if (p.revents & POLLOUT) out |= TE_POLL_WRITE;
      if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) out |= TE_POLL_ERROR;
      if (p.revents & POLLNVAL) out |= TE_POLL_INVALID;
      return out;
    }
    if (r == 0) return 0;
    if (errno != EINTR) return neg_errno();
    if (deadline >= 0) {
      int64_t left = deadline - now_ms();
      if (left <= 0) return 0;
      wait = (int)left;
    }
  }
}
