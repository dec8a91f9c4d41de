/**
 * Where a command's events go: one JSON object per line with --json (for
 * scripts), or one short line per event for a person. Errors go to stderr.
 */
export class Output {
  readonly json: boolean

  constructor (json: boolean) {
    this.json = json
  }

  /** An event: JSON `{"event": name, ...fields}` or the human text. */
  event (name: string, fields: Record<string, unknown>, human?: string): void {
    if (this.json) process.stdout.write(JSON.stringify({ event: name, ...fields }) + '\n')
    else if (human != null) process.stdout.write(human + '\n')
  }

  /** A line for a person only. */
  info (text: string): void {
    if (!this.json) process.stdout.write(text + '\n')
  }
}

export function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
