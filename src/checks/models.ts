// What well-known Hub models can take: the position embeddings they were trained with, by model id. Only
// families whose length is fixed by their architecture or training and the same for every size are listed.
const POSITIONS: Array<[RegExp, number]> = [
  [/^(distil)?gpt2(-medium|-large|-xl)?$/i, 1024],
  [
    /^(bert|distilbert|roberta|distilroberta|xlm-roberta|albert|electra|camembert|biobert|scibert|bio_clinicalbert|finbert|all-mpnet|mpnet|all-minilm|paraphrase-minilm)\b/i,
    512
  ],
  [/^opt-\d+(\.\d+)?[mb]$/i, 2048],
  [/^(gpt-neo-|gpt-j-|pythia-|tinyllama-1\.1b|falcon-(7b|40b)\b|phi-(1|1_5|2)$)/i, 2048],
  [/^(llama-2-|llama2-)\d+b/i, 4096],
  [/^(meta-)?llama-3-\d+b/i, 8192],
  [/^gemma-(2b|7b)\b/i, 8192],
  [/^qwen2\.5-math-\d+(\.\d+)?b(-instruct)?$/i, 4096],
  [/^qwen2\.5-(coder-)?\d+(\.\d+)?b(-instruct)?$/i, 32768],
  [/^deepseek-r1-distill-(qwen|llama)-\d+(\.\d+)?b$/i, 131072]
]

/** The positions of a Hub model (`meta-llama/Llama-2-7b-hf` → 4096), or null when it is not a known family. */
export function knownPositions(model: string): { positions: number; family: string } | null {
  const name = model.trim().split('/').pop() ?? ''
  for (const [re, positions] of POSITIONS) {
    const m = re.exec(name)
    if (m) return { positions, family: name }
  }
  return null
}
