import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { eventually } from './harness/wait'
import { render } from '../contract/i18n'

// The reasons lower layers give, read in Swedish through the real UI (browser sv-SE, the
// computer in Swedish): an import main refuses, a setting the administrator locked, and a
// damaged contacts file main set aside. Each sentence is Swedish from end to end: the words
// main chose (the line, what is wrong, the setting's name) are catalogue codes the window
// renders, not English inside a Swedish frame.
let app: TestApp

/** English words main used to put inside these sentences. */
const english = /\b(the|line|never|missing|not|valid|your|administrator|locked|contacts?|file|was)\b/i

beforeAll(async () => {
  app = await startApp(
    'swedish-reasons',
    { user: '7331', displayName: 'Åsa Östlund' },
    {
      locale: 'sv-SE',
      // The admin fixed which colleagues' lamps an operator watches (none here).
      policy: { json: { watchedContacts: [], locked: ['watchedContacts'] } },
      // A contacts file that is no longer JSON (a crash of another program, a bad sync).
      prepare: (dataDir) => writeFileSync(join(dataDir, 'contacts.json'), '{"version":1,"contacts":[{"id":'),
    },
  )
  await eventually(
    'registered',
    () => app.page.getByRole('status', { name: 'Registrering' }).textContent(),
    (text) => (text ?? '').includes('Registrerad'),
  )
})

afterAll(async () => {
  await app?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(app.page, `sv-reasons-failed-${task.name.replace(/\W+/g, '-').slice(0, 40)}`)
})

/** The first alert (a toast) that starts with `prefix`, once one shows. */
async function alertStartingWith(prefix: string): Promise<string> {
  const alerts = () => app.page.locator('.toasts [role="alert"]').allTextContents()
  const said = await eventually(`an alert "${prefix}…"`, alerts, (texts) =>
    texts.some((text) => text.startsWith(prefix)),
  )
  return said.find((text) => text.startsWith(prefix)) ?? ''
}

test('a damaged contacts file is set aside and the contacts panel says so in Swedish', async () => {
  const contacts = app.page.getByRole('region', { name: 'Kontakter' })
  const notice = contacts.getByRole('alert').filter({ hasText: 'Kontaktfilen var skadad' })
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1)
  const text = (await notice.locator('p').textContent()) ?? ''
  expect(text).toMatch(
    /^Kontaktfilen var skadad \(den är inte giltig JSON\)\. Originalet sparades som .*contacts\.json\.corrupt-.*; listan började om med de 0 kontakter som gick att läsa\.$/,
  )
  await screenshot(app.page, 'sv-reasons-contacts-notice')
  await notice.getByRole('button', { name: 'Stäng' }).click()
  await expect.poll(() => notice.count()).toBe(0)
})

test('a vCard main refuses: the line and what is wrong, in Swedish', async () => {
  const contacts = app.page.getByRole('region', { name: 'Kontakter' })
  await contacts.getByLabel('Kontaktfil').setInputFiles({
    name: 'kollegor.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åsa Östlund\r\nTEL;TYPE=CELL:070-123 45 67\r\n'),
  })
  const refusal = await alertStartingWith('Inget importerades')
  expect(refusal).toBe('Inget importerades: Rad 1: kortet avslutas aldrig (END:VCARD saknas).')
  expect(refusal.replace('END:VCARD', '')).not.toMatch(english)
  await screenshot(app.page, 'sv-reasons-import-refused')
})

test('a setting the administrator locked: the star is disabled with the reason, and main says it in Swedish', async () => {
  const saved = await app.main.dispatch('contacts:save', {
    id: 'e2e-reasons-erik',
    name: 'Erik Ek',
    company: '',
    favourite: false,
    numbers: [{ kind: 'work', value: '7332' }],
  })
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  await app.load()
  const erik = app.page.getByRole('list', { name: 'Kontaktlista' }).getByRole('listitem', { name: 'Erik Ek' })
  await expect.poll(() => erik.count(), { timeout: 10_000 }).toBe(1)
  // The administrator fixed the watch list: the star is disabled and says why, in Swedish.
  const star = erik.getByRole('button', { name: 'Bevaka Erik Ek' })
  await expect.poll(() => star.isDisabled()).toBe(true)
  const why = await star.evaluate((button) =>
    (button.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  )
  expect(why).toBe('Administratören har valt vilka kollegor som bevakas.')
  expect(await app.page.getByRole('button', { name: 'Bevaka alla' }).isDisabled()).toBe(true)
  // Main refuses the change all the same (it owns the rule), and its reason reads in Swedish.
  const refused = await app.main.dispatch('preferences:update', { watchedContacts: ['e2e-reasons-erik'] })
  expect(refused.ok).toBe(false)
  const reason = refused.ok ? '' : render('sv', refused.error.message)
  expect(reason).toBe('Administratören har låst de bevakade kollegorna.')
  expect(reason).not.toMatch(english)
  await screenshot(app.page, 'sv-reasons-locked')
})
