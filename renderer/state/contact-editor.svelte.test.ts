import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { ContactEditorState, maxNumbers } from './contact-editor.svelte'
import { ContactBook } from '../contacts/contact-book'

const carol: Contact = {
  id: 'carol',
  name: 'Carol Dahl',
  company: 'Dahl Logistik',
  favourite: false,
  numbers: [{ kind: 'work', value: '4403' }],
}

function setup(listed: string[] = ['carol']) {
  return new ContactEditorState((id) => listed.includes(id))
}

describe('ContactEditorState', () => {
  it('opens on a copy: what is typed never reaches the list until saved', () => {
    const editor = setup()
    const listed = structuredClone(carol)
    editor.open(listed)
    expect(editor.isNew).toBe(false)
    editor.draft!.name = 'Carol Dahl-Åberg'
    editor.draft!.numbers[0]!.value = '4404'
    expect(listed).toEqual(carol)
    expect(editor.opened?.name).toBe('Carol Dahl')
  })

  it('opens a contact of the packed address book as a plain copy that typing never writes back', () => {
    const editor = setup()
    const listed = ContactBook.of([carol]).at(0)
    editor.open(listed!)
    expect(editor.draft).toEqual(carol)
    expect(editor.opened).toEqual(carol)
    editor.draft!.numbers[0]!.value = '4404'
    editor.draft!.name = 'Carol Dahl-Åberg'
    expect(listed!.numbers[0]?.value).toBe('4403')
    expect(listed!.name).toBe('Carol Dahl')
  })

  it('a contact not in the list is new (Save adds it, no Delete)', () => {
    const editor = setup([])
    editor.open({ ...carol, id: 'from-history' })
    expect(editor.isNew).toBe(true)
  })

  it('keeps the draft until closed, and a new open starts clean', () => {
    const editor = setup()
    editor.open(carol)
    const first = editor.serial
    editor.draft!.company = 'Typed'
    editor.errors = { name: 'bad', numbers: [] }
    expect(editor.deletePressed()).toBe(false)
    expect(editor.draft?.company).toBe('Typed')
    editor.open(carol)
    expect(editor.serial).toBe(first + 1)
    expect(editor.draft?.company).toBe('Dahl Logistik')
    expect(editor.errors).toEqual({ numbers: [] })
    expect(editor.confirmingDelete).toBe(false)
    editor.close()
    expect(editor.draft).toBeNull()
  })

  it('Delete asks first, deletes on the second press', () => {
    const editor = setup()
    editor.open(carol)
    expect(editor.deletePressed()).toBe(false)
    expect(editor.confirmingDelete).toBe(true)
    expect(editor.deletePressed()).toBe(true)
  })

  it('numbers are added up to the limit and removed with their error', () => {
    const editor = setup()
    editor.open(carol)
    editor.errors = { numbers: ['first wrong', 'second wrong'] }
    editor.addNumber()
    expect(editor.draft?.numbers).toEqual([carol.numbers[0], { kind: 'mobile', value: '' }])
    editor.removeNumber(0)
    expect(editor.draft?.numbers).toEqual([{ kind: 'mobile', value: '' }])
    expect(editor.errors.numbers).toEqual(['second wrong'])
    for (let i = 0; i < maxNumbers + 3; i++) editor.addNumber()
    expect(editor.draft?.numbers.length).toBe(maxNumbers)
  })
})
