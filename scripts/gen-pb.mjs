// Regenerates src/pb/*.ts from protocols/*.proto with protons.
// `node scripts/gen-pb.mjs --check` fails when the committed code differs (CI runs it).
// One change to protons' output: string fields are read as strict UTF-8
// (src/util/utf8.ts), so a message with an invalid string is refused.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const check = process.argv.includes('--check')
const protos = readdirSync('protocols').filter((f) => f.endsWith('.proto'))
execFileSync(join('node_modules', '.bin', 'protons'), protos.map((p) => join('protocols', p)), { stdio: 'inherit' })
let stale = 0
for (const proto of protos) {
  const name = proto.replace(/\.proto$/, '.ts')
  const generated = join('protocols', name)
  const target = join('src', 'pb', name)
  strictStrings(generated)
  if (check) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === readFileSync(generated, 'utf8')
    if (!same) { console.error(`stale generated code: ${target} (run npm run build:proto)`); stale++ }
    execFileSync('rm', [generated])
  } else {
    renameSync(generated, target)
  }
}
process.exit(stale === 0 ? 0 : 1)

/** Replaces protons' lenient string reads with readUtf8 and imports it. */
function strictStrings (file) {
  const code = readFileSync(file, 'utf8')
  if (!code.includes('reader.string()')) return
  const lines = code.replaceAll('reader.string()', 'readUtf8(reader)').split('\n')
  const lastImport = lines.findLastIndex((l) => l.startsWith('import '))
  lines.splice(lastImport + 1, 0, "import { readUtf8 } from '../util/utf8.js'")
  writeFileSync(file, lines.join('\n'))
}
