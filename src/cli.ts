#!/usr/bin/env node
// ml-review entry: runs the command and exits with its code (src/cli/main.ts).
import { EXIT, runCli } from './cli/main.js'

void runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  // after Ctrl-C a bridge request may still be open: leave at once
  if (code === EXIT.interrupted) process.exit(code)
  process.exitCode = code
})
