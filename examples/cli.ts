/**
 * Command-line helpers shared by the examples. Not part of tsqt: the examples parse their options
 * with Node's own `util.parseArgs`, and this file only adds checked numbers, addresses and
 * interfaces, a `--help`, and exit code 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { QAbstractSocket, QHostAddress, QNetworkInterface } from '../src/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `process.argv` against `options`; prints `usage` and exits on `--help` or a bad option. */
export function commandLine<const O extends Options>(usage: string, options: O): ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>> {
  try {
    const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as O;
    const parsed = parseArgs<{ options: O; allowPositionals: true }>({ options: withHelp, allowPositionals: true });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(usage);
      process.exit(0);
    }
    return parsed;
  } catch (e) {
    return usageError(usage, (e as Error).message);
  }
}

/** Prints a usage error and exits with code 2. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/** An integer option in `min..max`; `fallback` when it was not given. */
export function integer(usage: string, name: string, text: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    usageError(usage, `--${name} must be an integer in ${min}..${max}, got "${text}"`);
  }
  return value;
}

/** An IP address option (literal only); `fallback` when it was not given. */
export function address(usage: string, name: string, text: string | undefined, fallback: string): QHostAddress {
  const value = new QHostAddress(text ?? fallback);
  if (value.isNull()) usageError(usage, `--${name} must be an IPv4 or IPv6 address, got "${text}"`);
  return value;
}

/** A multicast group option of one family (`ipv6` false: IPv4); `fallback` when it was not given. */
export function multicastGroup(usage: string, name: string, text: string | undefined, fallback: string, ipv6: boolean): QHostAddress {
  const value = address(usage, name, text, fallback);
  const protocol = ipv6 ? QAbstractSocket.IPv6Protocol : QAbstractSocket.IPv4Protocol;
  if (!value.isMulticast() || value.protocol() !== protocol) usageError(usage, `--${name} must be an ${ipv6 ? 'IPv6' : 'IPv4'} multicast address`);
  return value;
}

/** The interface named by an option, or (when none was named) the machine's loopback interface. */
export function networkInterface(usage: string, name: string, text: string | undefined): QNetworkInterface {
  if (text !== undefined) {
    const iface = QNetworkInterface.interfaceFromName(text);
    if (!iface.isValid()) usageError(usage, `--${name}: no network interface named "${text}"`);
    return iface;
  }
  const loopback = QNetworkInterface.allInterfaces().find((i) => i.flags() & QNetworkInterface.IsLoopBack);
  if (loopback === undefined) usageError(usage, `no loopback interface found; name one with --${name}`);
  return loopback;
}
