/**
 * The text sizes a user can pick, in percent of the app's own (Settings, Ctrl + "+" / "-" / "0").
 * Apart from the schemas (zod), so the window's start-up code can step through them cheaply.
 */
export const textSizes = [100, 125, 150, 200] as const
export type TextSize = (typeof textSizes)[number]
