import helmet from 'helmet';

/** One year, in seconds: what HSTS preload lists ask for. */
const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * helmet's headers, with the two that assume HTTPS only when the product is served over it
 * (`httpsOnly`, the HTTPS_ONLY setting): CSP `upgrade-insecure-requests` makes a browser that
 * opened the UI by a plain-HTTP intranet address fetch every asset over https (a blank page),
 * and Strict-Transport-Security would pin such an address to https for a year. Images may also
 * come from `blob:` URLs: evidence photos are fetched with the bearer token and shown from the
 * blob (an <img> cannot send the token); only the page's own scripts can make such URLs.
 */
export function securityHeaders(httpsOnly: boolean): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        imgSrc: ["'self'", 'data:', 'blob:'],
        upgradeInsecureRequests: httpsOnly ? [] : null,
      },
    },
    strictTransportSecurity: httpsOnly ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
  });
}
