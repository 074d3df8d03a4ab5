import { afterEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { CallPhase } from '../sip/types'
import { contactTarget, targetOf, typedOption } from './contact-picker.svelte'
import { createTestApp, testPreferences, type TestApp } from '../testing/test-app'
import { createScreenStates } from './screen-states'
import { TransferStage } from './transfer.svelte'

const asa: Contact = {
  id: 'asa',
  name: 'Åsa Östlund',
  company: 'Acme',
  favourite: false,
  numbers: [
    { kind: 'work', value: '+46 8-120 100 64' },
    { kind: 'mobile', value: '070-123 45 67' },
  ],
}
const bo: Contact = { id: 'bo', name: 'Bo Berg', company: '', favourite: false, numbers: [] }

const started: TestApp[] = []
afterEach(() => started.splice(0).forEach((app) => app.stop()))

async function setup(options: { inCall?: boolean } = {}) {
  const test = await createTestApp({ contacts: [asa, bo] })
  started.push(test)
  if (options.inCall)
    test.phone.addCall({ id: 'a', remoteName: 'Caller', phase: CallPhase.Active, answeredAt: 1 })
  // The picker is built with the main screen (screen-states.ts), over the app's states.
  return Object.assign(test, { picker: createScreenStates(test.app).picker })
}

const commands = (t: TestApp) => t.phone.commands.map((c) => `${c.name}:${c.args.join(',')}`)

describe('picking targets (pure)', () => {
  it('offers a typed number only when it reads as one and can be dialled', () => {
    expect(typedOption(' 070-123 45 67 ')).toEqual({
      kind: 'typed',
      target: '0701234567',
      label: '070-123 45 67',
    })
    expect(typedOption('asa')).toBeNull()
    expect(typedOption('bob@pbx.example')).toBeNull()
    expect(typedOption('1+2')).toBeNull() // looks like a number, but no dialler takes it
  })

  it("a contact goes to its first number, named with the number's kind; none without numbers", () => {
    expect(targetOf({ kind: 'contact', contact: asa })).toEqual({
      value: '+46 8-120 100 64',
      label: 'Åsa Östlund (work)',
    })
    expect(targetOf({ kind: 'contact', contact: bo })).toBeNull()
    expect(contactTarget(asa, asa.numbers[1]!)).toEqual({
      value: '070-123 45 67',
      label: 'Åsa Östlund (mobile)',
    })
    // Said in the live region and kept as "transferred to": in the user's language.
    expect(targetOf({ kind: 'contact', contact: asa }, 'sv')?.label).toBe('Åsa Östlund (arbete)')
    expect(contactTarget(asa, asa.numbers[1]!, 'sv').label).toBe('Åsa Östlund (mobil)')
  })

  it('labels the pick in the language the window speaks', async () => {
    const t = await setup()
    t.app.language.apply({ ...testPreferences, language: 'sv' })
    expect(t.picker.targetFor(asa, asa.numbers[0]!).label).toBe('Åsa Östlund (arbete)')
  })
})

describe('ContactPicker', () => {
  it('the typed number comes first and Enter without a call dials the highlighted option', async () => {
    const t = await setup()
    const { app, picker } = t
    app.contacts.setQuery('070')
    expect(picker.options.map((o) => o.kind)).toEqual(['typed', 'contact'])
    expect(picker.highlightedContactId).toBe('')
    expect(picker.moveHighlight(1)).toBe(0) // the first contact row
    expect(picker.highlightedContactId).toBe('asa')
    await picker.pickHighlighted(false)
    expect(commands(t)).toEqual(['dial:+46812010064'])
  })

  it('during a call a call button consults first (the caller is held), never a plain dial', async () => {
    const t = await setup({ inCall: true })
    await t.picker.call(contactTarget(asa, asa.numbers[1]!))
    expect(t.app.transfer.state).toMatchObject({
      stage: TransferStage.Consulting,
      heldCallId: 'a',
      label: 'Åsa Östlund (mobile)',
    })
    expect(t.phone.calls().find((c) => c.id === 'a')?.phase).toBe(CallPhase.Held)
  })

  it('while choosing a target, Enter transfers at once and Shift+Enter calls first', async () => {
    const t = await setup({ inCall: true })
    t.app.transfer.begin('a')
    t.app.contacts.setQuery('bo')
    expect(t.picker.choosing).toEqual({ stage: TransferStage.ChoosingTarget, callId: 'a' })
    expect(t.picker.highlightedContactId).toBe('bo')
    await t.picker.pickHighlighted(false)
    expect(t.alerts()).toEqual(['That contact has no number.'])
    t.app.contacts.setQuery('1002')
    await t.picker.pickHighlighted(false)
    expect(commands(t)).toEqual(['blindTransfer:a,1002'])

    const second = await setup({ inCall: true })
    second.app.transfer.begin('a')
    second.app.contacts.setQuery('1003')
    await second.picker.pickHighlighted(true)
    expect(commands(second)).toEqual(['dial:1003'])
    expect(second.app.transfer.state).toMatchObject({ stage: TransferStage.Consulting, heldCallId: 'a' })
  })

  it('three drop targets: a contact (first number), a number row, the typed number', async () => {
    const t = await setup({ inCall: true })
    await t.picker.dropOnContact('a', asa)
    expect(commands(t).at(-1)).toBe('blindTransfer:a,+46812010064')
    expect(t.app.transfer.transferredTo('a')).toBe('Åsa Östlund (work)')

    const row = await setup({ inCall: true })
    await row.picker.dropOnContact('a', asa, asa.numbers[1])
    expect(commands(row)).toEqual(['blindTransfer:a,0701234567'])

    const typed = await setup({ inCall: true })
    typed.app.contacts.setQuery('1002')
    await typed.picker.dropOnTyped('a')
    expect(commands(typed)).toEqual(['blindTransfer:a,1002'])
  })

  it('a drop on a colleague whose lamp says "in a call" asks first: transfer anyway, announce first or not', async () => {
    const busy = async () => {
      const t = await setup({ inCall: true })
      t.api.handle('preferences:update', (patch) => ({ ...testPreferences, ...(patch as object) }))
      await t.app.colleagues.toggle(asa)
      for (const event of ['presence', 'dialog'] as const)
        t.phone.emit('watch-state', { target: '+46812010064', event, state: 'active' })
      t.phone.emit('notify', {
        target: '+46812010064',
        event: 'dialog',
        contentType: 'application/dialog-info+xml',
        body: '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full"><dialog id="d"><state>confirmed</state></dialog></dialog-info>',
      })
      await t.picker.dropOnContact('a', asa)
      expect(t.picker.busyDrop).toMatchObject({ callId: 'a', name: 'Åsa Östlund' })
      expect(t.phone.commandNames()).not.toContain('blindTransfer')
      return t
    }
    const anyway = await busy()
    await anyway.picker.resolveBusyDrop('transfer')
    expect(commands(anyway).at(-1)).toBe('blindTransfer:a,+46812010064')
    expect(anyway.picker.busyDrop).toBeNull()

    const announce = await busy()
    await announce.picker.resolveBusyDrop('announce')
    expect(commands(announce).at(-1)).toBe('dial:+46812010064')
    expect(announce.app.transfer.state).toMatchObject({ stage: TransferStage.Consulting, heldCallId: 'a' })

    const cancel = await busy()
    await cancel.picker.resolveBusyDrop('cancel')
    expect(cancel.phone.commandNames().filter((name) => /transfer|dial/i.test(name))).toEqual([])

    // the mobile number is not what the lamp watches: transferred at once
    const mobile = await busy()
    await mobile.picker.resolveBusyDrop('cancel')
    await mobile.picker.dropOnContact('a', asa, asa.numbers[1])
    expect(commands(mobile).at(-1)).toBe('blindTransfer:a,0701234567')
  })

  it('a drop with nothing to transfer to says why and sends nothing', async () => {
    const t = await setup({ inCall: true })
    await t.picker.dropOnContact('a', bo)
    await t.picker.dropOnSearch('a')
    t.app.contacts.setQuery('nobody here')
    await t.picker.pickHighlighted(false)
    expect(t.alerts()).toEqual([
      'Bo Berg has no number to transfer to.',
      'Type a number or a name in the search field first, then drop the call on it.',
      'No contact or number matches what you typed.',
    ])
    expect(t.alertsIn('sv')).toEqual([
      'Bo Berg har inget nummer att koppla till.',
      'Skriv ett nummer eller namn i sökfältet först och släpp sedan samtalet där.',
      'Ingen kontakt eller inget nummer matchar det du skrev.',
    ])
    expect(commands(t)).toEqual([])
  })

  it('a drop on the search transfers to what Enter would pick', async () => {
    const t = await setup({ inCall: true })
    t.app.contacts.setQuery('asa')
    await t.picker.dropOnSearch('a')
    expect(t.phone.commands.at(-1)).toEqual({ name: 'blindTransfer', args: ['a', '+46812010064'] })
  })
})

describe('what calling from the picker says, in either language', () => {
  it('announces the dialled call and an incoming one in Swedish as in English', async () => {
    const t = await setup()
    await t.app.calls.dial('1002')
    t.phone.addCall({ id: 'in-1', remoteName: 'Åsa Ek', remoteNumber: '1001', via: 'Växeln' })
    expect(t.announcementsIn('sv')).toEqual(
      expect.arrayContaining(['Ringer 1002', 'Inkommande samtal från Åsa Ek via Växeln']),
    )
    expect(t.announcements()).toEqual(
      expect.arrayContaining(['Calling 1002', 'Incoming call from Åsa Ek via Växeln']),
    )
  })
})
