import { type Type } from '@nestjs/common';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType, eventProfile } from '@rectify/workflow';
import { PayloadDatesInWindow } from '../common/day-in-window.validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';
import { EVENT_PAYLOAD_CLASSES, pascalCase } from './event-payload.dto';

const EVENT_DESCRIPTION = '先用 GET /api/items/{id}/events 查看当前可执行的事件';
const VERSION_DESCRIPTION = '客户端看到的版本号；不一致时返回 409';

/**
 * The body of POST /api/items/{id}/transitions as the validation pipe checks it: a known event,
 * an object payload whose dates lie in the date window, and the version the client saw. What
 * each event's payload must hold is the workflow's rule (400 EVENT_INCOMPLETE says what is
 * missing, or which field the event does not take); the contract documents it as the union
 * TRANSITION_REQUEST_SCHEMA.
 */
export class TransitionRequestDto {
  @IsIn(RECTIFICATION_EVENT_TYPES)
  event!: RectificationEventType;

  @IsOptional()
  @IsObject()
  @PayloadDatesInWindow()
  payload: Record<string, unknown> = {};

  @IntegerInRange(1, PG_INTEGER_MAX)
  expectedVersion!: number;
}

/** One event's request, e.g. ReopenTransitionRequest: `event` tells them apart. */
function transitionRequestOf(event: RectificationEventType): Type<object> {
  const { payload, label } = eventProfile(event);
  class Request {}
  Object.defineProperty(Request, 'name', { value: `${pascalCase(event)}TransitionRequest` });
  ApiProperty({ enum: [event], description: `${label}。${EVENT_DESCRIPTION}` })(Request.prototype, 'event');
  ApiProperty({ type: EVENT_PAYLOAD_CLASSES[payload], required: payload !== 'comment' })(
    Request.prototype,
    'payload',
  );
  ApiProperty({ type: 'integer', minimum: 1, description: VERSION_DESCRIPTION })(
    Request.prototype,
    'expectedVersion',
  );
  return Request;
}

/** One request class per event; register them with @ApiExtraModels on the route. */
export const TRANSITION_REQUEST_MODELS = RECTIFICATION_EVENT_TYPES.map(transitionRequestOf);

/** The documented body: one of the events' requests, told apart by `event`. */
export const TRANSITION_REQUEST_SCHEMA = {
  oneOf: TRANSITION_REQUEST_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'event',
    mapping: Object.fromEntries(
      RECTIFICATION_EVENT_TYPES.map((event, i) => [event, getSchemaPath(TRANSITION_REQUEST_MODELS[i])]),
    ),
  },
};
