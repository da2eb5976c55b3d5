/**
 * One libuv poll handle per file descriptor, shared by everything that watches it: the native
 * socket engine (its read and write notifiers) and any number of QSocketNotifiers.
 *
 * libuv refuses a second uv_poll_t on a descriptor (EEXIST), while Qt lets a program put its own
 * QSocketNotifier on a QUdpSocket's `socketDescriptor()` (Qt 5.15's glib dispatcher, PyQt5's
 * default on Linux, then activates both the socket and the notifier). So each watcher holds a
 * {@link PollShare}: what it wants, and its callback. The handle polls the union of what the
 * shares want and calls every share that wants something; each watcher checks for itself whether
 * the readiness concerns it.
 *
 * @internal
 * @module
 */
import { PollEvent, type NativeBinding, type NativePollHandle } from './native.js';

/** The handle of one descriptor and its shares. */
interface FdPoll {
  readonly fd: number;
  readonly native: NativeBinding;
  handle: NativePollHandle;
  /** The shares, in the order they were taken. */
  shares: PollShare[];
  /** What the handle polls now (the union of the shares' events; 0: stopped). */
  events: number;
}

/** One watcher's share of a descriptor's poll handle. @internal */
export interface PollShare {
  /** What this watcher wants (PollEvent bits; 0: nothing). */
  events: number;
  /** Called with the handle's `(revents, size)` while `events` is not 0. */
  readonly onPoll: (revents: number, size: number) => void;
  /** The handle, or null once released or once the descriptor was closed under it. */
  poll: FdPoll | null;
}

const polls = new Map<number, FdPoll>();

/**
 * Takes a share of `fd`'s poll handle (opening the handle if nobody watches `fd` yet), wanting
 * nothing until {@link setPollEvents}.
 * @param fresh - `fd` was just made (socket(2)): a handle already listed under its number watches
 *   a descriptor that was closed while notifiers still watched it, so it is closed first and its
 *   watchers are told (libuv would otherwise keep the closed descriptor's registration)
 * @throws what the addon's pollOpen throws (a negative fd, libuv's refusal)
 * @internal
 */
export function sharePoll(native: NativeBinding, fd: number, onPoll: (revents: number, size: number) => void, fresh = false): PollShare {
  let poll = polls.get(fd);
  if (poll !== undefined && fresh) {
    closeHandle(poll);
    poll = undefined;
  }
  if (poll === undefined) {
    const created: FdPoll = { fd, native, handle: null as unknown as NativePollHandle, shares: [], events: 0 };
    created.handle = native.pollOpen(fd, (revents, size) => {
      const shares = created.shares;
      if (shares.length === 1) {
        const s = shares[0]!;
        if (s.events !== 0) s.onPoll(revents, size);
        return;
      }
      // a copy: a watcher may be released while the others are told
      for (const s of shares.slice()) if (s.events !== 0 && s.poll === created) s.onPoll(revents, size);
    });
    poll = created;
    polls.set(fd, poll);
  }
  const share: PollShare = { events: 0, onPoll, poll };
  poll.shares.push(share);
  return share;
}

/**
 * A share of no handle, for a watcher of a descriptor that is not open: it is told nothing and
 * finds the descriptor closed when it checks (a QSocketNotifier then warns as Qt does).
 * @internal
 */
export function closedShare(onPoll: (revents: number, size: number) => void): PollShare {
  return { events: 0, onPoll, poll: null };
}

/** Sets what `share` wants and polls the union (no call into the addon when it is unchanged). @internal */
export function setPollEvents(share: PollShare, events: number): void {
  share.events = events;
  const poll = share.poll;
  if (poll !== null) update(poll);
}

/**
 * Gives the share back. With `closingFd` (its owner is about to close the descriptor) the handle
 * is closed for every watcher, since none of them can watch a closed descriptor; otherwise only
 * when it was the last share. Idempotent.
 * @internal
 */
export function releasePoll(share: PollShare, closingFd: boolean): void {
  const poll = share.poll;
  share.poll = null;
  share.events = 0;
  if (poll === null) return;
  const i = poll.shares.indexOf(share);
  if (i >= 0) poll.shares.splice(i, 1);
  if (!closingFd && poll.shares.length > 0) {
    update(poll);
    return;
  }
  closeHandle(poll);
}

/**
 * The descriptor under `share` is found closed (POLLNVAL): the handle is closed for every watcher,
 * so that a descriptor opened later with the same number gets a handle of its own.
 * @internal
 */
export function descriptorClosed(share: PollShare): void {
  if (share.poll !== null) closeHandle(share.poll);
}

/** Closes the handle for all its shares; those that want something are told (with an error
 * event, so that a QSocketNotifier finds its descriptor closed in the next pass). */
function closeHandle(poll: FdPoll): void {
  const others = poll.shares;
  poll.shares = [];
  for (const s of others) s.poll = null;
  if (polls.get(poll.fd) === poll) polls.delete(poll.fd);
  // uv_close drops the descriptor from the loop at once: closing the descriptor next is safe
  poll.native.pollClose(poll.handle);
  for (const s of others) if (s.events !== 0) s.onPoll(PollEvent.Error, -1);
}

function update(poll: FdPoll): void {
  let events = 0;
  for (const s of poll.shares) events |= s.events;
  if (events === poll.events) return;
  poll.events = events;
  if (events === 0) poll.native.pollStop(poll.handle);
  else poll.native.pollStart(poll.handle, events);
}
