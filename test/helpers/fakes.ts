// A fresh fake GitHub and fake bridge for every test of a file, stopped after it.
import { afterEach, beforeEach } from 'vitest'
import { FakeBridge } from '../fakes/bridge.js'
import { FakeGitHub } from '../fakes/github.js'

export interface Fakes {
  gh: FakeGitHub
  bridge: FakeBridge
}

export function useFakes(repository = 'octo-org/ml-repo', setup?: (f: Fakes) => void): Fakes {
  const fakes = {} as Fakes
  beforeEach(async () => {
    fakes.gh = new FakeGitHub(repository)
    fakes.bridge = new FakeBridge()
    await fakes.gh.start()
    await fakes.bridge.start()
    setup?.(fakes)
  })
  afterEach(async () => {
    await fakes.gh.stop()
    await fakes.bridge.stop()
  })
  return fakes
}
