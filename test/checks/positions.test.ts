// Sequences longer than the model's positions: written in the config, or known for the model a config or script loads.
import { describe, it } from 'vitest'
import { expectNone, expectOne, modified, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }
const ID = 'TRAIN-SEQ-EXCEEDS-POSITIONS'

describe('sequence length beyond the positions of a known model', () => {
  it("axolotl's sequence_len above Llama-2's 4096", () => {
    const cfg = (n: number) => `base_model: NousResearch/Llama-2-7b-hf\nmicro_batch_size: 2\nsequence_len: ${n}\n`
    expectOne(run(modified('qlora.yml', cfg(4096), cfg(16384))), ID, { ...warn, path: 'qlora.yml', line: 3 })
    expectNone(run(modified('qlora.yml', cfg(2048), cfg(4096))), ID)
    const scaled = (n: number) => `${cfg(n)}rope_scaling:\n  type: linear\n  factor: 4\n`
    expectNone(run(modified('qlora.yml', scaled(4096), scaled(16384))), ID)
  })

  it("a tokenizer's max_length above BERT's 512 and a block size above GPT-2's 1024", () => {
    const bert = (n: number) =>
      `tok = AutoTokenizer.from_pretrained('bert-base-uncased')\nenc = tok(texts, truncation=True, max_length=${n})\n`
    expectOne(run(modified('t.py', bert(256), bert(1024))), ID, { ...warn, path: 't.py', line: 2 })
    expectNone(run(modified('t.py', bert(128), bert(512))), ID)
    const gpt2 = (n: number) => `model = GPT2LMHeadModel.from_pretrained('gpt2')\nblock_size = ${n}\n`
    expectOne(run(modified('g.py', gpt2(512), gpt2(2048))), ID, { ...warn, path: 'g.py', line: 2 })
  })

  it('generation length is not the training length', () => {
    const gen = (n: number) =>
      `m = AutoModelForCausalLM.from_pretrained('gpt2')\nout = m.generate(ids, max_length=${n})\n`
    expectNone(run(modified('g.py', gen(100), gen(2000))), ID)
  })
})

describe('prompt and completion together', () => {
  it("GRPO's max_prompt_length + max_completion_length above an R1 distill's 131072 positions", () => {
    const cfg = (n: number) =>
      `model_name_or_path: deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B\nmax_prompt_length: 512\nmax_completion_length: ${n}\nnum_generations: 16\n`
    expectOne(run(modified('grpo.yaml', cfg(32768), cfg(163840))), ID, { ...warn, path: 'grpo.yaml', line: 3 })
    expectNone(run(modified('grpo.yaml', cfg(4096), cfg(32768))), ID)
  })
})
