import { describe, expect, it } from 'vitest'
import { ContactWords } from './contact-words'
import { SegmentText } from './segment-text'

const names = [' asa ostlund', ' bertil astrom', ' casa blanca', ' acme', ' bo']
const companies = [' acme ab', ' nordic freight', '', ' acme ab', ' stadshuset ab']
const words = ContactWords.join(names, companies)
/** The words as one text per contact, name then company: what ContactWords must answer alike. */
const joined = SegmentText.join(names.map((name, contact) => `${name}${companies[contact] ?? ''}`))

function marks(needle: string, candidates: number[] | null, index: 'words' | 'joined'): number[] {
  const out = new Uint8Array(names.length)
  const among = candidates ? Int32Array.from(candidates) : null
  if (index === 'words') words.mark(needle, among, out)
  else joined.mark(needle, ' ', among, out)
  return candidates ? candidates.map((contact) => out[contact] as number) : [...out]
}

describe('ContactWords', () => {
  it('finds a contact by its name or its company, at a word start or inside', () => {
    expect(marks('acme', null, 'words')).toEqual([2, 0, 0, 2, 0])
    expect(marks('ab', null, 'words')).toEqual([2, 0, 0, 2, 2])
    expect(marks('eight', null, 'words')).toEqual([0, 1, 0, 0, 0])
    expect(marks('asa', null, 'words')).toEqual([2, 0, 1, 0, 0])
  })

  it('answers as the name and company written out per contact would, among candidates too', () => {
    for (const needle of ['a', 'ab', 'acme', 'st', 'stads', 'o', 'bo', 'nordic', 'r', 'xyz', 'ca'])
      for (const candidates of [null, [0, 2, 4], [1, 3]])
        expect(marks(needle, candidates, 'words'), `${needle} ${String(candidates)}`).toEqual(
          marks(needle, candidates, 'joined'),
        )
  })
})
