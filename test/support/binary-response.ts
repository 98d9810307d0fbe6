import type request from 'supertest';

/**
 * A supertest parser that collects a binary response body (.docx, .xlsx, a download) into a
 * Buffer; supertest only buffers text by default. Use with `.buffer(true).parse(binaryParser)`.
 */
export function binaryParser(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, the response handed to a parser is the raw IncomingMessage stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, Buffer.alloc(0)));
}
