import { DATE_WINDOW, dayProblem, isDayInWindow } from '@rectify/domain';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * A calendar day a person gives (YYYY-MM-DD) that exists and lies in the product's date window
 * (`DATE_WINDOW`, 1990-01-01 … 2100-12-31). Refused values make the validation pipe answer 400
 * `VALIDATION_FAILED` with this Chinese message under the field's name.
 */
export function IsDayInWindow(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDayInWindow',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isDayInWindow(value),
        defaultMessage: (args?: ValidationArguments) =>
          dayProblem(args?.value, '日期') ?? `日期必须在 ${DATE_WINDOW.first} 至 ${DATE_WINDOW.last} 之间。`,
      },
    });
}

/** The dates an event payload may carry, by path, for {@link PayloadDatesInWindow}. */
function payloadDateProblems(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const { newDeadline, measures } = payload as { newDeadline?: unknown; measures?: unknown };
  const problems: string[] = [];
  if (newDeadline !== undefined) {
    const problem = dayProblem(newDeadline, 'payload.newDeadline（新的完成时限）');
    if (problem) problems.push(problem);
  }
  if (Array.isArray(measures)) {
    measures.forEach((m: unknown, i) => {
      const deadline =
        typeof m === 'object' && m !== null ? (m as { deadline?: unknown }).deadline : undefined;
      if (deadline === undefined) return;
      const problem = dayProblem(deadline, `payload.measures[${i}].deadline（完成时限）`);
      if (problem) problems.push(problem);
    });
  }
  return problems;
}

/**
 * An event payload whose dates, where present (`newDeadline`, `measures[].deadline`), are days
 * in the date window. Missing dates are left to the workflow's own rules, which say what the
 * event needs.
 */
export function PayloadDatesInWindow(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'payloadDatesInWindow',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => payloadDateProblems(value).length === 0,
        defaultMessage: (args?: ValidationArguments) => payloadDateProblems(args?.value).join(''),
      },
    });
}
