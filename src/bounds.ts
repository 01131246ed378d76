// Every limit on work done over untrusted input (PR files, bridge answers), each with why it is where it is.
// Hitting one is never a silent drop: the file or part is named in the report, and a file the built-in checks could
// not cover counts as not analysed (SPEC §8: failure by default).

/** Keys of one config side we compare one by one. Real label maps reach 21,843 keys (ImageNet-21k). */
export const MAX_CONFIG_ENTRIES = 250_000

/**
 * Alias (`*name`) and merge-key (`<<`) expansions followed in one YAML side. Configs use a handful; an alias bomb
 * of 1 kB asks for billions, and merged keys collapse, so a key count alone never trips.
 */
export const MAX_YAML_ALIAS_EXPANSIONS = 10_000

/** Nodes visited while flattening one YAML side, aliases expanded: the work an expansion can cause, all told. */
export const MAX_YAML_NODE_VISITS = 2_000_000

/** Nesting of one config side. Deeper is generated data, not a config (and would overflow the stack). */
export const MAX_CONFIG_DEPTH = 100

/**
 * Characters of one side of one file that the analysis parses. A notebook is compacted while it is read (image
 * data out), so this is code, text and outputs; a 50 MB notebook side is named as not analysed instead.
 */
export const MAX_ANALYSED_CHARS = 20_000_000

/** Characters of all analysed sides of one run together: the run's memory stays a small multiple of this. */
export const MAX_RUN_CHARS = 80_000_000

/** Cells of one notebook side that the analysis parses. Real notebooks have hundreds. */
export const MAX_NOTEBOOK_CELLS = 20_000

/** Lines of one side that the built-in checks read. */
export const MAX_ANALYSED_LINES = 1_000_000

/** Characters scanned for the value of one secret-named assignment: longer is data, not a credential. */
export const MAX_SECRET_VALUE_CHARS = 8_192

/**
 * Largest `bridge-timeout` in seconds: Node's timers hold at most 2^31−1 ms (24.8 days) and fire at once above it.
 * One day is far beyond any review.
 */
export const MAX_BRIDGE_TIMEOUT_SECONDS = 86_400

/**
 * CPU time the analysis (parsing, data flow, the checks) of one run may take: this much, plus
 * ANALYSIS_CPU_MS_PER_MB for every million characters of source it reads. Real changes take well under a tenth of it
 * (the bench reports the figure); past it, the files not yet analysed are named as not analysed.
 */
export const ANALYSIS_CPU_MS = 30_000

/** CPU time of the analysis per million characters of source, on top of ANALYSIS_CPU_MS. */
export const ANALYSIS_CPU_MS_PER_MB = 2_000
