import { z } from 'zod'
// A schema's own refusal is a catalogue key: issueMessage words it in the user's language.
import type { MessageKey } from './i18n/catalogue'

/**
 * The account's schema on its own, so the renderer (which validates only the account at start)
 * builds this one schema and not every schema of the contract; ./schemas re-exports it.
 */

export const shortText = (max: number) => z.string().max(max)

export const sipAddressSchema = z
  .string()
  .trim()
  .max(256)
  .regex(
    /^[A-Za-z0-9._~%!$&'()*+,;=-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/,
    'login.sip-address-invalid' satisfies MessageKey,
  )

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

export const webSocketUrlSchema = z
  .string()
  .trim()
  .max(512)
  .refine((value) => {
    try {
      const url = new URL(value)
      if (url.protocol === 'wss:') return true
      return url.protocol === 'ws:' && loopbackHosts.has(url.hostname)
    } catch {
      return false
    }
  }, 'login.ws-server-invalid' satisfies MessageKey)

/**
 * Account text that ends up inside SIP headers (From display name, Authorization username,
 * Route): a line break would start a header of its own, a quote or <> would end the quoted
 * name or the URI early. Refused with a message instead of escaped, so what is stored is what
 * the PBX sees.
 */
const headerSafeText = (max: number) =>
  shortText(max).regex(/^[^\u0000-\u001f\u007f"<>]*$/, 'form.header-unsafe' satisfies MessageKey)

/** The voicemail short number the Voicemail button dials (555 on the PBX our users have). */
export const voicemailNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9*#+]+$/, 'form.digits-star-hash')

export const accountSchema = z.object({
  displayName: headerSafeText(128).default(''),
  sipAddress: sipAddressSchema,
  authUser: headerSafeText(128).default(''),
  wsServer: webSocketUrlSchema,
  outboundProxy: headerSafeText(512).default(''),
  /** STUN/TURN urls the account allows; empty means host candidates only (no public server). */
  iceServers: z.array(shortText(512)).max(8).default([]),
  voicemailNumber: voicemailNumberSchema.default('555'),
  /**
   * The mailbox whose message-waiting state (RFC 3842) is watched: a number or SIP address;
   * absent or empty: the account's own address.
   */
  mailbox: z
    .string()
    .trim()
    .max(256)
    .regex(
      /^((sips?:)?[A-Za-z0-9._~%!$&'()*+,;=-]+(@[A-Za-z0-9.-]+(:\d{1,5})?)?)?$/,
      'form.number-or-address' satisfies MessageKey,
    )
    .optional(),
  /** Watch the mailbox for new messages (SUBSCRIBE message-summary); absent: yes. */
  voicemailWatch: z.boolean().optional(),
  /** Where the user dials from (ISO 3166 country): how numbers are read, matched and shown. */
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('SE'),
})
export type Account = z.infer<typeof accountSchema>
