/** The text of anything thrown: an Error's message, else the value as text (for logs and notices). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
