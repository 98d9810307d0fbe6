import { type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type ErrorBody } from './error-body';

/**
 * The largest JSON or form-encoded request body, in bytes. The API's largest legitimate bodies
 * (50 measures of 500 characters, 200 item ids, a 2,000-character note) are a few tens of KB;
 * files travel as multipart uploads with their own limits.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What body-parser's errors carry: `type` names the failure, `status` is its HTTP status. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as BodyParserError).type === 'string' &&
    typeof (err as BodyParserError).status === 'number'
  );
}

/** The Chinese answer to each body-parser failure; anything else 4xx is a malformed body. */
function answerFor(err: BodyParserError): [number, ErrorBody] {
  if (err.status === 413 && err.type !== 'entity.too.large') {
    return [413, { code: 'TOO_MANY_PARAMETERS', message: '请求参数过多：请减少参数后重试。', details: null }];
  }
  if (err.status === 413) {
    return [
      413,
      {
        code: 'BODY_TOO_LARGE',
        message: `请求内容过大：请求体不能超过 ${MAX_BODY_BYTES / 1024 / 1024} MB。`,
        details: { maxBytes: MAX_BODY_BYTES },
      },
    ];
  }
  if (err.status === 415) {
    return [
      415,
      {
        code: 'UNSUPPORTED_BODY_ENCODING',
        message: '请求内容的编码不受支持：请使用 UTF-8 编码的 JSON。',
        details: null,
      },
    ];
  }
  return [
    400,
    { code: 'MALFORMED_BODY', message: '请求内容无法解析：请发送格式正确的 JSON（UTF-8）。', details: null },
  ];
}

/** Turns body-parser's errors into `{code, message, details}`; other errors go on to Nest. */
function answerBodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!isBodyParserError(err) || err.status < 400 || err.status >= 500) return next(err);
  const [status, body] = answerFor(err);
  res.status(status).json(body);
}

/**
 * A body the API cannot read (text/plain, XML, no content type at all) would otherwise arrive as
 * "nothing sent" and be answered field by field as 不能为空; say instead what to send.
 * Multipart uploads go to their routes' own parser.
 */
function refuseUnreadableBodies(req: Request, res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  if (
    !hasBody ||
    req.is([
      'application/json',
      'application/*+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ])
  ) {
    return next();
  }
  const body: ErrorBody = {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message:
      '请求内容的类型不受支持：请以 Content-Type: application/json 发送 JSON，上传文件请用 multipart/form-data。',
    details: { contentType: req.headers['content-type'] ?? null },
  };
  res.status(415).json(body);
}

/**
 * Parses JSON and form-encoded bodies for every route (the app is created with Nest's own
 * parsers off): at most MAX_BODY_BYTES, else 413; malformed, 400; an unknown charset, 415;
 * a body of any other type, 415; each with a Chinese message. Depth and characters are checked later, once, by the global pipe.
 */
export function parseRequestBodies(app: INestApplication): void {
  app.use(refuseUnreadableBodies);
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  app.use(express.urlencoded({ extended: true, limit: MAX_BODY_BYTES }));
  app.use(answerBodyParserErrors);
}
