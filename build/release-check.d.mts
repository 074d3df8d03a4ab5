export function releaseProblems(build: {
  platform: string
  env: Record<string, string | undefined>
  config: Record<string, unknown>
}): string[]
export const PUBLISHER_PLACEHOLDER: string
