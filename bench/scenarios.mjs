// The benchmark's pull requests: generated ones (N files, M notebooks of 1–20 MB with base64 PNG outputs, training
// configs, configs outside the globs that must be probed for training keys, and plain source files) and one made of
// the real fixture pairs. Generation is deterministic and cheap: every notebook is a handful of small unique pieces
// around shared 1 MiB base64 image Buffers, so nothing big is ever built or held per file.
import { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const BASE_SHA = 'b'.repeat(40)
export const HEAD_SHA = 'a'.repeat(40)
const MIB = 1024 * 1024

/** Deterministic bytes (xorshift32). */
function prng(seed, n) {
  const out = Buffer.allocUnsafe(n)
  let x = seed >>> 0 || 1
  for (let i = 0; i < n; i += 4) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out.writeUInt32LE(x >>> 0, Math.min(i, n - 4))
  }
  return out
}

// A "PNG": the 8-byte PNG signature then noise; 786,432 raw bytes are exactly 1 MiB of base64.
const pngBase64 = (seed) =>
  Buffer.from(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), prng(seed, 786_432 - 8)]).toString(
      'base64'
    )
  )
const IMAGE_A = pngBase64(0x5eed)
const IMAGE_B = pngBase64(0xbeef)

/** Size in MiB of notebook i: 20, 13, 6, 19, 12, … — each of 1..20 once in every 20 notebooks. */
export const notebookMiB = (i, maxMiB = 20) => maxMiB - ((i * 7) % maxMiB)

const b = (s) => Buffer.from(s, 'utf8')

/**
 * An nbformat 4.5 notebook of about `mib` MiB (indent 1, as Jupyter writes it): a markdown cell, a setup cell with
 * hyper-parameters, then `mib` plot cells each holding one 1 MiB image/png output. The head side changes the
 * learning rate and the last plot's image.
 */
export function notebookChunks(i, mib, side) {
  const head = side === 'head'
  const cells = []
  cells.push(
    b(`{
 "cells": [
  {
   "cell_type": "markdown",
   "id": "intro-${i}",
   "metadata": {},
   "source": [
    "# Experiment ${i}\\n",
    "Loss curves of the run."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "id": "setup-${i}",
   "metadata": {},
   "outputs": [],
   "source": [
    "import pandas as pd\\n",
    "import matplotlib.pyplot as plt\\n",
    "from sklearn.model_selection import train_test_split\\n",
    "df = pd.read_csv('data/train_${i}.csv')\\n",
    "X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=['y']), df['y'], test_size=0.2, random_state=42)\\n",
    "learning_rate = ${head ? '0.0005' : '0.001'}\\n",
    "epochs = ${head ? 12 : 10}\\n",
    "seed = 42"
   ]
  }`)
  )
  for (let k = 0; k < mib; k++) {
    const image = head && k === mib - 1 ? IMAGE_B : IMAGE_A
    cells.push(
      b(`,
  {
   "cell_type": "code",
   "execution_count": ${k + 2},
   "id": "plot-${i}-${k}",
   "metadata": {},
   "outputs": [
    {
     "data": {
      "image/png": "`),
      image,
      b(`\\n",
      "text/plain": [
       "<Figure size 640x480 with 1 Axes>"
      ]
     },
     "metadata": {},
     "output_type": "display_data"
    }
   ],
   "source": [
    "plt.plot(history['loss'][${k}])\\n",
    "plt.title('loss ${k}')"
   ]
  }`)
    )
  }
  cells.push(
    b(`
 ],
 "metadata": {
  "kernelspec": {
   "display_name": "Python 3",
   "language": "python",
   "name": "python3"
  },
  "language_info": {
   "name": "python",
   "version": "3.11.4"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`)
  )
  return cells
}

const trainConfig = (i, side) =>
  `# experiment ${i}
model:
  name: resnet${18 + (i % 4) * 16}
  pretrained: true
data:
  path: data/train_${i}.csv
  val_split: 0.1
training:
  learning_rate: ${side === 'head' ? '0.0003' : '0.0001'}
  batch_size: ${side === 'head' ? 64 : 32}
  epochs: 20
  optimizer: adamw
  weight_decay: 0.01
  seed: 42
`

const serviceConfig = (i, side, training) =>
  training
    ? `service: worker-${i}\nlearning_rate: ${side === 'head' ? 0.02 : 0.01}\nepochs: 5\nbatch_size: 16\n`
    : `service: api-${i}\nreplicas: ${side === 'head' ? 3 : 2}\nport: ${8000 + (i % 100)}\n`

const PATCH = '@@ -1,3 +1,3 @@\n context\n-old line\n+new line\n context'

/**
 * A generated PR: `notebooks` notebooks, 10% of the rest training configs (matched by the globs), 5% YAML files
 * outside the globs (half of them carrying training keys, so they count), the rest plain source files that the
 * action must skip without fetching.
 */
export function generatedPull(gh, number, { files: total, notebooks, maxMiB = 20 }) {
  const rest = total - notebooks
  const configs = Math.ceil(rest * 0.1)
  const probes = Math.ceil(rest * 0.05)
  const plain = rest - configs - probes
  const files = []
  let bytes = 0
  for (let i = 0; i < notebooks; i++) {
    const path = `notebooks/exp_${String(i).padStart(3, '0')}.ipynb`
    const mib = notebookMiB(i, maxMiB)
    files.push({ filename: path, status: 'modified' }) // GitHub gives no patch for big files
    gh.setContent(BASE_SHA, path, () => notebookChunks(i, mib, 'base'))
    gh.setContent(HEAD_SHA, path, () => notebookChunks(i, mib, 'head'))
    bytes += 2 * mib * MIB
  }
  for (let i = 0; i < configs; i++) {
    const path = `configs/exp_${i}/train.yaml`
    files.push({ filename: path, status: 'modified', patch: PATCH })
    const base = Buffer.from(trainConfig(i, 'base'))
    const head = Buffer.from(trainConfig(i, 'head'))
    gh.setContent(BASE_SHA, path, base)
    gh.setContent(HEAD_SHA, path, head)
    bytes += base.length + head.length
  }
  for (let i = 0; i < probes; i++) {
    const path = `deploy/svc_${i}/settings.yaml`
    files.push({ filename: path, status: 'modified', patch: PATCH })
    const training = i % 2 === 0
    gh.setContent(BASE_SHA, path, serviceConfig(i, 'base', training))
    gh.setContent(HEAD_SHA, path, serviceConfig(i, 'head', training))
  }
  for (let i = 0; i < plain; i++) {
    files.push({ filename: `src/pkg_${i % 50}/module_${i}.py`, status: 'modified', patch: PATCH })
  }
  // interleave so that the ML files are spread over all the listing pages
  files.sort((a, c) => hash(a.filename) - hash(c.filename))
  gh.addPull({
    number,
    title: `Bench: ${total} files, ${notebooks} notebooks`,
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    files
  })
  return { bytes }
}

function hash(s) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** One PR holding every pair of the real fixtures (added, modified, renamed, deleted). */
export function realPull(gh, number, dir) {
  if (!existsSync(dir)) return null
  const files = []
  let bytes = 0
  for (const name of readdirSync(dir).sort()) {
    const metaPath = join(dir, name, 'meta.json')
    if (!existsSync(metaPath)) continue
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'))
    const sides = readdirSync(join(dir, name))
    const before = sides.find((f) => f.startsWith('before.'))
    const after = sides.find((f) => f.startsWith('after.'))
    const status = { deleted: 'removed', added: 'added', renamed: 'renamed' }[meta.change] ?? 'modified'
    const f = { filename: meta.path, status }
    if (meta.previous_path) f.previous_filename = meta.previous_path
    if (!meta.path.endsWith('.ipynb')) f.patch = PATCH
    files.push(f)
    if (before) {
      const buf = readFileSync(join(dir, name, before))
      gh.setContent(BASE_SHA, meta.previous_path ?? meta.path, buf)
      bytes += buf.length
    }
    if (after) {
      const buf = readFileSync(join(dir, name, after))
      gh.setContent(HEAD_SHA, meta.path, buf)
      bytes += buf.length
    }
  }
  gh.addPull({
    number,
    title: `Bench: the ${files.length} real fixture changes`,
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    files
  })
  return { bytes, files: files.length }
}

export const REPORT = `## ML Engineering Report
### Data Pipeline
The split is made before any fitting.
### Model Architecture
Unchanged.
### Training Strategy
The learning rate moved; see the configs.
### Evaluation
Metrics are reported on the held-out split.
### Deployment Plan
Canary first.
### Responsible AI Checklist
- [x] Train/validation/test split is stratified — PASS
- [x] Fairness metrics reported per demographic group — PASS
- [ ] ⚠️ Model card updated — WARN
`
