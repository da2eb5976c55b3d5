// SPDX-License-Identifier: MIT
/**
 * How a signal reaches a slot: {@link Qt.ConnectionType}.
 * @enum
 */
const ConnectionType = {
  /** Direct when the receiver lives in the emitting thread, which is always the case in tsqt. */
  AutoConnection: 0,
  /** The slot runs synchronously inside `emit()`. */
  DirectConnection: 1,
  /**
   * The call is posted to the receiver (or to the sender when there is no receiver) as a posted
   * event and runs when control returns to the event loop (from a `setImmediate` pass), FIFO with
   * other posted events. Dropped if the receiver is deleted first.
   */
  QueuedConnection: 2,
  /**
   * Not supported: tsqt has one thread, where Qt would dead-lock. Connecting with it throws a
   * `RangeError`. Listed for completeness.
   */
  BlockingQueuedConnection: 3,
  /** Flag: refuse (return an invalid Connection) when an identical connection exists. */
  UniqueConnection: 0x80,
  /** Flag (Qt 6): the connection is removed just before its slot is first called. */
  SingleShotConnection: 0x100,
} as const;

/**
 * Timer accuracy: {@link Qt.TimerType}. tsqt treats every type as precise.
 * @enum
 */
const TimerType = {
  /** Millisecond accuracy. */
  PreciseTimer: 0,
  /** Qt allows 5 % drift; tsqt fires at the requested time. The default. */
  CoarseTimer: 1,
  /** Qt rounds to whole seconds; tsqt fires at the requested time. */
  VeryCoarseTimer: 2,
} as const;

/**
 * How deep `findChild`/`findChildren` search: {@link Qt.FindChildOption}.
 * @enum
 */
const FindChildOption = {
  /** Only the direct children. */
  FindDirectChildrenOnly: 0,
  /** Children, grandchildren and so on (the default). */
  FindChildrenRecursively: 1,
} as const;

/**
 * Named priorities of posted events: {@link Qt.EventPriority}.
 * @enum
 */
const EventPriority = {
  /** Delivered before normal events. */
  HighEventPriority: 1,
  /** The default. */
  NormalEventPriority: 0,
  /** Delivered after normal events. */
  LowEventPriority: -1,
} as const;

/**
 * The `Qt` namespace: enums shared by many classes, scoped (`Qt.ConnectionType.QueuedConnection`)
 * and unscoped (`Qt.QueuedConnection`), with Qt's numeric values.
 *
 * @see {@link https://doc.qt.io/qt-6/qt.html | Qt namespace in Qt 6}
 */
export const Qt = {
  /** How a signal reaches a slot. */
  ConnectionType,
  /** Timer accuracy. */
  TimerType,
  /** Depth of `findChild`/`findChildren`. */
  FindChildOption,
  /** Named priorities of posted events. */
  EventPriority,
  /** {@inheritDoc Qt.ConnectionType.AutoConnection} */
  AutoConnection: 0,
  /** {@inheritDoc Qt.ConnectionType.DirectConnection} */
  DirectConnection: 1,
  /** {@inheritDoc Qt.ConnectionType.QueuedConnection} */
  QueuedConnection: 2,
  /** {@inheritDoc Qt.ConnectionType.BlockingQueuedConnection} */
  BlockingQueuedConnection: 3,
  /** {@inheritDoc Qt.ConnectionType.UniqueConnection} */
  UniqueConnection: 0x80,
  /** {@inheritDoc Qt.ConnectionType.SingleShotConnection} */
  SingleShotConnection: 0x100,
  /** {@inheritDoc Qt.TimerType.PreciseTimer} */
  PreciseTimer: 0,
  /** {@inheritDoc Qt.TimerType.CoarseTimer} */
  CoarseTimer: 1,
  /** {@inheritDoc Qt.TimerType.VeryCoarseTimer} */
  VeryCoarseTimer: 2,
  /** {@inheritDoc Qt.FindChildOption.FindDirectChildrenOnly} */
  FindDirectChildrenOnly: 0,
  /** {@inheritDoc Qt.FindChildOption.FindChildrenRecursively} */
  FindChildrenRecursively: 1,
  /** {@inheritDoc Qt.EventPriority.HighEventPriority} */
  HighEventPriority: 1,
  /** {@inheritDoc Qt.EventPriority.NormalEventPriority} */
  NormalEventPriority: 0,
  /** {@inheritDoc Qt.EventPriority.LowEventPriority} */
  LowEventPriority: -1,
} as const;

/** Types named like the enums of the {@link Qt} namespace. */
export declare namespace Qt {
  /** A connection type value, possibly or-ed with `UniqueConnection`/`SingleShotConnection`. */
  type ConnectionType = number;
  /** A timer type value. */
  type TimerType = (typeof TimerType)[keyof typeof TimerType];
  /** A find-child option value. */
  type FindChildOption = (typeof FindChildOption)[keyof typeof FindChildOption];
  /** A posted-event priority (any integer is allowed). */
  type EventPriority = number;
}
