/**
 * Gives each socket connection its own prepared-statement and portal names on PGlite's one
 * backend session.
 *
 * A real PostgreSQL server has a session per connection; PGlite has one session for all of
 * them, so a statement one connection prepares by name (`rectify.load_item_with_actor`) is
 * "already there" for the next connection, whose driver prepares it again and fails with
 * `prepared statement … already exists` (seen: the CLI beside the product made the API's next
 * transition fail). Named statements and portals in Parse, Bind, Describe, Close and Execute
 * messages are prefixed with the connection's id; unnamed ones (the default) stay as they are.
 */
export class StatementNames {
  /** Prefixed statement names each connection prepared, to deallocate when it closes. */
  private readonly prepared = new Map<number, Set<string>>();

  /** Returns `message` with every non-empty statement or portal name prefixed for `handlerId`. */
  rewrite(handlerId: number, message: Uint8Array): Uint8Array {
    const type = String.fromCharCode(message[0]);
    const body = Buffer.from(message.buffer, message.byteOffset, message.byteLength).subarray(5);
    const prefix = `c${handlerId}_`;
    switch (type) {
      case 'P': {
        // Parse: statement name, query, parameter types.
        const [name, rest] = splitCString(body);
        if (name) this.remember(handlerId, prefix + name);
        return frame(type, [cstring(prefixed(prefix, name)), rest]);
      }
      case 'B': {
        // Bind: portal name, statement name, the rest.
        const [portal, afterPortal] = splitCString(body);
        const [statement, rest] = splitCString(afterPortal);
        return frame(type, [cstring(prefixed(prefix, portal)), cstring(prefixed(prefix, statement)), rest]);
      }
      case 'D':
      case 'C': {
        // Describe / Close: 'S' or 'P', then the name.
        const kind = body.subarray(0, 1);
        const [name, rest] = splitCString(body.subarray(1));
        if (kind[0] === 0x53 && name) this.prepared.get(handlerId)?.delete(prefix + name);
        return frame(type, [kind, cstring(prefixed(prefix, name)), rest]);
      }
      case 'E': {
        // Execute: portal name, row limit.
        const [portal, rest] = splitCString(body);
        return frame(type, [cstring(prefixed(prefix, portal)), rest]);
      }
      default:
        return message;
    }
  }

  /** The statements a closed connection left in the session, forgotten here; the caller deallocates them. */
  release(handlerId: number): string[] {
    const names = [...(this.prepared.get(handlerId) ?? [])];
    this.prepared.delete(handlerId);
    return names;
  }

  private remember(handlerId: number, name: string): void {
    let names = this.prepared.get(handlerId);
    if (!names) this.prepared.set(handlerId, (names = new Set()));
    names.add(name);
  }
}

function prefixed(prefix: string, name: string): string {
  return name === '' ? '' : prefix + name;
}

function splitCString(buf: Buffer): [string, Buffer] {
  const end = buf.indexOf(0);
  if (end < 0) throw new Error('malformed protocol message: unterminated name');
  return [buf.subarray(0, end).toString('utf8'), buf.subarray(end + 1)];
}

function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
}

function frame(type: string, parts: Buffer[]): Uint8Array {
  const body = Buffer.concat(parts);
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0, 'latin1');
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}
