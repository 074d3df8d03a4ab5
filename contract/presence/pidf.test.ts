import { describe, expect, it } from 'vitest'
import { buildPidf, parsePidf } from './pidf'
import { PresenceStatus, presenceStatuses, statusLimits } from './status'

const entity = 'sip:4701@127.0.0.1'

describe('buildPidf', () => {
  it('writes a PIDF document with the RPID activity, the note and the until time', () => {
    const xml = buildPidf(entity, {
      status: PresenceStatus.Lunch,
      until: '2026-11-30T12:00:00.000Z',
      note: 'back soon',
    })
    expect(xml).toContain('<presence xmlns="urn:ietf:params:xml:ns:pidf"')
    expect(xml).toContain('entity="sip:4701@127.0.0.1"')
    expect(xml).toContain('<basic>open</basic>')
    expect(xml).toContain('<rpid:activities until="2026-11-30T12:00:00.000Z"><rpid:lunch/></rpid:activities>')
    expect(xml).toContain('<dm:note>back soon</dm:note>')
  })

  it('escapes a hostile note and entity so they stay text', () => {
    const xml = buildPidf('sip:a"b@x', { status: PresenceStatus.Busy, note: '</dm:note><rpid:away/>&"\'' })
    expect(xml).not.toContain('<rpid:away/>')
    expect(xml).toContain('entity="sip:a&#34;b@x"')
    expect(parsePidf(xml)).toEqual({
      status: PresenceStatus.Busy,
      note: '</dm:note><rpid:away/>&"\'',
      open: true,
    })
  })

  it('clips the note, makes it one line and drops an until that is not a date', () => {
    const xml = buildPidf(entity, {
      status: PresenceStatus.Away,
      note: 'a\nb' + 'x'.repeat(500),
      until: 'tomorrow',
    })
    const parsed = parsePidf(xml)
    expect(parsed?.note?.startsWith('a b')).toBe(true)
    expect(parsed?.note).toHaveLength(statusLimits.note)
    expect(xml).not.toContain('until=')
  })

  it('normalises an offset until to UTC and never gives Available an until', () => {
    expect(buildPidf(entity, { status: PresenceStatus.Meeting, until: '2026-11-30T13:00+01:00' })).toContain(
      'until="2026-11-30T12:00:00.000Z"',
    )
    expect(buildPidf(entity, { status: PresenceStatus.Available, until: '2026-11-30T13:00Z' })).not.toContain(
      'until',
    )
  })

  it.each(presenceStatuses)('round-trips %s', (status) => {
    const value = {
      status,
      note: 'n',
      ...(status === PresenceStatus.Available ? {} : { until: '2026-12-01T08:00:00.000Z' }),
    }
    expect(parsePidf(buildPidf(entity, value))).toEqual({ ...value, open: true })
  })
})

const wrap = (person: string, basic = 'open') =>
  `<?xml version="1.0"?><presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:r="urn:ietf:params:xml:ns:pidf:rpid" ` +
  `xmlns:d="urn:ietf:params:xml:ns:pidf:data-model" entity="sip:x@y"><tuple id="a"><status><basic>${basic}</basic></status></tuple>` +
  `<d:person id="p">${person}</d:person></presence>`

describe('parsePidf', () => {
  it('reads other phones’ activities under any prefix', () => {
    expect(parsePidf(wrap('<r:activities><r:on-the-phone/></r:activities>'))?.status).toBe(
      PresenceStatus.Busy,
    )
    expect(parsePidf(wrap('<r:activities><r:vacation/></r:activities>'))?.status).toBe(
      PresenceStatus.OutOfOffice,
    )
    expect(parsePidf(wrap('<r:activities><r:appointment/></r:activities>'))?.status).toBe(
      PresenceStatus.Meeting,
    )
    expect(parsePidf(wrap('<r:activities><r:breakfast/></r:activities>'))?.status).toBe(PresenceStatus.Lunch)
  })

  it('takes an unknown activity as Away and keeps its note', () => {
    const parsed = parsePidf(wrap('<r:activities><r:skydiving/></r:activities><d:note>jump</d:note>'))
    expect(parsed).toEqual({ status: PresenceStatus.Away, note: 'jump', open: true })
    expect(parsePidf(wrap('<r:activities><r:other>gone fishing</r:other></r:activities>'))?.status).toBe(
      PresenceStatus.Away,
    )
  })

  it('says Available and offline for a closed tuple without activities', () => {
    expect(parsePidf(wrap('', 'closed'))).toEqual({ status: PresenceStatus.Available, open: false })
  })

  it('reads a tuple note when the person has none, and decodes entities and CDATA', () => {
    const xml = `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:x@y"><tuple id="t"><status><basic>open</basic></status><note>R&#246;d &amp; <![CDATA[<b>]]></note></tuple></presence>`
    expect(parsePidf(xml)).toEqual({ status: PresenceStatus.Available, note: 'Röd & <b>', open: true })
  })

  it('ignores activities outside the RPID namespace and elements that only look like them', () => {
    const xml = wrap('<activities><busy/></activities>').replace('<d:person', '<d:person xmlns="urn:other"')
    expect(parsePidf(xml)?.status).toBe(PresenceStatus.Available)
  })

  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['unclosed', '<presence xmlns="urn:ietf:params:xml:ns:pidf"><tuple>'],
    ['mismatched', '<presence xmlns="urn:ietf:params:xml:ns:pidf"><a></b></presence>'],
    ['another root', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"/>'],
    [
      'two roots',
      '<presence xmlns="urn:ietf:params:xml:ns:pidf"/><presence xmlns="urn:ietf:params:xml:ns:pidf"/>',
    ],
    ['an unknown prefix', '<presence xmlns="urn:ietf:params:xml:ns:pidf"><q:x/></presence>'],
    [
      'a DOCTYPE',
      '<!DOCTYPE lol [<!ENTITY a "aaaa">]><presence xmlns="urn:ietf:params:xml:ns:pidf">&a;</presence>',
    ],
    ['garbage attributes', '<presence xmlns="urn:ietf:params:xml:ns:pidf" a=b/>'],
    [
      'too deep',
      `<presence xmlns="urn:ietf:params:xml:ns:pidf">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</presence>`,
    ],
    ['too many elements', `<presence xmlns="urn:ietf:params:xml:ns:pidf">${'<a/>'.repeat(5000)}</presence>`],
    ['huge', `<presence xmlns="urn:ietf:params:xml:ns:pidf"><note>${'x'.repeat(200_000)}</note></presence>`],
  ])('refuses %s input', (_, xml) => {
    expect(parsePidf(xml)).toBeUndefined()
  })

  it('keeps a long note bounded and an invalid until out', () => {
    const parsed = parsePidf(
      wrap(`<r:activities until="soon"><r:busy/></r:activities><d:note>${'y'.repeat(30_000)}</d:note>`),
    )
    expect(parsed?.until).toBeUndefined()
    expect(parsed?.note).toHaveLength(statusLimits.note)
  })
})
