// Notebooks the tests review, written for them: a recidivism-risk tutorial with an AIF360 fairness evaluation, in
// the variants the tests change (privileged groups flipped, train/test swapped), and a large notebook with widget
// and image outputs. Each is a realistic nbformat 4 file of a few hundred JSON lines, like Jupyter writes.
import { notebookText } from '../diff/helpers.js'

type Cell = Parameters<typeof notebookText>[0][number]

/** A deterministic fake PNG payload of about `bytes` bytes, base64-encoded as Jupyter stores it. */
export function pngBase64(bytes: number, seed = 1): string {
  const buf = Buffer.alloc(bytes)
  let x = seed * 2654435761
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    buf[i] = x >>> 24
  }
  buf.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return buf.toString('base64')
}

const stream = (text: string) => ({ output_type: 'stream', name: 'stdout', text: text.split(/(?<=\n)/) })
const result = (count: number, text: string) => ({
  output_type: 'execute_result',
  execution_count: count,
  metadata: {},
  data: { 'text/plain': text.split(/(?<=\n)/) }
})
const image = (bytes: number, seed: number) => ({
  output_type: 'display_data',
  metadata: {},
  data: { 'image/png': pngBase64(bytes, seed), 'text/plain': ['<Figure size 640x480 with 1 Axes>'] }
})

export type RecidivismVariant = 'base' | 'privileged-flipped' | 'train-test-swapped'

/** An AIF360 tutorial: load, split, measure bias on the training set, reweigh, train, evaluate per group. */
export function recidivismNotebook(variant: RecidivismVariant = 'base'): string {
  const privileged = variant === 'privileged-flipped' ? 0 : 1
  const split =
    variant === 'train-test-swapped'
      ? 'dataset_orig_test, dataset_orig_train = dataset_orig.split([0.7], shuffle=True, seed=1)'
      : 'dataset_orig_train, dataset_orig_test = dataset_orig.split([0.7], shuffle=True, seed=1)'
  const cells: Cell[] = [
    {
      type: 'markdown',
      source: '# Recidivism risk: detecting and mitigating bias\n\nThis notebook trains a risk model.'
    },
    {
      source: [
        'import numpy as np',
        'import matplotlib.pyplot as plt',
        'from sklearn.linear_model import LogisticRegression',
        'from sklearn.preprocessing import StandardScaler',
        'from aif360.datasets import CompasDataset',
        'from aif360.metrics import BinaryLabelDatasetMetric, ClassificationMetric',
        'from aif360.algorithms.preprocessing import Reweighing',
        '',
        'np.random.seed(0)'
      ].join('\n'),
      count: 1
    },
    { type: 'markdown', source: '## Load the data\n\nWe keep `race` as the protected attribute.' },
    {
      source: [
        "dataset_orig = CompasDataset(protected_attribute_names=['race'],",
        "                             privileged_classes=[['Caucasian']],",
        "                             features_to_drop=['sex', 'age_cat', 'c_charge_desc'])",
        split,
        'dataset_orig_train.features.shape'
      ].join('\n'),
      count: 2,
      outputs: [result(2, '(3694, 401)')]
    },
    { type: 'markdown', source: '## Groups\n\nThe privileged group is defined on `race`.' },
    {
      source: [
        `privileged_groups = [{'race': ${privileged}}]`,
        `unprivileged_groups = [{'race': ${1 - privileged}}]`
      ].join('\n'),
      count: 3
    },
    { type: 'markdown', source: '## Bias in the training data' },
    {
      source: [
        'metric_orig_train = BinaryLabelDatasetMetric(dataset_orig_train,',
        '                                             unprivileged_groups=unprivileged_groups,',
        '                                             privileged_groups=privileged_groups)',
        'print("Difference in mean outcomes = %f" % metric_orig_train.mean_difference())'
      ].join('\n'),
      count: 4,
      outputs: [stream('Difference in mean outcomes = -0.134651\n')]
    },
    { type: 'markdown', source: '## Mitigate with reweighing' },
    {
      source: [
        'RW = Reweighing(unprivileged_groups=unprivileged_groups, privileged_groups=privileged_groups)',
        'dataset_transf_train = RW.fit_transform(dataset_orig_train)',
        'metric_transf_train = BinaryLabelDatasetMetric(dataset_transf_train,',
        '                                               unprivileged_groups=unprivileged_groups,',
        '                                               privileged_groups=privileged_groups)',
        'print("Difference in mean outcomes = %f" % metric_transf_train.mean_difference())'
      ].join('\n'),
      count: 5,
      outputs: [stream('Difference in mean outcomes = 0.000000\n')]
    },
    { type: 'markdown', source: '## Train a classifier' },
    {
      source: [
        'scale = StandardScaler()',
        'X_train = scale.fit_transform(dataset_transf_train.features)',
        'y_train = dataset_transf_train.labels.ravel()',
        'lmod = LogisticRegression(solver="liblinear")',
        'lmod.fit(X_train, y_train, sample_weight=dataset_transf_train.instance_weights)'
      ].join('\n'),
      count: 6,
      outputs: [result(6, "LogisticRegression(solver='liblinear')")]
    },
    { type: 'markdown', source: '## Evaluate on the test set, per group' },
    {
      source: [
        'dataset_orig_test_pred = dataset_orig_test.copy(deepcopy=True)',
        'X_test = scale.transform(dataset_orig_test_pred.features)',
        'dataset_orig_test_pred.scores = lmod.predict_proba(X_test)[:, 1].reshape(-1, 1)',
        'dataset_orig_test_pred.labels = (dataset_orig_test_pred.scores > 0.5).astype(float)',
        'metric_test = ClassificationMetric(dataset_orig_test, dataset_orig_test_pred,',
        '                                   unprivileged_groups=unprivileged_groups,',
        '                                   privileged_groups=privileged_groups)',
        'print("Balanced accuracy = %.4f" % (0.5 * (metric_test.true_positive_rate() + metric_test.true_negative_rate())))',
        'print("Disparate impact = %.4f" % metric_test.disparate_impact())',
        'print("Equal opportunity difference = %.4f" % metric_test.equal_opportunity_difference())'
      ].join('\n'),
      count: 7,
      outputs: [
        stream('Balanced accuracy = 0.6574\nDisparate impact = 0.8412\nEqual opportunity difference = -0.0631\n')
      ]
    },
    { type: 'markdown', source: '## Threshold sweep' },
    {
      source: [
        'thresholds = np.linspace(0.01, 0.99, 50)',
        'bal_acc, disp_imp = [], []',
        'for t in thresholds:',
        '    pred = dataset_orig_test.copy(deepcopy=True)',
        '    pred.labels = (dataset_orig_test_pred.scores > t).astype(float)',
        '    m = ClassificationMetric(dataset_orig_test, pred,',
        '                             unprivileged_groups=unprivileged_groups,',
        '                             privileged_groups=privileged_groups)',
        '    bal_acc.append(0.5 * (m.true_positive_rate() + m.true_negative_rate()))',
        '    disp_imp.append(m.disparate_impact())'
      ].join('\n'),
      count: 8
    },
    {
      source: [
        'fig, ax1 = plt.subplots(figsize=(10, 7))',
        'ax1.plot(thresholds, bal_acc)',
        'ax1.set_xlabel("Classification thresholds")',
        'ax1.set_ylabel("Balanced accuracy", color="b")',
        'ax2 = ax1.twinx()',
        'ax2.plot(thresholds, np.abs(1.0 - np.array(disp_imp)), color="r")',
        'ax2.set_ylabel("abs(1 - disparate impact)", color="r")',
        'plt.show()'
      ].join('\n'),
      count: 9,
      outputs: [image(6000, 9)]
    },
    { type: 'markdown', source: '## Conclusions\n\nReweighing removes the training-set disparity at little cost.' }
  ]
  // more evaluation cells, as a long tutorial has, so that locations deep in the file exist
  for (let i = 0; i < 6; i++) {
    cells.push({
      type: 'markdown',
      source: `### Check ${i + 1}\n\nRepeat the evaluation on bootstrap sample ${i + 1}.`
    })
    cells.push({
      source: [
        `sample_${i} = dataset_orig_test.subset(np.random.choice(len(dataset_orig_test.labels), 1000))`,
        `pred_${i} = sample_${i}.copy(deepcopy=True)`,
        `pred_${i}.labels = lmod.predict(scale.transform(sample_${i}.features)).reshape(-1, 1)`,
        `m_${i} = ClassificationMetric(sample_${i}, pred_${i}, unprivileged_groups=unprivileged_groups,`,
        `                        privileged_groups=privileged_groups)`,
        `print(round(m_${i}.disparate_impact(), 3))`
      ].join('\n'),
      count: 10 + i,
      outputs: [stream(`0.${83 + i}\n`)]
    })
  }
  return notebookText(cells, {
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', version: '3.11.4' }
    }
  })
}

/** A notebook of more than `megabytes` MB: progress widgets and PNG plots, as a fine-tuning tutorial leaves them. */
export function bigImageNotebook(megabytes = 3): string {
  const widget = (n: number) => ({
    output_type: 'display_data',
    metadata: {},
    data: {
      'application/vnd.jupyter.widget-view+json': {
        model_id: `f${n.toString(16).padStart(31, '0')}`,
        version_major: 2,
        version_minor: 0
      },
      'text/plain': [`Downloading shards:   0%|          | 0/${n} [00:00<?, ?it/s]`]
    }
  })
  const cells: Cell[] = [
    { type: 'markdown', source: '# Fine-tune an image captioning model with LoRA' },
    { source: '!pip install -q peft transformers datasets', count: 1 },
    {
      source: [
        'from datasets import load_dataset',
        'from transformers import AutoProcessor, Blip2ForConditionalGeneration',
        'from peft import LoraConfig, get_peft_model',
        'dataset = load_dataset("acme-labs/captions", split="train")'
      ].join('\n'),
      count: 2,
      outputs: [widget(3), widget(4), widget(5)]
    },
    {
      source: [
        'processor = AutoProcessor.from_pretrained("acme-labs/blip2-small")',
        'model = Blip2ForConditionalGeneration.from_pretrained("acme-labs/blip2-small", device_map="auto")',
        'config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, target_modules=["q_proj", "k_proj"])',
        'model = get_peft_model(model, config)',
        'model.print_trainable_parameters()'
      ].join('\n'),
      count: 3,
      outputs: [widget(2), stream('trainable params: 5,242,880 || all params: 3,749,922,816 || trainable%: 0.1398\n')]
    }
  ]
  const per = Math.ceil((megabytes * 1024 * 1024) / 3 / 0.75)
  for (let i = 0; i < 3; i++) {
    cells.push({
      source: `image = dataset[${i}]["image"]\nplt.imshow(image)\nplt.show()`,
      count: 4 + i,
      outputs: [image(per, i + 1)]
    })
  }
  return notebookText(cells)
}
