import { isIP } from 'node:net';
import type { Request } from 'restify';

/**
 * Who is calling: the socket's address, or with `trustProxy` the left-most X-Forwarded-For entry
 * (set by the load balancer in front; never trust it without one, anyone can write the header).
 */
export function clientAddressOf(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/** Loopback hosts: the only ones an unauthenticated bot may call back. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
