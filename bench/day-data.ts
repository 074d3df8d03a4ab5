import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { contactsFileName } from '../main/contacts/contacts-part'
import { historyFileName } from '../main/history/history-part'
import { syntheticContact } from './contacts.bench'
import { syntheticEntry } from './history.bench'

/** A switchboard operator's day: 10,000 contacts and 50,000 calls, as main stores them. */
export const dayContacts = 10_000
export const dayCalls = 50_000

/** Writes the day's contacts.json and history.jsonl into `dir` (once per bench run). */
export function writeDayData(dir: string): void {
  const contacts = Array.from({ length: dayContacts }, (_, index) => syntheticContact(index))
  writeFileSync(join(dir, contactsFileName), JSON.stringify({ version: 1, contacts }))
  const lines = Array.from({ length: dayCalls }, (_, index) => `${JSON.stringify(syntheticEntry(index))}\n`)
  writeFileSync(join(dir, historyFileName), lines.join(''))
}

/** Copies the files writeDayData wrote in `from` into a fresh data folder `to`. */
export function copyDayData(from: string, to: string): void {
  for (const name of [contactsFileName, historyFileName]) copyFileSync(join(from, name), join(to, name))
}
