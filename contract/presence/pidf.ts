import { scanXml, type XmlName } from './xml-scan'
import { cleanNote, cleanStatus, cleanUntil, PresenceStatus, type StatusValue } from './status'

/**
 * The presence document both ways (RFC 3863 PIDF, RFC 4479 data model, RFC 4480 RPID): what
 * "My status" publishes and what a colleague's lamp reads. The one owner of the mapping between
 * Parley's statuses and RPID activities:
 *
 *   Available      no activity          Meeting       <meeting/>
 *   Busy           <busy/>              Away          <away/>
 *   Lunch          <lunch/>             Out of office <away/> + <other>out-of-office</other>
 *   Do not disturb <busy/> + <other>do-not-disturb</other>
 *
 * The extra `<other>` keeps Parley's own statuses exact while other phones, which do not know
 * them, still read "away" or "busy". The until time is RPID's `until` attribute on activities.
 */

export const pidfNamespaces = {
  pidf: 'urn:ietf:params:xml:ns:pidf',
  dm: 'urn:ietf:params:xml:ns:pidf:data-model',
  rpid: 'urn:ietf:params:xml:ns:pidf:rpid',
} as const

export const pidfContentType = 'application/pidf+xml'

const published: Record<PresenceStatus, { activities: string[]; other?: string }> = {
  [PresenceStatus.Available]: { activities: [] },
  [PresenceStatus.Busy]: { activities: ['busy'] },
  [PresenceStatus.Lunch]: { activities: ['lunch'] },
  [PresenceStatus.Meeting]: { activities: ['meeting'] },
  [PresenceStatus.Away]: { activities: ['away'] },
  [PresenceStatus.OutOfOffice]: { activities: ['away'], other: 'out-of-office' },
  [PresenceStatus.DoNotDisturb]: { activities: ['busy'], other: 'do-not-disturb' },
}

/** XML text and attribute values: the five characters that could end or start markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The PIDF body to PUBLISH for `entity` (a SIP URI such as "sip:4701@pbx.example"). */
export function buildPidf(entity: string, value: StatusValue): string {
  const { status, until, note } = cleanStatus(value)
  const map = published[status]
  const activityItems = [
    ...map.activities.map((name) => `<rpid:${name}/>`),
    ...(map.other ? [`<rpid:other>${map.other}</rpid:other>`] : []),
  ]
  const untilAttribute = until ? ` until="${escapeXml(until)}"` : ''
  const activities = activityItems.length
    ? `<rpid:activities${untilAttribute}>${activityItems.join('')}</rpid:activities>`
    : ''
  const personNote = note ? `<dm:note>${escapeXml(note)}</dm:note>` : ''
  const tupleNote = note ? `<note>${escapeXml(note)}</note>` : ''
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<presence xmlns="${pidfNamespaces.pidf}" xmlns:dm="${pidfNamespaces.dm}" xmlns:rpid="${pidfNamespaces.rpid}" entity="${escapeXml(entity)}">` +
    `<tuple id="parley"><status><basic>open</basic></status>${tupleNote}</tuple>` +
    `<dm:person id="parley-person">${activities}${personNote}</dm:person>` +
    `</presence>`
  )
}

/** What a presence document says: a status, and whether any of the person's devices is online. */
export interface ParsedPresence extends StatusValue {
  /** A tuple said <basic>open</basic>, or the person has activities and no tuple said closed. */
  open: boolean
}

// RFC 4480 activities (and Parley's <other> words) → the status a lamp shows. Anything
// unknown but present means "doing something else": Away, with its note kept.
const activityStatus: Record<string, PresenceStatus> = {
  'do-not-disturb': PresenceStatus.DoNotDisturb,
  dnd: PresenceStatus.DoNotDisturb,
  'out-of-office': PresenceStatus.OutOfOffice,
  vacation: PresenceStatus.OutOfOffice,
  holiday: PresenceStatus.OutOfOffice,
  'permanent-absence': PresenceStatus.OutOfOffice,
  meeting: PresenceStatus.Meeting,
  appointment: PresenceStatus.Meeting,
  presentation: PresenceStatus.Meeting,
  performance: PresenceStatus.Meeting,
  lunch: PresenceStatus.Lunch,
  breakfast: PresenceStatus.Lunch,
  dinner: PresenceStatus.Lunch,
  meal: PresenceStatus.Lunch,
  busy: PresenceStatus.Busy,
  'on-the-phone': PresenceStatus.Busy,
  away: PresenceStatus.Away,
  unknown: PresenceStatus.Available,
  working: PresenceStatus.Available,
}

// When a document names several, the one that matters most to someone about to transfer a call.
const precedence: PresenceStatus[] = [
  PresenceStatus.DoNotDisturb,
  PresenceStatus.OutOfOffice,
  PresenceStatus.Meeting,
  PresenceStatus.Lunch,
  PresenceStatus.Busy,
  PresenceStatus.Away,
  PresenceStatus.Available,
]

const textLimit = 4_000

/** Reads a PIDF document from the network; undefined when it is not one we can trust. */
export function parsePidf(xml: string): ParsedPresence | undefined {
  const found = new Map<PresenceStatus, string | undefined>() // status → its activities' until
  const notes: { person?: string; tuple?: string } = {}
  let basicOpen = false
  let basicClosed = false
  let rootOk = false
  const path: XmlName[] = []
  let text = ''
  let activitiesUntil: string | undefined

  const is = (name: XmlName | undefined, ns: string, local: string) => name?.ns === ns && name.local === local
  const inside = (ns: string, local: string) => path.some((name) => is(name, ns, local))

  const ok = scanXml(xml, {
    open(name, attribute) {
      if (path.length === 0) rootOk = is(name, pidfNamespaces.pidf, 'presence')
      path.push(name)
      text = ''
      if (is(name, pidfNamespaces.rpid, 'activities')) activitiesUntil = attribute('until')
      else if (
        name.ns === pidfNamespaces.rpid &&
        is(path.at(-2), pidfNamespaces.rpid, 'activities') &&
        name.local !== 'other'
      ) {
        const status = activityStatus[name.local] ?? PresenceStatus.Away
        if (!found.has(status)) found.set(status, activitiesUntil)
      }
    },
    close(name) {
      path.pop()
      const value = text.trim()
      text = ''
      if (is(name, pidfNamespaces.rpid, 'activities')) activitiesUntil = undefined
      else if (is(name, pidfNamespaces.pidf, 'basic')) {
        if (value === 'open') basicOpen = true
        else if (value === 'closed') basicClosed = true
      } else if (is(name, pidfNamespaces.rpid, 'other') && inside(pidfNamespaces.rpid, 'activities')) {
        const status = activityStatus[value.toLowerCase()] ?? PresenceStatus.Away
        if (!found.has(status)) found.set(status, activitiesUntil)
      } else if (value && is(name, pidfNamespaces.dm, 'note') && inside(pidfNamespaces.dm, 'person')) {
        notes.person ??= value
      } else if (value && is(name, pidfNamespaces.pidf, 'note')) {
        notes.tuple ??= value
      }
    },
    text(chunk) {
      if (text.length < textLimit) text += chunk.slice(0, textLimit - text.length)
    },
  })
  if (!ok || !rootOk) return undefined

  const status = precedence.find((candidate) => found.has(candidate)) ?? PresenceStatus.Available
  const until = status === PresenceStatus.Available ? undefined : cleanUntil(found.get(status))
  const note = cleanNote(notes.person ?? notes.tuple)
  return {
    status,
    ...(until === undefined ? {} : { until }),
    ...(note === undefined ? {} : { note }),
    open: basicOpen || (!basicClosed && found.size > 0),
  }
}
