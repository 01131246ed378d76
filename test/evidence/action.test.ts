// What a reviewer sees of a notebook's outputs: the request says how each cell's outputs changed, the comment
// shows the metric table, and a widened gap between groups blocks the merge.
import { describe, expect, it } from 'vitest'
import { answer } from '../fakes/bridge.js'
import { useFakes } from '../helpers/fakes.js'
import { runInProcess } from '../helpers/action.js'
import { BASE, HEAD, PASSING_REPORT, prPayload } from '../helpers/scenario.js'
import { pngBase64 } from '../data/notebooks.js'
import { notebook, stream } from '../checks/helpers.js'

const PATH = 'notebooks/fairness.ipynb'
const fakes = useFakes('octo-org/ml-repo')

const plot = {
  output_type: 'display_data',
  metadata: {},
  data: { 'image/png': pngBase64(74_000, 7), 'text/plain': ['<Figure size 640x480 with 1 Axes>'] }
}
const table = (female: string, male: string) => ({
  output_type: 'execute_result',
  execution_count: 4,
  metadata: {},
  data: {
    'text/plain': [
      '        accuracy  selection_rate\n',
      'sex                             \n',
      `Female      ${female}            0.30\n`,
      `Male        ${male}            0.32`
    ]
  }
})

function fairness(female: string, male: string, acc: string): string {
  return notebook([
    'from fairlearn.metrics import MetricFrame, selection_rate\nfrom sklearn.metrics import accuracy_score',
    {
      source: 'model.fit(X_train, y_train)\nprint("accuracy:", model.score(X_test, y_test))',
      executionCount: 2,
      outputs: [stream(`accuracy: ${acc}\n`)]
    },
    { source: 'plot_calibration(model, X_test, y_test)', executionCount: 3, outputs: [plot] },
    {
      source:
        "mf = MetricFrame(metrics={'accuracy': accuracy_score, 'selection_rate': selection_rate},\n                 y_true=y_test, y_pred=model.predict(X_test), sensitive_features=A_test)\nmf.by_group",
      executionCount: 4,
      outputs: [table(female, male)]
    }
  ])
}

function seed(before: string, after: string): void {
  fakes.gh.addPull({
    number: 7,
    headSha: HEAD,
    baseSha: BASE,
    files: [{ filename: PATH, status: 'modified', patch: '@@' }]
  })
  fakes.gh.setContent(BASE, PATH, before)
  fakes.gh.setContent(HEAD, PATH, after)
}

const run = (inputs: Record<string, string> = {}) =>
  runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload: prPayload(7), inputs })

describe('notebook outputs as evidence', () => {
  it('tells the agent, one line each, that a cell newly prints 0.91 and the plot is the same, without base64', async () => {
    seed(fairness('0.84', '0.86', '0.87'), fairness('0.84', '0.86', '0.91'))
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    await run({ 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789' })
    const msg: string = fakes.bridge.requests[0].body.message
    expect(msg).toContain('  - cell 2: outputs: stdout "accuracy: 0.87" → stdout "accuracy: 0.91"')
    expect(msg).not.toContain('cell 3:')
    expect(msg).toContain('| accuracy | 0.87 | 0.91 | +0.04 |')
    expect(msg).not.toMatch(/[A-Za-z0-9+/]{200,}/)
  })

  it('blocks the merge when the accuracy gap between groups widens from 2 to 12 points, with the table in the comment', async () => {
    seed(fairness('0.84', '0.86', '0.87'), fairness('0.74', '0.86', '0.87'))
    const rec = await run()
    expect(rec.outputs.conclusion).toBe('failure')
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toContain('Metric gap between groups widened')
    expect(body).toContain('| accuracy [Female] | 0.84 | 0.74 | −0.1 |')
    expect(rec.failed).toMatch(/Metric gap between groups widened/)
    // located by cell, as GitHub's notebook view shows it, next to the .ipynb line
    expect(body).toMatch(
      /\[`notebooks\/fairness\.ipynb`\]\(https:\/\/github\.com\/octo-org\/ml-repo\/blob\/a{40}\/notebooks\/fairness\.ipynb\) cell 4, outputs/
    )
    const gap = fakes.gh.checkRuns[0].annotations.find((a) => String(a.message).includes('Metric gap'))
    expect(gap?.title).toMatch(/^FAIL \(bias\) .* · cell 4, outputs$/)
  })

  it('does not block when the gap is unchanged', async () => {
    seed(fairness('0.84', '0.86', '0.87'), fairness('0.85', '0.87', '0.88'))
    const rec = await run()
    expect(rec.outputs.conclusion).not.toBe('failure')
    expect(rec.failed).toBeNull()
    expect((fakes.gh.comments.get(7) ?? [])[0].body).not.toContain('Metric gap between groups widened')
  })

  it('takes the limit from the group-gap-limit input, and refuses a bad one naming it', async () => {
    seed(fairness('0.84', '0.86', '0.87'), fairness('0.74', '0.86', '0.87'))
    const loose = await run({ 'group-gap-limit': '15%' })
    expect(loose.outputs.conclusion).not.toBe('failure')
    const bad = await run({ 'group-gap-limit': '12' })
    expect(bad.failed).toMatch(
      /Input "group-gap-limit" must be a share above 0 and at most 1, such as 0.05 or 5%; got "12"/
    )
  })
})
