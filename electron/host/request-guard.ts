// Decides whether a request may reach the web host at all: DNS-rebinding and per-launch token checks.
import { timingSafeEqual } from 'node:crypto';

/**
 * The Host header values this server answers to. A page on another site that rebinds its DNS name
 * to 127.0.0.1 still sends its own name as Host, so answering only our literal address defeats it.
 */
export function allowedHosts(bindAddress: '127.0.0.1' | '::1', port: number): ReadonlySet<string> {
  return new Set(bindAddress === '::1' ? [`[::1]:${port}`, `localhost:${port}`] : [`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** A browser sends Origin on cross-site POSTs and fetches; when present it must be our own. */
export function isAllowedOrigin(originHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (originHeader === undefined) return true;
  try {
    const origin = new URL(originHeader);
    return origin.protocol === 'http:' && allowed.has(origin.host.toLowerCase());
  } catch {
    return false;
  }
}

/** Compares a presented token with the launch token in constant time. */
export function isValidToken(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
