/** Types of worker.js (the Cloudflare Worker of docs/recipes/cors-proxy.md). */

/** The Worker's variables (wrangler.toml [vars]). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** Whether a URL is https (or http with ALLOW_HTTP) on ALLOWED_HOSTS. */
export function isAllowedUpstream(url: URL, env: ProxyEnv): boolean;

/** The Access-Control-Allow-Origin value for a request's Origin, or null when not allowed. */
export function allowedOrigin(origin: string | null, env: ProxyEnv): string | null;

/** Handles one request. */
export function handleRequest(request: Request, env: ProxyEnv): Promise<Response>;

declare const worker: { fetch(request: Request, env: ProxyEnv): Promise<Response> };
export default worker;
