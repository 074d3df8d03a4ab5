import { localeOf, type Language } from './language'

/**
 * Dates and times as each language writes them (Swedish: 24-hour clock, "i dag", "i går",
 * "måndag 23 november 2026"). The Intl formatters are built once per language and reused for
 * every row: building one costs far more than formatting with it.
 */
export interface DateFormats {
  /** "14:05" (sv) / "14:05" (en-GB). */
  time(at: number): string
  /** History day heading: "I dag", "I går", else "Måndag 23 november 2026" (first letter capital). */
  day(at: number, now: number): string
  /** A date and time for files and notices: "2026-11-23 14:05" (sv) / "23/11/2026, 14:05" (en). */
  dateTime(at: number): string
  /** A day without the year: "mån 30 nov." (sv) / "Mon 30 Nov" (en). */
  shortDate(at: number): string
}

const cache = new Map<Language, DateFormats>()

export function startOfDay(at: number): number {
  const date = new Date(at)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

function build(language: Language): DateFormats {
  const locale = localeOf[language]
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const longDay = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  })
  const shortDate = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' })
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  return {
    time: (at) => time.format(at),
    day: (at, now) => {
      const day = startOfDay(at)
      const today = startOfDay(now)
      if (day === today) return capitalised(relative.format(0, 'day'))
      // a day back from today's midnight is yesterday, also across a daylight-saving change
      if (day === startOfDay(today - 12 * 3600_000)) return capitalised(relative.format(-1, 'day'))
      return capitalised(longDay.format(at))
    },
    dateTime: (at) => dateTime.format(at),
    shortDate: (at) => shortDate.format(at),
  }
}

/** The formats of `language`, built on first use. */
export function datesFor(language: Language): DateFormats {
  let formats = cache.get(language)
  if (!formats) {
    formats = build(language)
    cache.set(language, formats)
  }
  return formats
}
