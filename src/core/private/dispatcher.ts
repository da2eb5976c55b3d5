// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
//
// The one dispatcher of this JavaScript realm: posted events (by priority, then FIFO), timers (a
// binary heap keyed by expiry then start order, one unref'd Node timer armed for the earliest),
// socket notifiers, the running exec() loops, and the one ref'd handle that keeps the process
// alive. A pass = (1) posted events queued when it began, (2) ready notifiers, (3) due timers.
// Every deferred piece of work in src/core goes through here (the only setImmediate/setTimeout).
import { performance } from 'node:perf_hooks';
import { hooks } from './internals.js';
import { QEvent } from '../QEvent.js';
import { QTimerEvent } from '../QTimerEvent.js';
import type { QDeferredDeleteEvent } from '../QDeferredDeleteEvent.js';
import type { QObject } from '../QObject.js';

/** Something the dispatcher activates in the notifier phase of a pass (EL-1 step c). @internal */
export interface DispatcherNotifier {
  /** Zero-timeout readiness re-check (poll(2) on the fd, or a non-empty engine-side queue). */
  isReady(): boolean;
  /** Deliver one activation (QSocketNotifier.activated / the engine's readNotification). */
  activate(): void;
  /** The dispatcher's own mark: found ready and waiting for the notifier phase. Start false. */
  marked: boolean;
}

/** ProcessEventsFlag values used by the dispatcher. @internal */
export const ExcludeSocketNotifiers = 0x02;
/** @internal */
export const X11ExcludeTimers = 0x08;

// ---------------------------------------------------------------- levels, exceptions, keep-alive

let execDepth = 0;
let nodePassDepth = 0;
let scopeLevel = 0;

/** The loop level: pending exec() calls, at least 1 inside a pass started from Node's loop. @internal */
export function loopLevel(): number {
  // Node's own loop stands for Qt's main loop unless the application's exec() runs.
  return nodePassDepth > 0 && mainLoops === 0 ? execDepth + 1 : execDepth;
}

let mainLoops = 0;

/** Depth of synchronous event deliveries on the stack. @internal */
export function currentScopeLevel(): number {
  return scopeLevel;
}

/** Runs fn as one delivery (raises the scope level); exceptions go to the handler. @internal */
export function runScoped(fn: () => void): void {
  scopeLevel++;
  try {
    fn();
  } catch (e) {
    reportException(e);
  } finally {
    scopeLevel--;
  }
}

/** @internal */
export type ExceptionHandler = (error: unknown) => void;

function rethrowLater(error: unknown): void {
  setImmediate(() => {
    throw error;
  });
}

let exceptionHandler: ExceptionHandler = rethrowLater;

/** @internal */
export function defaultExceptionHandler(): ExceptionHandler {
  return rethrowLater;
}

/** @internal */
export function setExceptionHandler(h: ExceptionHandler | null): ExceptionHandler {
  const prev = exceptionHandler;
  exceptionHandler = h ?? rethrowLater;
  return prev;
}

/** Routes a slot/event/notifier exception to QCoreApplication's exception handler. @internal */
export function reportException(error: unknown): void {
  try {
    exceptionHandler(error);
  } catch (e) {
    rethrowLater(e);
  }
}

let keepAliveCount = 0;
let activeTimers = 0;
let keepHandle: ReturnType<typeof setInterval> | null = null;
let keepRefd = false;

function updateRef(): void {
  const need = activeTimers + keepAliveCount + execDepth > 0;
  if (need === keepRefd) return;
  keepRefd = need;
  if (need) {
    if (keepHandle === null) keepHandle = setInterval(noop, 0x3fffffff);
    else keepHandle.ref();
  } else if (keepHandle !== null) {
    keepHandle.unref();
  }
}

function noop(): void {}

/** An open socket (or a pending wait) holds the process alive. @internal */
export function addKeepAlive(): void {
  keepAliveCount++;
  updateRef();
}

/** @internal */
export function releaseKeepAlive(): void {
  if (keepAliveCount > 0) keepAliveCount--;
  updateRef();
}

/** What currently holds the process alive (for the tests' leak helper). @internal */
export function keepAliveState(): { timers: number; keepAlive: number; loops: number; refd: boolean } {
  return { timers: activeTimers, keepAlive: keepAliveCount, loops: execDepth, refd: keepRefd };
}

// ---------------------------------------------------------------- pass scheduling

let scheduled = false;

function schedulePass(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(nodePass);
}

function nodePass(): void {
  scheduled = false;
  nodePassDepth++;
  try {
    runPass(0);
  } finally {
    nodePassDepth--;
  }
  finishLoops();
  armNodeTimer();
}

/** One synchronous pass (processEvents). @returns whether anything was delivered @internal */
export function runPass(flags: number): boolean {
  let n = sendPosted(null, 0, false);
  if ((flags & ExcludeSocketNotifiers) === 0) n += runNotifiers(nodePassDepth === 0 || scopeLevel > 0);
  if ((flags & X11ExcludeTimers) === 0) n += runTimers();
  return n > 0;
}

// ---------------------------------------------------------------- posted events

// The queue: entries (receiver, event, priority) at logical indexes 0..qLen-1, stored
// interleaved in fixed-size chunks (no record object per event, and no huge array to grow and
// copy: a million queued events are a thousand small arrays). A removed entry has a null event
// and receiver. Entries before `head` are consumed.
const CHUNK_SHIFT = 10;
const CHUNK = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK - 1;
let chunks: unknown[][] = [];
let qLen = 0;
let head = 0;
let insertionOffset = 0;
let sendingDepth = 0;

function qRecv(i: number): QObject | null {
  return chunks[i >> CHUNK_SHIFT]![(i & CHUNK_MASK) * 3] as QObject | null;
}
function qEvent(i: number): QEvent | null {
  return chunks[i >> CHUNK_SHIFT]![(i & CHUNK_MASK) * 3 + 1] as QEvent | null;
}
function qPrio(i: number): number {
  return chunks[i >> CHUNK_SHIFT]![(i & CHUNK_MASK) * 3 + 2] as number;
}
function qSet(i: number, receiver: QObject | null, event: QEvent | null, priority: number): void {
  const c = chunks[i >> CHUNK_SHIFT]!;
  const o = (i & CHUNK_MASK) * 3;
  c[o] = receiver;
  c[o + 1] = event;
  c[o + 2] = priority;
}
function qClear(i: number): void {
  const c = chunks[i >> CHUNK_SHIFT]!;
  const o = (i & CHUNK_MASK) * 3;
  c[o] = null;
  c[o + 1] = null;
}
function qPush(receiver: QObject | null, event: QEvent | null, priority: number): void {
  if ((qLen >> CHUNK_SHIFT) === chunks.length) chunks.push(new Array<unknown>(CHUNK * 3));
  qSet(qLen++, receiver, event, priority);
}

function insert(receiver: QObject, event: QEvent, priority: number): void {
  const len = qLen;
  const start = head > insertionOffset ? head : insertionOffset;
  if (len <= start || (qEvent(len - 1) !== null && qPrio(len - 1) >= priority)) {
    qPush(receiver, event, priority);
    return;
  }
  let i = len;
  while (i > start) {
    if (qEvent(i - 1) !== null && qPrio(i - 1) >= priority) break;
    i--;
  }
  // Rare (a higher priority than the tail's): shift the tail up by one.
  qPush(null, null, 0);
  for (let j = len; j > i; j--) qSet(j, qRecv(j - 1), qEvent(j - 1), qPrio(j - 1));
  qSet(i, receiver, event, priority);
}

/** Queues an event; a pass is scheduled with setImmediate. @internal */
export function postEvent(receiver: QObject, event: QEvent, priority: number): void {
  if (event.type() === QEvent.DeferredDelete) {
    const dd = event as QDeferredDeleteEvent;
    const l = loopLevel();
    dd._loopLevel = l;
    dd._scopeLevel = scopeLevel === 0 && l > 0 ? 1 : scopeLevel;
  }
  insert(receiver, event, priority);
  if (!scheduled) schedulePass();
}

/** Delivers synchronously through the filter chain; exceptions go to the handler. @internal */
export function sendEvent(receiver: QObject, event: QEvent): boolean {
  scopeLevel++;
  try {
    return hooks.notify(receiver, event);
  } catch (e) {
    reportException(e);
    return false;
  } finally {
    scopeLevel--;
  }
}

function deleteAllowed(dd: QDeferredDeleteEvent, explicit: boolean): boolean {
  const cur = loopLevel() + scopeLevel;
  const rec = dd._loopLevel + dd._scopeLevel;
  return rec > cur || (dd._loopLevel === 0 && loopLevel() > 0) || (explicit && rec === cur);
}

/**
 * Delivers queued events matching receiver/type (null/0 = any) present now (EV-4).
 * @returns the number delivered
 * @internal
 */
export function sendPosted(receiver: QObject | null, type: number, explicitDD: boolean): number {
  const end = qLen;
  if (head >= end) return 0;
  const prevOffset = insertionOffset;
  if (end > insertionOffset) insertionOffset = end;
  sendingDepth++;
  let delivered = 0;
  // (receiver, event, priority) triples to queue again
  let requeue: unknown[] | null = null;
  let kept = false;
  try {
    if (receiver === null && type === 0) {
      while (head < end) {
        const i = head++;
        const ev = qEvent(i);
        const r = qRecv(i);
        qClear(i);
        if (ev === null || r === null || hooks.isDeleted(r)) continue;
        if (ev.type() === QEvent.DeferredDelete && !deleteAllowed(ev as QDeferredDeleteEvent, explicitDD)) {
          (requeue ??= []).push(r, ev, qPrio(i));
          continue;
        }
        delivered++;
        sendEvent(r, ev);
      }
    } else {
      for (let i = head; i < end; i++) {
        const ev = qEvent(i);
        if (ev === null) continue;
        const r = qRecv(i)!;
        if ((receiver !== null && r !== receiver) || (type !== 0 && ev.type() !== type)) continue;
        if (hooks.isDeleted(r)) {
          qClear(i);
          continue;
        }
        if (ev.type() === QEvent.DeferredDelete && !deleteAllowed(ev as QDeferredDeleteEvent, explicitDD)) {
          // Qt leaves it where it is (an outer sendPostedEvents still reaches it); not re-posted.
          kept = true;
          continue;
        }
        qClear(i);
        delivered++;
        sendEvent(r, ev);
      }
    }
  } finally {
    sendingDepth--;
    insertionOffset = sendingDepth === 0 ? 0 : prevOffset;
    if (requeue !== null) {
      for (let k = 0; k < requeue.length; k += 3) insert(requeue[k] as QObject, requeue[k + 1] as QEvent, requeue[k + 2] as number);
      // Deliverable once control is back at an outer level.
      if (scopeLevel > 0 || nodePassDepth === 0 || sendingDepth > 0) schedulePass();
    }
    if (kept && (scopeLevel > 0 || nodePassDepth === 0 || sendingDepth > 0)) schedulePass();
    if (sendingDepth === 0) compact();
  }
  return delivered;
}

function compact(): void {
  if (head === 0) return;
  if (head >= qLen) {
    chunks = [];
    qLen = 0;
    head = 0;
  } else if (head >= CHUNK) {
    // drop the consumed chunks (only called with no delivery running: insertionOffset is 0)
    const k = head >> CHUNK_SHIFT;
    chunks.splice(0, k);
    head -= k << CHUNK_SHIFT;
    qLen -= k << CHUNK_SHIFT;
  }
}

/** Removes queued events matching receiver/type (null/0 = any). @internal */
export function removePosted(receiver: QObject | null, type: number): void {
  for (let i = head; i < qLen; i++) {
    const ev = qEvent(i);
    if (ev === null) continue;
    if ((receiver === null || qRecv(i) === receiver) && (type === 0 || ev.type() === type)) qClear(i);
  }
}

/** Drops every queued event (QCoreApplication.dispose). @internal */
export function clearPosted(): void {
  for (let i = head; i < qLen; i++) qClear(i);
  if (sendingDepth === 0) compact();
}

/** @returns whether an event matching receiver/type is queued @internal */
export function hasPosted(receiver: QObject | null, type: number): boolean {
  for (let i = head; i < qLen; i++) {
    const ev = qEvent(i);
    if (ev !== null && (receiver === null || qRecv(i) === receiver) && (type === 0 || ev.type() === type)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- timers

class TimerRec {
  idx = -1;
  /** True while its Timer event (or callback) runs: a nested pass does not fire it again (TM-6). */
  running = false;
  constructor(
    readonly id: number,
    public interval: number,
    public expiry: number,
    readonly seq: number,
    readonly obj: QObject | null,
    readonly cb: (() => void) | null,
    readonly single: boolean,
    readonly type: number,
  ) {}
}

const heap: TimerRec[] = [];
const timers = new Map<number, TimerRec>();
let nextTimerId = 1;
let timerSeq = 0;
const now = (): number => performance.now();

function less(a: TimerRec, b: TimerRec): boolean {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.seq < b.seq);
}

function siftUp(i: number): void {
  const r = heap[i]!;
  while (i > 0) {
    const pi = (i - 1) >> 1;
    const p = heap[pi]!;
    if (!less(r, p)) break;
    heap[i] = p;
    p.idx = i;
    i = pi;
  }
  heap[i] = r;
  r.idx = i;
}

function siftDown(i: number): void {
  const n = heap.length;
  const r = heap[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && less(heap[c + 1]!, heap[c]!)) c++;
    const ch = heap[c]!;
    if (!less(ch, r)) break;
    heap[i] = ch;
    ch.idx = i;
    i = c;
  }
  heap[i] = r;
  r.idx = i;
}

function heapPush(r: TimerRec): void {
  heap.push(r);
  siftUp(heap.length - 1);
}

function heapRemove(r: TimerRec): void {
  const i = r.idx;
  if (i < 0) return;
  r.idx = -1;
  const last = heap.pop()!;
  if (last === r) return;
  heap[i] = last;
  last.idx = i;
  siftUp(i);
  siftDown(last.idx);
}

function heapPop(): TimerRec {
  const top = heap[0]!;
  heapRemove(top);
  return top;
}

/**
 * Registers a timer: `obj` receives QTimerEvents, or `cb` is called. @returns the timer id
 * @internal
 */
export function registerTimer(interval: number, type: number, obj: QObject | null, cb: (() => void) | null, single: boolean): number {
  const id = nextTimerId++;
  const r = new TimerRec(id, interval, now() + interval, timerSeq++, obj, cb, single, type);
  timers.set(id, r);
  heapPush(r);
  activeTimers++;
  updateRef();
  armNodeTimer();
  return id;
}

/** @returns whether the id was a registered timer @internal */
export function unregisterTimer(id: number): boolean {
  const r = timers.get(id);
  if (r === undefined) return false;
  timers.delete(id);
  heapRemove(r);
  activeTimers--;
  updateRef();
  return true;
}

/** @returns whether the timer exists @internal */
export function isTimerActive(id: number): boolean {
  return timers.has(id);
}

/** @returns ms until the timer fires (rounded up), 0 if overdue, -1 if unknown @internal */
export function remainingTime(id: number): number {
  const r = timers.get(id);
  if (r === undefined) return -1;
  const left = r.expiry - now();
  return left <= 0 ? 0 : Math.ceil(left);
}

/** @returns the timer's expiry in performance.now() ms, or -1 @internal */
export function timerExpiry(id: number): number {
  const r = timers.get(id);
  return r === undefined ? -1 : r.expiry;
}

function runTimers(): number {
  if (heap.length === 0) return 0;
  const t = now();
  if (heap[0]!.expiry > t) return 0;
  return fireTimers(t);
}

/** Step (3) of a pass when a timer is due; apart from runTimers so that the check every pass
 * makes stays small for the optimizing compiler (a socket pass rarely has a timer due). */
function fireTimers(t: number): number {
  const due: TimerRec[] = [];
  while (heap.length > 0 && heap[0]!.expiry <= t) due.push(heapPop());
  let fired = 0;
  for (const r of due) {
    if (timers.get(r.id) !== r) continue;
    if (r.single) {
      timers.delete(r.id);
      activeTimers--;
      updateRef();
    } else {
      let next = r.expiry + r.interval;
      if (next <= t) next = t + r.interval;
      r.expiry = next;
      heapPush(r);
    }
    // Qt's activateRef: a timer whose handler is still on the stack (processEvents() called from
    // it) is rescheduled but not fired again, and does not count as work done (TM-6).
    if (r.running) continue;
    fired++;
    r.running = true;
    try {
      if (r.obj !== null) {
        if (!hooks.isDeleted(r.obj)) sendEvent(r.obj, new QTimerEvent(r.id));
      } else if (r.cb !== null) {
        runScoped(r.cb);
      }
    } finally {
      // (an exception handler that throws must not leave the timer marked as running forever)
      r.running = false;
    }
  }
  return fired;
}

let nodeTimer: ReturnType<typeof setTimeout> | null = null;
let nodeTimerAt = Infinity;

function onNodeTimer(): void {
  nodeTimer = null;
  nodeTimerAt = Infinity;
  schedulePass();
}

function armNodeTimer(): void {
  if (heap.length === 0) return;
  const at = heap[0]!.expiry;
  if (nodeTimer !== null && nodeTimerAt <= at) return;
  const delay = at - now();
  if (delay <= 0) {
    schedulePass();
    return;
  }
  if (nodeTimer !== null) clearTimeout(nodeTimer);
  nodeTimer = setTimeout(onNodeTimer, Math.ceil(delay));
  nodeTimer.unref();
  nodeTimerAt = at;
}

// ---------------------------------------------------------------- notifiers

const notifiers = new Set<DispatcherNotifier>();
const NO_NOTIFIERS: DispatcherNotifier[] = [{ isReady: () => false, activate: () => {}, marked: false }];
NO_NOTIFIERS.length = 0;
// The notifiers marked ready, in the order they were found; a notifier's `marked` flag says
// whether it is listed (an array and a flag: no hash table to rebuild on every pass).
let marked = newNotifierList();

/** An empty list whose elements kind is already "objects": a fresh `[]` starts as a list of
 * small integers and changes its map at the first push, which threw the engine's optimized read
 * path (notifierReady inlined) back to the interpreter once per process. */
function newNotifierList(): DispatcherNotifier[] {
  return NO_NOTIFIERS.slice();
}

/** n is now enabled: considered each pass. @internal */
export function registerNotifier(n: DispatcherNotifier): void {
  notifiers.add(n);
}

/** Disabled; idempotent; safe inside a pass. @internal */
export function unregisterNotifier(n: DispatcherNotifier): void {
  notifiers.delete(n);
  if (n.marked) {
    n.marked = false;
    marked.splice(marked.indexOf(n), 1);
  }
}

function mark(n: DispatcherNotifier): void {
  if (n.marked) return;
  n.marked = true;
  marked.push(n);
}

/** From a libuv poll callback: mark and schedule a pass. @internal */
export function notifierReady(n: DispatcherNotifier): void {
  if (!notifiers.has(n)) return;
  mark(n);
  schedulePass();
}

function runNotifiers(all: boolean): number {
  if (notifiers.size === 0) return 0;
  if (!all && marked.length === 0) return 0;
  const listed = takeMarked();
  const candidates = all ? [...notifiers] : listed;
  let fired = 0;
  let activated: DispatcherNotifier[] | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const n = candidates[i]!;
    if (!notifiers.has(n) || !isReady(n)) continue;
    fired++;
    (activated ??= []).push(n);
    scopeLevel++;
    try {
      n.activate();
    } catch (e) {
      reportException(e);
    } finally {
      scopeLevel--;
    }
  }
  // Level-triggered (EL-8): still ready and enabled → activate again in the next pass.
  if (activated !== null) {
    for (let i = 0; i < activated.length; i++) {
      const n = activated[i]!;
      if (notifiers.has(n) && isReady(n)) mark(n);
    }
  }
  if (marked.length > 0) schedulePass();
  return fired;
}

/** n's readiness check; one that throws counts as not ready (the error goes to the handler). */
function isReady(n: DispatcherNotifier): boolean {
  try {
    return n.isReady();
  } catch (e) {
    reportException(e);
    return false;
  }
}

/** Empties the marked list (clearing the flags) and returns what it held. */
function takeMarked(): DispatcherNotifier[] {
  const listed = marked;
  if (listed.length === 0) return listed; // nothing to hand over: keep the empty list
  for (let i = 0; i < listed.length; i++) listed[i]!.marked = false;
  marked = newNotifierList();
  return listed;
}

// ---------------------------------------------------------------- loops

/** A running exec() (application or QEventLoop). @internal */
export interface LoopRecord {
  exiting: boolean;
  code: number;
  /** True for the application's exec() (Qt's main loop). */
  main?: boolean;
  /** Called once the loop ended (execDepth already lowered). */
  finish(): void;
}

const loops: LoopRecord[] = [];

/** @internal */
export function enterLoop(r: LoopRecord): void {
  loops.push(r);
  execDepth++;
  if (r.main === true) mainLoops++;
  updateRef();
  schedulePass();
}

/** Asks a loop to end after the current pass (EL-3). @internal */
export function requestExit(r: LoopRecord, code: number): void {
  if (!loops.includes(r)) return;
  r.exiting = true;
  r.code = code;
  schedulePass();
}

/** @returns the running loops, outermost first @internal */
export function runningLoops(): readonly LoopRecord[] {
  return loops;
}

function finishLoops(): void {
  for (let i = loops.length - 1; i >= 0; i--) {
    const r = loops[i]!;
    if (!r.exiting) continue;
    loops.splice(i, 1);
    execDepth--;
    if (r.main === true) mainLoops--;
    updateRef();
    try {
      r.finish();
    } catch (e) {
      reportException(e);
    }
  }
}
