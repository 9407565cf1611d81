import { readFileSync } from 'node:fs';

const LISTEN = '0A';
const LOOPBACK_V4 = /^..0000(7F|7f)$/; // 127.x.x.x, little-endian hex in /proc/net/tcp
const LOOPBACK_V6 = '00000000000000000000000001000000'; // ::1

function parse(file: string, port: number): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === LISTEN && cols[1]?.endsWith(`:${hexPort}`))
    .map((cols) => (cols[1] ?? '').split(':')[0] ?? '');
}

/**
 * The local addresses a TCP port listens on, read from Linux's /proc/net/tcp and tcp6, each
 * classified: `loopback` (127.0.0.0/8 or ::1) or `other` (every interface, or a public one).
 */
export function listenersOf(port: number): ('loopback' | 'other')[] {
  const v4 = parse('/proc/net/tcp', port).map((address) =>
    LOOPBACK_V4.test(address) ? 'loopback' : 'other',
  );
  const v6 = parse('/proc/net/tcp6', port).map((address) =>
    address === LOOPBACK_V6 ? 'loopback' : 'other',
  );
  return [...v4, ...v6] as ('loopback' | 'other')[];
}
