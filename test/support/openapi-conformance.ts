/**
 * Checks a real response body against the schema the OpenAPI document declares for it: every
 * required property present, no property the schema does not name (unless it allows extra ones),
 * types, enums and nullability as documented, discriminated unions by their discriminator.
 * Returns the problems as "path: what" lines; empty when the body conforms.
 */
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
};

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

/** The JSON schema of `method path`'s `status` response. */
export function responseSchema(doc: OpenApiDocument, method: string, path: string, status: number): Schema {
  const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no JSON body for ${status}`);
  return schema;
}

export function conformanceProblems(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  const resolve = (s: Schema): Schema =>
    s.$ref ? resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]) : s;
  const s = resolve(schema);
  if (value === null) return s.nullable ? [] : [`${at}: null, but not nullable`];
  if (s.allOf) {
    const own = { ...s, allOf: undefined };
    return [
      ...s.allOf.flatMap((part) => conformanceProblems(doc, { ...part, nullable: s.nullable }, value, at)),
      // Beside allOf, Nest writes `type: object` alone: only properties or an enum add a rule.
      ...(own.properties || own.enum ? conformanceProblems(doc, own, value, at) : []),
    ];
  }
  if (s.oneOf) {
    if (s.discriminator) {
      const tag = (value as Record<string, unknown>)?.[s.discriminator.propertyName];
      const ref = s.discriminator.mapping?.[String(tag)];
      if (!ref)
        return [`${at}: ${s.discriminator.propertyName} "${String(tag)}" is none of the documented ones`];
      return conformanceProblems(doc, { $ref: ref }, value, at);
    }
    const results = s.oneOf.map((option) => conformanceProblems(doc, option, value, at));
    return results.some((r) => r.length === 0)
      ? []
      : [`${at}: matches none of oneOf (${results[0].join('; ')})`];
  }
  if (s.enum && !s.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not in ${JSON.stringify(s.enum)}`];
  switch (s.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: expected a string, got ${JSON.stringify(value)}`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer, got ${JSON.stringify(value)}`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return value.flatMap((v, i) => (s.items ? conformanceProblems(doc, s.items, v, `${at}[${i}]`) : []));
  }
  if (s.type === 'object' || s.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
    const record = value as Record<string, unknown>;
    const properties = s.properties ?? {};
    const missing = (s.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}: missing`);
    const checked = Object.entries(record).flatMap(([k, v]) => {
      if (properties[k]) return conformanceProblems(doc, properties[k], v, `${at}.${k}`);
      if (s.additionalProperties === true) return [];
      if (typeof s.additionalProperties === 'object')
        return conformanceProblems(doc, s.additionalProperties, v, `${at}.${k}`);
      return [`${at}.${k}: not documented`];
    });
    return [...missing, ...checked];
  }
  return [];
}
