/**
 * Takes secrets out of text before it is written anywhere a person may read or attach it (the
 * log file, the diagnostics bundle). Two layers: patterns for what a secret looks like (a
 * password field, an Authorization header, a digest response, credentials inside a URL), and
 * the exact secrets this run knows of (the SIP password), replaced wherever they appear.
 */
export const redacted = '[redacted]'

/** Secrets shorter than this are not matched literally: too many false hits, little value. */
const minimumSecretLength = 4

// Each pattern keeps its key (group 1) so a reader still sees that something was there.
const patterns: RegExp[] = [
  // Authorization / Proxy-Authorization / WWW-Authenticate-style header values: the whole value.
  /\b((?:proxy-)?authorization\s*[:=]\s*)[^\r\n]+/gi,
  // The same in JSON or JS object dumps: "authorization": "Digest ..."
  /((?:"|')(?:proxy-)?authorization(?:"|')\s*:\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/gi,
  // Digest response and client nonce values wherever they appear (a header split across lines).
  /\b((?:response|cnonce)\s*=\s*)("[^"]*"|[^\s,]+)/gi,
  // password / passwd / secret / credential / token fields, quoted or not, as key=value or key: value.
  /((?:"|')?\b(?:password|passwd|pass|secret|credential|credentials|token|ha1)\b(?:"|')?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}]+)/gi,
  // user:password@ inside a URI (turn:, turns:, sip:, wss:, https: ...): the password goes.
  /(\b(?:turns?|stuns?|sips?|wss?|https?):(?:\/\/)?[^\s:@/]+:)([^\s@/]+)(?=@)/gi,
]

export class Redactor {
  private readonly secrets = new Set<string>()

  /** A value that must never appear (the SIP password once it is known). */
  addSecret(secret: string): void {
    if (secret.length >= minimumSecretLength) this.secrets.add(secret)
  }

  redact(text: string): string {
    let result = text
    // Known secrets first: a pattern could otherwise cut one in half and leave the rest.
    for (const secret of this.secrets) result = result.split(secret).join(redacted)
    for (const pattern of patterns)
      result = result.replace(pattern, (_match, key: string) => `${key}${redacted}`)
    return result
  }
}
