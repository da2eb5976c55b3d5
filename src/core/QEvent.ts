// SPDX-License-Identifier: MIT
const Type = {
  /** No event. */
  None: 0,
  /** A timer fired ({@link QTimerEvent}). */
  Timer: 1,
  /** Asks a loop to quit. */
  Quit: 20,
  /** The parent changed (not sent to plain QObjects). */
  ParentChange: 21,
  /** The thread changed (never sent in tsqt). */
  ThreadChange: 22,
  /** A queued slot call. */
  MetaCall: 43,
  /** Socket activation. */
  SockAct: 50,
  /** A deferred deletion ({@link QDeferredDeleteEvent}). */
  DeferredDelete: 52,
  /** A child was added ({@link QChildEvent}). */
  ChildAdded: 68,
  /** A child was polished (widgets only; never sent). */
  ChildPolished: 69,
  /** A child was removed ({@link QChildEvent}). */
  ChildRemoved: 71,
  /** A translator was installed or removed (sent to the application object). */
  LanguageChange: 89,
  /** The parent is about to change (not sent to plain QObjects). */
  ParentAboutToChange: 131,
  /** A dynamic property changed ({@link QDynamicPropertyChangeEvent}). */
  DynamicPropertyChange: 170,
  /** Socket close. */
  SockClose: 211,
  /** The first user event type. */
  User: 1000,
  /** The last user event type. */
  MaxUser: 65535,
} as const;

let nextUserType = Type.MaxUser;
const registered = new Set<number>();

/**
 * The base class of events: a type number, an accepted flag and a spontaneous flag.
 *
 * Any integer type is accepted (`new QEvent(QEvent.User + 1)`); the posted object itself is what
 * reaches `event()` and the event filters.
 *
 * @remarks
 * #### Differences from Qt
 * `QEvent.Type` lists the types that QtCore's object model and QtNetwork use; the types that only
 * QtGui and QtWidgets send (`MouseButtonPress`, `Paint`, `KeyPress`, ...) are left out, since
 * nothing in tsqt sends them.
 *
 * @see {@link https://doc.qt.io/qt-6/qevent.html | QEvent in Qt 6}
 */
export class QEvent {
  /** The event types with Qt's numbers. */
  static readonly Type = Type;
  /** {@inheritDoc QEvent.Type.None} */
  static readonly None = 0;
  /** {@inheritDoc QEvent.Type.Timer} */
  static readonly Timer = 1;
  /** {@inheritDoc QEvent.Type.Quit} */
  static readonly Quit = 20;
  /** {@inheritDoc QEvent.Type.ParentChange} */
  static readonly ParentChange = 21;
  /** {@inheritDoc QEvent.Type.ThreadChange} */
  static readonly ThreadChange = 22;
  /** {@inheritDoc QEvent.Type.MetaCall} */
  static readonly MetaCall = 43;
  /** {@inheritDoc QEvent.Type.SockAct} */
  static readonly SockAct = 50;
  /** {@inheritDoc QEvent.Type.DeferredDelete} */
  static readonly DeferredDelete = 52;
  /** {@inheritDoc QEvent.Type.ChildAdded} */
  static readonly ChildAdded = 68;
  /** {@inheritDoc QEvent.Type.ChildPolished} */
  static readonly ChildPolished = 69;
  /** {@inheritDoc QEvent.Type.ChildRemoved} */
  static readonly ChildRemoved = 71;
  /** {@inheritDoc QEvent.Type.LanguageChange} */
  static readonly LanguageChange = 89;
  /** {@inheritDoc QEvent.Type.ParentAboutToChange} */
  static readonly ParentAboutToChange = 131;
  /** {@inheritDoc QEvent.Type.DynamicPropertyChange} */
  static readonly DynamicPropertyChange = 170;
  /** {@inheritDoc QEvent.Type.SockClose} */
  static readonly SockClose = 211;
  /** {@inheritDoc QEvent.Type.User} */
  static readonly User = 1000;
  /** {@inheritDoc QEvent.Type.MaxUser} */
  static readonly MaxUser = 65535;

  #type: number;
  #accepted = true;
  #spontaneous = false;

  /**
   * Creates an event of the given type.
   * @param type - any integer (Qt's types, or `QEvent.User + n`)
   */
  constructor(type: number) {
    if (!Number.isInteger(type)) throw new TypeError(`QEvent: type must be an integer, got ${String(type)}`);
    this.#type = type;
  }

  /** @returns the event type number */
  type(): number {
    return this.#type;
  }

  /** @returns whether the event is accepted (true on creation) */
  isAccepted(): boolean {
    return this.#accepted;
  }

  /**
   * Sets the accepted flag.
   * @param accepted - the new value
   */
  setAccepted(accepted: boolean): void {
    this.#accepted = accepted;
  }

  /** Sets the accepted flag. */
  accept(): void {
    this.#accepted = true;
  }

  /** Clears the accepted flag. */
  ignore(): void {
    this.#accepted = false;
  }

  /** @returns whether the event came from outside the program (always false in tsqt) */
  spontaneous(): boolean {
    return this.#spontaneous;
  }

  /**
   * Registers and returns an unused user event type: `hint` when it is free and in
   * `User..MaxUser`, otherwise the highest free one; -1 when none is left.
   * @param hint - the wanted type, or -1
   * @returns the registered type, or -1
   * @see {@link https://doc.qt.io/qt-6/qevent.html#registerEventType | QEvent::registerEventType in Qt 6}
   */
  static registerEventType(hint = -1): number {
    if (hint >= Type.User && hint <= Type.MaxUser && Number.isInteger(hint) && !registered.has(hint)) {
      registered.add(hint);
      return hint;
    }
    while (nextUserType >= Type.User && registered.has(nextUserType)) nextUserType--;
    if (nextUserType < Type.User) return -1;
    registered.add(nextUserType);
    return nextUserType--;
  }
}

/** Types named like the enums of {@link QEvent}. */
export declare namespace QEvent {
  /** An event type number. */
  type Type = number;
}
