// Regenerates src/pb/*.ts from protocols/*.proto with protons.
// `node scripts/gen-pb.mjs --check` fails when the committed code differs (CI runs it).
// Two changes to protons' output: string fields are read as strict UTF-8
// (src/util/utf8.ts), so a message with an invalid string is refused; uint64
// fields are written by src/util/uint64.ts, since protons-runtime mis-encodes
// values from 2^31 to 2^32 - 1.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const check = process.argv.includes('--check')

/** Swaps protons' calls for ours, each with its import, where the generated code makes them. */
const PATCHES = [
  { from: 'reader.string()', to: 'readUtf8(reader)', imports: "import { readUtf8 } from '../util/utf8.js'" },
  { from: 'w.uint64(', to: 'writeUint64(w, ', imports: "import { writeUint64 } from '../util/uint64.js'" }
]
const protos = readdirSync('protocols').filter((f) => f.endsWith('.proto'))
execFileSync(join('node_modules', '.bin', 'protons'), protos.map((p) => join('protocols', p)), { stdio: 'inherit' })
let stale = 0
for (const proto of protos) {
  const name = proto.replace(/\.proto$/, '.ts')
  const generated = join('protocols', name)
  const target = join('src', 'pb', name)
  patch(generated)
  if (check) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === readFileSync(generated, 'utf8')
    if (!same) { console.error(`stale generated code: ${target} (run npm run build:proto)`); stale++ }
    execFileSync('rm', [generated])
  } else {
    renameSync(generated, target)
  }
}
process.exit(stale === 0 ? 0 : 1)

/** Applies PATCHES to one generated file. */
function patch (file) {
  let code = readFileSync(file, 'utf8')
  const imports = []
  for (const p of PATCHES) {
    if (!code.includes(p.from)) continue
    code = code.replaceAll(p.from, p.to)
    imports.push(p.imports)
  }
  if (imports.length === 0) return
  const lines = code.split('\n')
  const lastImport = lines.findLastIndex((l) => l.startsWith('import '))
  lines.splice(lastImport + 1, 0, ...imports)
  writeFileSync(file, lines.join('\n'))
}
