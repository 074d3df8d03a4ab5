import { expect, test } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { Pacer } from './pacer'

test('one send per gap, a cap on unanswered ones, nothing while closed, a pause holds all', async () => {
  const clock = new FakeClock()
  const sent: number[] = []
  const pacer = new Pacer<number>(clock, { minGapMs: 10, maxInFlight: 2 }, (n) => {
    sent.push(n)
    return true
  })
  for (const n of [1, 2, 3, 4]) pacer.add(n)
  pacer.add(1)
  expect(sent).toEqual([])
  pacer.setOpen(true)
  expect(sent).toEqual([1])
  await clock.advance(10)
  expect(sent).toEqual([1, 2])
  await clock.advance(100)
  expect(sent).toEqual([1, 2])
  pacer.settled()
  expect(sent).toEqual([1, 2, 3])
  pacer.pauseFor(5_000)
  pacer.settled()
  await clock.advance(4_990)
  expect(sent).toEqual([1, 2, 3])
  await clock.advance(10)
  expect(sent).toEqual([1, 2, 3, 4])
})

test('an item that did not go out does not count as unanswered', () => {
  const clock = new FakeClock()
  const seen: number[] = []
  const counting = new Pacer<number>(clock, { minGapMs: 0, maxInFlight: 1 }, (n) => {
    seen.push(n)
    return n !== 1
  })
  counting.setOpen(true)
  counting.add(1)
  counting.add(2)
  counting.add(3)
  expect(seen).toEqual([1, 2])
})
