import { plainDisplayText } from '../../contract/display-text'
import { scanXml, type XmlName } from '../../contract/presence/xml-scan'

/**
 * Reads a dialog-info+xml document (RFC 4235) from the network: which calls a colleague's phone
 * has and in what state. Built on the shared bounded XML scanner (no DOCTYPE, size, depth and
 * element limits): anything it refuses, or a document that is not dialog-info, is `undefined`.
 * Every value is plain text (identities cleaned like caller names), never markup.
 */

export const dialogInfoNamespace = 'urn:ietf:params:xml:ns:dialog-info'
export const dialogInfoContentType = 'application/dialog-info+xml'

/** RFC 4235 §3.7.1 dialog states, in their life order. */
export type DialogStateName = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated'
const dialogStates = new Set<string>(['trying', 'proceeding', 'early', 'confirmed', 'terminated'])

/** One dialog of the watched colleague, seen from their side (local = the colleague). */
export interface DialogEntry {
  id: string
  state: DialogStateName
  /** The colleague called (initiator) or was called (recipient); null when not said. */
  direction: 'initiator' | 'recipient' | null
  callId: string
  /** The colleague's tag, and the other party's (the tags of the SIP dialog). */
  localTag: string
  remoteTag: string
  /** The other party: their SIP address and name (plain text), and where to reach their phone. */
  remoteIdentity: string
  remoteDisplay: string
  remoteTarget: string
  localIdentity: string
}

export interface DialogInfoDocument {
  version: number
  /** Full state replaces what we knew; partial state changes only the dialogs it names. */
  full: boolean
  entity: string
  dialogs: DialogEntry[]
}

export const dialogInfoLimits = {
  /** Dialogs one document may name (a phone has a handful; a PBX entity a few dozen). */
  dialogs: 64,
  /** Characters of an id, tag, call-id or URI. */
  value: 256,
} as const

/** Attribute and text values as we keep them: bounded, one line, no layout characters. */
function clean(value: string | undefined): string {
  return plainDisplayText((value ?? '').slice(0, dialogInfoLimits.value * 2)).slice(0, dialogInfoLimits.value)
}

function blankEntry(id: string): DialogEntry {
  return {
    id,
    state: 'trying',
    direction: null,
    callId: '',
    localTag: '',
    remoteTag: '',
    remoteIdentity: '',
    remoteDisplay: '',
    remoteTarget: '',
    localIdentity: '',
  }
}

/** The non-negative integer an attribute holds, or undefined (RFC 4235: version is required). */
function counter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined
  return Number(value.trim())
}

/** Reads one dialog-info document; undefined when it is malformed, too large or not dialog-info. */
export function parseDialogInfo(xml: string): DialogInfoDocument | undefined {
  let document: DialogInfoDocument | undefined
  let rootOk = true
  let tooMany = false
  let entry: DialogEntry | undefined
  let stateSeen = false
  const path: XmlName[] = []
  let text = ''

  const inDialogInfo = (name: XmlName | undefined, local: string) =>
    name?.ns === dialogInfoNamespace && name.local === local
  const parentIs = (local: string) => inDialogInfo(path.at(-2), local)

  const ok = scanXml(xml, {
    open(name, attribute) {
      path.push(name)
      text = ''
      if (path.length === 1) {
        const version = counter(attribute('version'))
        const state = attribute('state')
        rootOk =
          inDialogInfo(name, 'dialog-info') &&
          version !== undefined &&
          (state === 'full' || state === 'partial')
        if (rootOk)
          document = {
            version: version ?? 0,
            full: state === 'full',
            entity: clean(attribute('entity')),
            dialogs: [],
          }
        return
      }
      if (!document) return
      if (inDialogInfo(name, 'dialog') && path.length === 2) {
        const id = clean(attribute('id'))
        const direction = attribute('direction')
        entry = {
          ...blankEntry(id),
          callId: clean(attribute('call-id')),
          localTag: clean(attribute('local-tag')),
          remoteTag: clean(attribute('remote-tag')),
          direction: direction === 'initiator' || direction === 'recipient' ? direction : null,
        }
        stateSeen = false
      } else if (entry && inDialogInfo(name, 'identity') && parentIs('remote')) {
        entry.remoteDisplay = clean(attribute('display'))
      } else if (entry && inDialogInfo(name, 'target') && parentIs('remote')) {
        entry.remoteTarget = clean(attribute('uri'))
      }
    },
    close(name) {
      const value = text.trim()
      text = ''
      if (entry && inDialogInfo(name, 'state') && path.length === 3) {
        stateSeen = dialogStates.has(value)
        if (stateSeen) entry.state = value as DialogStateName
      } else if (entry && inDialogInfo(name, 'identity') && parentIs('remote')) {
        entry.remoteIdentity = clean(value)
      } else if (entry && inDialogInfo(name, 'identity') && parentIs('local')) {
        entry.localIdentity = clean(value)
      } else if (entry && inDialogInfo(name, 'dialog') && path.length === 2) {
        // A dialog without an id or a state we know says nothing we can act on.
        if (document && entry.id && stateSeen) {
          if (document.dialogs.length >= dialogInfoLimits.dialogs) tooMany = true
          else document.dialogs.push(entry)
        }
        entry = undefined
      }
      path.pop()
    },
    text(chunk) {
      if (text.length < dialogInfoLimits.value * 2)
        text += chunk.slice(0, dialogInfoLimits.value * 2 - text.length)
    },
  })
  return ok && rootOk && !tooMany ? document : undefined
}
