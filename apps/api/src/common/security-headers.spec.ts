import express from 'express';
import request from 'supertest';
import { securityHeaders } from './security-headers';

function appWith(httpsOnly: boolean) {
  const app = express();
  app.use(securityHeaders(httpsOnly));
  app.get('/', (_req, res) => res.send('ok'));
  return app;
}

describe('securityHeaders', () => {
  it('sends neither upgrade-insecure-requests nor HSTS when the product is not served over HTTPS', async () => {
    const res = await request(appWith(false)).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends upgrade-insecure-requests and a year of HSTS when HTTPS_ONLY is set', async () => {
    const res = await request(appWith(true)).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it("keeps helmet's other defaults either way", async () => {
    const res = await request(appWith(false)).get('/').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('lets images come from the page itself, data: and blob: URLs (evidence thumbnails) only', async () => {
    const res = await request(appWith(false)).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
  });
});
