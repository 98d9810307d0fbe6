import { classify } from './smtp-mailer';

describe('classify SMTP failures', () => {
  it('treats 5xx replies and refused envelopes as permanent', () => {
    expect(classify({ responseCode: 550, response: '550 mailbox unavailable' }).kind).toBe('permanent');
    expect(classify({ code: 'EENVELOPE', message: 'No recipients defined' }).kind).toBe('permanent');
  });

  it('treats 4xx replies, refused connections and timeouts as temporary', () => {
    expect(classify({ responseCode: 451, response: '451 try later' }).kind).toBe('temporary');
    expect(classify({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe('temporary');
    expect(classify({ code: 'ETIMEDOUT', message: 'Greeting never received' }).kind).toBe('temporary');
  });
});
