import { expect, test } from 'vitest'
import { parseSubscriptionState } from './sipjs-events'

test('Subscription-State: state, reason and retry-after, whatever the case and spacing', () => {
  expect(parseSubscriptionState('active;expires=600')).toEqual({
    state: 'active',
    reason: undefined,
    retryAfter: undefined,
  })
  expect(parseSubscriptionState('Terminated ; reason=giveup ; retry-after=30')).toEqual({
    state: 'terminated',
    reason: 'giveup',
    retryAfter: 30,
  })
  expect(parseSubscriptionState('pending')).toMatchObject({ state: 'pending' })
  expect(parseSubscriptionState('terminated;retry-after=soon')).toMatchObject({ retryAfter: undefined })
})
