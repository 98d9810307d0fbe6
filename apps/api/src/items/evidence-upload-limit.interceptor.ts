import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { evidenceTooLargeError } from '@rectify/application';
import { catchError, type Observable, throwError } from 'rxjs';

/**
 * Put before the evidence route's FileInterceptor: multer stops reading a file past the route's
 * fileSize limit and Nest answers a bare 413, which the error filter would word as the report
 * limit. This answers EVIDENCE_TOO_LARGE, naming the evidence limit, instead.
 */
@Injectable()
export class EvidenceUploadLimitInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          throwError(() => (err instanceof PayloadTooLargeException ? evidenceTooLargeError() : err)),
        ),
      );
  }
}
