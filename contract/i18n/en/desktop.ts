import { plural } from '../language'

/** What main shows outside the window (notifications, tray, CSV export), in English. */
export const enDesktop = {
  'notify.incoming-call': 'Incoming call',
  'notify.missed-call': 'Missed call',
  'notify.answer': 'Answer',
  'notify.reject': 'Reject',
  'notify.unknown-number': 'unknown number',
  'notify.name-and-number': (p: { name: string; number: string }) => `${p.name} (${p.number})`,
  'notify.via': (p: { via: string }) => `via ${p.via}`,

  'tray.registered': 'Registered',
  'tray.connecting': 'Connecting…',
  'tray.failed': 'Not registered (failed)',
  'tray.unregistered': 'Not registered',
  'tray.incoming': 'Incoming call',
  'tray.incoming-several': (p: { count: number }) => `Incoming call (${p.count} calls)`,
  'tray.calls': (p: { count: number }) =>
    plural('en', p.count, { one: 'In a call', other: `${p.count} calls` }),
  'tray.tooltip': (p: { status: string }) => `Parley: ${p.status}`,
  'tray.show': 'Show Parley',
  'tray.quit': 'Quit Parley',

  'csv.started': 'Started',
  'csv.direction': 'Direction',
  'csv.outcome': 'Outcome',
  'csv.name': 'Name',
  'csv.number': 'Number',
  'csv.via': 'Via',
  'csv.transferred-to': 'Transferred to',
  'csv.note': 'Note',
  'csv.ring-seconds': 'Ring seconds',
  'csv.talk-seconds': 'Talk seconds',

  'policy.not-applied': (p: { path: string; problem: string }) =>
    `The administrator's policy file ${p.path} was not applied: ${String(p.problem).replace(/\.$/, '')}. Parley started with its safe defaults; please tell your IT administrator.`,
  'startup.failed-title': 'Parley could not start',
  'startup.failed': 'Something went wrong while starting Parley. The details were written to the log.',
}
