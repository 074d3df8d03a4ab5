import { describe, expect, it } from 'vitest'
import { dialogInfoLimits, parseDialogInfo } from './dialog-info'

const ns = 'urn:ietf:params:xml:ns:dialog-info'
const doc = (inner: string, attrs = 'version="3" state="full"') =>
  `<?xml version="1.0"?>\n<dialog-info xmlns="${ns}" ${attrs} entity="sip:4802@parley.test">${inner}</dialog-info>`

const ringing =
  `<dialog id="d1" call-id="abc@host" local-tag="callee-tag" remote-tag="caller-tag" direction="recipient">` +
  `<state>early</state>` +
  `<local><identity>sip:4802@parley.test</identity></local>` +
  `<remote><identity display="Alice Aalto">sip:4801@parley.test</identity><target uri="sip:4801@10.0.0.1;transport=ws"/></remote>` +
  `</dialog>`

describe('parseDialogInfo', () => {
  it('reads a full document with a ringing dialog, its call-id, tags and the caller', () => {
    expect(parseDialogInfo(doc(ringing))).toEqual({
      version: 3,
      full: true,
      entity: 'sip:4802@parley.test',
      dialogs: [
        {
          id: 'd1',
          state: 'early',
          direction: 'recipient',
          callId: 'abc@host',
          localTag: 'callee-tag',
          remoteTag: 'caller-tag',
          localIdentity: 'sip:4802@parley.test',
          remoteIdentity: 'sip:4801@parley.test',
          remoteDisplay: 'Alice Aalto',
          remoteTarget: 'sip:4801@10.0.0.1;transport=ws',
        },
      ],
    })
  })

  it('reads several dialogs under any prefix, partial state and the state names it knows', () => {
    const xml =
      `<d:dialog-info xmlns:d="${ns}" version="7" state="partial" entity="sip:x@y">` +
      `<d:dialog id="a" direction="initiator"><d:state event="rejected" code="486">terminated</d:state></d:dialog>` +
      `<d:dialog id="b"><d:state>confirmed</d:state></d:dialog>` +
      `<d:dialog id="c"><d:state>ringing-ish</d:state></d:dialog>` +
      `<d:dialog><d:state>early</d:state></d:dialog>` +
      `</d:dialog-info>`
    const parsed = parseDialogInfo(xml)
    expect(parsed?.full).toBe(false)
    expect(parsed?.version).toBe(7)
    expect(parsed?.dialogs.map((d) => [d.id, d.state, d.direction])).toEqual([
      ['a', 'terminated', 'initiator'],
      ['b', 'confirmed', null],
    ])
  })

  it('an empty full document means no calls', () => {
    expect(parseDialogInfo(doc(''))?.dialogs).toEqual([])
  })

  it('keeps hostile names as plain one-line text', () => {
    const hostile = ringing.replace('Alice Aalto', '&lt;img src=x onerror=alert(1)&gt;&#x202E;evil\nline')
    const parsed = parseDialogInfo(doc(hostile))
    expect(parsed?.dialogs[0]?.remoteDisplay).toBe('<img src=x onerror=alert(1)> evil line')
  })

  it('clips very long values', () => {
    const long = ringing.replace('abc@host', 'c'.repeat(5000))
    expect(parseDialogInfo(doc(long))?.dialogs[0]?.callId).toHaveLength(dialogInfoLimits.value)
  })

  it.each([
    ['empty', ''],
    ['not XML', 'dialog please'],
    ['unclosed', doc('<dialog id="a"><state>early</state>').replace('</dialog-info>', '')],
    ['mismatched', doc('<dialog id="a"><state>early</dialog></state>')],
    ['another root', '<presence xmlns="urn:ietf:params:xml:ns:pidf"/>'],
    ['no namespace', '<dialog-info version="1" state="full"/>'],
    ['no version', `<dialog-info xmlns="${ns}" state="full"/>`],
    ['a negative version', `<dialog-info xmlns="${ns}" version="-1" state="full"/>`],
    ['an unknown state', `<dialog-info xmlns="${ns}" version="1" state="some"/>`],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "aaaa">]>${doc('&a;')}`],
    ['too many dialogs', doc(ringing.repeat(dialogInfoLimits.dialogs + 1))],
    ['huge', doc(`<dialog id="a"><state>early</state><x>${'x'.repeat(300_000)}</x></dialog>`)],
    ['too deep', doc(`${'<a>'.repeat(200)}${'</a>'.repeat(200)}`)],
  ])('refuses %s input', (_, xml) => {
    expect(parseDialogInfo(xml)).toBeUndefined()
  })
})
