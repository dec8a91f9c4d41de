import { ShoalError } from '../errors.js'
import { runAdd } from './commands/add.js'
import { runExport } from './commands/export.js'
import { runId } from './commands/id.js'
import { runPrefetch, runReplicate } from './commands/replicate.js'
import { runServer } from './commands/server.js'
import { runTracker } from './commands/tracker.js'
import { USAGE } from './usage.js'
import { runUpload } from './commands/upload.js'
import { runDownload } from './commands/download.js'
import { runStatus } from './commands/status.js'
import { runLs } from './commands/ls.js'
import { exitCodeFor } from './exit-codes.js'

type Command = (args: string[]) => Promise<number>

const COMMANDS: Record<string, Command> = {
  server: runServer,
  tracker: runTracker,
  add: runAdd,
  replicate: runReplicate,
  prefetch: runPrefetch,
  id: runId,
  export: runExport,
  upload: runUpload,
  download: runDownload,
  status: runStatus,
  ls: runLs
}

/** Exit code for bad usage, as most Unix tools. */
const EXIT_USAGE = 2
const EXIT_FAILURE = 1

/**
 * Runs one command and returns its exit code. Every error becomes one line on
 * stderr: a person sees what went wrong, not a stack trace (set SHOAL_DEBUG=1
 * for the stack).
 */
export async function main (argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name == null || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n')
    return name == null ? EXIT_USAGE : 0
  }
  const command = COMMANDS[name]
  if (command == null) {
    process.stderr.write(`shoal: unknown role or command "${name}" (try --help)\n`)
    return EXIT_USAGE
  }
  try {
    return await command(args)
  } catch (err: any) {
    if (process.env.SHOAL_DEBUG != null) process.stderr.write(`${err.stack}\n`)
    const usage = err.code?.startsWith?.('ERR_PARSE_ARGS') === true || err.name === 'InvalidArgumentError'
    const prefix = err instanceof ShoalError || usage ? '' : `${err.name ?? 'Error'}: `
    process.stderr.write(`shoal ${name}: ${prefix}${err.message}\n`)
    return usage ? EXIT_USAGE : exitCodeFor(err)
  }
}
