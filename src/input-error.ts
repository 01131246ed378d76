/** A bad input or `.github/ml-review.yml` value: stops the run before anything is published, naming the problem. */
export class InputError extends Error {
  override name = 'InputError'
}
