/**
 * One place that knows how to undo everything a run created (namespaces,
 * processes, temp files), so the same code runs on success, on failure and on
 * Ctrl-C. Actions are synchronous because signal and 'exit' handlers cannot wait
 * for promises; they run newest first, once.
 */

type Action = { label: string, fn: () => void }

const actions: Action[] = []
let installed = false

/** Register an undo step; returns a function that runs (and unregisters) it early. */
export function onTeardown (label: string, fn: () => void): () => void {
  const action = { label, fn }
  actions.push(action)
  return () => {
    const i = actions.indexOf(action)
    if (i >= 0) {
      actions.splice(i, 1)
      runAction(action)
    }
  }
}

function runAction (action: Action): void {
  try {
    action.fn()
  } catch (err) {
    // Keep going: one failed undo must not leave the rest behind.
    console.error(`bench: cleanup "${action.label}" failed: ${(err as Error).message}`)
  }
}

export function teardownAll (): void {
  let action: Action | undefined
  while ((action = actions.pop()) !== undefined) runAction(action)
}

const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }

/** Clean up on Ctrl-C, kill and on any exit path (including uncaught errors). */
export function installTeardownHandlers (): void {
  if (installed) return
  installed = true
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal as NodeJS.Signals, () => {
      console.error(`\nbench: ${signal} received, cleaning up`)
      teardownAll()
      process.exit(code)
    })
  }
  process.on('exit', teardownAll)
}
