import { catalogues, isMessageKey, message, type Message, type MessageKey } from './catalogue'

/** The parts of a zod issue this reads (no zod import: the window loads zod only with a form). */
export interface SchemaIssue {
  code: string
  message: string
  origin?: string
  maximum?: number | bigint
  minimum?: number | bigint
}

/**
 * A schema's refusal as a catalogue message. Our schemas give their own refusals as catalogue
 * keys (`.regex(…, 'form.number-or-address')`); zod's built-in checks are worded here by their
 * code, so no English sentence of zod's ever reaches the user.
 */
export function issueMessage(issue: SchemaIssue, field?: MessageKey): Message {
  const own = issue.message
  if (isMessageKey(own)) {
    if (own === 'form.header-unsafe') return message(own, { field: message(field ?? 'setting.other') })
    // A key that needs parameters cannot come from a schema's fixed text.
    return typeof catalogues.en[own] === 'function' ? message('form.invalid') : ({ key: own } as Message)
  }
  const limit = Number(issue.maximum ?? 0)
  if (issue.code === 'too_big' && issue.origin === 'string') return message('form.too-long', { max: limit })
  if (issue.code === 'too_big' && issue.origin === 'array') return message('form.too-many', { max: limit })
  if (issue.code === 'too_small' && Number(issue.minimum ?? 0) <= 1) return message('form.required')
  return message('form.invalid')
}
