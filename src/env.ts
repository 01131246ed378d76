// Tuning from the environment (`ML_REVIEW_*`): whole numbers, or a clear error naming the variable.

export function envNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  if (!/^\d+$/.test(raw)) throw new Error(`Environment variable ${name} must be a whole number; got "${raw}"`)
  return Number(raw)
}
