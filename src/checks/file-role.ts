// What a file is for, read from its path: the fairness checks read the files that evaluate, constrain or mitigate
// a model (notebooks, scripts, training and evaluation configs), not those that build, test-run or document the
// project, whose words about fairness name a package, a CI job or a page.

/** Packaging and dependency manifests: a dependency or package list is the supply-chain checks' to read. */
const MANIFEST =
  /(^|\/)(pyproject\.toml|setup\.cfg|tox\.ini|pipfile|pipfile\.lock|poetry\.lock|package\.json|package-lock\.json|environment\.ya?ml|conda\.ya?ml|citation\.cff|\.zenodo\.json|codecov\.ya?ml|\.pre-commit-config\.ya?ml|\.readthedocs\.ya?ml|renovate\.json)$/i
/** CI pipelines: a job that installs or runs a test suite is not itself an evaluation. */
const CI =
  /(^|\/)(\.github|\.gitlab|\.circleci|\.azure|\.buildkite|\.azure-pipelines)\/|(^|\/)(\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|appveyor\.ya?ml|cloudbuild\.ya?ml)$/i
/** Documentation site configuration: navigation, landing pages and site settings describe pages. */
const DOCS_SITE =
  /(^|\/)(_index|_toc|_book|_project|_config|_quarto|toc|mkdocs|myst|book|sidebars?|navigation|nav)\.(ya?ml|json|toml)$/i

/** Whether a file builds, CI-runs or documents the project rather than evaluating a model (by its path). */
export function projectTooling(path: string): boolean {
  return MANIFEST.test(path) || CI.test(path) || DOCS_SITE.test(path)
}

/** A library's own test suite and its fixture data: tests gate their own changes. */
const TEST_SUITE = /(^|\/)(tests?|testing|testdata|test_data|fixtures?|__tests__)\//i
/** Work kept outside what the project maintains: scratch and exploration notebooks, event hand-outs, archives. */
const SCRATCH =
  /(^|[/_\-\s])(scratch|sandbox|playground|untitled|exploration|exploratory|hackath?on|archived?|deprecated|attic)([/_\-\s.\d]|$)/i

/**
 * Whether deleting this file takes away no evaluation a reviewer gates: a test-suite fixture (the suite gates its
 * own change), a scratch or exploration notebook, event material or an archive. Any other fairness notebook or
 * config deleted blocks as deleting its lines would.
 */
export function disposable(path: string): boolean {
  return TEST_SUITE.test(path) || SCRATCH.test(path)
}
