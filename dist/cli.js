#!/usr/bin/env node
// ml-review: the bundle and its chunks are in ./cli/
import './cli/index.js'
