// Why each built-in finding matters, in one line: the second line of a review comment and the full description of
// its SARIF rule. A check without a line here is still published, without the why.

const WHY: Record<string, string> = {
  'DATA-FIT-BEFORE-SPLIT':
    'The test rows shaped the features or the resampling, so the test score overstates how the model does on new data.',
  'DATA-PREPROCESS-BEFORE-SPLIT':
    'Statistics of the test rows leak into training through the fitted preprocessor, so the test score is optimistic.',
  'DATA-FIT-ON-TEST': 'A model tuned or fitted on the test split has no unbiased test score left.',
  'DATA-TARGET-IN-FEATURES':
    'The model can read the answer from its inputs: it scores well in evaluation and fails in production.',
  'DATA-STRATIFY-REMOVED':
    'Without stratification a rare class can be thin or missing in one split, and its metrics swing from run to run.',
  'DATA-TIME-SERIES-SHUFFLE': 'Shuffled time-ordered data trains on the future and tests on the past.',
  'DATA-TRAIN-TEST-SWAPPED': 'A swapped split trains on the small part and reports a score on the data it learnt.',
  'EVAL-ACCURACY-ONLY': 'Accuracy alone hides how the model does on the minority classes.',
  'EVAL-SPLIT-REMOVED': 'Without a held-out evaluation nothing tells whether the change made the model better.',
  'EVAL-STALE-OUTPUTS': 'The committed results do not come from the committed code, so they prove nothing about it.',
  'RAI-GROUP-GAP-WIDENED': 'The model now serves one group of people measurably worse than another.',
  'EVAL-SCORE-UP-NEW-SPLIT': 'A better score on a different test set is not a better model.',
  'REPRO-SEED-REMOVED': 'Without a fixed seed the run cannot be repeated, and two results cannot be compared.',
  'REPRO-SPLIT-NO-SEED': 'An unseeded split draws other test rows on every run, so scores cannot be compared.',
  'REPRO-OUT-OF-ORDER':
    'Cells run out of order give results that running the notebook top to bottom may not reproduce.',
  'REPRO-ERROR-OUTPUT': 'A committed error output means the notebook did not run through as committed.',
  'RAI-PROTECTED-ATTRIBUTE':
    'A protected attribute (or its proxy) among the inputs lets the model treat people differently for who they are.',
  'RAI-FAIRNESS-METRIC-REMOVED': 'Without per-group evaluation a model that harms one group passes unnoticed.',
  'RAI-PRIVILEGED-GROUPS-CHANGED': 'Redefining who is privileged changes every fairness number computed from it.',
  'RAI-PII-IN-OUTPUT':
    'Personal data committed in an output stays in the repository history for everyone who can read it.',
  'SUPPLY-TRUST-REMOTE-CODE':
    'Every load runs Python from the model repository, which its owners can change at any time.',
  'SUPPLY-TORCH-LOAD-UNSAFE': 'torch.load unpickles arbitrary objects: a tampered checkpoint runs code on load.',
  'SUPPLY-PICKLE-DOWNLOAD': 'Unpickling a downloaded file runs whatever code its author put in it.',
  'SUPPLY-UNPINNED-REVISION': 'Without a pinned revision the weights and code can change under the same name.',
  'SUPPLY-REVISION-PIN-REMOVED': 'Without the pin the weights and code can change under the same name.',
  'TRAIN-LR-CHANGED': 'A learning rate several times off can stall or destabilise training.',
  'TRAIN-WARMUP-REMOVED': 'Without warmup the first large updates can destabilise fine-tuning.',
  'TRAIN-SCHEDULER-CONSTANT': 'A constant learning rate usually converges worse than a decaying one.',
  'TRAIN-EPOCHS-INCREASED': 'Many more epochs on the same data risk overfitting, and cost compute.',
  'TRAIN-LORA-SCALE-CHANGED': 'The LoRA scale (alpha / r) sets the size of every adapter update.',
  'TRAIN-EFFECTIVE-BATCH-SIZE': 'The effective batch size changes the right learning rate and the training dynamics.',
  'TRAIN-QUANTIZATION-TOGGLED': 'Quantization changes memory, speed and accuracy: results are not comparable across it.'
}

/** One line on why a finding of this check matters, or null for a check without one. */
export function whyItMatters(check: string): string | null {
  return WHY[check] ?? null
}
