// SPDX-License-Identifier: MIT
/**
 * Where a message comes from. tsqt fills only `category` ("default"); file, line and function
 * are `null`/0 (Qt fills them only in debug builds as well).
 * @see {@link https://doc.qt.io/qt-6/qmessagelogcontext.html | QMessageLogContext in Qt 6}
 */
export class QMessageLogContext {
  /** Source file, or null. */
  readonly file: string | null;
  /** Source line, or 0. */
  readonly line: number;
  /** Function name, or null. */
  readonly function: string | null;
  /** Logging category name. */
  readonly category: string | null;
  /**
   * Creates a context.
   * @param file - source file or null
   * @param line - source line or 0
   * @param fn - function name or null
   * @param category - category name or null
   */
  constructor(file: string | null = null, line = 0, fn: string | null = null, category: string | null = 'default') {
    this.file = file;
    this.line = line;
    this.function = fn;
    this.category = category;
  }
}
