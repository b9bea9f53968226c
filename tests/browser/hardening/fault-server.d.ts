// Types of fault-server.js (a Node module the test runner's config loads untranspiled).
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const FAULT_KINDS: readonly [
  'healthy',
  '404',
  '500',
  '429',
  '503',
  'hang',
  'reset',
  'reset-mid-body',
  'truncated',
  'cors',
  'html',
  'empty',
  'drip',
  'unterminated',
];
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The feed every healthy answer carries: a weekly series whose title names the feed. */
export declare function faultFeed(id: string): string;
/** Sets how feed `id` is served from now on. */
export declare function setFaultMode(id: string, kind: FaultKind): void;
/** How often feed `id` was requested, and how many of those requests the client abandoned. */
export declare function faultStats(id: string): { readonly hits: number; readonly abandoned: number };
/** Serves feed `id` on a raw Node response, failing as its mode says. */
export declare function serveFault(req: IncomingMessage, res: ServerResponse, id: string): Promise<void>;
/** The faults on a server of their own: `${base}/feed/<id>.ics`. */
export declare function startFaultServer(): Promise<{ readonly base: string; close(): Promise<void> }>;
/** The test runner's middleware, under /__faults/. */
export declare function faultMiddleware(ctx: unknown, next: () => Promise<unknown>): Promise<unknown>;
