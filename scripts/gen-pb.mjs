// Regenerates src/pb/*.ts from protocols/*.proto with protons.
// `node scripts/gen-pb.mjs --check` fails when the committed code differs (CI runs it).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, renameSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const check = process.argv.includes('--check')
const protos = readdirSync('protocols').filter((f) => f.endsWith('.proto'))
execFileSync(join('node_modules', '.bin', 'protons'), protos.map((p) => join('protocols', p)), { stdio: 'inherit' })
let stale = 0
for (const proto of protos) {
  const name = proto.replace(/\.proto$/, '.ts')
  const generated = join('protocols', name)
  const target = join('src', 'pb', name)
  if (check) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === readFileSync(generated, 'utf8')
    if (!same) { console.error(`stale generated code: ${target} (run npm run build:proto)`); stale++ }
    execFileSync('rm', [generated])
  } else {
    renameSync(generated, target)
  }
}
process.exit(stale === 0 ? 0 : 1)
